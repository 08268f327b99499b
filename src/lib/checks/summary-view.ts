import type { Table } from '../records/schema/table.ts';
import { headerOf, last } from './table-view.ts';
import { isNumberedItem, isOfWhich, isTotalLabel, normalizeLabel } from './labels.ts';

/**
 * 收支总表 and 财政拨款收支总表 print income and expenditure side by side:
 * under 收入 an item column and its amount, under 支出 an item column and one
 * or more amounts (合计, then by fund). A side is found by its top header.
 */
export interface Side {
  table: Table;
  itemColumn: number;
  /** Amount columns of the side, the 合计 (or only) column first. */
  amountColumns: number[];
  /** Rows whose item label is set, with the label in normal form; `part` rows (其中：…) break down the row above. */
  items: { row: number; label: string; numbered: boolean; part: boolean }[];
}

export type SideName = '收入' | '支出';

const sideCache = new WeakMap<Table, Partial<Record<SideName, Side | null>>>();

/** One side of a summary table; computed once per table, several rules ask for it. */
export function summarySide(table: Table, name: SideName): Side | undefined {
  let sides = sideCache.get(table);
  if (!sides) sideCache.set(table, (sides = {}));
  if (sides[name] === undefined) sides[name] = readSide(table, name) ?? null;
  return sides[name] ?? undefined;
}

function readSide(table: Table, name: SideName): Side | undefined {
  const inSide = (i: number) => (headerOf(table, i)[0] ?? '').includes(name) && table.columns[i]!.header.length > 1;
  const itemColumn = table.columns.findIndex((c, i) => c.type === 'text' && inSide(i));
  if (itemColumn < 0) return undefined;
  const amounts = table.columns.flatMap((c, i) => (c.type === 'amount' && inSide(i) ? [i] : []));
  if (amounts.length === 0) return undefined;
  amounts.sort((a, b) => Number(!isTotalLabel(last(headerOf(table, a)))) - Number(!isTotalLabel(last(headerOf(table, b)))));
  const items = table.rows.flatMap((row, r) => {
    const raw = row[itemColumn];
    return raw ? [{ row: r, label: normalizeLabel(raw), numbered: isNumberedItem(raw), part: isOfWhich(raw) }] : [];
  });
  return { table, itemColumn, amountColumns: amounts, items };
}

const is = {
  // A 决算 prints 总计 on both sides.
  grandTotal: (name: SideName) => (label: string) => label === `${name}总计` || label === '总计',
  yearTotal: (name: SideName) => (label: string) => label === `本年${name}合计` || label === `${name}合计`,
};

/** What summarySide, grandTotalRow and yearTotalRow look for, to say so when it is not there. */
export const lookedFor = {
  side: (name: SideName) => `“${name}”栏（表头“${name}/…”下的项目列和金额列）`,
  grandTotal: (name: SideName) => `“${name}总计”行`,
  yearTotal: (name: SideName) => `“本年${name}合计”（或“${name}合计”）行`,
};

/** The row of the side's 收入总计 / 支出总计. */
export function grandTotalRow(side: Side, name: SideName): number | undefined {
  return side.items.find((i) => is.grandTotal(name)(i.label))?.row;
}

/** The row of 本年收入合计 / 本年支出合计. */
export function yearTotalRow(side: Side, name: SideName): number | undefined {
  return side.items.find((i) => is.yearTotal(name)(i.label))?.row;
}

/** The first item row above the year total whose label satisfies `test` (一、一般公共预算拨款收入 …). */
export function incomeItemRow(side: Side, name: SideName, test: (label: string) => boolean): number | undefined {
  const end = yearTotalRow(side, name) ?? Number.POSITIVE_INFINITY;
  return side.items.find((i) => i.row < end && test(i.label))?.row;
}

/** Rows between the year total and the grand total that add to it (上年结转 …), without their numbered breakdowns. */
export function carriedRows(side: Side, name: SideName): number[] {
  const start = yearTotalRow(side, name);
  const end = grandTotalRow(side, name);
  if (start === undefined || end === undefined) return [];
  return side.items.filter((i) => i.row > start && i.row < end && !i.numbered && !i.part).map((i) => i.row);
}

/** Numbered rows directly under a carried-over row: its breakdown by fund. */
export function breakdownRows(side: Side, name: SideName, parent: number): number[] {
  const end = grandTotalRow(side, name) ?? Number.POSITIVE_INFINITY;
  const out: number[] = [];
  for (const item of side.items) {
    if (item.row <= parent) continue;
    if (item.part) continue;
    if (item.row >= end || !item.numbered) break;
    out.push(item.row);
  }
  return out;
}

/** Item rows above the year total: the income sources or the expenditure 类. */
export function itemRows(side: Side, name: SideName): number[] {
  const end = yearTotalRow(side, name);
  if (end === undefined) return [];
  return side.items.filter((i) => i.row < end && !i.part).map((i) => i.row);
}
