import { equal, sum } from '../../records/decimal.ts';
import type { Table } from '../../records/schema/table.ts';
import type { FindingList, Rule } from '../rule.ts';
import { standardTable } from '../table-view.ts';
import { breakdownRows, carriedRows, grandTotalRow, itemRows, lookedFor, summarySide, yearTotalRow, type SideName } from '../summary-view.ts';
import { Unchecked } from './unchecked.ts';

export const SUMMARIES = ['income-expenditure-summary', 'fiscal-summary'] as const;
const SIDES: SideName[] = ['收入', '支出'];

/**
 * In 收支总表 and 财政拨款收支总表: 收入总计 = 支出总计; 本年收入合计 +
 * 上年结转 (and any other row between them) = 收入总计, and likewise for 支出;
 * 本年收入合计 = the items listed above it; a carried-over row = its breakdown.
 * A 决算's summaries are checked by `final-balance`, in its words.
 */
export const balance: Rule = {
  id: 'balance',
  severity: 'error',
  description: '收支总表、财政拨款收支总表：收入总计 = 支出总计；本年收入合计 + 上年结转 = 收入总计；本年合计 = 所列各项之和',
  kinds: ['预算'],
  check(filing, out) {
    const unchecked = new Unchecked(this, out);
    for (const key of SUMMARIES) {
      const table = standardTable(filing, key);
      if (table) checkSummary(this, out, table, unchecked, BUDGET_WORDS);
    }
    unchecked.report();
  },
};

/** How the messages name the rows of a summary: its grand totals and the rows between them and the year totals. */
export interface SummaryWords {
  grand: (name: SideName) => string;
  /** The rows between the year total and the grand total, for a check that could not be made. */
  carried: (name: SideName) => string;
  /** The same rows as the table prints them, for a sum that does not hold. */
  carriedFound: (name: SideName, labels: string[]) => string;
}

const BUDGET_WORDS: SummaryWords = {
  grand: (name) => `${name}总计`,
  carried: (name) => (name === '收入' ? '上年结转' : '年终结转'),
  carriedFound: (name) => (name === '收入' ? '上年结转' : '年终结转'),
};

function compare(rule: Rule, out: FindingList, table: Table, row: number, column: number, expected: ReturnType<typeof sum>, message: string) {
  const found = table.rows[row]![column] ?? null;
  if (!equal(expected, found)) out.cell(rule, { table, row, column }, { expected: expected.toFixed(2), found: found ?? '', message });
}

/** Each side's year total = its items, grand total = year total + the rows between; a carried row = its breakdown; 收入总计 = 支出总计. */
export function checkSummary(rule: Rule, out: FindingList, table: Table, unchecked: Unchecked, words: SummaryWords): void {
  const checkNames = {
    year: (name: SideName) => `本年${name}合计 = 所列各项之和`,
    grand: (name: SideName) => `${words.grand(name)} = 本年${name}合计 + ${words.carried(name)}`,
    balance: `${words.grand('收入')} = ${words.grand('支出')}`,
  };
  const income = summarySide(table, '收入');
  const expenditure = summarySide(table, '支出');
  for (const name of SIDES) {
    const side = name === '收入' ? income : expenditure;
    if (!side) {
      for (const check of [checkNames.year(name), checkNames.grand(name), checkNames.balance]) unchecked.add(table, lookedFor.side(name), check);
      continue;
    }
    const year = yearTotalRow(side, name);
    const grand = grandTotalRow(side, name);
    if (year === undefined) {
      unchecked.add(table, lookedFor.yearTotal(name), checkNames.year(name));
      unchecked.add(table, lookedFor.yearTotal(name), checkNames.grand(name));
    }
    if (grand === undefined) {
      unchecked.add(table, lookedFor.grandTotal(name), checkNames.grand(name));
      unchecked.add(table, lookedFor.grandTotal(name), checkNames.balance);
    }
    const items = itemRows(side, name);
    const carried = carriedRows(side, name);
    const carriedWords = words.carriedFound(name, carried.map((r) => table.rows[r]![side.itemColumn]!));
    for (const column of side.amountColumns) {
      const value = (r: number) => table.rows[r]![column] ?? null;
      if (year !== undefined && items.length > 0) {
        compare(rule, out, table, year, column, sum(items.map(value)), `本年${name}合计 不等于 所列各项之和`);
      }
      if (year !== undefined && grand !== undefined) {
        compare(rule, out, table, grand, column, sum([year, ...carried].map(value)), `${words.grand(name)} 不等于 本年${name}合计${carriedWords ? ` + ${carriedWords}` : ''}`);
      }
      for (const parent of carried) {
        const parts = breakdownRows(side, name, parent);
        if (parts.length > 0) compare(rule, out, table, parent, column, sum(parts.map(value)), `${table.rows[parent]![side.itemColumn]} 不等于 其下所列各项之和`);
      }
    }
  }
  if (income && expenditure) {
    const inRow = grandTotalRow(income, '收入');
    const outRow = grandTotalRow(expenditure, '支出');
    if (inRow !== undefined && outRow !== undefined) {
      compare(rule, out, table, outRow, expenditure.amountColumns[0]!, sum([table.rows[inRow]![income.amountColumns[0]!]]), `${words.grand('支出')} 不等于 ${words.grand('收入')}`);
    }
  }
}
