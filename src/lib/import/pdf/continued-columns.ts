import type { GridRow } from './grid-cells.ts';
import { TOLERANCE } from './lattice.ts';

/**
 * A table continued on the next page is ruled again there, with only the
 * column edges its rows on that page need: a last row whose cell spans two
 * columns of the first page has one ruling fewer. Read on the first page's
 * columns, the rows line up with the rows above them and the pages merge.
 *
 * `xs` are the continuation's column edges, `first` those of the table on
 * the page before. When every edge of `xs` is one of `first`'s (the outer
 * edges included) and `first` has more, each row is spread over `first`'s
 * columns: a cell covering several of them keeps its text in the first and
 * is the covering text of the others (GridRow.coveredBy). Otherwise null:
 * the two are not one table's columns.
 */
export function onFirstPageColumns(rows: readonly GridRow[], xs: readonly number[], first: readonly number[]): GridRow[] | null {
  if (xs.length >= first.length) return null;
  const at = xs.map((x) => first.findIndex((f) => Math.abs(f - x) <= TOLERANCE));
  if (at.some((i, k) => i < 0 || (k > 0 && i <= at[k - 1]!)) || at[0] !== 0 || at.at(-1) !== first.length - 1) return null;
  return rows.map((row) => {
    const cells: string[] = [];
    const coveredBy: (string | undefined)[] = [];
    row.cells.forEach((text, c) => {
      const covering = row.coveredBy[c];
      for (let k = at[c]!; k < at[c + 1]!; k++) {
        cells.push(k === at[c] ? text : '');
        coveredBy.push(k === at[c] ? covering : (covering ?? text));
      }
    });
    return { cells, coveredBy };
  });
}
