import { centreY, type Piece } from './geometry.ts';

/**
 * Characters set solid in Chinese text: ideographs, CJK and full-width
 * punctuation, curly quotes. Between two of them a space is layout (letter
 * spacing, a justified cell, a wrap), never a word break.
 */
const SOLID = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7';
const SOLID_GAP = new RegExp(`(?<=[${SOLID}]) (?=[${SOLID}])`, 'gu');

/** Text as a reader would type it: whitespace runs to one space, none between two Chinese characters. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(SOLID_GAP, '');
}

/** A gap wider than this share of the font size reads as a space. */
const SPACE_EMS = 0.15;

export interface Line {
  pieces: Piece[];
  top: number;
  bottom: number;
  x0: number;
  x1: number;
}

/**
 * Pieces grouped into visual lines: a piece belongs to a line when at least
 * half of the smaller height overlaps it (baselines of one line differ a
 * little between fonts and superscripts). Lines top to bottom, pieces left to right.
 */
export function groupLines(pieces: readonly Piece[]): Line[] {
  const lines: Line[] = [];
  for (const p of [...pieces].sort((a, b) => centreY(a) - centreY(b) || a.x0 - b.x0)) {
    const line = lines.find((l) => {
      const overlap = Math.min(l.bottom, p.bottom) - Math.max(l.top, p.top);
      return overlap >= 0.5 * Math.min(l.bottom - l.top, p.bottom - p.top);
    });
    if (line) {
      line.pieces.push(p);
      line.x0 = Math.min(line.x0, p.x0);
      line.x1 = Math.max(line.x1, p.x1);
    } else lines.push({ pieces: [p], top: p.top, bottom: p.bottom, x0: p.x0, x1: p.x1 });
  }
  for (const l of lines) l.pieces.sort((a, b) => a.x0 - b.x0);
  return lines.sort((a, b) => a.top - b.top);
}

/** One line's pieces as text: a space where the source had one or the gap is a space wide. */
export function lineText(pieces: readonly Piece[]): string {
  let out = '';
  let prev: Piece | undefined;
  for (const p of pieces) {
    if (prev && (p.spaceBefore || p.x0 - prev.x1 > SPACE_EMS * Math.min(p.size, prev.size))) out += ' ';
    out += p.text;
    prev = p;
  }
  return out;
}

/** The text of a block of pieces (a table cell): its lines in reading order, joined. */
export function blockText(pieces: readonly Piece[]): string {
  return tidy(
    groupLines(pieces)
      .map((l) => lineText(l.pieces))
      .join(' '),
  );
}
