import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../src/lib/import/import-document.ts';
import { selfCheckRecord } from '../../src/lib/import/self-check.ts';
import { writeRecord } from '../../src/lib/import/write-record.ts';
import { ACKNOWLEDGMENTS_FILE } from '../../src/lib/records/schema/filing.ts';
import { CONTENT, committedImports, recordFiles } from './records-from-sources.ts';

const imports = committedImports();
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('re-importing every committed source', async () => {
  it('finds the five seed documents', async () => {
    expect(imports.map((i) => i.sourceFile.split('/').pop()).sort()).toEqual([
      'bazhou-hrss-2021-budget.txt',
      'funing-hrss-2020-performance.txt',
      'guangyang-hrss-2020-budget.txt',
      'putuo-finance-2024-final-accounts.pdf',
      'yongqing-hrss-2024-budget.txt',
    ]);
  });

  for (const { dir, sourceFile, bytes } of imports) {
    const name = relative(CONTENT, dir).split(sep).join('/');
    it(`reproduces ${name} byte for byte, with the checks' verdicts in its report`, async () => {
      const result = await importDocument({ file: sourceFile, bytes });
      expect(result.id).toBe(name);
      // The import report ends with what the checks find, which depends on the reviewer's acknowledgments: import as `npm run import` does, beside them.
      const root = mkdtempSync(join(tmpdir(), 'gongkai-reimport-'));
      temporary.push(root);
      const target = join(root, ...name.split('/'));
      mkdirSync(target, { recursive: true });
      if (existsSync(join(dir, ACKNOWLEDGMENTS_FILE))) copyFileSync(join(dir, ACKNOWLEDGMENTS_FILE), join(target, ACKNOWLEDGMENTS_FILE));
      selfCheckRecord(root, writeRecord(root, result), result);
      const committed = recordFiles(dir);
      expect([...result.files.keys()].sort()).toEqual([...committed.keys()].sort());
      for (const [path, content] of result.files) {
        const expected = committed.get(path)!;
        const actual = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
        expect(actual.equals(expected), `${name}/${path} differs from the committed file`).toBe(true);
      }
    });
  }

  it('names the record folder by the identity read from the document', async () => {
    const ids = (await Promise.all(imports.map(async ({ sourceFile, bytes }) => (await importDocument({ file: sourceFile, bytes })).id))).sort();
    expect(ids).toEqual([
      '上海市/普陀区/财政局/2024-决算',
      '河北省/廊坊市/广阳区/233-人力资源和社会保障局/2020-预算',
      '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算',
      '河北省/廊坊市/霸州市/805-人力资源和社会保障局/2021-预算',
      '河北省/秦皇岛市/抚宁区/劳动保障和人事/2020-预算',
    ]);
  });
});
