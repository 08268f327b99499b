import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, TableBlock, TextBlock } from '../../src/lib/import/blocks.ts';
import { readPdf } from '../../src/lib/import/pdf/read-pdf.ts';

const dir = join(import.meta.dirname, '../fixtures/documents');
const PUTUO = 'putuo-finance-2024-final-accounts.pdf';
const TEMPLATE = 'final-accounts-template.pdf';

const read = (name: string) => readPdf(`in/${name}`, new Uint8Array(readFileSync(join(dir, name))));
const tables = (blocks: Block[], page: number) => blocks.filter((b): b is TableBlock => b.kind === 'table' && b.page === page);
const texts = (blocks: Block[], page?: number) => blocks.filter((b): b is TextBlock => b.kind === 'text' && (page === undefined || b.page === page));
const cells = (table: TableBlock | undefined) => (table?.rows ?? []).map((r) => r.cells);
/** The only table of a page. */
const tableOn = (blocks: Block[], page: number) => {
  const found = tables(blocks, page);
  expect(found).toHaveLength(1);
  return cells(found[0]);
};

let putuo: Block[];
let template: Block[];
let putuoCpuMs: number;

beforeAll(async () => {
  const start = process.cpuUsage();
  putuo = await read(PUTUO);
  const used = process.cpuUsage(start);
  putuoCpuMs = (used.user + used.system) / 1000;
  template = await read(TEMPLATE);
}, 60_000);

