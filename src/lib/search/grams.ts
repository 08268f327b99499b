import { normalise, queryWords } from './normalise.ts';
import { plainTerm } from './suggest.ts';
import { FIELD } from './layout.ts';

/**
 * The keys of the search index, computed alike by the builder and by the
 * page: character n-grams of normalised text (1 to 3, 6, 12, 18 and 24 code
 * points, inside one block), whole figures (2080505, 24487.92) and each block as a
 * whole (wholeKey). A key is a 32-bit hash of
 * its kind and code points; two keys sharing a hash only merge their lists,
 * which the check of the page's text (match.ts) then sorts out.
 */
export const GRAM = 3;
/**
 * A word of LONG code points or more is looked up by its 6-grams: synthetic
 * and real project names share their pieces (县级…, …经费（三期）), so a group
 * holds every 3-gram of a name it does not hold, but rarely every 6-gram
 * (docs/search.md).
 */
export const LONG = 6;
/** A word of LONGER code points or more is looked up by its 12-grams: names also share runs of 6 to 10 characters (退役军人事务, 城市管理综合行政执法), which 6-grams do not see past. */
export const LONGER = 12;
/**
 * Words of 18 and 24 code points or more are looked up by 18- and 24-grams:
 * two names in one group give every 12-gram of a third whose start is one's
 * and whose end is the other's, past the middle run they share
 * (市级补助|城市管理综合行政执法垃圾清运处置经费资金（|七期） from …（三期） and
 * 县级…（七期）, 21 characters), and each such group cost the page a fragment
 * to reject. A key of n code points sees past a shared run of n - 2.
 */
const LONG_NAMES = [18, 24];
/**
 * Lengths of the n-grams of labels and titles alone (headingKey): a word of
 * 4 or 5 code points is looked up by its 3-grams, which a page's headings
 * often hold between them (经费预, 费预算 in 三公经费预算情况; 预算安 in
 * 部门预算安排) while the word itself is only in the prose, and a bound of
 * a label on every page made a query check three pages' text per result
 * before showing one. The word's own n-gram among labels says which.
 */
const HEADING_LENGTHS = { least: GRAM + 1, most: LONG - 1 };
/** Sealed into a heading n-gram's key with its length, so that it is never the key of an n-gram of every block. */
const HEADING_KIND = 0x100;
const TOKEN_KIND = 0x7f;
const WHOLE_KIND = 0x7e;
const START_KIND = 0x7d;

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ value, 0x01000193);
}

/** Lengths of n-gram a block is keyed by, ascending; a word is looked up by the longest it reaches (wordKeys). */
const LENGTHS = [1, 2, GRAM, LONG, LONGER, ...LONG_NAMES];
const LONGEST = LENGTHS[LENGTHS.length - 1]!;

/**
 * An n-gram's key: its code points mixed in from the first, then its length,
 * so that the keys of every n-gram starting at one place come from one pass
 * over the longest (blockKeys).
 */
const seal = (hash: number, length: number) => mix(hash, length) >>> 0;

export function gramKey(codes: readonly number[], from: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < from + length; i++) hash = mix(hash, codes[i]!);
  return seal(hash, length);
}

export function tokenKey(token: string): number {
  return kindKey(TOKEN_KIND, token);
}

/**
 * A block's key as a whole, without its numbering (suggest.ts plainTerm):
 * a project name, a row label, an indicator or a department name as a cell
 * or heading holds it. The page checks the candidates whose block is the
 * query first (engine.ts): synthetic and real names are made of shared
 * pieces, so a group often holds every n-gram of a long name in two others
 * (专项…（五期）绩效目标表 and 年度…（七期）绩效目标表 give every 12-gram of
 * 年度…（五期）绩效目标表), and checking those first cost a fragment each.
 */
export function wholeKey(word: string): number {
  return kindKey(WHOLE_KIND, word);
}

/**
 * Lengths of the start of a label or title keyed (startKeys), longest first,
 * every other one from 32 down to 12: a project's name starts its title
 * (…经费（二期）绩效目标表), where it is no whole block, and the two names
 * that give a false candidate every 12-gram start otherwise, often only at
 * their last characters (（五期） against （七期）).
 */
const STARTS = Array.from({ length: 11 }, (_, i) => 32 - 2 * i);

/** The keys of a plain text's start, one per length of STARTS it reaches, longest first (a block's). */
export function startKeys(plain: string, most = STARTS.length): number[] {
  const points = [...plain];
  return STARTS.filter((length) => points.length >= length)
    .slice(0, most)
    .map((length) => kindKey(START_KIND, points.slice(0, length).join('')));
}

/** The key a word's start is looked up by: the longest of STARTS it reaches (none under 12 characters). */
export const startKey = (plain: string): number[] => startKeys(plain, 1);

