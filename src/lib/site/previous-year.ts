import { Decimal } from '../records/decimal.ts';
import { inYuan, tableUnit } from '../checks/money.ts';
import type { MoneyUnit, StandardTableKey, Table } from '../records/schema/table.ts';
import { headerOf, last } from '../checks/table-view.ts';

/**
 * Last year's figure beside each classified row of a standard table: the
 * department's previous filing of the same kind, the same table, the row of
 * the same classification code, the first amount column. What a filing keeps
 * for the next year's page is small (a code → figure map a table), so a build
 * holds it for every filing instead of reading records again.
 */

/** The first amount column of a standard table, by classification code: what a later filing compares with. */
export interface RowFigures {
  unit: MoneyUnit;
  /** The column's own header (合计, 决算数 …): a different column is not compared. */
  column: string;
  /** Figure (null for a blank cell) by code; a code printed twice in the table is left out, as ambiguous. */
  byCode: ReadonlyMap<string, string | null>;
}

export type FilingRows = ReadonlyMap<StandardTableKey, RowFigures>;

/** The figures beside one table: where they go and, per row, last year's figure and the change (null where there is none). */
export interface PreviousYearColumns {
  /** The new columns come after this column of the record (the end of the first amount column's header group). */
  after: number;
  /** 2023年部门预算, for the note under the table. */
  label: string;
  /** The header of the compared column: 合计. */
  column: string;
  cells: ({ previous: string; change: string } | null)[];
}

const codeColumn = (table: Pick<Table, 'columns'>) => table.columns.findIndex((c) => c.type === 'code');
const amountColumn = (table: Pick<Table, 'columns'>) => table.columns.findIndex((c) => c.type === 'amount');

function rowFigures(table: Table): RowFigures | undefined {
  const code = codeColumn(table);
  const amount = amountColumn(table);
  if (code < 0 || amount < 0 || table.empty) return undefined;
  const byCode = new Map<string, string | null>();
  const twice = new Set<string>();
  for (const row of table.rows) {
    const key = row[code];
    if (!key) continue;
    if (byCode.has(key)) twice.add(key);
    byCode.set(key, row[amount] ?? null);
  }
  for (const key of twice) byCode.delete(key);
  return { unit: tableUnit(table), column: last(headerOf(table, amount)), byCode };
}

/** What a filing keeps for next year: each standard table with codes and figures. */
export function filingRows(tables: readonly Table[]): FilingRows {
  const rows = new Map<StandardTableKey, RowFigures>();
  for (const table of tables) {
    if (table.standard === undefined || rows.has(table.standard)) continue;
    const figures = rowFigures(table);
    if (figures) rows.set(table.standard, figures);
  }
  return rows;
}

/** An exact figure with at least the two decimals the tables print (1.234567 万元 stays so, never rounded). */
export function exactAmount(value: Decimal): string {
  return value.toFixed(Math.max(2, value.decimalPlaces()));
}

/**
 * The 上年数 and 增减 columns of a table, in its own unit (last year's table
 * may be in 元 where this one is in 万元); undefined when last year has no
 * such table, it compares a different column, or this one has no code or
 * no figure.
 */
export function previousYearColumns(table: Table, previous: FilingRows | undefined, label: string): PreviousYearColumns | undefined {
  if (!previous || table.standard === undefined || table.empty || table.rows.length === 0) return undefined;
  const then = previous.get(table.standard);
  const now = rowFigures(table);
  if (!then || !now || then.column !== now.column) return undefined;
  const code = codeColumn(table);
  const amount = amountColumn(table);
  // Inside a header group (本年支出 › 合计, 基本支出 …) the new columns go after the group, which stays whole.
  const group = table.columns[amount]!.header;
  const inGroup = (c: number) => {
    const header = table.columns[c]?.header;
    return header !== undefined && header.length > 1 && header[0] === group[0];
  };
  let after = amount;
  while (group.length > 1 && inGroup(after + 1)) after++;
  const cells = table.rows.map((row) => {
    const key = row[code];
    const before = key ? then.byCode.get(key) : undefined;
    if (before === undefined || before === null) return null;
    const previousValue = inYuan({ value: before, unit: then.unit }).dividedBy(inYuan({ value: '1', unit: now.unit }));
    const current = row[amount];
    return { previous: exactAmount(previousValue), change: current ? signed(new Decimal(current).minus(previousValue)) : '' };
  });
  return { after, label, column: now.column, cells };
}

/** +12.50, −3.00, 0.00: the sign says which way, not a colour. */
function signed(value: Decimal): string {
  const text = exactAmount(value.abs());
  if (value.isZero()) return text;
  return value.isPositive() ? `+${text}` : `-${text}`;
}
