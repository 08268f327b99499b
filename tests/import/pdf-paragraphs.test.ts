import { describe, expect, it } from 'vitest';
import { paragraphs } from '../../src/lib/import/pdf/paragraphs.ts';
import type { Line } from '../../src/lib/import/pdf/text-lines.ts';

/** A line of 12-point text from x0 to x1, its top at `top`. */
const line = (name: string, x0: number, x1: number, top: number): Line => ({ pieces: [{ text: name, x0, x1, top, bottom: top + 12, size: 12, spaceBefore: false }], top, bottom: top + 12, x0, x1 });
const names = (groups: Line[][]) => groups.map((g) => g.map((l) => l.pieces[0]!.text));

describe('PDF lines set as paragraphs', () => {
  it('joins a line that runs to the right edge with the flush-left line below; an indented line, a heading and a short last line end a paragraph', () => {
    const lines = [
      line('heading', 0, 200, 0),
      line('p1-first', 24, 500, 20),
      line('p1-wrap', 0, 496, 38),
      line('p1-last', 0, 120, 56),
      line('p2-first', 24, 500, 74),
      line('p2-last', 0, 300, 92),
      line('flush-after-short', 0, 500, 110),
    ];
    expect(names(paragraphs(lines, () => false))).toEqual([['heading'], ['p1-first', 'p1-wrap', 'p1-last'], ['p2-first', 'p2-last'], ['flush-after-short']]);
  });

  it('never joins across a table, a wide gap or a change of font size', () => {
    const big: Line = { ...line('big', 0, 500, 38), bottom: 38 + 18 };
    const lines = [line('a', 0, 500, 0), line('across-table', 0, 500, 18), line('b', 0, 500, 100), big];
    expect(names(paragraphs(lines, (above) => above.pieces[0]!.text === 'a'))).toEqual([['a'], ['across-table'], ['b'], ['big']]);
  });
});
