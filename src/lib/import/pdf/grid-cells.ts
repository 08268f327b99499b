import { band, centreX, centreY, inside, type Piece } from './geometry.ts';
import { columns, rows, type Grid } from './lattice.ts';
import { blockText } from './text-lines.ts';

/** Pieces whose centre lies in the grid's box (with a small margin for text printed over a ruling). */
export function piecesIn(grid: Grid, pieces: readonly Piece[]): Piece[] {
  return pieces.filter((p) => inside(grid.box, centreX(p), centreY(p), 1));
}

export interface GridRow {
  cells: string[];
  /** For a cell a merged cell covers, that merged cell's text (see TableRow.coveredBy). */
  coveredBy: (string | undefined)[];
}

/**
 * The table's cell texts, one row per grid row and one cell per grid
 * column: each piece goes to the cell holding its centre, a merged cell's
 * text stands in its top-left grid cell and the cells it covers are ''.
 */
export function gridCells(grid: Grid, pieces: readonly Piece[]): GridRow[] {
  const nc = columns(grid);
  const byOwner = new Map<number, Piece[]>();
  for (const p of pieces) {
    const r = band(grid.ys, centreY(p));
    const c = band(grid.xs, centreX(p));
    const owner = grid.owner[r]![c]!;
    const list = byOwner.get(owner);
    if (list) list.push(p);
    else byOwner.set(owner, [p]);
  }
  // A merged cell reaches to the right edge of the last grid column its owner covers in its first row.
  const right = (index: number) => {
    const r = Math.floor(index / nc);
    let c = index % nc;
    while (c + 1 < nc && grid.owner[r]![c + 1] === index) c++;
    return grid.xs[c + 1]!;
  };
  const text = (index: number) => {
    const own = byOwner.get(index);
    return own ? blockText(own, { x0: grid.xs[index % nc]!, x1: right(index) }) : '';
  };
  return Array.from({ length: rows(grid) }, (_, r) => {
    const cells = Array.from({ length: nc }, (_, c) => text(r * nc + c));
    const coveredBy = Array.from({ length: nc }, (_, c) => {
      const owner = grid.owner[r]![c]!;
      return owner === r * nc + c ? undefined : text(owner);
    });
    return { cells, coveredBy };
  });
}
