import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { queryWords } from '../../src/lib/search/normalise.ts';
import { pageText, type PageText } from './page-text.ts';

/** A filing page of the built site and its texts (page-text.ts). */
export interface TextPage extends PageText {
  /** The filing's id, which is also its page's path in the site: `河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算`. */
  id: string;
}

/** Reads the page of each filing id from a built site (`<id>/index.html`). */
export function readTextPages(siteDir: string, ids: readonly string[]): TextPage[] {
  return ids.map((id) => ({ id, ...pageText(readFileSync(join(siteDir, ...id.split('/'), 'index.html'), 'utf8')) }));
}

const DIGIT = /[0-9]/;
const isDigit = (c: string | undefined) => c !== undefined && DIGIT.test(c);

/**
 * Whether the word is in the text. Chinese text matches anywhere; a figure
 * at either end of the word (a code, an amount, 2024年) matches only as a
 * whole number, as issue 14 asks codes and amounts to be found: 30224 is
 * not in project code 13030224P…, 101.63 not in 6101.63, 2024 not in 2024.5.
 */
export function holds(text: string, word: string): boolean {
  const numericStart = isDigit(word[0]);
  const numericEnd = isDigit(word[word.length - 1]);
  if (!numericStart && !numericEnd) return text.includes(word);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    const joinsBefore = numericStart && (isDigit(before) || (before === '.' && isDigit(text[at - 2])));
    const joinsAfter = numericEnd && (isDigit(after) || (after === '.' && isDigit(text[at + word.length + 1])));
    if (!joinsBefore && !joinsAfter) return true;
  }
  return false;
}

/**
 * The ground truth: the ids of the pages whose text (indexed, or with
 * `in: 'visible'` all that a reader sees in the page body) holds every word
 * of the query, in page order. A query without words matches nothing.
 */
export function truePages(pages: readonly TextPage[], query: string, options: { in?: 'indexed' | 'visible' } = {}): string[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const field = options.in ?? 'indexed';
  return pages.filter((page) => words.every((word) => holds(page[field], word))).map((page) => page.id);
}
