import type { Block, TableRow } from './blocks.ts';
import { strayRow } from './stray-lines.ts';

/**
 * One table row per line, cells separated by tabs; a blank line or a line
 * without a tab ends the table. Page breaks show up as a new table that
 * repeats the header block; merging those is the recognisers' job. A line
 * with tabs that holds only a heading, a title, a 注 line or a page number
 * (the converter kept the page's layout) is text between tables, not a row.
 */
export function readTabRows(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let rows: TableRow[] | null = null;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') {
      rows = null;
      return;
    }
    if (raw.includes('\t')) {
      const cells = raw.split('\t');
      const stray = strayRow(cells);
      if (stray !== null) {
        rows = null;
        blocks.push({ kind: 'text', text: stray, line });
        return;
      }
      if (!rows) {
        rows = [];
        blocks.push({ kind: 'table', rows, line });
      }
      rows.push({ cells, line });
      return;
    }
    rows = null;
    blocks.push({ kind: 'text', text: raw, line });
  });
  return blocks;
}
