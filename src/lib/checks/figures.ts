import type { Filing } from '../records/load-filing.ts';
import type { FilingKind } from '../records/schema/filing.ts';
import type { MoneyUnit, StandardTableKey, Table } from '../records/schema/table.ts';
import type { CellRef } from './rule.ts';
import { tableUnit } from './money.ts';
import { classified, findAmountColumn, last, standardTable, TOTAL_ROW_LABELS } from './table-view.ts';
import { grandTotalRow, lookedFor, summarySide, yearTotalRow, type Side, type SideName } from './summary-view.ts';
import { checkable, looked, tableName, type Miss } from './rules/unchecked.ts';

/** A figure read from a cell, with where it stands for the message. */
export interface Figure {
  /** The cell, or nothing for a figure stated in the 情况说明. */
  ref: CellRef | undefined;
  value: string | null;
  /** What the figure is within its table (本年支出合计), or in full for a figure with no cell. */
  label: string;
  /** The unit it is printed in: its table's, or the sentence's. */
  unit: MoneyUnit;
  /** For a figure with no cell that adds up cells of one table (lines of a summary): that table. */
  table?: Table;
}

/** The table a figure is read from, if any. */
export const tableOf = (figure: Figure): Table | undefined => figure.ref?.table ?? figure.table;

export function figureAt(ref: CellRef, label: string): Figure {
  return { ref, value: ref.table.rows[ref.row]![ref.column] ?? null, label, unit: tableUnit(ref.table) };
}

/** The figure in words for a filing of `kind`: 收支总表 本年支出合计, 收入支出决算总表 本年支出合计. */
export function describe(figure: Figure, kind: FilingKind): string {
  return figure.ref ? `${tableName(figure.ref.table, kind)} ${figure.label}` : figure.label;
}

/** The column of a table's total: 合计, or 本年支出合计 / 本年收入合计 where a 决算 prints no other. */
export const isTotalColumn = (h: string[]) => ['合计', '本年支出合计', '本年收入合计'].includes(last(h));

/**
 * The 合计 row's cell in the column whose header satisfies `test` (the
 * column's `label`). Nothing when the table is absent; `miss` is told what a
 * table that is there to be checked lacks (its 合计 row, that column).
 */
export function totalFigure(filing: Filing, key: StandardTableKey, test: (header: string[]) => boolean, label: string, miss?: Miss): Figure | undefined {
  const table = standardTable(filing, key);
  if (!table) return undefined;
  const view = classified(table);
  const column = findAmountColumn(table, test);
  if (!view || view.totalRow === undefined || column === undefined) {
    if (miss && checkable(table)) {
      if (!view) miss(table, '科目编码列（type: code）');
      else if (view.totalRow === undefined) miss(table, looked(TOTAL_ROW_LABELS, '行'));
      if (column === undefined) miss(table, `“${label}”列`);
    }
    return undefined;
  }
  return figureAt({ table, row: view.totalRow, column }, `合计行 ${label}`);
}

export function sideFigure(side: Side | undefined, row: number | undefined, label: string, column = side?.amountColumns[0]): Figure | undefined {
  if (!side || row === undefined || column === undefined) return undefined;
  return figureAt({ table: side.table, row, column }, label);
}

const SUMMARY_ROWS = {
  year: { find: yearTotalRow, looked: lookedFor.yearTotal, label: (name: SideName) => `本年${name}合计` },
  grand: { find: grandTotalRow, looked: lookedFor.grandTotal, label: (name: SideName) => `${name}总计` },
};

/** 本年收入合计 / 收入总计 … of a summary table (in its first amount column, or `column`); `miss` as for totalFigure. */
export function summaryFigure(table: Table | undefined, name: SideName, which: keyof typeof SUMMARY_ROWS, miss?: Miss, column?: number, label?: string): Figure | undefined {
  if (!table) return undefined;
  const side = summarySide(table, name);
  const row = side && SUMMARY_ROWS[which].find(side, name);
  if (!side || row === undefined) {
    if (miss && checkable(table)) miss(table, side ? SUMMARY_ROWS[which].looked(name) : lookedFor.side(name));
    return undefined;
  }
  return sideFigure(side, row, label ?? SUMMARY_ROWS[which].label(name), column);
}
