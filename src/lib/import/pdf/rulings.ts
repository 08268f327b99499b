import { apply, asMatrix, cluster, IDENTITY, mean, multiply, type Box, type Matrix, type Segment } from './geometry.ts';

/** A pdf.js operator list: operator codes and their arguments. */
export interface OperatorListLike {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/** What a page draws that the reader cares about: table rulings, and where images are painted. */
export interface Drawing {
  horizontal: Segment[];
  vertical: Segment[];
  images: Box[];
}

/** A filled rectangle at most this thick is a ruling drawn as a bar. */
const THIN = 3;
/** Off-axis drift (pt) still counted as a horizontal or vertical line. */
const SKEW = 0.5;

const STROKE_OPS = ['stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'];
const FILL_OPS = ['fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'];
const IMAGE_OPS = [
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintInlineImageXObjectGroup',
  'paintImageXObjectRepeat',
  'paintImageMaskXObject',
  'paintImageMaskXObjectGroup',
  'paintImageMaskXObjectRepeat',
];
// pdf.js path buffer codes (DrawOPS): moveTo, lineTo, curveTo, quadraticCurveTo, closePath.
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

interface State {
  ctm: Matrix;
  stroke: string;
  fill: string;
}

/** White paint draws nothing a reader sees: no ruling. */
const invisible = (hex: string) => /^#(f[0-9a-f]){3}$/i.test(hex);

/**
 * Walk a page's operators with the graphics state (current transform, form
 * XObjects, colours) and collect every axis-aligned line that is stroked,
 * every thin filled rectangle, and the boxes of painted images.
 * `view` maps user space to display space.
 */
export function readDrawing(list: OperatorListLike, ops: Readonly<Record<string, number>>, view: Matrix): Drawing {
  const code = (names: string[]) => new Set(names.map((n) => ops[n]).filter((n): n is number => n !== undefined));
  const strokes = code(STROKE_OPS);
  const fills = code(FILL_OPS);
  const images = code(IMAGE_OPS);
  const out: Drawing = { horizontal: [], vertical: [], images: [] };
  const stack: State[] = [];
  let state: State = { ctm: IDENTITY, stroke: '#000000', fill: '#000000' };
  const push = (s: Segment) => {
    if (Math.abs(s.y1 - s.y0) <= SKEW && Math.abs(s.x1 - s.x0) > SKEW) {
      const y = (s.y0 + s.y1) / 2;
      out.horizontal.push({ x0: Math.min(s.x0, s.x1), x1: Math.max(s.x0, s.x1), y0: y, y1: y });
    } else if (Math.abs(s.x1 - s.x0) <= SKEW && Math.abs(s.y1 - s.y0) > SKEW) {
      const x = (s.x0 + s.x1) / 2;
      out.vertical.push({ x0: x, x1: x, y0: Math.min(s.y0, s.y1), y1: Math.max(s.y0, s.y1) });
    }
  };

  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === ops.save || fn === ops.paintFormXObjectBegin) {
      stack.push(state);
      const m = fn === ops.paintFormXObjectBegin ? asMatrix(args?.[0]) : null;
      state = { ...state, ctm: m ? multiply(m, state.ctm) : state.ctm };
    } else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) {
      state = stack.pop() ?? state;
    } else if (fn === ops.transform) {
      const m = asMatrix(args);
      if (m) state = { ...state, ctm: multiply(m, state.ctm) };
    } else if (fn === ops.setStrokeRGBColor && typeof args?.[0] === 'string') {
      state = { ...state, stroke: args[0] };
    } else if (fn === ops.setFillRGBColor && typeof args?.[0] === 'string') {
      state = { ...state, fill: args[0] };
    } else if (fn !== undefined && images.has(fn)) {
      out.images.push(unitSquare(multiply(state.ctm, view)));
    } else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const buffer = (args[1] as unknown[] | undefined)?.[0];
      if (!(buffer instanceof Float32Array) && !Array.isArray(buffer)) continue;
      const toView = multiply(state.ctm, view);
      const paths = subpaths(buffer as ArrayLike<number>, toView);
      if (strokes.has(paint) && !invisible(state.stroke)) {
        for (const path of paths) for (const s of path.lines) push(s);
      }
      if (fills.has(paint) && !invisible(state.fill)) {
        for (const path of paths) {
          const bar = thinRectangle(path.points);
          if (bar) push(bar);
        }
      }
    }
  }
  return out;
}

