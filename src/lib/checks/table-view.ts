import type { Cell, Table } from '../records/schema/table.ts';
import type { Filing } from '../records/load-filing.ts';
import type { StandardTableKey } from '../records/schema/table.ts';
import type { ClassificationKind } from '../records/schema/classification-codes.ts';
import { normalizeLabel } from './labels.ts';

/**
 * Columns are found by their header paths and tables by their `standard`
 * key, never by position, so that a source with one more column or another
 * column order is still checked.
 */
export function standardTable(filing: Filing, key: StandardTableKey): Table | undefined {
  return filing.tables.find((t) => t.standard === key);
}

const headerCache = new WeakMap<Table, string[][]>();

/** Normalised header path of a column (computed once per table). */
export function headerOf(table: Table, column: number): string[] {
  let headers = headerCache.get(table);
  if (!headers) headerCache.set(table, (headers = table.columns.map((c) => c.header.map(normalizeLabel))));
  return headers[column]!;
}

export function amountColumns(table: Table): number[] {
  const out: number[] = [];
  table.columns.forEach((c, i) => {
    if (c.type === 'amount') out.push(i);
  });
  return out;
}

/** The first amount column whose normalised header path satisfies `test`. */
export function findAmountColumn(table: Table, test: (header: string[]) => boolean): number | undefined {
  return amountColumns(table).find((i) => test(headerOf(table, i)));
}

export const last = (header: string[]): string => header[header.length - 1] ?? '';

/** A table whose rows are 科目 of one classification: code column, name column, amounts. */
export interface ClassifiedTable {
  table: Table;
  kind: ClassificationKind;
  codeColumn: number;
  nameColumn: number | undefined;
  /** Data rows with a code, by code. */
  rowsByCode: Map<string, number>;
  /** The 合计 row (no code, labelled 合计/总计). */
  totalRow: number | undefined;
}

const classifiedCache = new WeakMap<Table, ClassifiedTable | null>();

/** The table read as 科目 rows; computed once per table, every rule asks for it. */
export function classified(table: Table): ClassifiedTable | undefined {
  let view = classifiedCache.get(table);
  if (view === undefined) {
    view = classify(table) ?? null;
    classifiedCache.set(table, view);
  }
  return view ?? undefined;
}

function classify(table: Table): ClassifiedTable | undefined {
  const codeColumn = table.columns.findIndex((c) => c.type === 'code');
  if (codeColumn < 0) return undefined;
  const kind = table.columns[codeColumn]!.classification ?? 'function';
  let nameColumn: number | undefined;
  for (let i = codeColumn + 1; i < table.columns.length; i++) {
    if (table.columns[i]!.type === 'text') {
      nameColumn = i;
      break;
    }
  }
  nameColumn ??= table.columns.findIndex((c) => c.type === 'text');
  if (nameColumn < 0) nameColumn = undefined;
  const rowsByCode = new Map<string, number>();
  let totalRow: number | undefined;
  table.rows.forEach((row, r) => {
    const code = row[codeColumn];
    if (code) {
      if (!rowsByCode.has(code)) rowsByCode.set(code, r);
    } else if (totalRow === undefined && rowLabelIsTotal(row, nameColumn)) totalRow = r;
  });
  return { table, kind, codeColumn, nameColumn, rowsByCode, totalRow };
}

/** Labels of the 合计 row of a table of 科目 (a row with no code). */
export const TOTAL_ROW_LABELS: readonly string[] = ['合计', '总计'];

function rowLabelIsTotal(row: Cell[], nameColumn: number | undefined): boolean {
  const labels = nameColumn === undefined ? row.filter((c) => c !== null) : [row[nameColumn]];
  return labels.some((c) => TOTAL_ROW_LABELS.includes(normalizeLabel(c)));
}

const labelCache = new WeakMap<Table, Map<number, string[]>>();

/** The normal form (see labels.ts) of every cell of a text column, computed once per table and column. */
export function columnLabels(table: Table, column: number): string[] {
  let byColumn = labelCache.get(table);
  if (!byColumn) labelCache.set(table, (byColumn = new Map()));
  let labels = byColumn.get(column);
  if (!labels) byColumn.set(column, (labels = table.rows.map((row) => normalizeLabel(row[column]))));
  return labels;
}
