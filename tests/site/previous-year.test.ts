import { describe, expect, it } from 'vitest';
import { dataTableHtml } from '../../src/lib/render/data-table.ts';
import type { Cell, Table } from '../../src/lib/records/schema/table.ts';
import { filingRows, previousYearColumns } from '../../src/lib/site/previous-year.ts';

/** A 支出总表 as the records hold it: code, name, then 合计 and its two parts under one header group or as plain columns. */
function expenditure(unit: string, rows: Cell[][], grouped = false): Table {
  const amount = (label: string) => ({ header: grouped ? ['本年支出', label] : [label], type: 'amount' as const });
  return {
    id: 'expenditure-summary',
    standard: 'expenditure-summary',
    title: '支出总表',
    unit,
    csv: 'tables/expenditure-summary.csv',
    columns: [{ header: ['科目编码'], type: 'code', classification: 'function' }, { header: ['科目名称'], type: 'text' }, amount('合计'), amount('基本支出'), amount('项目支出')],
    columnNumbers: false,
    empty: false,
    notes: [],
    meta: {},
    rows,
    lines: rows.map((_, i) => i + 1),
  } as Table;
}

const LAST_YEAR = expenditure('万元', [
  [null, '合计', '1000.00', '600.00', '400.00'],
  ['208', '社会保障和就业支出', '900.50', '500.50', '400.00'],
  ['20801', '人力资源和社会保障管理事务', '100.25', '100.25', null],
  ['221', '住房保障支出', '99.50', '99.50', null],
]);

describe('last year’s figure beside each classified row', () => {
  it('gives last year’s 合计 and the exact change by code, blank where last year has no such code or the row none', () => {
    const now = expenditure('万元', [
      [null, '合计', '1100.00', '650.00', '450.00'],
      ['208', '社会保障和就业支出', '1000.00', '550.00', '450.00'],
      ['20801', '人力资源和社会保障管理事务', '100.24', '100.24', null],
      ['213', '农林水支出', '0.01', null, '0.01'],
      ['221', '住房保障支出', '99.50', '99.50', null],
    ]);
    expect(previousYearColumns(now, filingRows([LAST_YEAR]), '2023年部门预算')).toEqual({
      after: 2,
      label: '2023年部门预算',
      column: '合计',
      cells: [null, { previous: '900.50', change: '+99.50' }, { previous: '100.25', change: '-0.01' }, null, { previous: '99.50', change: '0.00' }],
    });
  });

  it('converts last year’s table in 元 to this year’s 万元 exactly, without rounding', () => {
    const inYuan = expenditure('元', [['208', '社会保障和就业支出', '9005012.34', '5005012.34', '4000000.00']]);
    const now = expenditure('万元', [['208', '社会保障和就业支出', '1000.00', '550.00', '450.00']]);
    expect(previousYearColumns(now, filingRows([inYuan]), '2023年部门预算')?.cells).toEqual([{ previous: '900.501234', change: '+99.498766' }]);
    const back = previousYearColumns(inYuan, filingRows([now]), '2025年部门预算');
    expect(back?.cells).toEqual([{ previous: '10000000.00', change: '-994987.66' }]);
  });

  it('puts the columns after the header group of the first amount column, which stays whole', () => {
    const now = expenditure('万元', [['208', '社会保障和就业支出', '1000.00', '550.00', '450.00']], true);
    expect(previousYearColumns(now, filingRows([expenditure('万元', [['208', 'x', '1.00', '1.00', null]], true)]), '2023年部门预算')?.after).toBe(4);
  });

  it('gives nothing without last year’s table, or when last year compared another column', () => {
    const now = expenditure('万元', [['208', '社会保障和就业支出', '1000.00', '550.00', '450.00']]);
    expect(previousYearColumns(now, undefined, '2023年部门预算')).toBeUndefined();
    expect(previousYearColumns(now, filingRows([]), '2023年部门预算')).toBeUndefined();
    const other = { ...LAST_YEAR, columns: LAST_YEAR.columns.map((c, i) => (i === 2 ? { ...c, header: ['决算数'] } : c)) } as Table;
    expect(previousYearColumns(now, filingRows([other]), '2023年部门预算')).toBeUndefined();
  });

  it('draws 上年数 and 增减 as real columns with headers after the first amount column, and a note saying what they are', () => {
    const now = expenditure('万元', [['208', '社会保障和就业支出', '1000.00', '550.00', '450.00']]);
    const html = dataTableHtml({ id: 't', title: '支出总表', context: 'x', unit: '万元', columns: now.columns, rows: now.rows, previousYear: previousYearColumns(now, filingRows([LAST_YEAR]), '2023年部门预算') });
    expect(html.match(/<th scope="col"[^>]*>[^<]*<\/th>/g)?.map((th) => th.replace(/<[^>]+>/g, ''))).toEqual(['科目编码', '科目名称', '合计', '上年数', '增减', '基本支出', '项目支出']);
    expect(html.match(/<tbody>.*<\/tbody>/)![0].match(/<t[dh][^>]*>[^<]*<\/t[dh]>/g)?.map((td) => td.replace(/<[^>]+>/g, ''))).toEqual(['208', '社会保障和就业支出', '1000.00', '900.50', '+99.50', '550.00', '450.00']);
    expect(html).toContain('<p>“上年数”是本部门2023年部门预算同一科目的“合计”数，已换算为本表单位；“增减”是本年“合计”数减去上年数。</p>');
  });
});
