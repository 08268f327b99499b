import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDocument, type ImportResult } from '../../src/lib/import/import-document.ts';
import { ImportError } from '../../src/lib/import/report.ts';
import { writeRecord } from '../../src/lib/import/write-record.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { sourceOf } from './records-from-sources.ts';

const ID = '河北省/秦皇岛市/抚宁区/劳动保障和人事/2020-预算';
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-safety-'));
  temporary.push(dir);
  return dir;
};

function refusal(write: () => unknown): string {
  try {
    write();
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error('the record was written, expected an ImportError');
}

/** The result with filing.yaml and the file list edited, as a document with a hostile identity would give. */
function altered(result: ImportResult, edit: (yaml: string) => string, id = result.id, extra: [string, string][] = []): ImportResult {
  const files = new Map(result.files);
  files.set('filing.yaml', edit(String(files.get('filing.yaml'))));
  for (const [path, content] of extra) files.set(path, content);
  return { ...result, id, files };
}

describe('the importer writes only its own record, only inside --out', async () => {
  const { sourceFile, bytes } = sourceOf('funing-hrss-2020-performance.txt');
  const result = await importDocument({ file: sourceFile, bytes });

  it('writes into the folder the identity names', () => {
    const root = fresh();
    expect(writeRecord(root, result)).toBe(join(root, ...ID.split('/')));
  });

  it('replaces the same filing’s record only with --replace', () => {
    const root = fresh();
    const dir = writeRecord(root, result);
    expect(refusal(() => writeRecord(root, result))).toBe(
      `funing-hrss-2020-performance.txt: the record of ${ID} is already at ${dir} (imported from source/funing-hrss-2020-performance.txt); pass --replace to replace it with this import (acknowledgments.yaml is kept)`,
    );
    expect(writeRecord(root, result, { replace: true })).toBe(dir);
  });

  it('never replaces the record of another department-year, nor one made from another source, even with --replace', () => {
    const root = fresh();
    const dir = writeRecord(root, result);
    const yaml = readFileSync(join(dir, 'filing.yaml'), 'utf8');
    // Another year's record of the department: its year and its title say 2021.
    writeFileSync(join(dir, 'filing.yaml'), yaml.replace('year: 2020', 'year: 2021').replaceAll('2020年部门预算绩效文本', '2021年部门预算绩效文本'));
    expect(refusal(() => writeRecord(root, result, { replace: true }))).toBe(
      `funing-hrss-2020-performance.txt: refusing to replace ${dir}: its filing.yaml is the record of 河北省/秦皇岛市/抚宁区/劳动保障和人事/2021-预算, this document is ${ID}`,
    );
    writeFileSync(join(dir, 'filing.yaml'), yaml.replaceAll('source/funing-hrss-2020-performance.txt', 'source/funing-2020.pdf'));
    expect(refusal(() => writeRecord(root, result, { replace: true }))).toBe(
      `funing-hrss-2020-performance.txt: refusing to replace ${dir}: the record of ${ID} there was made from source/funing-2020.pdf, not from source/funing-hrss-2020-performance.txt; move or delete that record to import this document in its place`,
    );
  });

  it('never empties a folder that is not a record', () => {
    const root = fresh();
    const dir = join(root, ...ID.split('/'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'a reviewer’s notes\n');
    expect(refusal(() => writeRecord(root, result, { replace: true }))).toBe(
      `funing-hrss-2020-performance.txt: refusing to replace ${dir}: the folder holds files but no filing.yaml, so it is not a record this import may replace`,
    );
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('a reviewer’s notes\n');
  });

  it('never writes through a link on the way to the record’s folder', () => {
    const root = fresh();
    const elsewhere = fresh();
    mkdirSync(join(root, '河北省'));
    symlinkSync(elsewhere, join(root, '河北省', '秦皇岛市'));
    expect(refusal(() => writeRecord(root, result))).toBe(`funing-hrss-2020-performance.txt: refusing to write the record through ${join(root, '河北省', '秦皇岛市')}: it is a link, not a folder inside ${root}`);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses a folder or file name that would leave its folder', () => {
    const root = fresh();
    const up = altered(result, (y) => y.replace('county: 抚宁区', 'county: ..'), '河北省/秦皇岛市/../劳动保障和人事/2020-预算');
    expect(refusal(() => writeRecord(root, up))).toBe('funing-hrss-2020-performance.txt: refusing to write the record: ".." is not a folder name (the record\'s path is 河北省/秦皇岛市/../劳动保障和人事/2020-预算)');
    const slash = altered(result, (y) => y.replace('county: 抚宁区', 'county: 抚宁区/x'), '河北省/秦皇岛市/抚宁区/x/劳动保障和人事/2020-预算');
    expect(refusal(() => writeRecord(root, slash))).toBe('funing-hrss-2020-performance.txt: refusing to write the record: "抚宁区/x" is not a folder name (the record\'s path is 河北省/秦皇岛市/抚宁区/x/劳动保障和人事/2020-预算)');
    const file = altered(result, (y) => y, result.id, [['source/../../../escape.txt', 'x']]);
    expect(refusal(() => writeRecord(root, file))).toBe('funing-hrss-2020-performance.txt: refusing to write "source/../../../escape.txt": not a file name inside the record\'s folder');
    expect(existsSync(join(root, '河北省'))).toBe(false);
  });
});

describe('npm run import', () => {
  const tsx = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const run = (...args: string[]) => spawnSync(process.execPath, [tsx, join(PROJECT_ROOT, 'scripts', 'import.ts'), ...args], { encoding: 'utf8' });
  const { sourceFile } = sourceOf('yongqing-hrss-2024-budget.txt');

  it('rejects an option it does not know', () => {
    const result = run(sourceFile, '--replce');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--replce'");
  });

  it('prints, table by table, whether the record adds up; a second import needs --replace', () => {
    const out = fresh();
    const first = run(sourceFile, '--out', out);
    expect(first.status).toBe(0);
    const verdicts = first.stdout.split('\n').filter((l) => l.startsWith('    部门'));
    expect(verdicts).toEqual([
      '    部门预算收支总表: adds up',
      '    部门预算收入总表: adds up',
      '    部门预算支出总表: adds up',
      '    部门预算财政拨款收支总表: adds up',
      '    部门预算一般公共预算财政拨款支出表: adds up',
      '    部门预算一般公共预算财政拨款基本支出表: the document disagrees with itself (2 errors)',
      '    部门预算政府性基金预算财政拨款支出表: empty (空表列示)',
      '    部门预算国有资本经营预算财政拨款支出表: empty (空表列示)',
      '    部门预算财政拨款“三公”经费支出表: adds up',
      '    部门机构设置情况: no check applies to it',
      '    部门政府采购预算: empty (空表列示)',
      '    部门固定资产占用情况表: no check applies to it',
    ]);
    expect(first.stdout).toContain('  the document disagrees with itself: 2 finding(s), 2 not yet acknowledged (entries to paste into acknowledgments.yaml are in import-report.md)');
    const report = readFileSync(join(out, '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/import-report.md'), 'utf8');
    expect(report).toContain(
      [
        '  ```yaml',
        '  - rule: column-sum',
        '    at: "general-budget-basic-expenditure:row 12:一般公共预算基本支出/合计"',
        '    expected: "124.39"',
        '    found: "124.38"',
        '    note: "公开文本如此：类 302 商品和服务支出 不等于 所属各款之和，按原文保留。"',
        '  ```',
      ].join('\n'),
    );
    const second = run(sourceFile, '--out', out);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('pass --replace to replace it with this import');
    expect(run(sourceFile, '--out', out, '--replace').status).toBe(0);
  });
});
