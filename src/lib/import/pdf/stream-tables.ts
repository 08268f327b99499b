import type { Piece } from './geometry.ts';
import { lineText, tidy, type Line } from './text-lines.ts';

/**
 * Tables printed without rulings (some exporters draw none): read from
 * the alignment of text across consecutive lines ("stream" mode). Used
 * only for text outside ruled tables.
 */
export interface StreamTable {
  rows: string[][];
  top: number;
}

/** A gap this many ems wide between two pieces of one line separates cells. */
const CELL_GAP_EMS = 1;
/** Lines further apart than this many line heights do not belong to one table. */
const LINE_GAP = 2.5;
/** A table needs this many lines with at least this many cells, and as many columns. */
const MIN_FULL_LINES = 3;
const MIN_COLUMNS = 3;

interface Chunk {
  pieces: Piece[];
  x0: number;
  x1: number;
}

/** A line cut where the gap between two pieces is a cell gap. */
function chunks(line: Line): Chunk[] {
  const out: Chunk[] = [];
  for (const p of line.pieces) {
    const last = out.at(-1);
    if (last && p.x0 - last.x1 <= CELL_GAP_EMS * p.size) {
      last.pieces.push(p);
      last.x1 = Math.max(last.x1, p.x1);
    } else out.push({ pieces: [p], x0: p.x0, x1: p.x1 });
  }
  return out;
}

const height = (l: Line) => l.bottom - l.top;

/**
 * Runs of lines that look like table rows: lines with two or more cells, and
 * a one-cell line between two such lines (a wrapped cell), close together.
 */
function runs(lines: readonly Line[], cut: readonly Chunk[][]): number[][] {
  const out: number[][] = [];
  let run: number[] = [];
  const close = (a: number, b: number) => lines[b]!.top - lines[a]!.bottom <= LINE_GAP * Math.max(height(lines[a]!), height(lines[b]!));
  for (let i = 0; i < lines.length; i++) {
    const multi = cut[i]!.length >= 2;
    const sandwiched = !multi && run.length > 0 && i + 1 < lines.length && cut[i + 1]!.length >= 2 && close(i, i + 1);
    if ((multi || sandwiched) && (run.length === 0 || close(run.at(-1)!, i))) run.push(i);
    else {
      if (run.length > 0) out.push(run);
      run = multi ? [i] : [];
    }
  }
  if (run.length > 0) out.push(run);
  return out;
}

interface Band {
  x0: number;
  x1: number;
}

const overlap = (a: Band, b: Band) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

/**
 * Column bands from the cells of the fuller lines, narrowest first: a cell
 * that overlaps one band widens it, one that overlaps none starts a band,
 * one that overlaps several is a spanning header and shapes nothing.
 */
function bands(cells: readonly Chunk[]): Band[] {
  const out: Band[] = [];
  for (const c of [...cells].sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0))) {
    const hit = out.filter((b) => overlap(b, c) > 0);
    if (hit.length === 0) out.push({ x0: c.x0, x1: c.x1 });
    else if (hit.length === 1) {
      hit[0]!.x0 = Math.min(hit[0]!.x0, c.x0);
      hit[0]!.x1 = Math.max(hit[0]!.x1, c.x1);
    }
  }
  return out.sort((a, b) => a.x0 - b.x0);
}

/** The band a cell belongs to: the leftmost it overlaps, else the nearest. */
function bandOf(all: readonly Band[], c: Chunk): number {
  const first = all.findIndex((b) => overlap(b, c) > 0);
  if (first >= 0) return first;
  const mid = (c.x0 + c.x1) / 2;
  let best = 0;
  all.forEach((b, i) => {
    if (Math.abs((b.x0 + b.x1) / 2 - mid) < Math.abs((all[best]!.x0 + all[best]!.x1) / 2 - mid)) best = i;
  });
  return best;
}

/**
 * Neighbouring bands that no line fills both of, bridged by one cell, are
 * one column (a centred header over left-aligned names); bands that share a
 * line stay apart even under a spanning header.
 */
function joinBands(all: Band[], rowsOfCells: readonly Chunk[][]): Band[] {
  for (let i = 0; i + 1 < all.length; i++) {
    const [a, b] = [all[i]!, all[i + 1]!];
    const bridged = rowsOfCells.some((cells) => cells.some((c) => overlap(a, c) > 0 && overlap(b, c) > 0));
    const together = rowsOfCells.some((cells) => {
      const used = new Set(cells.map((c) => bandOf(all, c)));
      return used.has(i) && used.has(i + 1);
    });
    if (bridged && !together) {
      all.splice(i, 2, { x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1) });
      i = -1;
    }
  }
  return all;
}

/** Tables of aligned text among the lines, and the lines left as text. */
export function streamTables(lines: Line[]): { tables: StreamTable[]; rest: Line[] } {
  const cut = lines.map(chunks);
  const tables: StreamTable[] = [];
  const taken = new Set<number>();
  for (const run of runs(lines, cut)) {
    const full = run.filter((i) => cut[i]!.length >= MIN_COLUMNS);
    if (full.length < MIN_FULL_LINES) continue;
    const columns = joinBands(
      bands(full.flatMap((i) => cut[i]!)),
      run.map((i) => cut[i]!),
    );
    if (columns.length < MIN_COLUMNS) continue;
    const rows = run.map((i) => {
      const cells = columns.map(() => [] as string[]);
      for (const c of cut[i]!) cells[bandOf(columns, c)]!.push(lineText(c.pieces));
      return cells.map((parts) => tidy(parts.join(' ')));
    });
    tables.push({ rows, top: lines[run[0]!]!.top });
    for (const i of run) taken.add(i);
  }
  return { tables, rest: lines.filter((_, i) => !taken.has(i)) };
}
