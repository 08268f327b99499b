import type { Line } from './text-lines.ts';

/**
 * Lines of running text set as paragraphs: a line that runs to the right
 * edge of the text continues in the line below, when that line starts at
 * the left edge (not indented as a new paragraph), follows at the usual
 * line spacing and nothing (a table) stands between them. Headings, short
 * last lines and indented first lines end or start a paragraph. A centred
 * title too long for one line fills the width and goes on in a line
 * centred on the same axis (`…绩效目标` / `表`). Measured on the page
 * itself, so any margin and font size works.
 */

/** How close to the text's right edge a line must end to run on, in ems: a line wraps early before a word that does not fit (（项）, a figure). */
const RUNS_ON_EMS = 3.5;
/** How far right of the left edge a line may start and still continue a paragraph, in ems. */
const FLUSH_EMS = 0.6;
/** The largest gap between two lines of one paragraph, in line heights. */
const LINE_GAP = 1.2;

const size = (line: Line) => Math.max(1, line.bottom - line.top);
const middle = (line: Line) => (line.x0 + line.x1) / 2;

/** The page's text lines grouped into paragraphs, in order; `between` says whether something else stands between two lines. */
export function paragraphs(lines: readonly Line[], between: (above: Line, below: Line) => boolean): Line[][] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const groups: Line[][] = [];
  let current: Line[] = [];
  // A line with as much room on its left as on its right, within an em, as a centred line has (a full line too).
  const centred = (line: Line) => Math.abs(line.x0 - left - (right - line.x1)) <= size(line);
  for (const line of lines) {
    const above = current[current.length - 1];
    const flushLeft = line.x0 <= left + FLUSH_EMS * size(line);
    const onAxis = current.every(centred) && Math.abs(middle(line) - middle(above ?? line)) <= FLUSH_EMS * size(line);
    const continues =
      above !== undefined &&
      above.x1 >= right - RUNS_ON_EMS * size(above) &&
      (flushLeft || onAxis) &&
      Math.abs(size(line) - size(above)) <= 0.25 * size(above) &&
      line.top - above.bottom <= LINE_GAP * size(above) &&
      !between(above, line);
    if (continues) current.push(line);
    else {
      if (current.length > 0) groups.push(current);
      current = [line];
    }
  }
  groups.push(current);
  return groups;
}
