import { centreX, centreY, inside, type Piece } from './geometry.ts';
import { columns, rows, type Grid } from './lattice.ts';
import { blockText } from './text-lines.ts';

/** Index of the band [edges[i], edges[i+1]] holding v (the nearest band when v falls on an edge or just outside). */
function band(edges: readonly number[], v: number): number {
  for (let i = 0; i < edges.length - 2; i++) if (v < edges[i + 1]!) return i;
  return edges.length - 2;
}

/** Pieces whose centre lies in the grid's box (with a small margin for text printed over a ruling). */
export function piecesIn(grid: Grid, pieces: readonly Piece[]): Piece[] {
  return pieces.filter((p) => inside(grid.box, centreX(p), centreY(p), 1));
}

/**
 * The table's cell texts, one row per grid row and one cell per grid
 * column: each piece goes to the cell holding its centre, a merged cell's
 * text stands in its top-left grid cell and the cells it covers are ''.
 */
export function gridCells(grid: Grid, pieces: readonly Piece[]): string[][] {
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
  return Array.from({ length: rows(grid) }, (_, r) =>
    Array.from({ length: nc }, (_, c) => {
      const own = byOwner.get(r * nc + c);
      return own ? blockText(own) : '';
    }),
  );
}
