import type { Table } from '../records/schema/table.ts';
import { amountColumns, columnLabels, headerOf, last } from './table-view.ts';
import { checkable, looked, type Miss } from './rules/unchecked.ts';

/**
 * The 三公 table is printed two ways. A 预算 lists the items as rows (合计,
 * 因公出国（境）费 …) with a 合计 column and one per fund; a 决算 prints one
 * row of figures with the items as column groups, each split into 预算数 and
 * 决算数. Items are found by their labels in either layout.
 */
const THREE_PUBLIC = {
  total: ['合计'],
  subtotal: ['三公经费小计'],
  abroad: ['因公出国(境)费'],
  abroadTeaching: ['教学科研人员因公出国(境)费'],
  abroadOther: ['其他因公出国(境)费'],
  vehicles: ['公务用车购置及运维费', '公务用车购置及运行费', '公务用车购置及运行维护费'],
  vehiclePurchase: ['公务用车购置费'],
  vehicleOperation: ['公务用车运行维护费', '公务用车运行费', '公务用车运维费'],
  reception: ['公务接待费'],
} as const satisfies Record<string, readonly string[]>;
export type ThreePublicItem = keyof typeof THREE_PUBLIC;
/** The labels of each item, by normalised label (alternatives, the usual one first). */
export const THREE_PUBLIC_LABELS: Record<ThreePublicItem, readonly string[]> = THREE_PUBLIC;

/** The row of the first of `labels` the table shows; `miss` is told when it shows none of them. */
export function threePublicRow(table: Table, labels: readonly string[], miss?: Miss): number | undefined {
  const textColumns = table.columns.flatMap((c, i) => (c.type === 'text' ? [columnLabels(table, i)] : []));
  for (const label of labels) {
    const r = table.rows.findIndex((_, row) => textColumns.some((column) => column[row] === label));
    if (r >= 0) return r;
  }
  if (miss && checkable(table)) miss(table, looked(labels, '行'));
  return undefined;
}

export const MEASURES = ['预算数', '决算数'] as const;
export type Measure = (typeof MEASURES)[number];

/** The 决算 layout: the column of each item and measure, by `item/measure`. */
export interface ThreePublicColumns {
  table: Table;
  column(item: ThreePublicItem, measure: Measure): number | undefined;
  /** Rows with a figure in any of these columns. */
  rows: number[];
  /** Columns headed …/预算数 or …/决算数 under a label that is none of the items, or an item already seen: in no sum. */
  unknown: { column: number; seen: number | undefined }[];
}

const columnsCache = new WeakMap<Table, ThreePublicColumns | null>();

/** The table read in the 决算 layout (amount columns headed <item>/预算数, <item>/决算数), or nothing. */
export function threePublicColumns(table: Table): ThreePublicColumns | undefined {
  let view = columnsCache.get(table);
  if (view === undefined) columnsCache.set(table, (view = readColumns(table) ?? null));
  return view ?? undefined;
}

function readColumns(table: Table): ThreePublicColumns | undefined {
  const measured = amountColumns(table).filter((c) => (MEASURES as readonly string[]).includes(last(headerOf(table, c))));
  if (measured.length === 0) return undefined;
  const at = new Map<string, number>();
  const unknown: ThreePublicColumns['unknown'] = [];
  for (const c of measured) {
    const header = headerOf(table, c);
    const item = itemOf(header.slice(0, -1));
    const key = `${item}/${last(header)}`;
    if (!item || at.has(key)) unknown.push({ column: c, seen: item && at.get(key) });
    else at.set(key, c);
  }
  // 预算数 and 决算数 columns over item rows (合计, 因公出国（境）费 … as row labels) are the 预算 layout with two measures.
  if (at.size === 0) return undefined;
  const rows = table.rows.flatMap((row, r) => (measured.some((c) => row[c] !== null) ? [r] : []));
  return { table, column: (item, measure) => at.get(`${item}/${measure}`), rows, unknown };
}

/** The item a header path (without its measure) stands for: its last label, or 小计 under 公务用车购置及运行费. */
function itemOf(path: string[]): ThreePublicItem | undefined {
  const node = last(path);
  if (node === '小计' && path.some((p) => THREE_PUBLIC.vehicles.some((v) => v === p))) return 'vehicles';
  const item = (Object.keys(THREE_PUBLIC) as ThreePublicItem[]).find((key) => THREE_PUBLIC[key].some((label) => label === node));
  // The caption over every column (财政拨款“三公”经费) heads the total where it has no 合计 below it.
  return item ?? (path.length === 1 && node.includes('三公经费') ? 'total' : undefined);
}
