import { codeLevel } from '../records/schema/classification-codes.ts';
import type { Cell, Column } from '../records/schema/table.ts';

/** What DataTable needs of a column: the record's column declaration, or one built for an indicator table. */
export type TableColumn = Pick<Column, 'header' | 'type'> &
  Partial<Pick<Column, 'classification' | 'unit'>> & {
    /** `false` keeps the column's cells out of the search index (figures always are). */
    searchable?: boolean;
  };

/** A cell that a finding of the checks points at: the finding's element id and its number in the 数据核对 list. */
export interface CellFlag {
  id: string;
  number: number;
}

export interface HeaderCell {
  label: string;
  colspan: number;
  rowspan: number;
  scope: 'col' | 'colgroup';
  /** Index of the column a leaf cell heads. */
  column?: number;
}

/**
 * Header rows of a multi-level `<thead>` from the columns' header paths, as
 * the source prints them: a group label spans the columns under it, a leaf
 * spans down to the last header row.
 */
export function headerRows(columns: readonly Pick<TableColumn, 'header'>[]): HeaderCell[][] {
  const depth = Math.max(...columns.map((c) => c.header.length));
  const rows: HeaderCell[][] = [];
  for (let level = 0; level < depth; level++) {
    const row: HeaderCell[] = [];
    let i = 0;
    while (i < columns.length) {
      const header = columns[i]!.header;
      if (header.length <= level) {
        i++;
        continue;
      }
      if (header.length === level + 1) {
        row.push({ label: header[level]!, colspan: 1, rowspan: depth - level, scope: 'col', column: i });
        i++;
        continue;
      }
      let j = i + 1;
      while (j < columns.length && columns[j]!.header.length > level + 1 && samePrefix(columns[j]!.header, header, level + 1)) j++;
      row.push({ label: header[level]!, colspan: j - i, rowspan: 1, scope: 'colgroup' });
      i = j;
    }
    rows.push(row);
  }
  return rows;
}

function samePrefix(a: readonly string[], b: readonly string[], length: number): boolean {
  for (let k = 0; k < length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Spans of the outermost header groups, for `<colgroup span>` elements that `scope="colgroup"` refers to. */
export function columnGroups(columns: readonly Pick<TableColumn, 'header'>[]): number[] {
  const spans: number[] = [];
  let i = 0;
  while (i < columns.length) {
    const first = columns[i]!.header;
    let j = i + 1;
    if (first.length > 1) while (j < columns.length && columns[j]!.header.length > 1 && columns[j]!.header[0] === first[0]) j++;
    spans.push(j - i);
    i = j;
  }
  return spans;
}

/**
 * The 栏次 row: the 序号 column is labelled 栏次 and every other column is
 * numbered from 1, as the standard tables print it.
 */
export function columnNumberCells(columns: readonly Pick<TableColumn, 'type'>[]): string[] {
  let n = 0;
  return columns.map((c) => (c.type === 'seq' ? '栏次' : String(++n)));
}

/**
 * The cell that names the row (`<th scope="row">`): the caller's column, or
 * else the first text cell that is not blank (收支总表 leaves the income side
 * blank below its last income line, and the expenditure item names the row).
 */
export function rowHeaderColumn(row: readonly Cell[], columns: readonly Pick<TableColumn, 'type'>[], explicit?: number): number {
  if (explicit !== undefined) return explicit;
  return columns.findIndex((c, i) => c.type === 'text' && row[i] !== null && row[i] !== '');
}

/** Amounts and other figures are right-aligned (and, like unsearchable columns, kept out of the search index). */
export function isNumeric(column: Pick<TableColumn, 'type'>): boolean {
  return column.type === 'amount' || column.type === 'number' || column.type === 'seq';
}

const TOTAL = /(合计|总计)$/;

/** 合计 / 总计 rows are shown in bold; they stay in `<tbody>` (a `<tfoot>` would repeat on every printed page). */
export function isTotalRow(row: readonly Cell[], columns: readonly Pick<TableColumn, 'type'>[]): boolean {
  return row.some((cell, c) => columns[c]?.type === 'text' && cell !== null && TOTAL.test(cell.replace(/[\s\u3000]/g, '')));
}

/** Indentation level of a row from its classification code: 类 0, 款 1, 项 2; null when the row has no code. */
export function rowLevel(row: readonly Cell[], columns: readonly Pick<TableColumn, 'type'>[]): number | null {
  const c = columns.findIndex((col) => col.type === 'code');
  if (c < 0) return null;
  const code = row[c];
  return code ? codeLevel(code) : null;
}

/**
 * Vertical merging of the first `count` columns (一级/二级指标 of an indicator
 * tree): a value equal to the one above, or blank as the source leaves a
 * merged cell, under an already merged parent, is covered by the cell above. Returns, per row and column, the rowspan of
 * the cell to draw, or 0 where the cell is covered.
 */
export function groupSpans(rows: readonly (readonly Cell[])[], count: number): number[][] {
  const spans = rows.map((row) => row.map(() => 1));
  for (let c = 0; c < count; c++) {
    let start = 0;
    for (let r = 1; r <= rows.length; r++) {
      const continues =
        r < rows.length && (rows[r]![c] === null || rows[r]![c] === rows[start]![c]) && (c === 0 || spans[r]![c - 1] === 0);
      if (continues) {
        spans[r]![c] = 0;
        continue;
      }
      spans[start]![c] = r - start;
      start = r;
    }
  }
  return spans;
}
