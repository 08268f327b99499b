import type { Block, TableRow } from './blocks.ts';

/**
 * One table row per line, cells separated by tabs; a blank line or a line
 * without a tab ends the table. Page breaks show up as a new table that
 * repeats the header block; merging those is the recognisers' job.
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
      if (!rows) {
        rows = [];
        blocks.push({ kind: 'table', rows, line });
      }
      rows.push({ cells: raw.split('\t'), line });
      return;
    }
    rows = null;
    blocks.push({ kind: 'text', text: raw, line });
  });
  return blocks;
}
