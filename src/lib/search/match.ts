import { normalise } from './normalise.ts';

/**
 * Where a word is in a normalised text, as issue 14 defines a match: Chinese
 * text anywhere; a figure at either end of the word only as a whole number
 * (30224 is not in 13011121P000302241249, 101.63 not in 6101.63, 2024 not in
 * 2024.5). Returns the index of the first match, or -1.
 */
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export function findWord(text: string, word: string, from = 0): number {
  const numericStart = isDigit(word[0]);
  const numericEnd = isDigit(word[word.length - 1]);
  for (let at = text.indexOf(word, from); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!numericStart && !numericEnd) return at;
    const before = text[at - 1];
    const after = text[at + word.length];
    const joinsBefore = numericStart && (isDigit(before) || (before === '.' && isDigit(text[at - 2])));
    const joinsAfter = numericEnd && (isDigit(after) || (after === '.' && isDigit(text[at + word.length + 1])));
    if (!joinsBefore && !joinsAfter) return at;
  }
  return -1;
}

/**
 * Characters normalise() gives back as they are: Chinese characters of the
 * unified block (NFKC decomposes none of them), digits, lower-case letters
 * and the decimal point. Most of an excerpt's characters, and normalise() a
 * character at a time, with its NFKC and regular expressions, was most of
 * the time an excerpt took on a freshly opened page.
 */
export const UNCHANGED = /^[\u4e00-\u9fff0-9a-z.]$/;

/** A text as printed, normalised piece by piece: `pieces[i]` is what its i-th character becomes (maybe nothing). */
function normalisedPieces(chars: readonly string[]): string[] {
  const pieces = chars.map((c) => (UNCHANGED.test(c) ? c : normalise(c)));
  // The thousands separator goes as normalise() drops it: a comma between a digit and exactly three more.
  pieces.forEach((piece, i) => {
    if (piece !== ',' || !isDigit(pieces[i - 1]?.slice(-1))) return;
    const next = pieces.slice(i + 1, i + 5).join('');
    if (/^\d{3}(?!\d)/.test(next)) pieces[i] = '';
  });
  return pieces;
}

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * The printed text around the first match of `word`, the whole match marked:
 * at most `context` characters either side. Null when the word is not in it.
 */
export function excerpt(printed: string, word: string, context = 30): ExcerptPart[] | null {
  const chars = [...printed];
  const pieces = normalisedPieces(chars);
  const starts: number[] = [];
  let text = '';
  pieces.forEach((piece, i) => {
    for (let k = 0; k < piece.length; k++) starts.push(i);
    text += piece;
  });
  const at = findWord(text, word);
  if (at < 0) return null;
  const first = starts[at]!;
  const last = starts[at + word.length - 1]!;
  const from = Math.max(0, first - context);
  const to = Math.min(chars.length, last + 1 + context);
  const parts: ExcerptPart[] = [];
  const before = chars.slice(from, first).join('');
  if (before !== '') parts.push({ text: `${from > 0 ? '…' : ''}${before}`, marked: false });
  parts.push({ text: chars.slice(first, last + 1).join(''), marked: true });
  const after = chars.slice(last + 1, to).join('');
  if (after !== '' || to < chars.length) parts.push({ text: `${after}${to < chars.length ? '…' : ''}`, marked: false });
  return parts;
}
