import type { Block, TableRow } from './blocks.ts';

const SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-*:?\s*)*\|?\s*$/;

/** Split a pipe-table line into cells; `\|` is a literal bar. */
function pipeCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}

/**
 * PDF → Markdown: pipe tables whose first header row is empty (the converter
 * could not tell the header) followed by the `|---|` line; every other line
 * is text. The empty header row is dropped: it carries no content.
 */
export function readMarkdownPipes(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let rows: TableRow[] | null = null;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed.startsWith('|')) {
      if (SEPARATOR.test(trimmed)) return;
      const cells = pipeCells(trimmed);
      if (!rows) {
        rows = [];
        blocks.push({ kind: 'table', rows, line });
      }
      if (rows.length === 0 && cells.every((c) => c.trim() === '')) return;
      rows.push({ cells, line });
      return;
    }
    rows = null;
    if (trimmed !== '') blocks.push({ kind: 'text', text: raw, line });
  });
  return blocks.filter((b) => b.kind === 'text' || b.rows.length > 0);
}
