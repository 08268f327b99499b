/**
 * npm run bench:import — how much of each source document's tables reaches
 * its record, measured by a scan that does not use the importer's parser.
 *
 * For every record under content/filings (or GONGKAI_CONTENT) that keeps its
 * source under source/, the scan takes the source's table lines as the text
 * form writes them (tab-separated cells, cells on tab-prefixed lines, pipe
 * tables), splits them into cells, and attributes each line to the record
 * table or project whose title is the closest title line above it. Lines
 * before the first title (a table of contents) are not content. Then:
 * - numbers: every number written in a table cell must appear, as written,
 *   among the numbers of the same record table or project, as many times as
 *   the source writes it there (recall; a dropped duplicate row counts);
 * - text cells: every cell with words must stand in that table or project
 *   (compared without spaces), or be a label the record keeps as a field;
 * - every number in the record must appear somewhere in the source.
 * Exit status 1 when recall is below 100% for numbers or 99% for text cells,
 * or when the record holds a number the source does not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFilingFolders, loadFiling, type Filing } from '../src/lib/records/load-filing.ts';
import { contentRoot, PROJECT_ROOT } from '../src/lib/records/paths.ts';
import type { Project } from '../src/lib/records/schema/project.ts';

const squash = (s: string) => s.replace(/[\s\u3000]/g, '');
const NUMBER = /\d+(?:\.\d+)?/g;
const numbersIn = (s: string) => (squash(s).replace(/(\d),(\d{3})/g, '$1$2').match(NUMBER) ?? []);

interface Entity {
  label: string;
  /** How a title line announcing it reads, without spaces. */
  titles: string[];
  strings: string[];
  /** Labels of the project table that the record keeps as fields. */
  labels: Set<string>;
}

const PROJECT_LABELS: [RegExp, (p: Project) => boolean][] = [
  [/^项目编码$/, (p) => p.code !== undefined],
  [/^项目名称$/, () => true],
  [/^预算规模及?资金用途$|^预算规模$/, (p) => p.budget !== undefined],
  [/^预算数$/, (p) => p.budget !== undefined],
  [/^其中[：:]?财政资金$/, (p) => p.budget !== undefined],
  [/^其他资金$/, (p) => p.budget !== undefined],
  [/^资金支出计划[（(]%[）)]$/, (p) => p.spendingPlan.length > 0],
  [/^绩效目标$/, (p) => p.goals.length > 0],
  [/^一级指标$|^二级指标$|^三级指标$|^绩效指标描述$|^指标值$|^指标值确定依据$/, (p) => p.indicators.length > 0],
];

function entities(filing: Filing): Entity[] {
  const out: Entity[] = [];
  for (const t of filing.tables) {
    const strings = [t.title, `单位：${t.unit}`, ...t.notes, ...Object.entries(t.meta).flatMap(([k, v]) => [k, v, `${k}：${v}`]), ...t.columns.flatMap((c) => c.header), ...t.rows.flat().filter((c): c is string => c !== null)];
    if (t.columnNumbers) strings.push('栏次');
    out.push({ label: `table ${t.id}`, titles: [squash(t.title)], strings, labels: new Set() });
  }
  for (const p of filing.projectList) {
    const strings = [
      p.title,
      p.name,
      p.code ?? '',
      p.unit,
      `单位：${p.unit}`,
      ...Object.entries(p.facts).flat(),
      ...[p.budget?.total, p.budget?.fiscal, p.budget?.other].filter((v): v is string => typeof v === 'string'),
      p.purpose ?? '',
      ...p.spendingPlan.flatMap((s) => [s.period, s.amount ?? '']),
      ...p.goals,
      ...p.indicators.flatMap((i) => Object.values(i).filter((v): v is string => typeof v === 'string')),
    ].filter((s) => s !== '');
    const labels = new Set(PROJECT_LABELS.filter(([, has]) => has(p)).map(([re]) => re.source));
    out.push({ label: `project ${p.group ? `${p.group} ` : ''}${p.number}`, titles: [`${p.number}、${squash(p.title)}`, `${p.number}.${squash(p.title)}`], strings, labels });
  }
  return out;
}

/** Table lines of the source, split into cells, with the text lines between them. */
function sourceLines(format: string, text: string): { table: boolean; cells: string[]; line: number }[] {
  const lines = text.split(/\r?\n/);
  const out: { table: boolean; cells: string[]; line: number }[] = [];
  lines.forEach((raw, k) => {
    const line = k + 1;
    if (format === 'markdown-pipes' && raw.trim().startsWith('|')) {
      if (/^\|?[\s:|-]+\|?$/.test(raw.trim())) return;
      out.push({ table: true, cells: raw.trim().replace(/^\||\|$/g, '').split('|'), line });
    } else if (format === 'tab-rows' && raw.includes('\t')) out.push({ table: true, cells: raw.split('\t'), line });
    else if (format === 'word-cells' && raw.startsWith('\t')) out.push({ table: true, cells: [raw.slice(1).replace(/\[bookmark:[^\]]*\]/g, '')], line });
    else out.push({ table: false, cells: [raw.replace(/\[bookmark:[^\]]*\]/g, '')], line });
  });
  if (format === 'word-cells') {
    // A line right under a cell continues that cell.
    for (let k = out.length - 1; k > 0; k--) {
      const here = out[k]!;
      const above = out[k - 1]!;
      if (!here.table && above.table && here.cells[0]!.trim() !== '') {
        above.cells[0] = `${above.cells[0]}${here.cells[0]}`;
        out.splice(k, 1);
      }
    }
  }
  return out;
}

