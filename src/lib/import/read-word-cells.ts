import type { Block, TableRow } from './blocks.ts';

/**
 * Word → text: each table cell on its own line, prefixed by a tab (a blank
 * cell is a tab alone); rows are separated by blank lines; a line without a
 * tab directly under a cell continues that cell (a line break inside it).
 * `[bookmark: …]` markers are the converter's, not the document's.
 */
export function readWordCells(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let rows: TableRow[] | null = null;
  let row: TableRow | null = null;
  let lastWasCell = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.replace(/\[bookmark:[^\]]*\]/g, '');
    if (text.startsWith('\t')) {
      if (!rows) {
        rows = [];
        blocks.push({ kind: 'table', rows, line });
      }
      if (!row) {
        row = { cells: [], line };
        rows.push(row);
      }
      row.cells.push(text.slice(1));
      lastWasCell = true;
      return;
    }
    if (text.trim() === '') {
      row = null;
      lastWasCell = false;
      return;
    }
    if (lastWasCell && row) {
      const cells: string[] = row.cells;
      cells[cells.length - 1] = `${cells[cells.length - 1]}\n${text}`;
      return;
    }
    rows = null;
    row = null;
    lastWasCell = false;
    blocks.push({ kind: 'text', text, line });
  });
  for (const block of blocks) if (block.kind === 'table') block.rows = mergeSplitRows(block.rows);
  return blocks;
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
