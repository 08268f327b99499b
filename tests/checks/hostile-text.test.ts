import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import { formatProblem } from '../../src/lib/records/record-error.ts';
import { MINIMAL } from './hostile-record.ts';
import { Random } from '../../scripts/synth/random.ts';

/**
 * Text that shows one thing while the checks read another, and CSV lines
 * that end in two ways: every text of a record (filing.yaml, projects.yaml,
 * CSV cells, Markdown) is refused with a bidirectional control in it, names
 * with a compatibility character, and each message names the place. The
 * cases are drawn at random from a fixed seed: every field, a control and a
 * place in it.
 */

const RECORD = '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算';
const AT = `filings/${RECORD}`;

const temp = mkdtempSync(join(tmpdir(), 'gongkai-hostile-text-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let copies = 0;

/** A fresh copy of the minimal record; returns the tree's root and the record's folder. */
function copy(): { root: string; record: string } {
  const root = join(temp, String(copies++));
  cpSync(MINIMAL, join(root, 'filings'), { recursive: true });
  return { root, record: join(root, 'filings', RECORD) };
}

function problems(root: string): string[] {
  return loadAllFilings(root, join(root, 'filings')).problems.map(formatProblem);
}

/** A seeded random source: the same cases on every run. */
function random(seed: number): () => number {
  const source = new Random(seed);
  return () => source.next();
}
const next = random(2024);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

const BIDI_CONTROLS: [string, string][] = [
  ['\u061c', 'U+061C (ARABIC LETTER MARK)'],
  ['\u200e', 'U+200E (LEFT-TO-RIGHT MARK)'],
  ['\u200f', 'U+200F (RIGHT-TO-LEFT MARK)'],
  ['\u202a', 'U+202A (LEFT-TO-RIGHT EMBEDDING)'],
  ['\u202b', 'U+202B (RIGHT-TO-LEFT EMBEDDING)'],
  ['\u202c', 'U+202C (POP DIRECTIONAL FORMATTING)'],
  ['\u202d', 'U+202D (LEFT-TO-RIGHT OVERRIDE)'],
  ['\u202e', 'U+202E (RIGHT-TO-LEFT OVERRIDE)'],
  ['\u2066', 'U+2066 (LEFT-TO-RIGHT ISOLATE)'],
  ['\u2067', 'U+2067 (RIGHT-TO-LEFT ISOLATE)'],
  ['\u2068', 'U+2068 (FIRST STRONG ISOLATE)'],
  ['\u2069', 'U+2069 (POP DIRECTIONAL ISOLATE)'],
];

/** `text` with a random control at a random place, and the message that place must get. */
function withControl(text: string): { text: string; message: string } {
  const [control, name] = pick(BIDI_CONTROLS);
  const chars = [...text];
  const at = Math.floor(next() * (chars.length + 1));
  const before = chars.slice(Math.max(0, at - 12), at).join('');
  return {
    text: [...chars.slice(0, at), control, ...chars.slice(at)].join(''),
    message:
      `expected text shown in the order it is written, found the bidirectional control ${name} ${before.trim() === '' ? 'at the start' : `after "${before}"`}: ` +
      'the page would show the characters around it in another order than the checks read them; delete it',
  };
}

/** Names, whose hidden characters the schema refuses with its own message, and what is not text. */
const NOT_FREE_TEXT = new Set(['province', 'city', 'county', 'shortName', 'name@department', 'id', 'csv', 'markdown', 'file', 'sha256', 'standard', 'kind', 'type', 'classification', 'table', 'section', 'code', 'value', 'total', 'fiscal', 'other', 'amount', 'projects', 'projectIndicators']);

/** Every free-text string of a parsed YAML file, as a zod path. */
function textFields(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') {
    const key = path.at(-1);
    const parent = path.at(-2);
    const name = typeof key === 'string' && typeof parent === 'string' ? `${key}@${parent}` : '';
    return NOT_FREE_TEXT.has(String(key)) || NOT_FREE_TEXT.has(name) ? [] : [path];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => textFields(item, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => textFields(v, [...path, k]));
  return [];
}

const fieldName = (path: (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

function setAt(value: unknown, path: (string | number)[], text: string): void {
  let node = value as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = text;
}

function getAt(value: unknown, path: (string | number)[]): string {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value) as string;
}

const readYaml = (file: string) => yaml.load(readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA });
const writeYaml = (file: string, value: unknown) => writeFileSync(file, yaml.dump(value, { schema: yaml.CORE_SCHEMA, lineWidth: -1 }));

describe('a bidirectional control in any text of a record is refused, naming the place', () => {
  it.each(['filing.yaml', 'projects.yaml'])('in every text field of %s', (file) => {
    const fields = textFields(readYaml(join(MINIMAL, RECORD, file)));
    expect(fields.length).toBeGreaterThan(file === 'filing.yaml' ? 30 : 7);
    for (const path of fields) {
      const { root, record } = copy();
      const value = readYaml(join(record, file));
      const changed = withControl(getAt(value, path));
      setAt(value, path, changed.text);
      writeYaml(join(record, file), value);
      expect(problems(root), fieldName(path)).toEqual([`${AT}/${file}: ${fieldName(path)}: ${changed.message}`]);
    }
  });

  it('in a key of a mapping (a table meta label)', () => {
    const { root, record } = copy();
    const value = readYaml(join(record, 'filing.yaml')) as { tables: { meta?: Record<string, string> }[] };
    value.tables[0]!.meta = { '截止\u202e时间': '2023-12-31' };
    writeYaml(join(record, 'filing.yaml'), value);
    expect(problems(root)).toEqual([
      `${AT}/filing.yaml: tables[0].meta.截止\u202e时间: expected text shown in the order it is written, found the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) after "截止": the page would show the characters around it in another order than the checks read them; delete it`,
    ]);
  });

  it.each([
    ['tables/three-public.csv', (label: string) => label === '项目'],
    ['project-indicators.csv', (label: string) => label !== '项目序号'],
  ])('in every text cell of %s, named by line and column', (file, isText) => {
    const lines = readFileSync(join(MINIMAL, RECORD, file), 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',');
    let cases = 0;
    lines.forEach((line, l) => {
      line.split(',').forEach((cell, c) => {
        if (l === 0 || !isText(header[c]!) || cell === '') return;
        const { root, record } = copy();
        const changed = withControl(cell);
        const cells = line.split(',');
        cells[c] = changed.text;
        writeFileSync(join(record, file), `${lines.map((other, o) => (o === l ? cells.join(',') : other)).join('\n')}\n`);
        expect(problems(root), `${file}:${l + 1}:${c + 1}`).toEqual([`${AT}/${file}:${l + 1}: column "${header[c]}": ${changed.message}`]);
        cases += 1;
      });
    });
    expect(cases).toBeGreaterThan(5);
  });

  it('in any line of the Markdown', () => {
    const lines = ['（一）一般公共预算财政拨款支出：本年支出 25332.93 万元。', '说明：<span>二</span>', '- 列表项', '| 项目 | 金额 |', '', '> 引用'];
    for (let i = 0; i < 20; i++) {
      const { root, record } = copy();
      const file = join(record, 'sections', 'three-public.md');
      const original = readFileSync(file, 'utf8').trimEnd();
      const line = Math.floor(next() * lines.length);
      const changed = withControl(lines[line]!);
      writeFileSync(file, [original, ...lines.map((text, l) => (l === line ? changed.text : text))].join('\n'));
      expect(problems(root)).toEqual([`${AT}/sections/three-public.md:${line + 2}: ${changed.message}`]);
    }
  });

  it('a figure turned round on the page (25332.93 shown as 39.23352): in the text, and in a table', () => {
    const { root, record } = copy();
    const md = join(record, 'sections', 'three-public.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('预算安排 2.34 万元', '预算安排 \u202e2.34\u202c 万元'));
    const csv = join(record, 'tables', 'three-public.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('1,合计,2.34,2.34,,', '1,合计,\u202e2.34,2.34,,'));
    expect(problems(root)).toEqual([
      `${AT}/tables/three-public.csv:2: column "资金性质/合计": expected text shown in the order it is written, found the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) at the start: the page would show the characters around it in another order than the checks read them; delete it`,
      `${AT}/tables/three-public.csv:2: row 1, column "资金性质/合计": expected an amount in 万元 such as 1234.56, found "\u202e2.34"`,
      `${AT}/sections/three-public.md:1: expected text shown in the order it is written, found the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) after "款“三公”经费预算安排 ": the page would show the characters around it in another order than the checks read them; delete it`,
      `${AT}/filing.yaml: statedFigures.threePublic.total.quote: expected the quote in the text of section "three-public", found no "2024 年，我部门财政拨款“三公”经费预算安排 2.34 万元" there`,
    ]);
  });
});

describe('names are written in standard characters and compared folded', () => {
  /** Compatibility characters of several kinds: CJK compatibility ideographs (one in each plane), a Kangxi radical, enclosed and Roman numerals. */
  const COMPATIBILITY = [
    ['\uf928', '廊', 'U+5ECA'],
    ['\ufa10', '塚', 'U+585A'],
    ['\u{2f800}', '丽', 'U+4E3D'],
    ['\u2f08', '人', 'U+4EBA'],
    ['\u3220', '(一)', 'U+0028 U+4E00 U+0029'],
    ['\u2460', '1', 'U+0031'],
    ['\u2161', 'II', 'U+0049 U+0049'],
  ] as const;
  const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`;

  it.each([
    ['region.province', 0],
    ['region.city', 1],
    ['region.county', 2],
    ['department.shortName', 3],
  ] as const)('a compatibility character in %s (a name in the address) is refused', (field, folder) => {
    for (const [compat, standard, points] of COMPATIBILITY) {
      const { root, record } = copy();
      const value = readYaml(join(record, 'filing.yaml'));
      const path = field.split('.');
      const name = getAt(value, path);
      const at = 1 + Math.floor(next() * (name.length - 1));
      const changed = `${name.slice(0, at)}${compat}${name.slice(at)}`;
      setAt(value, path, changed);
      writeYaml(join(record, 'filing.yaml'), value);
      // The folder is named as the record says, so that the name is the only problem.
      const segments = RECORD.split('/');
      segments[folder] = folder === 3 ? `316-${changed}` : changed;
      mkdirSync(join(root, 'filings', ...segments.slice(0, -1)), { recursive: true });
      renameSync(record, join(root, 'filings', ...segments));
      expect(problems(root), `${field} ${codePoint(compat)}`).toEqual([
        `filings/${segments.join('/')}/filing.yaml: ${field}: expected a name in standard characters, found ${codePoint(compat)}, a compatibility form of ${standard} (${points}): "${changed}" would be a second name that looks the same as "${changed.normalize('NFKC')}"; write ${standard}`,
      ]);
    }
  });

  it('printed Chinese keeps its full-width （）：，。 in names, cells and text, as written', () => {
    const { root, record } = copy();
    const value = readYaml(join(record, 'filing.yaml')) as { department: { name: string } };
    value.department.name = '永清县人力资源和社会保障局（本级）';
    writeYaml(join(record, 'filing.yaml'), value);
    const csv = join(record, 'tables', 'three-public.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('3,一、因公出国（境）费,,,,', '3,一、因公出国（境）费：其中，１项。,,,,'));
    const { filings, problems: found } = loadAllFilings(root, join(root, 'filings'));
    expect(found).toEqual([]);
    expect(filings[0]!.department.name).toBe('永清县人力资源和社会保障局（本级）');
    expect(filings[0]!.tables[0]!.rows[2]).toEqual(['3', '一、因公出国（境）费：其中，１项。', null, null, null, null]);
  });

  it('one department-year under regions written with look-alike forms (full-width letters and digits) is a duplicate', () => {
    const { root, record } = copy();
    const twin = join(root, 'filings', '河北省', '廊坊市', '永清县１', '316-人力资源和社会保障局', '2024-预算');
    cpSync(record, twin, { recursive: true });
    const value = readYaml(join(twin, 'filing.yaml')) as { region: { county: string }; department: { name: string } };
    value.region.county = '永清县１';
    // Another name: the department is the same by its region and code alone.
    value.department.name = '永清县人社局';
    writeYaml(join(twin, 'filing.yaml'), value);
    const original = readYaml(join(record, 'filing.yaml')) as { region: { county: string } };
    original.region.county = '永清县1';
    writeYaml(join(record, 'filing.yaml'), original);
    renameSync(join(root, 'filings', '河北省', '廊坊市', '永清县'), join(root, 'filings', '河北省', '廊坊市', '永清县1'));
    expect(problems(root)).toEqual([
      'filings/河北省/廊坊市/永清县１/316-人力资源和社会保障局/2024-预算/filing.yaml: department: duplicate department-year: 永清县人社局 2024 预算 is already filed in filings/河北省/廊坊市/永清县1/316-人力资源和社会保障局/2024-预算',
    ]);
  });
});

describe('a CSV file whose lines end in two ways names the line', () => {
  const FILE = 'tables/three-public.csv';
  const lines = readFileSync(join(MINIMAL, RECORD, FILE), 'utf8').trimEnd().split('\n');
  const message = (line: number, expected: string, found: string) =>
    `${AT}/${FILE}:${line}: expected every row to end like line 1, with ${expected}, found ${found} at the end of this line: save the file with one kind of line ending`;

  it.each(lines.map((_, i) => i + 1))('one CR LF line (%i) in a file of LF lines', (line) => {
    const { root, record } = copy();
    writeFileSync(join(record, FILE), lines.map((text, i) => `${text}${i + 1 === line ? '\r\n' : '\n'}`).join(''));
    expect(problems(root)).toEqual([line === 1 ? message(2, 'CR LF', 'LF') : message(line, 'LF', 'CR LF')]);
  });

  it.each(lines.map((_, i) => i + 1))('one LF line (%i) in a file of CR LF lines', (line) => {
    const { root, record } = copy();
    writeFileSync(join(record, FILE), lines.map((text, i) => `${text}${i + 1 === line ? '\n' : '\r\n'}`).join(''));
    expect(problems(root)).toEqual([line === 1 ? message(2, 'LF', 'CR LF') : message(line, 'CR LF', 'LF')]);
  });

  it('line breaks inside quoted cells are the cells’ own, whichever the rows end with', () => {
    for (const [rows, inCell] of [
      ['\r\n', '\n'],
      ['\n', '\r\n'],
    ]) {
      const { root, record } = copy();
      const text = lines.map((l) => l.replace('三、公务接待费', `"三、公务接待费${inCell}（含外宾）"`)).join(rows);
      writeFileSync(join(record, FILE), `${text}${rows}`);
      const { filings, problems: found } = loadAllFilings(root, join(root, 'filings'));
      expect(found).toEqual([]);
      expect(filings[0]!.tables[0]!.rows.at(-1)).toEqual(['9', `三、公务接待费${inCell}（含外宾）`, null, null, null, null]);
    }
  });
});
