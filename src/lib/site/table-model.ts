import { codeLevel } from '../records/schema/classification-codes.ts';
import { isMoneyUnit, type Cell, type Column } from '../records/schema/table.ts';

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

/**
 * The unit a caption states (单位：万元): the table's own, for a table with
 * money in it. A table without an amount column (机构设置, an indicator tree
 * whose values read ≤9001084元) states none, unless its record gives it a
 * unit of its own that is not money (人, 个).
 */
export function captionUnit(unit: string | undefined, columns: readonly Pick<TableColumn, 'type'>[]): string | undefined {
  if (!unit) return undefined;
  if (columns.some((c) => c.type === 'amount')) return unit;
  return isMoneyUnit(unit) ? undefined : unit;
}

/**
 * The column that names each row and stays in view while a wide table
 * scrolls sideways on a phone. A summary printed side by side (收入 | 支出,
 * each with its item column and its amounts) keeps the last side's item
 * column: the first side's figures sit right beside their own item column,
 * and scrolling right is for the other side. Otherwise the caller's row
 * header column, else the first text column. None when no column names rows
 * (a 决算's 三公 table is one row of figures).
 */
export function stickyColumn(columns: readonly Pick<TableColumn, 'header' | 'type'>[], rowHeader?: number): number | undefined {
  if (rowHeader !== undefined) return rowHeader;
  const sides = new Map<string, { item?: number; amounts: boolean }>();
  columns.forEach((c, i) => {
    if (c.header.length < 2) return;
    const side = sides.get(c.header[0]!) ?? { amounts: false };
    if (c.type === 'text' && side.item === undefined) side.item = i;
    if (c.type === 'amount') side.amounts = true;
    sides.set(c.header[0]!, side);
  });
  const items = [...sides.values()].filter((s) => s.item !== undefined && s.amounts).map((s) => s.item!);
  if (items.length >= 2) return items.at(-1);
  const first = columns.findIndex((c) => c.type === 'text');
  return first < 0 ? undefined : first;
}

/**
 * Room a column asks for on paper, in characters of the table's type size
 * (and one for the padding): a figure does not wrap (digits are half as
 * wide as a 汉字); text wraps, but reads badly below about six characters a
 * line, a header below four.
 */
function columnWidth(column: Pick<TableColumn, 'header' | 'type'>, cells: readonly Cell[]): number {
  const header = Math.min(4, column.header.at(-1)!.length);
  const longest = cells.reduce((n, cell) => Math.max(n, cell?.length ?? 0), 0);
  const content = column.type === 'text' ? Math.min(6, longest) : longest * 0.55;
  return Math.max(header, content) + 1;
}

/** What fits across an A4 portrait page at the printed size (180 mm of 9 pt type). */
export const PORTRAIT_CHARACTERS = 56;

/**
 * A table printed on a landscape page: one whose columns need more room
 * than a portrait page gives (the 13 columns of a 收入总表), which portrait
 * would squeeze to a character a line. A table without rows prints its
 * header alone: narrow header lines cost less than a landscape page of its own.
 */
export function isWideTable(columns: readonly Pick<TableColumn, 'header' | 'type'>[], rows: readonly (readonly Cell[])[]): boolean {
  if (rows.length === 0) return false;
  const width = columns.reduce((sum, column, c) => sum + columnWidth(column, rows.map((row) => row[c] ?? null)), 0);
  return width > PORTRAIT_CHARACTERS;
}
