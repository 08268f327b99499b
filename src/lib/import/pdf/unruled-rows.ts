import { band, centreX, centreY, type Piece } from './geometry.ts';
import { columns, type Grid } from './lattice.ts';

/**
 * Tables ruled between columns but not between body rows: one grid row then
 * holds many printed rows. Such a row is cut where a horizontal strip of
 * white runs across the whole table, unless the strip is a wrapped cell's
 * line spacing (much narrower than the gaps between rows, and the lower
 * line only continues cells the upper one has).
 */

/**
 * A grid row is read this way only when it holds at least this many printed
 * lines with a figure or code on them (a number standing alone), in at least
 * MIN_COLUMNS columns: header cells wrapped line by line in several columns
 * have none, nor has one row whose long cells wrap around a document number
 * (`考核及时发放养老金月数/12` / `个月`, `…(冀财社` / `[2020]185号)`).
 */
const MIN_LINES = 3;
const MIN_COLUMNS = 2;
/** A gap narrower than this share of the typical gap is line spacing inside a cell. */
const WRAP_GAP = 0.6;
/** A figure or code as printed: `2,940.05`, `2010601`, `-3.5`, `98.20%`, `(12.00)`. */
const FIGURE = /^[-−(（]?\d[\d,]*(\.\d+)?[%)）]?$/;

interface Strip {
  top: number;
  bottom: number;
  columns: Set<number>;
  digits: boolean;
}

/** Printed lines of one grid row: the pieces' vertical extents merged where they overlap. */
function strips(grid: Grid, pieces: readonly Piece[]): Strip[] {
  const out: Strip[] = [];
  for (const p of [...pieces].sort((a, b) => a.top - b.top)) {
    const column = band(grid.xs, centreX(p));
    const last = out.at(-1);
    const digits = FIGURE.test(p.text);
    if (last && p.top < last.bottom) {
      last.bottom = Math.max(last.bottom, p.bottom);
      last.columns.add(column);
      last.digits ||= digits;
    } else out.push({ top: p.top, bottom: p.bottom, columns: new Set([column]), digits });
  }
  return out;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Where to cut one grid row, or nothing when it is not a run of unruled printed rows. */
function cuts(grid: Grid, pieces: readonly Piece[]): number[] {
  const lines = strips(grid, pieces);
  if (lines.filter((l) => l.digits).length < MIN_LINES) return [];
  const perColumn = new Map<number, number>();
  for (const l of lines) for (const c of l.columns) perColumn.set(c, (perColumn.get(c) ?? 0) + 1);
  if ([...perColumn.values()].filter((n) => n >= MIN_LINES).length < MIN_COLUMNS) return [];
  const gaps = lines.slice(1).map((l, i) => l.top - lines[i]!.bottom);
  const typical = median(gaps);
  const out: number[] = [];
  lines.slice(1).forEach((l, i) => {
    const above = lines[i]!;
    const continues = [...l.columns].every((c) => above.columns.has(c));
    if (gaps[i]! < WRAP_GAP * typical && continues) {
      l.columns = new Set([...l.columns, ...above.columns]);
      return;
    }
    out.push((above.bottom + l.top) / 2);
  });
  return out;
}

/** A grid row whose cells all start and end in it (no cell merged with the rows above or below). */
function selfContained(grid: Grid, r: number): boolean {
  const nc = columns(grid);
  const rowOf = (owner: number) => Math.floor(owner / nc);
  return grid.owner[r]!.every((o) => rowOf(o) === r) && (r + 1 >= grid.owner.length || grid.owner[r + 1]!.every((o) => rowOf(o) !== r));
}

/** The grid with each unruled run of printed rows cut into rows; merges across columns are kept. */
export function splitUnruledRows(grid: Grid, pieces: readonly Piece[]): Grid {
  const nc = columns(grid);
  const byRow = grid.ys.slice(1).map((): Piece[] => []);
  for (const p of pieces) byRow[band(grid.ys, centreY(p))]!.push(p);
  const extra = byRow.map((own, r) => (selfContained(grid, r) ? cuts(grid, own) : []));
  if (extra.every((e) => e.length === 0)) return grid;
  const ys: number[] = [grid.ys[0]!];
  const firstRow: number[] = [];
  extra.forEach((cut, r) => {
    firstRow.push(ys.length - 1);
    ys.push(...cut, grid.ys[r + 1]!);
  });
  const owner = grid.owner.flatMap((row, r) =>
    Array.from({ length: extra[r]!.length + 1 }, (_, k) =>
      row.map((o) => {
        const [or, oc] = [Math.floor(o / nc), o % nc];
        return (or === r ? firstRow[r]! + k : firstRow[or]!) * nc + oc;
      }),
    ),
  );
  return { ...grid, ys, owner };
}
