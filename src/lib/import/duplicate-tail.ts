import type { Block, TableRow } from './blocks.ts';
import type { ImportReport } from './report.ts';
import { opensPart } from './stray-lines.ts';
import { cellText, compact, isContentsLine } from './text.ts';

const N = 6;

function shingles(text: string): string[] {
  const c = compact(text);
  const out: string[] = [];
  for (let k = 0; k + N <= c.length; k++) out.push(c.slice(k, k + N));
  return out;
}

/** A row of a 目录 printed as a table: a title and a page number. */
function isContentsRow(row: TableRow): boolean {
  const filled = row.cells.map(cellText).filter((c) => c !== '');
  return filled.length === 2 && /^\d{1,3}$/.test(compact(filled[1]!));
}

/**
 * The text a block adds to what the document has printed. The lines and
 * rows of a 目录 add nothing: a heading the 目录 lists is still printed for
 * the first time where its section starts.
 */
function printedText(block: Block): string {
  if (block.kind === 'text') return isContentsLine(block.text) ? '' : block.text;
  return block.rows
    .filter((r) => !isContentsRow(r))
    .map((r) => r.cells.join(' '))
    .join('\n');
}

/**
 * A PDF converter may append earlier pages again as broken lines. Find the
 * longest run of text blocks at the end of the document whose words almost
 * all (≥ 85% of their 6-character shingles) already stand earlier, each
 * block of it a repeat (≥ 80%), and drop it, saying so in the report. A
 * table or a block of new text ends the search: a tail is repeated prose, and
 * a real closing section after it, or before it, is kept. Nor is a tail
 * dropped that starts right after a heading printed there for the first
 * time: what follows a heading is its section's text, even when it quotes
 * earlier pages.
 */
export function dropDuplicateTail(blocks: readonly Block[], report: ImportReport): Block[] {
  const firstSeen = new Map<string, number>();
  const perBlock = blocks.map((b, i) => {
    const text = b.kind === 'text' ? b.text : b.rows.map((r) => r.cells.join(' ')).join('\n');
    const grams = shingles(text);
    let covered = 0;
    for (const g of grams) {
      const seen = firstSeen.get(g);
      if (seen !== undefined && seen < i) covered++;
    }
    const printed = printedText(b);
    for (const g of printed === text ? grams : shingles(printed)) if (!firstSeen.has(g)) firstSeen.set(g, i);
    return { total: grams.length, covered };
  });
  const repeats = (i: number) => perBlock[i]!.total >= N && perBlock[i]!.covered / perBlock[i]!.total >= 0.8;
  let total = 0;
  let covered = 0;
  let start = -1;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (blocks[i]!.kind === 'table') break;
    const own = perBlock[i]!;
    if (own.total >= N && !repeats(i)) break;
    total += own.total;
    covered += own.covered;
    if (repeats(i) && total >= 300 && covered / total >= 0.85) start = i;
  }
  if (start < 0) return [...blocks];
  let before = start - 1;
  while (before >= 0 && blocks[before]!.kind === 'text' && perBlock[before]!.total === 0) before--;
  const heading = blocks[before];
  if (heading?.kind === 'text' && opensPart(heading.text) && !repeats(before)) return [...blocks];
  const tail = blocks.slice(start);
  const share = Math.round((100 * tail.reduce((n, _, k) => n + perBlock[start + k]!.covered, 0)) / Math.max(1, tail.reduce((n, _, k) => n + perBlock[start + k]!.total, 0)));
  const last = tail[tail.length - 1]!;
  report.add(tail[0]!.line, 'skipped', `lines ${tail[0]!.line}–${last.kind === 'text' ? last.line : last.rows[last.rows.length - 1]!.line} (${tail.length} text blocks) repeat earlier pages as broken lines: ${share}% of their text already stands earlier in the document; left out as duplicate`);
  return blocks.slice(0, start);
}