describe('readPdf on the 上海市普陀区财政局 2024 决算', () => {
  it('reads the 25 pages within the time an import may take (CPU time, so a busy machine does not fail it)', () => {
    expect(putuoCpuMs).toBeLessThan(5000);
    expect(putuo.at(-1)?.page).toBe(25);
  });

  it('numbers every text line and table row in reading order and gives each its page', () => {
    const lines = putuo.flatMap((b) => (b.kind === 'text' ? [b.line] : b.rows.map((r) => r.line)));
    expect(lines).toEqual(lines.map((_, i) => i + 1));
    const pages = putuo.flatMap((b) => (b.kind === 'text' ? [b.page] : [b.page, ...b.rows.map((r) => r.page)]));
    expect(pages.every((p) => typeof p === 'number')).toBe(true);
    expect(pages).toEqual([...pages].sort((a, b) => a! - b!));
    for (const t of putuo.filter((b): b is TableBlock => b.kind === 'table')) {
      expect(t.line).toBe(t.rows[0]!.line);
      expect(new Set(t.rows.map((r) => r.cells.length)).size).toBe(1);
    }
  });

  it('reads the 收入支出决算总表 with its title lines above it and its continuation on the next page', () => {
    expect(texts(putuo, 6).map((t) => t.text)).toEqual(['第二部分上海市普陀区财政局2024年度部门决算表', '收入支出决算总表', '单位：万元']);
    const [table] = tables(putuo, 6);
    expect(texts(putuo, 6).every((t) => t.line < table!.line)).toBe(true);
    const rows = tableOn(putuo, 6);
    expect(rows.slice(0, 3)).toEqual([
      ['收入', '', '支出', ''],
      ['项目', '决算数', '项目', '决算数'],
      ['一、一般公共预算财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,106.66'],
    ]);
    expect(rows).toContainEqual(['八、其他收入', '6.20', '八、社会保障和就业支出', '326.71']);
    expect(rows.at(-1)).toEqual(['本年收入合计', '2,946.25', '本年支出合计', '2,940.05']);
    expect(tableOn(putuo, 7)).toEqual([
      ['使用非财政拨款结余（含专用结余）', '', '结余分配', ''],
      ['年初结转和结余', '49.14', '年末结转和结余', '55.34'],
      ['总计', '2,995.39', '总计', '2,995.39'],
    ]);
  });

  it('reads the 收入决算表 with merged header cells, split code columns and a name wrapped inside its cell', () => {
    const rows = tableOn(putuo, 8);
    expect(rows.slice(0, 5)).toEqual([
      ['项目', '', '', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
      ['支出功能分类', '', '', '科目名称', '', '', '', '', '', '', ''],
      ['科目编码', '', '', '', '', '', '', '', '', '', ''],
      ['类', '款', '项', '合计', '2,946.25', '2,940.05', '', '', '', '', '6.20'],
      ['201', '', '', '一般公共服务支出', '2,112.86', '2,106.66', '', '', '', '', '6.20'],
    ]);
    expect(rows).toContainEqual(['208', '05', '05', '机关事业单位基本养老保险缴费支出', '160.75', '160.75', '', '', '', '', '']);
    expect(rows).toContainEqual(['208', '05', '06', '机关事业单位职业年金缴费支出', '80.38', '80.38', '', '', '', '', '']);
    expect(tableOn(putuo, 9).at(-1)).toEqual(['221', '02', '03', '购房补贴', '258.50', '258.50', '', '', '', '', '']);
  });

  it('reads the 一般公共预算财政拨款支出决算表 down to its 合计 row spanning the code and name columns', () => {
    const rows = tableOn(putuo, 15);
    expect(rows[0]).toEqual(['项目', '', '', '', '合计', '基本支出', '项目支出']);
    expect(rows).toContainEqual(['201', '06', '01', '行政运行', '1,511.89', '1,503.52', '8.37']);
    expect(rows.at(-1)).toEqual(['合计', '', '', '', '2,940.05', '2,336.91', '603.14']);
  });

  it('reads the 基本支出决算表 as one grid holding its two side-by-side blocks, letter-spaced names joined', () => {
    const rows = tableOn(putuo, 16);
    expect(rows.slice(0, 4)).toEqual([
      ['经济分类', '', '科目名称', '决算数', '经济分类', '', '科目名称', '决算数'],
      ['科目编码', '', '', '', '科目编码', '', '', ''],
      ['类', '款', '', '', '类', '款', '', ''],
      ['301', '', '工资福利支出', '2,082.85', '302', '', '商品和服务支出', '171.07'],
    ]);
    expect(rows).toContainEqual(['301', '02', '津贴补贴', '1,238.58', '302', '02', '印刷费', '7.61']);
    expect(rows).toContainEqual(['301', '08', '机关事业单位基本养老保险缴费', '160.75', '302', '06', '电费', '']);
    expect(rows).toContainEqual(['301', '13', '住房公积金', '187.19', '302', '12', '因公出国（境）费用', '']);
    const next = tableOn(putuo, 17);
    expect(next[0]).toEqual(['', '', '', '', '', '', '', '']);
    expect(next).toContainEqual(['303', '11', '代缴社会保险费', '', '302', '31', '公务用车运行维护费', '']);
    expect(next).toContainEqual(['', '', '', '', '310', '02', '办公设备购置', '13.58']);
    expect(next.at(-1)).toEqual(['人员经费合计', '', '', '2,152.26', '公用经费合计', '', '', '184.65']);
  });

  it('reads the 三公 table with its 预算数/决算数 pairs under three header levels', () => {
    expect(tableOn(putuo, 18)).toEqual([
      ['财政拨款“三公”经费', '', '', '', '', '', '', '', '', '', '', ''],
      ['合计', '', '因公出国（境）费', '', '公务用车购置及运行费', '', '', '', '', '', '公务接待费', ''],
      ['', '', '', '', '小计', '', '公务用车购置费', '', '公务用车运行费', '', '', ''],
      ['', '', '', '', '', '', '', '', '', '', '', ''],
      ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数'],
      ['0.95', '', '', '', '', '', '', '', '', '', '0.95', ''],
    ]);
  });

  it('reads the empty fund tables as printed, with the 注 line under them as text', () => {
    for (const [page, fund] of [
      [19, '政府性基金预算'],
      [20, '国有资本经营预算'],
    ] as const) {
      const rows = tableOn(putuo, page);
      expect(rows.slice(0, 3)).toEqual([
        ['项目', '', '', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
        ['支出功能分类科目编码', '', '', '科目名称', '', '', '小计', '基本支出', '项目支出', ''],
        ['类', '款', '项', '', '', '', '', '', '', ''],
      ]);
      expect(rows.slice(3, -1).every((r) => r.every((c) => c === ''))).toBe(true);
      expect(rows.at(-1)).toEqual(['合计', '', '', '', '', '', '', '', '', '']);
      expect(texts(putuo, page).map((t) => t.text)).toEqual([`${fund}财政拨款收入支出决算表`, '单位：万元', `注：上海市普陀区财政局无${fund}财政拨款支出，故本表无数据。`]);
    }
  });

  it('puts every figure pdftotext prints on the table pages into a table cell, as often as it prints it', () => {
    // An independent count: poppler's text of pages 6–20, made once (see PROVENANCE.md).
    const poppler = readFileSync(join(dir, 'putuo-finance-2024-final-accounts.pages-6-20.pdftotext.txt'), 'utf8');
    const amount = /^\d{1,3}(,\d{3})*\.\d{2}$/;
    const printed = (poppler.match(/\d{1,3}(?:,\d{3})*\.\d{2}/g) ?? []).sort();
    const inCells = putuo
      .filter((b): b is TableBlock => b.kind === 'table' && b.page! >= 6 && b.page! <= 20)
      .flatMap((t) => t.rows.flatMap((r) => r.cells))
      .filter((c) => amount.test(c))
      .sort();
    expect(printed.length).toBe(195);
    expect(inCells).toEqual(printed);
  });

  it('keeps the prose of the 情况说明 as paragraphs, wrapped lines joined, and the section headings in order', () => {
    expect(texts(putuo, 21).map((t) => t.text)).toContain('本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；');
    expect(texts(putuo, 22).map((t) => t.text)).toContain(
      '1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。',
    );
    const headings = [
      '第一部分上海市普陀区财政局概况',
      '一、主要职能',
      '二、部门决算单位构成',
      '第二部分上海市普陀区财政局2024年度部门决算表',
      '收入支出决算总表',
      '收入决算表',
      '支出决算表',
      '财政拨款收入支出决算总表',
      '一般公共预算财政拨款支出决算表',
      '一般公共预算财政拨款基本支出决算表',
      '财政拨款“三公”经费支出决算表',
      '第三部分上海市普陀区财政局2024年度部门决算情况',
      '一、收入支出决算总体情况说明',
      '五、一般公共预算财政拨款支出决算情况说明',
      '十一、其他重要事项的情况说明',
      '第四部分名词解释',
    ];
    const body = putuo.filter((b): b is TextBlock => b.kind === 'text' && b.page! >= 4);
    const at = headings.map((h) => body.find((b) => b.text === h)?.line ?? -1);
    expect(at.every((line) => line > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('reads the unit list on page 5 as a small ruled table between lines of prose', () => {
    expect(tableOn(putuo, 5)).toEqual([
      ['序号', '单位名称', '备注'],
      ['1', '上海市普陀区财政局（本级）', ''],
      ['2', '上海市普陀区财政局财政所', '预算不单列，并入本级'],
      ['3', '上海市普陀区国库收付中心', '预算不单列，并入本级'],
    ]);
  });

  it('leaves out a ruled row with no text (page 14 is a table end with nothing in it)', () => {
    expect(putuo.filter((b) => b.page === 14)).toEqual([]);
  });
});

describe('readPdf on the national 决算 template', () => {
  it('reads the header rows of its tables', () => {
    expect(tableOn(template, 5).slice(0, 2)).toEqual([
      ['收入', '', '支出', ''],
      ['项目', '决算数', '项目', '决算数'],
    ]);
    expect(tableOn(template, 6).slice(0, 3)).toEqual([
      ['项目', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
      ['功能分类科目编码', '科目名称', '', '', '', '', '', '', ''],
      ['合计', '', '', '', '', '', '', '', ''],
    ]);
    expect(tableOn(template, 8).slice(0, 2)).toEqual([
      ['收入', '', '支出', '', '', '', ''],
      ['项目', '决算数', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    ]);
    const basic = tableOn(template, 11);
    expect(basic[0]).toEqual(['经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数']);
    expect(basic).toContainEqual(['30113', '住房公积金', '', '30212', '因公出国（境）费用', '']);
    expect(basic.at(-1)).toEqual(['人员经费合计', '', '', '公用经费合计', '', '']);
    expect(tableOn(template, 12).slice(0, 4)).toEqual([
      ['财政拨款“三公”经费', '', '', '', '', '', '', '', '', '', '', ''],
      ['合计', '', '因公出国（境）费', '', '公务用车购置及运行维护费', '', '', '', '', '', '公务接待费', ''],
      ['', '', '', '', '小计', '', '公务用车购置费', '', '公务用车运行维护费', '', '', ''],
      ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数'],
    ]);
    expect(texts(template, 12).map((t) => t.text)).toEqual(['财政拨款“三公”经费支出决算表', '单位：万元', '注：本表反映部门本年度“三公”经费支出预决算情况。']);
  });
});
