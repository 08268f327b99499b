import type { Block, TableRow } from './blocks.ts';
import { opensPart } from './stray-lines.ts';
import { isPageFurniture, numericCell } from './text.ts';

const BOOKMARK = /\[bookmark:[^\]]*\]/g;

interface Table {
  rows: TableRow[];
  /** The most cells a finished row of this table has had. */
  width: number;
}

/**
 * Word → text: each table cell on its own line, prefixed by a tab (a blank
 * cell is a tab alone); rows are separated by blank lines; a line without a
 * tab directly under a cell continues that cell (a line break inside it).
 * `[bookmark: …]` markers are the converter's, not the document's.
 *
 * A line under a cell is not its continuation when it cannot be: a page
 * number, a line Word bookmarked (a heading), words under a figure, a
 * heading or table title under a finished row, or any line after which more
 * cells would make the row wider than the table (the next table's title
 * glued to the last row). Such a line ends the table, so that a table need
 * not end with a blank line.
 */
export function readWordCells(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let table: Table | null = null;
  let row: TableRow | null = null;
  let lastWasCell = false;
  const endRow = () => {
    if (table && row) table.width = Math.max(table.width, row.cells.length);
    row = null;
  };
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.replace(BOOKMARK, '');
    if (text.startsWith('\t')) {
      if (!table) {
        table = { rows: [], width: 0 };
        blocks.push({ kind: 'table', rows: table.rows, line });
      }
      if (!row) {
        row = { cells: [], line };
        table.rows.push(row);
      }
      row.cells.push(text.slice(1));
      lastWasCell = true;
      return;
    }
    if (text.trim() === '') {
      endRow();
      lastWasCell = false;
      return;
    }
    if (lastWasCell && table && row && continuesCell(table, row, text, text !== raw, lines, index)) {
      const cells: string[] = row.cells;
      cells[cells.length - 1] = `${cells[cells.length - 1]}\n${text}`;
      return;
    }
    endRow();
    table = null;
    lastWasCell = false;
    blocks.push({ kind: 'text', text, line });
  });
  for (const block of blocks) if (block.kind === 'table') block.rows = mergeSplitRows(block.rows);
  return blocks;
}

/** Whether `text`, the line under the last cell of `row`, is a further line of that cell. */
function continuesCell(table: Table, row: TableRow, text: string, bookmarked: boolean, lines: readonly string[], index: number): boolean {
  const cell = row.cells[row.cells.length - 1]!;
  if (bookmarked || isPageFurniture(text)) return false;
  if (numericCell(cell) !== null && numericCell(text) === null) return false;
  const finished = table.width > 1 && row.cells.length >= table.width;
  if (!finished) return true;
  if (opensPart(text)) return false;
  // Further cells after this line would make the row wider than the table: the line stands between two tables.
  for (let k = index + 1; k < lines.length; k++) {
    const next = lines[k]!.replace(BOOKMARK, '');
    if (next.startsWith('\t')) return false;
    if (next.trim() === '') return true;
  }
  return true;
}

/**
 * The converter sometimes breaks one row with a blank line (a page break
 * inside a row): rows shorter than the row above that together make up its
 * width are one row.
 */
function mergeSplitRows(rows: TableRow[]): TableRow[] {
  const out: TableRow[] = [];
  let width = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    let cells = row.cells;
    let end = k;
    if (width > 0 && cells.length < width) {
      let total = cells.length;
      let probe = k + 1;
      while (probe < rows.length && total < width) total += rows[probe++]!.cells.length;
      if (total === width) {
        cells = rows.slice(k, probe).flatMap((r) => r.cells);
        end = probe - 1;
      }
    }
    out.push({ cells, line: row.line });
    if (cells.length > 1) width = cells.length;
    k = end;
  }
  return out;
}
