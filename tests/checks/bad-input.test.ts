import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import { formatProblem } from '../../src/lib/records/record-error.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

const BAD = join(PROJECT_ROOT, 'tests', 'fixtures', 'bad');
const MINIMAL = join(PROJECT_ROOT, 'tests', 'fixtures', 'minimal');
const RECORD = '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算';

/** Problems of one fixture tree as `npm run check` prints them, with paths relative to the tree. */
function problems(root: string): string[] {
  const { problems } = loadAllFilings(root, join(root, 'filings'));
  return problems.map(formatProblem);
}

/**
 * The same, read by an ordinary user: root reads any file whatever its mode,
 * so as root (as in CI) the tree is read by `nobody` in a child process.
 */
function problemsAsUser(root: string): string[] {
  const script = `import { loadAllFilings } from './src/lib/records/load-all.ts';
import { formatProblem } from './src/lib/records/record-error.ts';
const root = ${JSON.stringify(root)};
console.log(JSON.stringify(loadAllFilings(root, root + '/filings').problems.map(formatProblem)));`;
  const asRoot = process.getuid?.() === 0;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    ...(asRoot ? { uid: NOBODY, gid: NOBODY, env: { ...process.env, HOME: tmpdir() } } : {}),
  });
  if (run.status !== 0) throw new Error(`reading ${root} in a child process failed (${run.status ?? run.signal}):\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as string[];
}
const NOBODY = 65534;

const temp = mkdtempSync(join(tmpdir(), 'gongkai-bad-input-'));
// The child reading as nobody must be able to reach the copies.
chmodSync(temp, 0o755);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of a fixture tree (the valid record unless named) that a test may break in ways git cannot store. */
function copyOf(name: string, fixture = join(BAD, 'valid')): string {
  const root = join(temp, name);
  cpSync(fixture, root, { recursive: true });
  return root;
}

/** A copy of a fixture tree with one file of its record rewritten. */
function editedCopy(name: string, file: string, edit: (text: string) => string, fixture?: string): string {
  const root = copyOf(name, fixture);
  const path = join(root, 'filings', RECORD, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return root;
}

describe('bad input is reported with the file and the field or cell', () => {
  it('the valid record loads', () => {
    expect(problems(join(BAD, 'valid'))).toEqual([]);
  });

  it('malformed YAML', () => {
    expect(problems(join(BAD, 'malformed-yaml'))).toMatchInlineSnapshot(`
      [
        "filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/filing.yaml:7: malformed YAML: missed comma between flow collection entries",
      ]
    `);
  });

  it('malformed CSV', () => {
    expect(problems(join(BAD, 'malformed-csv'))).toMatchInlineSnapshot(`
      [
        "filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/tables/three-public.csv:4: malformed CSV: Quoted field unterminated",
      ]
    `);
  });

  it('a missing required field', () => {
    expect(problems(join(BAD, 'missing-field'))).toMatchInlineSnapshot(`
      [
        "filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/filing.yaml: year: required field is missing (expected number)",
      ]
    `);
  });

  it('a wrong type names the value found', () => {
    expect(problems(join(BAD, 'wrong-type'))).toMatchInlineSnapshot(`
      [
        "filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/filing.yaml: year: expected number, found string "二〇二四"",
      ]
    `);
  });

  it('amounts that are not numbers are rejected cell by cell; 1,234.5万 is accepted', () => {
    expect(problems(join(BAD, 'bad-amount'))).toMatchInlineSnapshot(`
      [
        "filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/tables/three-public.csv:3: row 2, column "资金性质/合计": expected an amount in 万元 such as 1234.56, found "约100"",
        "filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/tables/three-public.csv:3: row 2, column "资金性质/一般公共预算财政拨款": expected an amount in 万元 such as 1234.56, found "1,23.4"",
      ]
    `);
  });

  it('a duplicate department-year, filed once with its code and once without', () => {
    const root = join(BAD, 'duplicate');
    const { filings } = loadAllFilings(root, join(root, 'filings'));
    expect(filings).toHaveLength(1);
    expect(problems(root)).toMatchInlineSnapshot(`
      [
        "filings/河北省/廊坊市/永清县/人力资源和社会保障局/2024-预算/filing.yaml: department: duplicate department-year: 永清县人力资源和社会保障局 2024 预算 is already filed in filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算",
      ]
    `);
  });

  it('a classification code with the wrong number of digits', () => {
    expect(problems(join(BAD, 'code-digits'))).toMatchInlineSnapshot(`
      [
        "filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/tables/general-budget-expenditure.csv:4: row 3, column "功能分类科目/科目编码": expected a 支出功能分类科目 code of 3, 5, 7 digits, found "2210" (4 digits)",
      ]
    `);
  });

  it('a region that does not match the folder', () => {
    expect(problems(join(BAD, 'region-mismatch'))).toMatchInlineSnapshot(`
      [
        "filings/河北省/廊坊市/霸州市/316-人力资源和社会保障局/2024-预算/filing.yaml: region / department / year / kind: the folder does not match the record: the record says 河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算, the folder is 河北省/廊坊市/霸州市/316-人力资源和社会保障局/2024-预算",
      ]
    `);
  });

  it('a file that is not UTF-8 (saved in GBK)', () => {
    expect(problems(join(BAD, 'invalid-utf8'))).toMatchInlineSnapshot(`
      [
        "filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/sections/three-public.md: sections[0].blocks[0].markdown: expected UTF-8 text, found bytes that are not UTF-8",
      ]
    `);
  });

  it('a key written twice in YAML', () => {
    const root = copyOf('duplicate-key');
    const file = join(root, 'filings', RECORD, 'filing.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('kind: 预算\n', 'kind: 预算\nkind: 决算\n'));
    expect(problems(root)).toEqual([`filings/${RECORD}/filing.yaml:5: malformed YAML: duplicated mapping key`]);
  });

  it('a file that cannot be read: missing, a folder, or without permission', () => {
    const root = copyOf('unreadable');
    const dir = join(root, 'filings', RECORD);
    rmSync(join(dir, 'tables', 'three-public.csv'));
    rmSync(join(dir, 'tables', 'general-budget-expenditure.csv'));
    mkdirSync(join(dir, 'tables', 'general-budget-expenditure.csv'));
    const lines = problems(root);
    expect(lines).toEqual([
      `filings/${RECORD}/tables/three-public.csv: tables[0].csv: cannot read the file: it does not exist`,
      `filings/${RECORD}/tables/general-budget-expenditure.csv: tables[1].csv: cannot read the file: it is a folder`,
    ]);
  });

  describe('project indicator rows (project-indicators.csv)', () => {
    /** A copy of the minimal record, which has a project with two indicator rows, with one of its files rewritten. */
    const minimalWith = (name: string, file: string, edit: (text: string) => string) => editedCopy(name, file, edit, MINIMAL);

    it('the minimal record attaches both rows to its project', () => {
      const { filings, problems } = loadAllFilings(MINIMAL, join(MINIMAL, 'filings'));
      expect(problems).toEqual([]);
      expect(filings[0]!.projectList[0]!.indicators.map((i) => `${i.level3} ${i.value}`)).toEqual(['享受小额担保贷款贴息人数 ≥300人', '群众满意度 ≥95%']);
    });

    it('a row naming a project that is not in projects.yaml', () => {
      const root = minimalWith('indicator-unknown-project', 'project-indicators.csv', (text) => text.replace('\n1,满意度指标', '\n7,满意度指标'));
      expect(problems(root)).toEqual([`filings/${RECORD}/project-indicators.csv:3: 项目序号: expected the number of a project in projects.yaml, found "7"`]);
    });

    it('a header that is not an indicator column', () => {
      const root = minimalWith('indicator-bad-header', 'project-indicators.csv', (text) => text.replace('指标值确定依据', '备注'));
      expect(problems(root)).toEqual([
        `filings/${RECORD}/project-indicators.csv:1: expected a header row of 项目序号 and indicator columns, each once, from: 项目分组,项目序号,一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据,分值,度量单位,比较符; found "项目序号,一级指标,二级指标,三级指标,绩效指标描述,指标值,备注"`,
      ]);
    });

    it('indicators written inside projects.yaml, where the record does not keep them', () => {
      const root = minimalWith('indicator-in-yaml', 'projects.yaml', (text) => `${text}  indicators:\n    - { level1: 产出指标 }\n`);
      expect(problems(root)).toEqual([`filings/${RECORD}/projects.yaml: [0]: unknown field "indicators"`]);
    });
  });

  it('a file without read permission', () => {
    const root = copyOf('no-permission');
    const file = join(root, 'filings', RECORD, 'sections', 'three-public.md');
    chmodSync(file, 0o000);
    expect(problemsAsUser(root)).toEqual([`filings/${RECORD}/sections/three-public.md: sections[0].blocks[0].markdown: cannot read the file: permission denied`]);
  });

  describe('a record reads only its own files', () => {
    const outside = join(temp, 'outside.md');
    writeFileSync(outside, '机器上的另一个文件\n');

    it('paths that leave the filing folder are refused by the schema, before anything is read', () => {
      const root = editedCopy('path-outside', 'filing.yaml', (text) =>
        text
          .replace('file: source/excerpt.txt', 'file: source/../../../../../../../../etc/hostname')
          .replace('csv: tables/three-public.csv', 'csv: /tmp/three-public.csv')
          .replace('markdown: sections/three-public.md', 'markdown: sections/../../three-public.md'),
      );
      expect(problems(root)).toEqual([
        `filings/${RECORD}/filing.yaml: sources[0].file: expected a path inside the filing folder such as tables/income-summary.csv, found "source/../../../../../../../../etc/hostname"`,
        `filings/${RECORD}/filing.yaml: tables[0].csv: expected a path inside the filing folder, found the absolute path "/tmp/three-public.csv"`,
        `filings/${RECORD}/filing.yaml: sections[0].blocks[0].markdown: expected a path inside the filing folder such as tables/income-summary.csv, found "sections/../../three-public.md"`,
      ]);
    });

    it('a symbolic link, as a file or as a folder of the record, is not followed', () => {
      const root = copyOf('symlinks');
      const dir = join(root, 'filings', RECORD);
      rmSync(join(dir, 'sections', 'three-public.md'));
      symlinkSync(outside, join(dir, 'sections', 'three-public.md'));
      renameSync(join(dir, 'source'), join(temp, 'source-elsewhere'));
      symlinkSync(join(temp, 'source-elsewhere'), join(dir, 'source'));
      expect(problems(root)).toEqual([
        `filings/${RECORD}/sections/three-public.md: sections[0].blocks[0].markdown: expected a file of the record, found a symbolic link: the build would publish whatever it points at`,
        `filings/${RECORD}/source/excerpt.txt: sources[0].file: expected a folder of the record, found "source" to be a symbolic link: the build would publish whatever it points at`,
      ]);
    });

    it('a source document that is not the one the record was made from (its sha256 differs)', () => {
      const root = editedCopy('source-changed', 'source/excerpt.txt', (text) => `${text}tampered\n`);
      const [line] = problems(root);
      expect(line).toMatch(
        new RegExp(`^filings/${RECORD}/filing\\.yaml: sources\\[0\\]\\.sha256: source/excerpt\\.txt is not the document the record was made from: expected sha256 4440f6d5[0-9a-f]{56}, found (?!4440f6d5)[0-9a-f]{64} \\(restore the file`),
      );
    });
  });

  describe('a filing never vanishes or swells without a word', () => {
    it('an empty filing.yaml', () => {
      const root = editedCopy('empty-declaration', 'filing.yaml', () => '# nothing yet\n');
      expect(problems(root)).toEqual([
        `filings/${RECORD}/filing.yaml: the file is empty: expected the filing declaration (schemaVersion, title, kind, year, region, department, sources …)`,
      ]);
    });

    it('filing.yml instead of filing.yaml, and tables left without a declaration', () => {
      const root = copyOf('misnamed');
      const dir = join(root, 'filings', RECORD);
      renameSync(join(dir, 'filing.yaml'), join(dir, 'filing.yml'));
      const other = join(root, 'filings', '河北省', '廊坊市', '永清县', '317-民政局', '2024-预算');
      mkdirSync(join(other, 'tables'), { recursive: true });
      expect(problems(root)).toEqual([
        `filings/${RECORD}/filing.yml: expected the filing declaration in a file named filing.yaml, found filing.yml: the filing is not read until it is renamed`,
        'filings/河北省/廊坊市/永清县/317-民政局/2024-预算/filing.yaml: the folder holds a filing\'s tables but no filing.yaml: a filing is not read without it',
      ]);
    });

    it('YAML anchors and aliases, which let a small file expand into millions of entries', () => {
      const root = editedCopy('anchors', 'filing.yaml', (text) => text.replace("  - id: three-public\n    number: 四", "  - id: three-public\n    notes: &n [甲, 乙]\n    again: *n\n    number: 四"));
      expect(problems(root)).toEqual([
        `filings/${RECORD}/filing.yaml:38: expected every value written out where it applies, found the anchor &n: anchors and aliases (&name, *name) are not allowed in records, as a few nested aliases make a small file millions of entries long on the page`,
      ]);
    });

    it('a subsection id used twice: each is a link target of the page', () => {
      const root = editedCopy('subsection-ids', 'filing.yaml', (text) =>
        text.replace('    blocks:\n', '    subsections:\n      - { id: sub, title: 甲 }\n      - { id: sub, title: 乙 }\n    blocks:\n'),
      );
      expect(problems(root)).toEqual([`filings/${RECORD}/filing.yaml: sections[0].subsections[1].id: duplicate section id "sub": each section and subsection is a link target on the page`]);
    });

    it('a row of empty cells', () => {
      // Only a 序号, and a cell holding a zero-width space, print nothing either.
      const root = editedCopy('blank-row', 'tables/three-public.csv', (text) => `${text},,,\n4,\u200b,,\n`);
      expect(problems(root)).toEqual([
        `filings/${RECORD}/tables/three-public.csv:5: expected a row with values, found none: delete the row (a table with no rows is marked empty: true, 空表列示)`,
        `filings/${RECORD}/tables/three-public.csv:6: expected a row with values, found none: delete the row (a table with no rows is marked empty: true, 空表列示)`,
      ]);
    });

    it('the same department-year under another code, its name with a stray space', () => {
      const root = copyOf('duplicate-spaced');
      const copy = join(root, 'filings', '河北省', '廊坊市', '永清县', '317-人力资源和社会保障局', '2024-预算');
      cpSync(join(root, 'filings', RECORD), copy, { recursive: true });
      const file = join(copy, 'filing.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace("code: '316'", "code: '317'").replace('name: 永清县人力资源和社会保障局', 'name: "永清县人力资源和社会保障局 "'));
      expect(problems(root)).toEqual([
        `filings/河北省/廊坊市/永清县/317-人力资源和社会保障局/2024-预算/filing.yaml: department: duplicate department-year: 永清县人力资源和社会保障局 2024 预算 is already filed in filings/${RECORD}`,
      ]);
    });
  });

  describe('found by a second review', () => {
    it('a filing folder that is a symbolic link, and a folder whose filing.yaml was deleted', () => {
      const root = copyOf('linked-folder');
      const dir = join(root, 'filings', RECORD);
      renameSync(dir, join(temp, 'linked-folder-elsewhere'));
      symlinkSync(join(temp, 'linked-folder-elsewhere'), dir);
      const other = join(root, 'filings', '河北省', '廊坊市', '永清县', '317-民政局', '2024-预算');
      mkdirSync(other, { recursive: true });
      writeFileSync(join(other, 'projects.yaml'), '[]\n');
      expect(problems(root)).toEqual([
        `filings/${RECORD}: expected a folder or file of the content tree, found a symbolic link: it is not followed, and any filing behind it is not read`,
        'filings/河北省/廊坊市/永清县/317-民政局/2024-预算/filing.yaml: the folder holds files (projects.yaml) but no filing.yaml: a filing is not read without it',
      ]);
    });

    it('a table, a group of projects or a 名词解释 term placed twice on the page', () => {
      const root = editedCopy('placed-twice', 'filing.yaml', (text) =>
        text.replace(
          '    blocks:\n',
          '    blocks:\n      - table: three-public\n      - table: three-public\n      - glossary: [{ term: 三公经费, definition: 甲 }, { term: 三公经费, definition: 乙 }]\n',
        ),
      );
      expect(problems(root)).toEqual([
        `filings/${RECORD}/filing.yaml: sections[0].blocks[1]: table three-public is already shown at sections[0].blocks[0]: each table, group of projects, text and 名词解释 term appears once on the page (its anchor would be repeated, and the page could grow without bound)`,
        `filings/${RECORD}/filing.yaml: sections[0].blocks[2]: term 三公经费 is already shown at sections[0].blocks[2]: each table, group of projects, text and 名词解释 term appears once on the page (its anchor would be repeated, and the page could grow without bound)`,
      ]);
    });

    it('a text placed again and again: one Markdown file shown thousands of times would make a page of hundreds of megabytes', () => {
      const root = editedCopy('text-placed-twice', 'filing.yaml', (text) => text.replace('      - markdown: sections/three-public.md\n', '      - markdown: sections/three-public.md\n'.repeat(3)));
      expect(problems(root)).toEqual([
        `filings/${RECORD}/filing.yaml: sections[0].blocks[1]: text sections/three-public.md is already shown at sections[0].blocks[0]: each table, group of projects, text and 名词解释 term appears once on the page (its anchor would be repeated, and the page could grow without bound)`,
        `filings/${RECORD}/filing.yaml: sections[0].blocks[2]: text sections/three-public.md is already shown at sections[0].blocks[1]: each table, group of projects, text and 名词解释 term appears once on the page (its anchor would be repeated, and the page could grow without bound)`,
      ]);
    });

    it('a filing folder inside another filing folder is named, not silently left out', () => {
      const root = copyOf('nested-filing');
      const nested = join(root, 'filings', RECORD, 'old', '2023-预算');
      mkdirSync(nested, { recursive: true });
      writeFileSync(join(nested, 'filing.yaml'), 'schemaVersion: 1\n');
      expect(problems(root)).toEqual([
        `filings/${RECORD}/old/2023-预算/filing.yaml: expected a filing in a folder of its own, found one inside the filing filings/${RECORD}: it is not read; move it to its own region/department/year folder`,
      ]);
    });

    it('two tables with the same standard: the second would be published unchecked', () => {
      const root = editedCopy('standard-twice', 'filing.yaml', (text) => text.replace('standard: general-budget-expenditure', 'standard: three-public'));
      expect(problems(root)).toEqual([`filings/${RECORD}/filing.yaml: tables[1].standard: "three-public" is already the standard of table "three-public": a filing has each standard table once`]);
    });

    it('a source that is a web page, and two sources with one file name', () => {
      const root = editedCopy('source-kinds', 'filing.yaml', (text) =>
        text.replace('  - file: source/excerpt.txt\n', '  - file: source/index.html\n    title: 页面\n    format: html\n    sha256: 4440f6d52a965239e247ce0e7423e0636fcde738b4a758f557b9041587061965\n    origin: 网页\n  - file: source/excerpt.txt\n'),
      );
      const lines = problems(root);
      expect(lines).toEqual([
        `filings/${RECORD}/filing.yaml: sources[0].file: expected a path to a document (.txt .md .csv .pdf .doc .docx .xls .xlsx .wps .et .ofd) whose name has no # ? %, found "source/index.html"`,
      ]);
      const twice = editedCopy('source-names', 'filing.yaml', (text) =>
        text.replace('  - file: source/excerpt.txt\n', '  - file: source/excerpt.txt\n    title: 节选\n    format: tab-rows\n    sha256: 4440f6d52a965239e247ce0e7423e0636fcde738b4a758f557b9041587061965\n    origin: 同上\n  - file: source/excerpt.txt\n'),
      );
      expect(problems(twice)).toEqual([`filings/${RECORD}/filing.yaml: sources[1].file: "excerpt.txt" is also the file name of source/excerpt.txt: sources are published side by side, each needs its own name`]);
    });

    it('the same department-year with look-alike characters in its name (an invisible one is refused by the schema), or filed under a shorter region path', () => {
      const root = copyOf('duplicate-look-alike');
      const filings = join(root, 'filings');
      const copyAs = (folder: string, edit: (text: string) => string) => {
        cpSync(join(filings, RECORD), join(filings, folder), { recursive: true });
        const file = join(filings, folder, 'filing.yaml');
        writeFileSync(file, edit(readFileSync(file, 'utf8')));
      };
      copyAs('河北省/廊坊市/永清县/998-人力资源和社会保障局/2024-预算', (t) => t.replace("code: '316'", "code: '998'").replace('name: 永清县人力资源', 'name: 永清县人\u2f12资源'));
      copyAs('河北省/廊坊市/永清县/999-人力资源和社会保障局/2024-预算', (t) => t.replace("code: '316'", "code: '999'").replace('name: 永清县人力资源', 'name: 永清县\u2f08力资源'));
      copyAs('河北省/永清县/316-人力资源和社会保障局/2024-预算', (t) => t.replace('region: { province: 河北省, city: 廊坊市, county: 永清县 }', 'region: { province: 河北省, county: 永清县 }'));
      expect(problems(root).map((line) => line.replace(/: department: .*/, ''))).toEqual([
        'filings/河北省/廊坊市/永清县/998-人力资源和社会保障局/2024-预算/filing.yaml',
        'filings/河北省/廊坊市/永清县/999-人力资源和社会保障局/2024-预算/filing.yaml',
        'filings/河北省/永清县/316-人力资源和社会保障局/2024-预算/filing.yaml',
      ]);
    });

    it('a stated figure whose quote is not in its section, or does not state the figure', () => {
      const stated = (quote: string) => (text: string) => `${text}statedFigures:\n  threePublic.total: { value: '2.34', section: three-public, quote: ${quote} }\n`;
      expect(problems(editedCopy('quote-ok', 'filing.yaml', stated('财政拨款“三公”经费预算安排 2.34 万元')))).toEqual([]);
      const edited = editedCopy('quote-text-changed', 'filing.yaml', stated('财政拨款“三公”经费预算安排 2.34 万元'));
      const md = join(edited, 'filings', RECORD, 'sections', 'three-public.md');
      writeFileSync(md, readFileSync(md, 'utf8').replace('2.34', '9.99'));
      expect(problems(edited)).toEqual([
        `filings/${RECORD}/filing.yaml: statedFigures.threePublic.total.quote: expected the quote in the text of section "three-public", found no "财政拨款“三公”经费预算安排 2.34 万元" there`,
      ]);
      expect(problems(editedCopy('quote-no-figure', 'filing.yaml', stated('“三公”经费')))).toEqual([
        `filings/${RECORD}/filing.yaml: statedFigures.threePublic.total.quote: expected the quote to state 2.34, found "“三公”经费"`,
      ]);
    });

    it('a number YAML reads from a form no one writes a figure in (hex, exponent, plus sign)', () => {
      const root = editedCopy('number-forms', 'filing.yaml', (text) => text.replace('year: 2024', 'year: 0x7E8'));
      expect(problems(root)).toEqual([`filings/${RECORD}/filing.yaml:5: expected a number written in digits such as 2.34 or 2024, found 0x7E8: write the figure as the document prints it`]);
    });

    it('place names that are not one clean URL segment, or that the portal uses for its own pages', () => {
      const root = editedCopy('place-names', 'filing.yaml', (text) =>
        text.replace('region: { province: 河北省, city: 廊坊市, county: 永清县 }', 'region: { province: pagefind, city: "廊坊市/永清县", county: "永清\u202e县" }').replace('name: 永清县人力资源', 'name: 永清县\u200e人力资源'),
      );
      expect(problems(root).filter((line) => !line.includes('the folder does not match'))).toEqual([
        `filings/${RECORD}/filing.yaml: region.province: expected a province, found a name the portal uses for its own pages (pagefind, search, glossary, about, sitemap, data, _astro, 404)`,
        `filings/${RECORD}/filing.yaml: region.city: expected a name without spaces or / \\ % # ?, as it forms part of the page address`,
        `filings/${RECORD}/filing.yaml: region.county: expected a name of visible characters, found one that prints nothing or reverses the text`,
        `filings/${RECORD}/filing.yaml: department.name: expected a name of visible characters, found one that prints nothing or reverses the text`,
      ]);
    });

    it('a blank row of characters that print nothing (soft hyphen, Hangul filler)', () => {
      const root = editedCopy('blank-row-ignorable', 'tables/three-public.csv', (text) => `${text}\u00ad,\u3164,,\n`);
      expect(problems(root)).toEqual([`filings/${RECORD}/tables/three-public.csv:5: expected a row with values, found none: delete the row (a table with no rows is marked empty: true, 空表列示)`]);
    });

    it('two glossary terms that link to one anchor, and source names that differ only in case', () => {
      const root = editedCopy('anchor-and-case', 'filing.yaml', (text) =>
        text
          .replace('    blocks:\n', '    blocks:\n      - glossary: [{ term: 财政拨款收入, definition: 甲 }, { term: "财政拨款#收入", definition: 乙 }]\n')
          .replace('  - file: source/excerpt.txt\n', '  - file: source/EXCERPT.txt\n    title: 节选\n    format: tab-rows\n    sha256: 4440f6d52a965239e247ce0e7423e0636fcde738b4a758f557b9041587061965\n    origin: 同上\n  - file: source/excerpt.txt\n'),
      );
      expect(problems(root).filter((line) => !line.includes('cannot read the file'))).toEqual([
        `filings/${RECORD}/filing.yaml: sections[0].blocks[0]: term 财政拨款收入 is already shown at sections[0].blocks[0]: each table, group of projects, text and 名词解释 term appears once on the page (its anchor would be repeated, and the page could grow without bound)`,
        `filings/${RECORD}/filing.yaml: sources[1].file: "excerpt.txt" is also the file name of source/EXCERPT.txt: sources are published side by side, each needs its own name`,
      ]);
    });

    it('a department whose page would have the address of a region page', () => {
      const root = copyOf('address-conflict');
      const folder = join(root, 'filings', '河北省', '廊坊市', '永清县', '2024-预算');
      cpSync(join(root, 'filings', RECORD), folder, { recursive: true });
      const file = join(folder, 'filing.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace('region: { province: 河北省, city: 廊坊市, county: 永清县 }', 'region: { province: 河北省, city: 廊坊市 }')
          .replace("  code: '316'\n", '')
          .replace('name: 永清县人力资源和社会保障局', 'name: 廊坊市某局')
          .replace('shortName: 人力资源和社会保障局', 'shortName: 永清县'),
      );
      expect(problems(root)).toEqual([
        'filings/河北省/廊坊市/永清县/2024-预算/filing.yaml: department.shortName: the department\'s page would have the address /河北省/廊坊市/永清县/, which is the page of the region 河北省/廊坊市/永清县: give the region its county or city, or the department its code',
      ]);
    });
  });
});

