import type { Block } from './blocks.ts';
import type { ImportReport } from './report.ts';
import { compact } from './text.ts';

const N = 6;

function shingles(text: string): string[] {
  const c = compact(text);
  const out: string[] = [];
  for (let k = 0; k + N <= c.length; k++) out.push(c.slice(k, k + N));
  return out;
}

/**
 * A PDF converter may append earlier pages again as broken lines. Find the
 * longest run of text blocks at the end of the document whose words almost
 * all (≥ 85% of their 6-character shingles) already stand earlier, and drop
 * it, saying so in the report. Tables end the search: a tail is prose.
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
      else if (seen === undefined) firstSeen.set(g, i);
    }
    return { total: grams.length, covered };
  });
  let total = 0;
  let covered = 0;
  let start = -1;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (blocks[i]!.kind === 'table') break;
    total += perBlock[i]!.total;
    covered += perBlock[i]!.covered;
    const own = perBlock[i]!;
    if (own.total >= N && own.covered / own.total >= 0.8 && total >= 300 && covered / total >= 0.85) start = i;
  }
  if (start < 0) return [...blocks];
  const tail = blocks.slice(start);
  const share = Math.round((100 * tail.reduce((n, _, k) => n + perBlock[start + k]!.covered, 0)) / Math.max(1, tail.reduce((n, _, k) => n + perBlock[start + k]!.total, 0)));
  const last = tail[tail.length - 1]!;
  report.add(tail[0]!.line, 'skipped', `lines ${tail[0]!.line}–${last.kind === 'text' ? last.line : last.rows[last.rows.length - 1]!.line} (${tail.length} text blocks) repeat earlier pages as broken lines: ${share}% of their text already stands earlier in the document; left out as duplicate`);
  return blocks.slice(0, start);
}
