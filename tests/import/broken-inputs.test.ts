import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/lib/import/import-document.ts';
import { ImportError } from '../../src/lib/import/report.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function failure(file: string, bytes: Uint8Array): Promise<ImportError> {
  try {
    await importDocument({ file, bytes });
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error(`${file} was imported, expected an ImportError`);
}

const HEADER = ['', '香河县人力资源和社会保障局 2024 年部门预算信息公开情况说明', '', '部门预算支出总表', '', '402 香河县人力资源和社会保障局', '', '单位：万元', ''];

describe('broken inputs stop the import with a message naming the file and the line', async () => {
  it('an empty file', async () => {
    const error = await failure('in/empty.txt', new Uint8Array());
    expect(error.message).toBe('in/empty.txt: the file is empty');
  });

  it('a binary file', async () => {
    const error = await failure('in/scan.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xff]));
    expect(error.message).toBe('in/scan.pdf: expected a PDF, Word (.docx), Excel (.xlsx/.xls) or text document, found other binary data');
  });

  it('bytes that are not UTF-8', async () => {
    const error = await failure('in/gbk.txt', new Uint8Array([0xb2, 0xbf, 0xc3, 0xc5, 0x0a]));
    expect(error.message).toBe('in/gbk.txt: expected UTF-8 text, found bytes that are not UTF-8');
  });

  it('a document with no recognisable table', async () => {
    const prose = ['测试县人力资源和社会保障局 2024 年部门预算信息公开情况说明', '', '一、部门职责及机构设置情况', '', '负责全县人力资源和社会保障工作。'].join('\n');
    const error = await failure('in/prose.txt', utf8(prose));
    expect(error.message).toMatch(/^in\/prose\.txt: no table in a known text form/);
  });

  it('a table row with a missing column', async () => {
    const doc = [
      ...HEADER,
      '序号\t功能分类科目\t\t合计\t基本支出\t项目支出',
      '\t科目编码\t科目名称\t\t\t',
      '栏次\t1\t2\t3\t4\t5',
      '1\t\t合计\t25332.93\t1439.55\t23893.38',
      '2\t208\t社会保障和就业支出\t24901.46\t1324.63',
      '',
    ].join('\n');
    const error = await failure('in/missing-column.txt', utf8(doc));
    expect(error.line).toBe(14);
    expect(error.message).toBe('in/missing-column.txt:14: a row of "部门预算支出总表" has 5 cells, the header has 6 columns: a column is missing');
  });

  it('a well-formed table imports, so the failures above come from the defects', async () => {
    const doc = [...HEADER, '序号\t功能分类科目\t\t合计\t基本支出\t项目支出', '\t科目编码\t科目名称\t\t\t', '栏次\t1\t2\t3\t4\t5', '1\t\t合计\t25332.93\t1439.55\t23893.38', ''].join('\n');
    const result = await importDocument({ file: 'in/ok.txt', bytes: utf8(doc) });
    expect(result.id).toBe('河北省/廊坊市/香河县/402-人力资源和社会保障局/2024-预算');
    expect(result.files.get('tables/expenditure-summary.csv')).toBe('序号,功能分类科目/科目编码,功能分类科目/科目名称,合计,基本支出,项目支出\n1,,合计,25332.93,1439.55,23893.38\n');
  });

  it('a county the division table does not know needs --region', async () => {
    const doc = [...HEADER, '序号\t项目\t合计', '1\t合计\t2.34', '2\t公务接待费\t2.34', ''].join('\n').replaceAll('香河县', '测试县');
    expect((await failure('in/unknown.txt', utf8(doc))).message).toBe('in/unknown.txt:2: cannot tell the region of "测试县人力资源和社会保障局": the document names no county or district of the division table; pass --region 省/市/县');
    const result = await importDocument({ file: 'in/unknown.txt', bytes: utf8(doc), region: ['河北省', '廊坊市', '测试县'] });
    expect(result.id).toBe('河北省/廊坊市/测试县/402-人力资源和社会保障局/2024-预算');
  });

  it('the command exits with status 1 and prints the message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    const tsx = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const run = spawnSync(process.execPath, [tsx, join(PROJECT_ROOT, 'scripts', 'import.ts'), file, '--out', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`import failed: ${file}: the file is empty`);
  });
});
