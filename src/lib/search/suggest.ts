import { normalise } from './normalise.ts';

/**
 * What a search that finds nothing suggests: the closest of the terms pages
 * are most often found by (department names, row labels, headings, indicator
 * names), by the character pairs they share with the query. The vocabulary is
 * a small static file, fetched only when a search finds nothing.
 */
const VOCABULARY_SIZE = 1500;
const LEAD_IN = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[①-⑳]|其中[:：])\s*/u;

/** A label without its numbering (一、 （二） 1.) as a reader would type it. */
export function plainTerm(text: string): string {
  return text.trim().replace(LEAD_IN, '').trim();
}

/** The vocabulary of these pages: each with its department's name and its labels (filing-search.ts), each label once. */
export function suggestionVocabulary(docs: readonly { department: string; labels: readonly string[] }[]): string[] {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => {
    const length = [...term].length;
    if (length < 2 || length > 16 || !/\p{Script=Han}/u.test(term)) return;
    counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  for (const doc of docs) {
    add(doc.department, 1000);
    for (const term of doc.labels) add(term, 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, VOCABULARY_SIZE).map(([term]) => term);
}

function pairs(text: string): Set<string> {
  const chars = [...normalise(text)];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** The terms closest to the query, best first: those sharing the most character pairs with it (Dice), at most `count`. */
export function suggest(query: string, vocabulary: readonly string[], count = 5): string[] {
  const wanted = pairs(query);
  if (wanted.size === 0) return [];
  const scored: [string, number][] = [];
  for (const term of vocabulary) {
    const own = pairs(term);
    let shared = 0;
    for (const p of own) if (wanted.has(p)) shared++;
    if (shared > 0) scored.push([term, (2 * shared) / (own.size + wanted.size)]);
  }
  return scored.sort((a, b) => b[1] - a[1]).slice(0, count).map(([term]) => term);
}
