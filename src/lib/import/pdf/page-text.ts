import { apply, asMatrix, IDENTITY, multiply, type Matrix, type Piece } from './geometry.ts';
import { foldLookalikes } from './lookalikes.ts';

/** The fields of a pdf.js text item this reader uses. */
export interface TextItemLike {
  str: string;
  transform: unknown;
  width: number;
}

/** How far glyphs reach above and below the baseline, in ems (ideographs sit on a ~0.12 em descent). */
const ASCENT = 0.85;
const DESCENT = 0.15;

/** Advance of a character in ems when a text item is cut at its spaces: full-width 1, others about half. */
export const advance = (ch: string) => (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 1 : 0.55);

/**
 * A text item cut at its whitespace into pieces, each with its own box in
 * display space. One item may carry several table cells (`201   06   01`) or
 * a letter-spaced label; the pieces' x positions are estimated from the
 * characters' widths scaled to the item's measured width.
 */
export function itemPieces(item: TextItemLike, view: Matrix): Piece[] {
  const t = asMatrix(item.transform);
  if (!t || !/\S/.test(item.str)) return [];
  const size = Math.hypot(t[2], t[3]);
  const scaleX = Math.hypot(t[0], t[1]);
  if (size === 0 || scaleX === 0 || !Number.isFinite(item.width)) return [];
  // Text space with unit vectors along and up the baseline, in user space.
  const toUser: Matrix = [t[0] / scaleX, t[1] / scaleX, t[2] / size, t[3] / size, t[4], t[5]];
  const toView = multiply(toUser, view);
  const chars = [...foldLookalikes(item.str)];
  const total = chars.reduce((s, ch) => s + advance(ch), 0);
  const unit = total > 0 ? item.width / total : 0;
  const pieces: Piece[] = [];
  let at = 0;
  let start = 0;
  let text = '';
  let spaceBefore = false;
  let ideographicBefore = false;
  const flush = () => {
    if (!text) return;
    pieces.push({ ...piece(text, start, at, size, spaceBefore, toView), ...(ideographicBefore ? { ideographicBefore } : {}) });
    text = '';
    spaceBefore = false;
    ideographicBefore = false;
  };
  for (const ch of chars) {
    if (/\s/.test(ch)) {
      flush();
      spaceBefore = true;
      ideographicBefore ||= ch === '\u3000';
    } else {
      if (!text) start = at;
      text += ch;
    }
    at += advance(ch) * unit;
  }
  flush();
  return pieces;
}

/**
 * The display transform turned so that most of the page's text runs left
 * to right: a wide table printed sideways on a page (rotated text, or a
 * /Rotate the content did not expect) is read the way a reader turns it.
 */
export function uprightView(items: readonly TextItemLike[], view: Matrix, width: number, height: number): Matrix {
  const weight = [0, 0, 0, 0]; // runs right, down, left, up in display space
  for (const item of items) {
    const t = asMatrix(item.transform);
    if (!t || !/\S/.test(item.str)) continue;
    const dx = view[0] * t[0] + view[2] * t[1];
    const dy = view[1] * t[0] + view[3] * t[1];
    const quarter = Math.abs(dx) >= Math.abs(dy) ? (dx >= 0 ? 0 : 2) : dy >= 0 ? 1 : 3;
    weight[quarter]! += item.str.length;
  }
  const turn = weight.indexOf(Math.max(...weight));
  const fixes: Matrix[] = [IDENTITY, [0, -1, 1, 0, 0, width], [-1, 0, 0, -1, width, height], [0, 1, -1, 0, height, 0]];
  return turn === 0 ? view : multiply(view, fixes[turn]!);
}

function piece(text: string, from: number, to: number, size: number, spaceBefore: boolean, toView: Matrix): Piece {
  const corners = [
    apply(toView, from, -DESCENT * size),
    apply(toView, to, -DESCENT * size),
    apply(toView, from, ASCENT * size),
    apply(toView, to, ASCENT * size),
  ];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { text, x0: Math.min(...xs), x1: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys), size, spaceBefore };
}
