import { centreY, type Piece } from './geometry.ts';
import { advance } from './page-text.ts';

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

/** A space beside a lone Chinese character: letter spacing (`因 公 出 国`, `合 计`). */
const LETTER_GAP = new RegExp(`(?<=(?:^| )[${SOLID}]) (?=[${SOLID}])|(?<=[${SOLID}]) (?=[${SOLID}](?: |$))`, 'gu');

/**
 * A table cell's line as a reader would type it. A cell spaces out a short
 * label letter by letter, but a space between two runs of words is the
 * author's (two issuers of one document, a title and its document number:
 * `…保障厅 河北省财政厅`, `…的通知 冀人社【2017】26号`) and stays, as does
 * an ideographic space (`合　计`).
 */
function tidyCell(text: string): string {
  return text.replace(/[^\S\u3000]+/g, ' ').trim().replace(LETTER_GAP, '');
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

/** A gap this close to one em (in ems) between two Chinese characters is an ideographic space drawn without a glyph. */
const IDEOGRAPHIC_EMS = 0.15;
const HAN = /\p{Script=Han}/u;

/**
 * One line's pieces as text: a space where the source had one or the gap is
 * a space wide. With `ideographic` (a table cell), an ideographic space
 * (U+3000) where the source had one, or where two Chinese characters stand
 * one em apart with no space between them in the text layer (Chromium
 * draws `合　计` so).
 */
export function lineText(pieces: readonly Piece[], ideographic = false): string {
  let out = '';
  let prev: Piece | undefined;
  for (const p of pieces) {
    if (prev) {
      const em = Math.min(p.size, prev.size);
      const gap = p.x0 - prev.x1;
      const drawn = !p.spaceBefore && Math.abs(gap - em) <= IDEOGRAPHIC_EMS * em && HAN.test(prev.text.slice(-1)) && HAN.test(p.text.charAt(0));
      if (ideographic && (p.ideographicBefore || drawn)) out += '\u3000';
      else if (p.spaceBefore || gap > SPACE_EMS * em) out += ' ';
    }
    out += p.text;
    prev = p;
  }
  return out;
}

/** A character that joins a wrapped line without a space: Chinese, CJK or full-width punctuation, curly quotes. */
const CJK_EDGE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]/u;

/** A line may break after a hyphen or slash (`1-` / `12月`, `元/` / `人`), which keeps no space. */
const BREAK_AFTER = /[-/‐–]$/u;

/** A wrapped line joined to the one above: without a space where either side is Chinese (`支出决算为` + `449.52万元`, `元/` + `人/`) or after a hyphen or slash, with one between words. */
export const joinWrapped = (above: string, below: string) =>
  CJK_EDGE.test(above.slice(-1)) || CJK_EDGE.test(below.charAt(0)) || BREAK_AFTER.test(above) ? `${above}${below}` : `${above} ${below}`;

/**
 * What the line breaker moves to the next line as one: a word of letters or
 * digits, else one character, with the punctuation that may not end a line
 * before it and the punctuation that may not start one after it, and a slash
 * or hyphen with the word it runs on to (`数/12`).
 */
const FIRST_UNIT = /^[（(“‘《〈【[「『]*(?:[A-Za-z0-9.,%+]+|.)(?:[）)”’》〉】\]」』，。、；：！？,.;:!?%]|[-/][A-Za-z0-9.,%+]*)*/u;

/** Room left at the end of a line by more than this share of an em, beyond what the next line starts with, is not a wrap. */
const ROOM_EMS = 0.5;

/**
 * Whether the line below starts a new line the author made (a line break
 * in the cell) rather than continuing a wrapped one: what it starts with
 * would have fitted at the end of the line above, inside the cell (whose
 * right padding is taken to be its left one).
 */
function brokenByHand(above: Line, below: Line, right: number): boolean {
  const unit = FIRST_UNIT.exec(lineText(below.pieces))?.[0] ?? '';
  const size = below.pieces[0]!.size;
  const needs = [...unit].reduce((sum, ch) => sum + advance(ch), 0) * size;
  return right - above.x1 > needs + ROOM_EMS * size;
}

/**
 * The text of a block of pieces (a table cell): its lines in reading order,
 * wrapped lines joined (joinWrapped), a line the author broke short of the
 * cell's right edge `cell.x1` kept as a line of its own ('\n').
 */
export function blockText(pieces: readonly Piece[], cell?: { x0: number; x1: number }): string {
  const lines = groupLines(pieces).filter((l) => tidyCell(lineText(l.pieces, true)) !== '');
  if (lines.length === 0) return '';
  const right = cell ? cell.x1 - Math.max(0, Math.min(...lines.map((l) => l.x0)) - cell.x0) : Infinity;
  let out = tidyCell(lineText(lines[0]!.pieces, true));
  for (let i = 1; i < lines.length; i++) {
    const text = tidyCell(lineText(lines[i]!.pieces, true));
    out = cell && brokenByHand(lines[i - 1]!, lines[i]!, right) ? `${out}\n${text}` : joinWrapped(out, text);
  }
  return out;
}
