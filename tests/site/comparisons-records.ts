import type { Cell, Column, StandardTableKey, Table } from '../../src/lib/records/schema/table.ts';
import type { FiguresSource } from '../../src/lib/site/filing-figures.ts';

/**
 * Hand-made records for the comparison tests: the standard tables a
 * comparison reads, in the shapes the 预算 and 决算 templates print them,
 * with figures chosen so every expected change is known in advance.
 */

type ColumnSpec = [header: string, type: Column['type'], classification?: 'function' | 'economic'];

export function table(standard: StandardTableKey, columns: ColumnSpec[], rows: Cell[][], unit = '万元'): Table {
  return {
    id: standard,
    standard,
    title: standard,
    unit,
    csv: `tables/${standard}.csv`,
    columns: columns.map(([header, type, classification]) => ({ header: header.split('/'), type, ...(classification ? { classification } : {}) })),
    columnNumbers: false,
    empty: false,
    notes: [],
    meta: {},
    rows,
    lines: rows.map((_, i) => i + 2),
  };
}

/** 收支总表 of a 预算: 收入总计 and 支出总计 include 上年结转. */
export function budgetSummary(income: string, expenditure: string, carried = '0'): Table {
  return table(
    'income-expenditure-summary',
    [
      ['收入/项目', 'text'],
      ['收入/预算数', 'amount'],
      ['支出/项目', 'text'],
      ['支出/预算数', 'amount'],
    ],
    [
      ['一、一般公共预算拨款收入', income, '八、社会保障和就业支出', expenditure],
      ['本年收入合计', income, '本年支出合计', expenditure],
      ['上年结转结余', carried, '年终结转结余', null],
      ['收入总计', income, '支出总计', expenditure],
    ],
  );
}

/** 收入支出决算总表: 本年收入合计 and 本年支出合计, then 年初结转 and 总计. */
export function finalSummary(income: string, expenditure: string): Table {
  return table(
    'income-expenditure-summary',
    [
      ['收入/项目', 'text'],
      ['收入/决算数', 'amount'],
      ['支出/项目', 'text'],
      ['支出/决算数', 'amount'],
    ],
    [
      ['一、一般公共预算财政拨款收入', income, '八、社会保障和就业支出', expenditure],
      ['本年收入合计', income, '本年支出合计', expenditure],
      ['年初结转和结余', '10.00', '年末结转和结余', '10.00'],
      ['总计', '999.99', '总计', '999.99'],
    ],
  );
}

/** 支出总表 (预算, 合计 column) or 支出决算表 (决算, 本年支出合计 column) with 类 / 款 / 项 rows. */
export function expenditureSummary(kind: '预算' | '决算', rows: [code: string | null, name: string, amount: string][], unit = '万元'): Table {
  return table(
    'expenditure-summary',
    [
      ['功能分类科目/科目编码', 'code', 'function'],
      ['功能分类科目/科目名称', 'text'],
      [kind === '预算' ? '合计' : '本年支出合计', 'amount'],
      ['基本支出', 'amount'],
    ],
    rows.map(([code, name, amount]) => [code, name, amount, null]),
    unit,
  );
}

/** 三公 table of a 预算: items as rows, a 合计 column. */
export function budgetThreePublic(total: string, vehicles: string, reception: string): Table {
  return table(
    'three-public',
    [
      ['项目', 'text'],
      ['资金性质/合计', 'amount'],
    ],
    [
      ['合计', total],
      ['一、因公出国（境）费', null],
      ['二、公务用车购置及运维费', vehicles],
      ['三、公务接待费', reception],
    ],
  );
}

/** 三公 table of a 决算: one row, each item a pair of 预算数 / 决算数 columns. */
export function finalThreePublic(total: [string, string], vehicles: [string, string], reception: [string, string]): Table {
  const pair = (item: string): ColumnSpec[] => [
    [`财政拨款“三公”经费/${item}/预算数`, 'amount'],
    [`财政拨款“三公”经费/${item}/决算数`, 'amount'],
  ];
  return table(
    'three-public',
    [...pair('合计'), ...pair('因公出国（境）费'), ...pair('公务用车购置及运行费'), ...pair('公务接待费')],
    [[...total, null, null, ...vehicles, ...reception]],
  );
}

export const filing = (kind: '预算' | '决算', tables: Table[]): FiguresSource => ({ kind, tables });
