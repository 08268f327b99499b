/**
 * The text a search compares, as issue 14 defines it: a query finds the pages
 * whose indexed text contains it "after normalising width, punctuation
 * variants and spaces". The page text and the query go through the same
 * function, so the ground truth does not depend on how a reader types
 * 24,487.92, ２０８０５０５ or 劳务 费.
 */

/** Punctuation a document prints in several forms and a reader types in one. */
const VARIANTS: readonly [RegExp, string][] = [
  [/[“”„‟〝〞〟″]/g, '"'],
  [/[‘’‚‛′]/g, "'"],
  [/[‐‑‒–—―−]/g, '-'],
  [/[・•‧∙⋅]/g, '·'],
  [/〔/g, '['],
  [/〕/g, ']'],
  [/【/g, '['],
  [/】/g, ']'],
];

/** Whitespace and characters that print nothing (zero-width space, byte-order mark, soft hyphen). */
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}]/gu;

/** A comma between digits that groups thousands (24,487.92): the figure is the same without it. */
const THOUSANDS = /(?<=\d),(?=\d{3}(?!\d))/g;

/**
 * NFKC folds full-width letters, digits and punctuation (（，：２) and
 * compatibility ideographs (⼈ → 人) into their plain forms; then the
 * punctuation variants, letter case, spaces and thousands separators.
 * Characters other than these are kept, including the block separator of
 * page-text.ts.
 */
export function normalise(text: string): string {
  let out = text.normalize('NFKC');
  for (const [pattern, plain] of VARIANTS) out = out.replace(pattern, plain);
  return out.toLowerCase().replace(INVISIBLE, '').replace(THOUSANDS, '');
}

/** A query's words: separated by spaces (half- or full-width), each normalised; a page must contain all of them. */
export function queryWords(query: string): string[] {
  return query
    .normalize('NFKC')
    .split(/\s+/)
    .map(normalise)
    .filter((word) => word !== '');
}
