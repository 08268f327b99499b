import { excerpt, findWord, type ExcerptPart } from './match.ts';
import { normalise } from './normalise.ts';
import type { SearchDocument } from './documents.ts';

/**
 * The check of a candidate page against the text of some of its groups of
 * units (a fragment, as filing-search.ts fragmentJson writes it): the index
 * says only that a word's n-grams are in a group, this says whether the word
 * is, in which field and where (engine.ts).
 */
export type Fragment = Omit<SearchDocument, 'units'> & {
  units: [anchor: string, blocks: [field: number, text: string][]][];
};

export interface Hit {
  doc: number;
  fragment: Fragment;
  /** Sum over the words of the best field each is in (4 title, 2 label, 1 text). */
  score: number;
  anchor: string;
  excerpt: ExcerptPart[];
}

export interface Place {
  /** The best field each word is in. */
  fields: number[];
  /** Where the first word is at its best field, first in page order. */
  anchor: string;
  text: string;
}

/** Between blocks joined to be normalised at once: normalise() keeps it, and no block or query word holds it. */
const BLOCK = '\u0000';
type Blocks = Fragment['units'][number][1];
const normalised = new WeakMap<Blocks, string[]>();

/**
 * A unit's blocks normalised: once per unit, whatever the words, checks and
 * queries that read it (a unit's blocks are the same array in the group's
 * fragment the page keeps and in every fragment made of it: engine.ts), and
 * in one call over the blocks joined, which gives what a call per block gives
 * (nothing normalise() does crosses the separator): a call per table cell was
 * most of a check's time on a freshly opened page.
 */
function normalisedBlocks(blocks: Blocks): string[] {
  let found = normalised.get(blocks);
  if (found === undefined) {
    const texts = blocks.map(([, text]) => text);
    found = texts.some((text) => text.includes(BLOCK)) ? texts.map(normalise) : normalise(texts.join(BLOCK)).split(BLOCK);
    normalised.set(blocks, found);
  }
  return found;
}

/** Where each word is in the units of a fragment, or null when one is not there. */
export function place(fragment: Fragment, words: readonly string[]): Place | null {
  const fields: number[] = [];
  let first: { anchor: string; text: string } | null = null;
  for (const [w, word] of words.entries()) {
    let best: { anchor: string; text: string; field: number } | null = null;
    for (const [anchor, blocks] of fragment.units) {
      const texts = normalisedBlocks(blocks);
      for (const [b, [field, text]] of blocks.entries()) {
        if ((best === null || field > best.field) && findWord(texts[b]!, word) >= 0) best = { anchor, text, field };
      }
    }
    if (best === null) return null;
    fields.push(best.field);
    if (w === 0) first = best;
  }
  return { fields, anchor: first!.anchor, text: first!.text };
}

export function hit(doc: number, fragment: Fragment, found: Place, words: readonly string[]): Hit {
  const score = found.fields.reduce((a, b) => a + b, 0);
  return { doc, fragment, score, anchor: found.anchor, excerpt: excerpt(found.text, words[0]!) ?? [{ text: found.text, marked: false }] };
}
