import type { Block, TableRow } from './blocks.ts';
import { strayRow } from './stray-lines.ts';

/**
 * `|---|:--:|  |`: a first cell of dashes, the others dashes or blank, colons
 * allowed at either end. Cell by cell: one pattern over the whole line has
 * spaces that two parts could take, and a stray character at the end of a
 * line of blank cells made it try every way of sharing them out (exponential).
 */
function isSeparator(trimmed: string): boolean {
  const cells = trimmed.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
  return /^:?-{2,}:?$/.test(cells[0]!) && cells.slice(1).every((c) => /^:?-*:?$/.test(c));
}

/** Split a pipe-table line into cells; `\|` is a literal bar. */
function pipeCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}

const blankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * PDF → Markdown: pipe tables whose first header row is empty (the converter
 * could not tell the header) followed by the `|---|` line; every other line
 * is text. The empty header row is dropped: it carries no content. A `|---|`
 * line further down starts a new table (two tables without a blank line
 * between them): the row above it is the new table's first. A row holding
 * only a heading, a title, a 注 line or a page number is text, not a row.
 */
export function readMarkdownPipes(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let rows: TableRow[] | null = null;
  const startTable = (line: number): TableRow[] => {
    const fresh: TableRow[] = [];
    blocks.push({ kind: 'table', rows: fresh, line });
    return fresh;
  };
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed.startsWith('|')) {
      if (isSeparator(trimmed)) {
        if (rows && rows.length > 1) {
          const header = rows.pop()!;
          rows = startTable(header.line);
          if (!blankRow(header.cells)) rows.push(header);
        }
        return;
      }
      const cells = pipeCells(trimmed);
      const stray = strayRow(cells);
      if (stray !== null) {
        rows = null;
        blocks.push({ kind: 'text', text: stray, line });
        return;
      }
      rows ??= startTable(line);
      if (rows.length === 0 && blankRow(cells)) return;
      rows.push({ cells, line });
      return;
    }
    rows = null;
    if (trimmed !== '') blocks.push({ kind: 'text', text: raw, line });
  });
  return blocks.filter((b) => b.kind === 'text' || b.rows.length > 0);
}
