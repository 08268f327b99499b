import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import Papa from 'papaparse';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

/**
 * A content tree for the hostile-text tests: the hand-written hostile record
 * (tests/fixtures/bad/hostile) and, beside it, the minimal fixture with
 * hostile text added to every text it has: every string of filing.yaml and
 * projects.yaml that is not a reference, path, code or figure, every text
 * cell and header of its CSV files, its Markdown, its region and department
 * names. Made at test time, as its folder names (`<b>` …) could not be
 * checked out everywhere.
 */

/** Markup in text, in an attribute, entity-encoded, a template, a closing </mark> for excerpts, a script URL. Each alert says which. */
export const HOSTILE_TEXT = `<img src=x onerror=alert('img')>"><script>alert('script')</script>'><svg onload=alert('svg')>{{constructor.constructor('alert(1)')()}}&lt;img src=x onerror=alert('entity')&gt;</mark><mark>javascript:alert('url')`;
/** What a region or department folder name may hold: no spaces, no / \ % # ?. */
export const HOSTILE_NAME = `"'><b>{{7*7}}<i>`;
const HOSTILE_MARKDOWN = [
  '',
  `敌意文本${HOSTILE_TEXT}[^x"onmouseover=alert('fn')]`,
  '',
  `[点击查看](javascript:alert('md-link')) [另一个](JaVaScRiPt:alert('md-case')) <javascript:alert('autolink')> ![图](x" onerror="alert('md-img'))`,
  '',
  `<img src="x" onerror="alert('md-raw-img')"><iframe src="javascript:alert('md-iframe')"></iframe>`,
  '',
  `[^x"onmouseover=alert('fn')]: 注释${HOSTILE_TEXT}`,
  '',
].join('\n');

export const MINIMAL = join(PROJECT_ROOT, 'tests', 'fixtures', 'minimal', 'filings');
export const HOSTILE_FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'bad', 'hostile', 'filings');
const RECORD = ['河北省', '廊坊市', '永清县', '316-人力资源和社会保障局', '2024-预算'];

const text = (s: string) => s + HOSTILE_TEXT;
const place = (s: string) => s + HOSTILE_NAME;

/** Keys whose values are references, paths, codes, figures or fixed words: anything else in them would not be the record. */
const NOT_TEXT = new Set(['id', 'csv', 'markdown', 'file', 'sha256', 'standard', 'kind', 'type', 'classification', 'table', 'section', 'published', 'projectIndicators', 'code', 'value', 'total', 'fiscal', 'other', 'amount']);

/** A parsed record file with hostile text added to each of its texts (`path`: the keys above, without list indices). */
function hostile(value: unknown, key: string | undefined, path: string[]): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && NOT_TEXT.has(key)) return value;
    // A block's group of projects names the group of projects.yaml, which gets the same text; '*' is all of them.
    if (key === 'projects') return path.length === 1 || value === '*' ? value : text(value);
    if (['province', 'city', 'county', 'shortName'].includes(key ?? '')) return place(value);
    return text(value);
  }
  if (Array.isArray(value)) return value.map((item) => hostile(item, undefined, path));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [path.length > 0 && ['facts', 'meta'].includes(path.at(-1)!) ? text(k) : k, hostile(v, k, [...path, k])]));
  }
  return value;
}

function rewriteYaml(file: string, edit: (value: unknown) => unknown): unknown {
  const value = edit(yaml.load(readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA }));
  writeFileSync(file, yaml.dump(value, { schema: yaml.CORE_SCHEMA, lineWidth: -1 }));
  return value;
}

/** A CSV file with hostile text added to the cells of the columns `hostileColumn` picks, and the header row `header` gives. */
function rewriteCsv(file: string, header: string[] | null, hostileColumn: (label: string, c: number) => boolean): void {
  const [head = [], ...body] = Papa.parse<string[]>(readFileSync(file, 'utf8').trimEnd(), { delimiter: ',', newline: '\n' }).data;
  const changed = head.map((label, c) => hostileColumn(label, c));
  const rows = [header ?? head, ...body.map((row) => row.map((cell, c) => (changed[c] && cell !== '' ? text(cell) : cell)))];
  writeFileSync(file, `${Papa.unparse(rows, { newline: '\n' })}\n`);
}

interface Declaration {
  region: { province: string; city?: string; county?: string };
  department: { code?: string; shortName: string };
  year: number;
  kind: string;
  statedFigures: Record<string, { quote: string; section: string }>;
  sections: { id: string; blocks: { markdown?: string }[] }[];
  tables: { csv: string; columns: { header: string[]; type: string }[] }[];
}

/** Writes the hostile content tree into `dir` and returns its root (`<dir>/filings`). */
export function writeHostileContent(dir: string): string {
  const root = join(dir, 'filings');
  cpSync(HOSTILE_FIXTURE, root, { recursive: true });
  const staging = join(dir, 'generated');
  cpSync(join(MINIMAL, ...RECORD), staging, { recursive: true });

  const quotes = new Map<string, string>();
  const declaration = rewriteYaml(join(staging, 'filing.yaml'), (value) => {
    const original = value as Declaration;
    for (const figure of Object.values(original.statedFigures)) quotes.set(figure.quote, text(figure.quote));
    return hostile(value, undefined, []);
  }) as Declaration;
  // A stated figure's quote must stand in its section's text: the Markdown gets the same hostile quote.
  for (const section of declaration.sections) {
    for (const block of section.blocks) {
      if (!block.markdown) continue;
      const file = join(staging, block.markdown);
      let body = readFileSync(file, 'utf8');
      for (const [quote, changed] of quotes) body = body.replace(quote, changed);
      writeFileSync(file, `${body.trimEnd()}\n${HOSTILE_MARKDOWN}`);
    }
  }
  for (const table of declaration.tables) {
    rewriteCsv(
      join(staging, table.csv),
      table.columns.map((c) => c.header.join('/')),
      (_, c) => table.columns[c]?.type === 'text',
    );
  }
  rewriteYaml(join(staging, 'projects.yaml'), (value) => hostile(value, undefined, ['projects']));
  rewriteCsv(join(staging, 'project-indicators.csv'), null, (label) => label !== '项目序号');

  const folder = [
    declaration.region.province,
    declaration.region.city,
    declaration.region.county,
    `${declaration.department.code}-${declaration.department.shortName}`,
    `${declaration.year}-${declaration.kind}`,
  ].filter((s): s is string => s !== undefined);
  mkdirSync(join(root, ...folder.slice(0, -1)), { recursive: true });
  renameSync(staging, join(root, ...folder));
  return root;
}
