import type { Table } from '../records/schema/table.ts';
import type { CellRef } from './rule.ts';
import { amountColumns, classified, columnLabels, findAmountColumn, headerOf, last } from './table-view.ts';

/**
 * 人员经费 and 公用经费 of the 一般公共预算财政拨款基本支出表. A 预算 prints
 * them as columns beside 合计; a 决算 prints two blocks of 经济分类 rows
 * (301 and 303, then 302 and 310) each closed by a row 人员经费合计 /
 * 公用经费合计 in its one amount column (决算数).
 */
export interface BasicTotals {
  personnel: CellRef | undefined;
  publicFunds: CellRef | undefined;
  /** Where the two are printed: as rows (决算) or as columns of the 合计 row (预算). */
  layout: 'rows' | 'columns';
}

export const PERSONNEL = '人员经费';
export const PUBLIC_FUNDS = '公用经费';

/** The rows labelled 人员经费合计 and 公用经费合计 (no code), by which they close. */
export function fundingTotalRows(table: Table): { personnel?: number; publicFunds?: number } {
  const view = classified(table);
  if (!view || view.nameColumn === undefined) return {};
  const labels = columnLabels(table, view.nameColumn);
  const row = (name: string) => {
    const r = table.rows.findIndex((cells, i) => !cells[view.codeColumn] && (labels[i] === `${name}合计` || labels[i] === name));
    return r < 0 ? undefined : r;
  };
  const personnel = row(PERSONNEL);
  const publicFunds = row(PUBLIC_FUNDS);
  return { ...(personnel === undefined ? {} : { personnel }), ...(publicFunds === undefined ? {} : { publicFunds }) };
}

/** The amount column of a 决算 基本支出表: 决算数, or its only amount column. */
export function basicAmountColumn(table: Table): number | undefined {
  const columns = amountColumns(table);
  return findAmountColumn(table, (h) => last(h) === '决算数' || last(h) === '合计') ?? (columns.length === 1 ? columns[0] : undefined);
}

/** Where the table prints its 人员经费 and 公用经费 totals; nothing when it prints them neither way. */
export function basicTotals(table: Table): BasicTotals | undefined {
  const rows = fundingTotalRows(table);
  if (rows.personnel !== undefined || rows.publicFunds !== undefined) {
    const column = basicAmountColumn(table);
    if (column === undefined) return undefined;
    const ref = (row: number | undefined) => (row === undefined ? undefined : { table, row, column });
    return { personnel: ref(rows.personnel), publicFunds: ref(rows.publicFunds), layout: 'rows' };
  }
  const totalRow = classified(table)?.totalRow;
  if (totalRow === undefined) return undefined;
  const ref = (name: string) => {
    const column = amountColumns(table).find((c) => last(headerOf(table, c)) === name);
    return column === undefined ? undefined : { table, row: totalRow, column };
  };
  const [personnel, publicFunds] = [ref(PERSONNEL), ref(PUBLIC_FUNDS)];
  return personnel || publicFunds ? { personnel, publicFunds, layout: 'columns' } : undefined;
}
