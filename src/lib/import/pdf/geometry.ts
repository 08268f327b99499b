/**
 * Shapes of a PDF page in the page's display space: points (1/72 in), x to
 * the right, y downwards from the top of the page as it is shown (rotation
 * applied), so that "above" and "left of" mean what a reader sees.
 */

/** An affine matrix [a, b, c, d, e, f] as PDF writes it. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m applied first, then n (PDF's `m × n`). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function asMatrix(value: unknown): Matrix | null {
  if (!value || typeof value !== 'object' || !('length' in value) || value.length !== 6) return null;
  const v = Array.from(value as ArrayLike<unknown>);
  if (!v.every((n): n is number => typeof n === 'number' && Number.isFinite(n))) return null;
  return [v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!];
}

export interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** A piece of text without inner whitespace, with the box its glyphs cover. */
export interface Piece extends Box {
  text: string;
  /** Font size, for gaps measured in ems. */
  size: number;
  /** The source had whitespace right before this piece (inside one text item). */
  spaceBefore: boolean;
  /** That whitespace was an ideographic space (U+3000), which Chinese text types on purpose (`合　计`). */
  ideographicBefore?: boolean;
}

/** A ruling: horizontal when y0 === y1 (x0 < x1), vertical when x0 === x1 (y0 < y1). */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const centreX = (b: Box) => (b.x0 + b.x1) / 2;
export const centreY = (b: Box) => (b.top + b.bottom) / 2;

export function inside(b: Box, x: number, y: number, margin = 0): boolean {
  return x >= b.x0 - margin && x <= b.x1 + margin && y >= b.top - margin && y <= b.bottom + margin;
}

/**
 * Single-linkage clusters of sorted values: neighbours closer than `tolerance`
 * are one coordinate (a ruling drawn cell by cell lands a few hundredths apart).
 */
export function cluster(values: readonly number[], tolerance: number): number[][] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const last = groups.at(-1);
    if (last && v - last[last.length - 1]! <= tolerance) last.push(v);
    else groups.push([v]);
  }
  return groups;
}

/** Index of the band [edges[i], edges[i+1]] holding v (the nearest band when v falls on an edge or just outside). */
export function band(edges: readonly number[], v: number): number {
  for (let i = 0; i < edges.length - 2; i++) if (v < edges[i + 1]!) return i;
  return edges.length - 2;
}

export const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