function unitSquare(m: Matrix): Box {
  const pts = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), x1: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
}

interface Subpath {
  points: [number, number][];
  /** Straight pieces; a curve ends the run and is not a ruling. */
  lines: Segment[];
}

function subpaths(buffer: ArrayLike<number>, m: Matrix): Subpath[] {
  const out: Subpath[] = [];
  let current: Subpath | undefined;
  let last: [number, number] | undefined;
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    if (op === MOVE) {
      last = apply(m, buffer[k]!, buffer[k + 1]!);
      k += 2;
      current = { points: [last], lines: [] };
      out.push(current);
    } else if (op === LINE && current && last) {
      const next = apply(m, buffer[k]!, buffer[k + 1]!);
      k += 2;
      current.lines.push({ x0: last[0], y0: last[1], x1: next[0], y1: next[1] });
      current.points.push(next);
      last = next;
    } else if (op === CURVE || op === QUAD) {
      const n = op === CURVE ? 6 : 4;
      last = apply(m, buffer[k + n - 2]!, buffer[k + n - 1]!);
      k += n;
      current?.points.push(last);
    } else if (op === CLOSE && current && last) {
      const first = current.points[0]!;
      current.lines.push({ x0: last[0], y0: last[1], x1: first[0], y1: first[1] });
      last = first;
    } else if (op === LINE) {
      k += 2;
    } else if (op !== CLOSE) {
      break; // an unknown code: the rest of the buffer cannot be read safely
    }
  }
  return out;
}

/** A filled axis-aligned rectangle no thicker than THIN, as the line along its middle. */
function thinRectangle(points: readonly [number, number][]): Segment | null {
  if (points.length < 4) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const onEdge = points.every(([x, y]) => Math.min(Math.abs(x - x0), Math.abs(x - x1)) <= SKEW || Math.min(Math.abs(y - y0), Math.abs(y - y1)) <= SKEW);
  if (!onEdge) return null;
  if (y1 - y0 <= THIN && x1 - x0 > y1 - y0) return { x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 };
  if (x1 - x0 <= THIN && y1 - y0 > x1 - x0) return { x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 };
  return null;
}

/** Gap (pt) between two pieces of one ruling still read as one line (cells drawn edge by edge, line caps). */
const JOIN_GAP = 3;

/**
 * Rulings on one line merged into runs: collinear pieces within `tolerance`
 * of each other across, and overlapping or closer than JOIN_GAP along.
 */
export function mergeRulings(segments: readonly Segment[], orientation: 'horizontal' | 'vertical', tolerance: number): Segment[] {
  const across = (s: Segment) => (orientation === 'horizontal' ? s.y0 : s.x0);
  const from = (s: Segment) => (orientation === 'horizontal' ? s.x0 : s.y0);
  const to = (s: Segment) => (orientation === 'horizontal' ? s.x1 : s.y1);
  const byPosition = new Map<number, Segment[]>();
  for (const s of segments) byPosition.set(across(s), [...(byPosition.get(across(s)) ?? []), s]);
  const out: Segment[] = [];
  for (const group of cluster([...byPosition.keys()], tolerance)) {
    const at = mean(group);
    const runs = group.flatMap((p) => byPosition.get(p) ?? []).sort((a, b) => from(a) - from(b));
    let start = from(runs[0]!);
    let end = to(runs[0]!);
    const emit = () => out.push(orientation === 'horizontal' ? { x0: start, x1: end, y0: at, y1: at } : { x0: at, x1: at, y0: start, y1: end });
    for (const s of runs.slice(1)) {
      if (from(s) <= end + JOIN_GAP) end = Math.max(end, to(s));
      else {
        emit();
        start = from(s);
        end = to(s);
      }
    }
    emit();
  }
  return out;
}
