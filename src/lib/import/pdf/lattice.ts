import { cluster, mean, type Box, type Segment } from './geometry.ts';
import { mergeRulings } from './rulings.ts';

/** Coordinates this close (pt) are one grid line. */
export const TOLERANCE = 2;
/** A ruling must cover this share of a cell edge to separate the two cells. */
const COVER = 0.5;
/** Shorter runs are marks (underlines of a glyph, ticks), not rulings. */
const MIN_RULING = 2;
/** More rulings than this on a page is a drawing (a hatch, a chart), not tables: its text is read as lines. */
const MAX_RULINGS = 5000;

/**
 * The grid of one ruled table: column edges xs, row edges ys (display space),
 * and for every grid cell the index (row * columns + column) of the top-left
 * cell of the merged cell it belongs to.
 */
export interface Grid {
  box: Box;
  xs: number[];
  ys: number[];
  owner: number[][];
}

export const columns = (g: Grid) => g.xs.length - 1;
export const rows = (g: Grid) => g.ys.length - 1;

class Sets {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) [this.parent[i], i] = [root, this.parent[i]!];
    return root;
  }
  /** Joins two sets; the smaller index stays the root, so a merged cell is named by its top-left cell. */
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

const touches = (h: Segment, v: Segment) =>
  v.x0 >= h.x0 - TOLERANCE && v.x0 <= h.x1 + TOLERANCE && h.y0 >= v.y0 - TOLERANCE && h.y0 <= v.y1 + TOLERANCE;

/**
 * The ruled tables of a page: rulings that cross or meet form a region; a
 * region with at least two horizontal and two vertical lines and at least
 * two cells is a table. A box around a paragraph (one cell) is not.
 */
export function findGrids(horizontal: readonly Segment[], vertical: readonly Segment[]): Grid[] {
  const long = (s: Segment) => s.x1 - s.x0 + (s.y1 - s.y0) >= MIN_RULING;
  const hs = mergeRulings(horizontal, 'horizontal', TOLERANCE).filter(long);
  const vs = mergeRulings(vertical, 'vertical', TOLERANCE).filter(long);
  if (hs.length + vs.length > MAX_RULINGS) return [];
  const sets = new Sets(hs.length + vs.length);
  hs.forEach((h, i) => vs.forEach((v, j) => touches(h, v) && sets.union(i, hs.length + j)));
  const regions = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  const region = (i: number) => regions.get(sets.find(i)) ?? regions.set(sets.find(i), { hs: [], vs: [] }).get(sets.find(i))!;
  hs.forEach((h, i) => region(i).hs.push(h));
  vs.forEach((v, j) => region(hs.length + j).vs.push(v));
  const grids: Grid[] = [];
  for (const r of regions.values()) {
    const grid = gridOf(r.hs, r.vs);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.box.top - b.box.top || a.box.x0 - b.box.x0);
}

/** Grid line positions: the clustered rulings, plus the region's edges where no ruling stands. */
function edges(positions: number[], lo: number, hi: number): number[] {
  const lines = cluster(positions, TOLERANCE).map(mean);
  if (lines[0]! - lo > TOLERANCE) lines.unshift(lo);
  if (hi - lines.at(-1)! > TOLERANCE) lines.push(hi);
  return lines;
}

/** The rulings standing on each grid line (the nearest, as a cluster may chain wider than the tolerance), as [from, to] runs along it. */
function onLines(lines: readonly number[], rulings: readonly Segment[], across: (s: Segment) => number, along: (s: Segment) => [number, number]): [number, number][][] {
  const out = lines.map((): [number, number][] => []);
  for (const s of rulings) {
    let best = 0;
    lines.forEach((at, i) => {
      if (Math.abs(across(s) - at) < Math.abs(across(s) - lines[best]!)) best = i;
    });
    out[best]!.push(along(s));
  }
  return out;
}

/** Length of [from, to] that the runs cover. */
function covered(runs: readonly [number, number][], from: number, to: number): number {
  return runs.reduce((total, [a, b]) => total + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0);
}

function gridOf(hs: Segment[], vs: Segment[]): Grid | null {
  if (hs.length === 0 || vs.length === 0) return null;
  const box: Box = {
    x0: Math.min(...hs.map((s) => s.x0), ...vs.map((s) => s.x0)),
    x1: Math.max(...hs.map((s) => s.x1), ...vs.map((s) => s.x1)),
    top: Math.min(...hs.map((s) => s.y0), ...vs.map((s) => s.y0)),
    bottom: Math.max(...hs.map((s) => s.y1), ...vs.map((s) => s.y1)),
  };
  const xs = edges(
    vs.map((s) => s.x0),
    box.x0,
    box.x1,
  );
  const ys = edges(
    hs.map((s) => s.y0),
    box.top,
    box.bottom,
  );
  const nc = xs.length - 1;
  const nr = ys.length - 1;
  if (nc < 1 || nr < 1) return null;
  const walls = onLines(xs, vs, (s) => s.x0, (s) => [s.y0, s.y1]);
  const floors = onLines(ys, hs, (s) => s.y0, (s) => [s.x0, s.x1]);
  const cells = new Sets(nr * nc);
  for (let r = 0; r < nr; r++) {
    const [top, bottom] = [ys[r]!, ys[r + 1]!];
    for (let c = 0; c < nc; c++) {
      const [left, right] = [xs[c]!, xs[c + 1]!];
      if (c + 1 < nc && covered(walls[c + 1]!, top, bottom) < COVER * (bottom - top)) cells.union(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && covered(floors[r + 1]!, left, right) < COVER * (right - left)) cells.union(r * nc + c, (r + 1) * nc + c);
    }
  }
  const owner = Array.from({ length: nr }, (_, r) => Array.from({ length: nc }, (_, c) => cells.find(r * nc + c)));
  if (new Set(owner.flat()).size < 2) return null;
  return { box, xs, ys, owner };
}
