import { excerpt, findWord, type ExcerptPart } from './match.ts';
import { normalise } from './normalise.ts';
import type { SearchDocument } from './documents.ts';
import { FIELD } from './layout.ts';
import { lowerBound } from './key-set.ts';

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

/** Between blocks joined to be normalised and searched at once: normalise() keeps it, and no block or query word holds it. */
const BLOCK = '\u0000';
type Blocks = Fragment['units'][number][1];

/** A unit's blocks normalised and joined by BLOCK, with where each block starts in the joined text. */
interface UnitText {
  text: string;
  starts: number[];
}
const normalised = new WeakMap<Blocks, UnitText>();

/**
 * A unit's blocks normalised: once per unit, whatever the words, checks and
 * queries that read it (a unit's blocks are the same array in the group's
 * fragment the page keeps and in every fragment made of it: engine.ts), and
 * in one call over the blocks joined, which gives what a call per block gives
 * (nothing normalise() does crosses the separator): a call per table cell was
 * most of a check's time on a freshly opened page. A word is then looked for
 * in the whole unit at once (one indexOf, not one per cell).
 */
function unitText(blocks: Blocks): UnitText {
  let found = normalised.get(blocks);
  if (found === undefined) {
    const texts = blocks.map((block) => block[1]);
    const parts = texts.some((text) => text.includes(BLOCK)) ? texts.map(normalise) : normalise(texts.join(BLOCK)).split(BLOCK);
    const starts: number[] = [];
    let at = 0;
    for (let b = 0; b < parts.length; b++) {
      starts.push(at);
      at += parts[b]!.length + 1;
    }
    found = { text: parts.join(BLOCK), starts };
    normalised.set(blocks, found);
  }
  return found;
}

const BEST_FIELD = Math.max(...Object.values(FIELD));

/** Where each word is in the units of a fragment, or null when one is not there. */
export function place(fragment: Fragment, words: readonly string[]): Place | null {
  const fields: number[] = [];
  let first: { anchor: string; text: string } | null = null;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    // The first block, in page order, of the best field the word is in.
    let best: { anchor: string; text: string; field: number } | null = null;
    units: for (let u = 0; u < fragment.units.length; u++) {
      const [anchor, blocks] = fragment.units[u]!;
      const { text, starts } = unitText(blocks);
      for (let at = findWord(text, word); at >= 0; at = findWord(text, word, at + 1)) {
        // The block holding the offset: the last that starts at or before it.
        const b = lowerBound(starts, at + 1) - 1;
        // Inside one block: a word holding the separator (a block did) must not run on into the next.
        if (b + 1 < starts.length && at + word.length >= starts[b + 1]!) continue;
        const [field, printed] = blocks[b]!;
        if (best === null || field > best.field) best = { anchor, text: printed, field };
        if (field === BEST_FIELD) break units;
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
