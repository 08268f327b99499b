import type { Block, SourceForm } from './blocks.ts';

/** The forms a converter's extracted text comes in. */
export type TextForm = Extract<SourceForm, 'word-cells' | 'tab-rows' | 'markdown-pipes'>;
import { readMarkdownPipes } from './read-markdown-pipes.ts';
import { readTabRows } from './read-tab-rows.ts';
import { readWordCells } from './read-word-cells.ts';

/**
 * Which converter wrote the text: pipe tables mean PDF → Markdown; lines that
 * start with a tab and hold a single cell mean Word → text, one cell per
 * line; lines with tabs between cells mean one row per line.
 */
export function detectForm(lines: readonly string[]): TextForm | null {
  let pipes = 0;
  let singleCells = 0;
  let rows = 0;
  for (const line of lines) {
    if (/^\s*\|.*\|\s*$/.test(line)) pipes++;
    else if (/^\t[^\t]*$/.test(line)) singleCells++;
    else if (/[^\t]\t/.test(line)) rows++;
  }
  if (pipes >= 3 && pipes >= singleCells && pipes >= rows) return 'markdown-pipes';
  if (singleCells >= 3 && singleCells > rows) return 'word-cells';
  if (rows >= 3) return 'tab-rows';
  return null;
}

export function readBlocks(form: TextForm, lines: readonly string[]): Block[] {
  switch (form) {
    case 'word-cells':
      return readWordCells(lines);
    case 'tab-rows':
      return readTabRows(lines);
    case 'markdown-pipes':
      return readMarkdownPipes(lines);
  }
}