function kindKey(kind: number, text: string): number {
  let hash = mix(0x811c9dc5, kind);
  for (let i = 0; i < text.length; i++) hash = mix(hash, text.charCodeAt(i));
  return hash >>> 0;
}

/** A figure as a whole: digits, with decimal points between digits (24487.92, 2024.5). */
export const FIGURE = /\d+(?:\.\d+)*/g;

/** Where a block's keys go: the page's table (key-table.ts), with the block's group and field. */
export interface KeySink {
  add(key: number, group: number, field: number): void;
}

/** The code points of the block being keyed, reused from block to block. */
let codes = new Uint32Array(1024);

/** Adds every key of one normalised block to `sink`: its n-grams of every length of LENGTHS (and of HEADING_LENGTHS in a label or title), its figures, itself as a whole and its start. */
export function blockKeys(text: string, sink: KeySink, group: number, field: number): void {
  if (codes.length < text.length) codes = new Uint32Array(text.length * 2);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    codes[length++] = code;
  }
  const heading = field !== FIELD.text;
  for (let i = 0; i < length; i++) {
    let hash = 0x811c9dc5;
    let k = 0;
    for (let n = 1; n <= LONGEST && i + n <= length; n++) {
      hash = mix(hash, codes[i + n - 1]!);
      if (n === LENGTHS[k]) {
        sink.add(seal(hash, n), group, field);
        k++;
      }
      if (heading && n >= HEADING_LENGTHS.least && n <= HEADING_LENGTHS.most) sink.add(seal(hash, n | HEADING_KIND), group, field);
    }
  }
  if (/\d/.test(text)) for (const match of text.matchAll(FIGURE)) sink.add(tokenKey(match[0]), group, field);
  const whole = plainTerm(text);
  if (whole === '' || isFigure(whole)) return;
  sink.add(wholeKey(whole), group, field);
  // Starts of labels and titles only: prose has no names to start with, and would add a key or two per sentence.
  if (field !== FIELD.text) for (const key of startKeys(whole)) sink.add(key, group, field);
}

/**
 * The key of a word of HEADING_LENGTHS (4 or 5) code points among the labels and
 * titles alone: a group lacking it holds the word, if at all, only in its
 * running text, whatever fields its 3-grams are in (candidates.ts caps the
 * bound with it). None for other lengths and figures.
 */
export function headingKey(word: string): number | undefined {
  const points = [...word].map((ch) => ch.codePointAt(0)!);
  if (isFigure(word) || points.length < HEADING_LENGTHS.least || points.length > HEADING_LENGTHS.most) return undefined;
  let hash = 0x811c9dc5;
  for (const code of points) hash = mix(hash, code);
  return seal(hash, points.length | HEADING_KIND);
}

/** Whether a normalised word is one figure (its keys are the figure itself). */
export function isFigure(word: string): boolean {
  return WHOLE_FIGURE.test(word);
}
// Not FIGURE: exec on a global pattern moves its lastIndex, from which the next matchAll over a block starts.
const WHOLE_FIGURE = /^\d+(?:\.\d+)*$/;

/**
 * The figures a page holding a word holds as whole figures too (blockKeys
 * keys each): those the word bounds by characters other than digits and
 * points, or by its own ends, where a match may not run on into a longer
 * figure (match.ts findWord). 91.00万元 holds the figure 91.00, which a page
 * printing only 291.00万元 does not hold: without the figure's key that page
 * had every n-gram of the word, and cost a check to reject.
 */
export function wordFigures(word: string): string[] {
  const bounded = (c: string | undefined) => c === undefined || !/[\d.]/.test(c);
  return [...word.matchAll(FIGURE)].filter((m) => bounded(word[m.index - 1]) && bounded(word[m.index + m[0].length])).map((m) => m[0]);
}

/**
 * The keys a page must hold for a word: the figure itself when the word is
 * one, else its n-grams of the longest length of LENGTHS it reaches (itself
 * when it is shorter than GRAM), spread over the word when there are more
 * than maxKeys, and the figures it holds (wordFigures).
 */
export function wordKeys(word: string, maxKeys = 8): number[] {
  if (isFigure(word)) return [tokenKey(word)];
  const codes = [...word].map((ch) => ch.codePointAt(0)!);
  // Not findLast() or at(): the search page runs this, and they are newer than the rest of what it needs.
  const n = codes.length < GRAM ? codes.length : Math.max(...LENGTHS.filter((length) => length <= codes.length));
  const starts = codes.length - n + 1;
  const picked = new Set<number>();
  if (starts <= maxKeys) for (let i = 0; i < starts; i++) picked.add(i);
  else for (let k = 0; k < maxKeys; k++) picked.add(Math.round((k * (starts - 1)) / (maxKeys - 1)));
  return [...new Set([...[...picked].map((i) => gramKey(codes, i, n)), ...wordFigures(word).map(tokenKey)])];
}

/** A query's words (normalised, separated by spaces): a page must hold all of them. */
export { normalise, queryWords };