interface Score {
  numbers: number;
  numbersFound: number;
  texts: number;
  textsFound: number;
  recordNumbers: number;
  invented: string[];
  missing: string[];
  outside: number;
}

function bench(filing: Filing, dir: string): Score {
  const source = filing.sources[0]!;
  const text = readFileSync(join(dir, source.file), 'utf8');
  const list = entities(filing);
  const score: Score = { numbers: 0, numbersFound: 0, texts: 0, textsFound: 0, recordNumbers: 0, invented: [], missing: [], outside: 0 };
  let current: Entity | null = null;
  /** Numbers of each record table or project not yet matched by a source cell. */
  const unmatched = new Map<Entity, Map<string, number>>();
  const bagOf = (entity: Entity) => {
    let bag = unmatched.get(entity);
    if (!bag) {
      bag = new Map();
      for (const n of entity.strings.flatMap(numbersIn)) bag.set(n, (bag.get(n) ?? 0) + 1);
      unmatched.set(entity, bag);
    }
    return bag;
  };
  const matchTitle = (s: string) => {
    const c = squash(s);
    if (c === '') return null;
    return list.find((e) => e.titles.some((t) => c === t || (c.endsWith(t) && c.length - t.length <= 6 && !/^\d+[、.]/.test(t)))) ?? null;
  };
  for (const { table, cells, line } of sourceLines(source.format, text)) {
    const titled = cells.length === 1 ? matchTitle(cells[0]!) : null;
    if (titled) current = titled;
    if (!table || (titled && table)) continue;
    const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
    if (filled.length === 0) continue;
    if (!current) {
      score.outside += 1;
      continue;
    }
    const entity = current;
    const haystack = entity.strings.map(squash);
    const bag = bagOf(entity);
    const lanes = squash(filled[0]!) === '栏次';
    for (const cell of filled) {
      const c = squash(cell);
      if (lanes && /^\d+$/.test(c)) continue;
      for (const n of numbersIn(cell)) {
        score.numbers++;
        const left = bag.get(n) ?? 0;
        if (left > 0) {
          bag.set(n, left - 1);
          score.numbersFound++;
        } else score.missing.push(`line ${line}: number ${n} not in ${entity.label} (or not as often as the source writes it)`);
      }
      if (/^[-\d.,%]+$/.test(c)) continue;
      score.texts++;
      const label = [...PROJECT_LABELS].find(([re]) => re.test(c));
      if (haystack.some((h) => h.includes(c)) || (label && entity.labels.has(label[0].source))) score.textsFound++;
      else score.missing.push(`line ${line}: text "${cell.slice(0, 30)}" not in ${entity.label}`);
    }
  }
  const sourceNumbers = new Set(text.split(/[\t\n|]/).flatMap(numbersIn));
  const all = entities(filing).flatMap((e) => e.strings.flatMap(numbersIn));
  score.recordNumbers = all.length;
  score.invented = [...new Set(all.filter((n) => !sourceNumbers.has(n)))];
  return score;
}

const root = contentRoot();
const rows: string[][] = [];
let failed = false;
for (const dir of findFilingFolders(root, root).dirs) {
  const filing = loadFiling(dir, { root: PROJECT_ROOT, contentRoot: root });
  const s = bench(filing, dir);
  const numberRecall = s.numbers === 0 ? 100 : (100 * s.numbersFound) / s.numbers;
  const textRecall = s.texts === 0 ? 100 : (100 * s.textsFound) / s.texts;
  const ok = s.numbersFound === s.numbers && textRecall >= 99 && s.invented.length === 0;
  failed ||= !ok;
  rows.push([filing.sources[0]!.file.replace(/^source\//, ''), `${s.numbersFound}/${s.numbers}`, `${numberRecall.toFixed(2)}%`, `${s.textsFound}/${s.texts}`, `${textRecall.toFixed(2)}%`, String(s.invented.length), String(s.outside), ok ? 'ok' : 'FAIL']);
  for (const m of s.missing.slice(0, 15)) console.log(`  ${filing.sources[0]!.file}: ${m}`);
  if (s.missing.length > 15) console.log(`  … and ${s.missing.length - 15} more`);
  for (const n of s.invented) console.log(`  ${filing.sources[0]!.file}: the record holds ${n}, which the source does not contain`);
}
const header = ['source', 'numbers found', 'recall', 'text cells found', 'recall', 'numbers not in source', 'table lines outside tables (contents)', 'verdict'];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
const fmt = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
console.log([fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(fmt)].join('\n'));
process.exit(failed ? 1 : 0);
