import type { ListView } from './postings.ts';

/**
 * Which pages may hold a query's words, from the posting lists of their
 * keys (engine.ts fetches them), where a group is page * groups + the group
 * in the page. A common word's lists are bitmaps naming most groups of
 * every page (劳务费 at 10,000 filings: some 24,000 of 40,000 groups a
 * key): they are intersected as they are, a byte at a time, and a short list
 * is walked while the others are looked up (a bit) or sought forward in
 * (galloping), never unpacked into a Map per list. The search runs once on
 * a freshly opened page, before the engine's code is optimised: what it
 * does per posting is what a cold search waits for.
 */
export interface Candidate {
  doc: number;
  /** The best the page can score: the sum over the words of the fields where every n-gram of the word is, in one group (no better than running text where the word's own n-gram is in none of its labels, grams.ts headingKey). */
  bound: number;
  /** The groups of the page where every n-gram of some word is, as bits: the only ones that can hold a word. */
  groups: number;
  /** Each word's bound, in the query's order. */
  bounds: number[];
  /** For each word, the first group where its n-grams reach its bound: checked first, alone when it holds every word at its bound. */
  first: number;
  /** Whether, for every word, a group with all its n-grams has a block that is the word as a whole, or a label or title starting as the word does (grams.ts wholeKey, startKeys): almost surely a hit. */
  whole: boolean;
}

/** The pages where one word may be, pages ascending, a slot each in every array. */
interface WordPages {
  docs: Int32Array;
  bound: Uint8Array;
  groups: Uint32Array;
  first: Uint32Array;
  whole: Uint8Array;
}

const topBit = (fields: number) => (fields & 4 ? 4 : fields & 2 ? 2 : 1);

/** The first index from `at` whose value, shifted right by `shift`, is at least `target`: galloping, since lists differ in length by orders of magnitude. */
function seek(list: ArrayLike<number>, at: number, target: number, shift: number): number {
  if (at >= list.length || list[at]! >>> shift >= target) return at;
  let low = at;
  let step = 1;
  let high = at + 1;
  while (high < list.length && list[high]! >>> shift < target) {
    low = high;
    step *= 2;
    high = at + step;
  }
  high = Math.min(high, list.length);
  while (low + 1 < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! >>> shift < target) low = middle;
    else high = middle;
  }
  return high;
}

/** Reads a list in ascending group order: the fields of a group, 0 when the list lacks it. */
function fieldsReader(list: ListView): (group: number) => number {
  if (list.kind === 'bitmap') {
    const { any, label, title } = list;
    return (group) => {
      const byte = group >>> 3;
      const bit = 1 << (group & 7);
      return any[byte]! & bit ? 1 | (label[byte]! & bit ? 2 : 0) | (title[byte]! & bit ? 4 : 0) : 0;
    };
  }
  const { packed } = list;
  let at = 0;
  return (group) => {
    at = seek(packed, at, group, 3);
    return at < packed.length && packed[at]! >>> 3 === group ? packed[at]! & 7 : 0;
  };
}

/** Calls `visit` with each group, ascending, that every bitmap holds, and the fields all of them give it. */
function eachInAll(maps: readonly Extract<ListView, { kind: 'bitmap' }>[], visit: (group: number, fields: number) => void): void {
  for (let byte = 0; byte < maps[0]!.any.length; byte++) {
    let any = 0xff;
    let label = 0xff;
    let title = 0xff;
    for (const map of maps) {
      any &= map.any[byte]!;
      label &= map.label[byte]!;
      title &= map.title[byte]!;
    }
    for (let bit = 1, group = byte * 8; any !== 0 && bit < 0x100; bit <<= 1, group++) if (any & bit) visit(group, 1 | (label & bit ? 2 : 0) | (title & bit ? 4 : 0));
  }
}

/**
 * The pages with a group holding every key of a word (`keys`, one list per
 * n-gram), with the best field all of them share there, and whether such a
 * group is in one of `wholes` (the word as a whole block, or a label
 * starting as it does). With `heading` (the word among labels and titles,
 * grams.ts headingKey), a group it lacks is bounded by running text.
 */
export function wordPages(keys: readonly ListView[], wholes: readonly ListView[], groupsPerPage: number, heading?: ListView): WordPages {
  const sparse = keys.flatMap((list) => (list.kind === 'sparse' ? [list.packed] : [])).sort((a, b) => a.length - b.length);
  const shortest = sparse[0];
  const bitmaps = keys.flatMap((list) => (list.kind === 'bitmap' ? [list] : []));
  // Typed arrays of the most pages the word can have, not arrays pushed to: a common word has one slot per page, 10,000.
  const capacity = shortest !== undefined ? shortest.length : bitmaps.length > 0 ? Math.ceil((bitmaps[0]!.any.length * 8) / groupsPerPage) : 0;
  const docs = new Int32Array(capacity);
  const bounds = new Uint8Array(capacity);
  const groups = new Uint32Array(capacity);
  const first = new Uint32Array(capacity);
  const whole = new Uint8Array(capacity);
  let count = 0;
  const wholeReaders = wholes.map(fieldsReader);
  const headingReader = heading && fieldsReader(heading);
  const visit = (group: number, fields: number) => {
    const doc = Math.floor(group / groupsPerPage);
    const bit = 1 << group % groupsPerPage;
    const bound = topBit(headingReader ? fields & (headingReader(group) | 1) : fields);
    if (count === 0 || docs[count - 1] !== doc) docs[count++] = doc;
    const slot = count - 1;
    for (let r = 0; whole[slot] === 0 && r < wholeReaders.length; r++) if (wholeReaders[r]!(group) !== 0) whole[slot] = 1;
    // A page's groups come in order: the first to reach a higher bound is the first group of that bound.
    if (bound > bounds[slot]!) {
      bounds[slot] = bound;
      first[slot] = bit;
    }
    groups[slot]! |= bit;
  };
  if (shortest === undefined) {
    if (bitmaps.length > 0) eachInAll(bitmaps, visit);
  } else {
    const readers = keys.map(fieldsReader);
    for (let p = 0; p < shortest.length; p++) {
      const group = shortest[p]! >>> 3;
      let all = 7;
      for (let r = 0; r < readers.length && all !== 0; r++) all &= readers[r]!(group);
      if (all !== 0) visit(group, all);
    }
  }
  return { docs: docs.subarray(0, count), bound: bounds.subarray(0, count), groups: groups.subarray(0, count), first: first.subarray(0, count), whole: whole.subarray(0, count) };
}

/**
 * The candidates of a query in rank order, kept in typed arrays and made
 * objects only when asked for (a batch to check): a common word has one
 * per page, and an object each (10,000) was a garbage collection on a
 * freshly opened page.
 */
export class RankedCandidates {
  constructor(
    /** Each rank's slot in the arrays below, which are in page order. */
    private readonly order: Int32Array,
    private readonly slots: { doc: Int32Array; bound: Uint16Array; groups: Uint32Array; first: Uint32Array; whole: Uint8Array; bounds: Uint8Array },
    private readonly words: number,
  ) {}

  get length(): number {
    return this.order.length;
  }

  boundAt(rank: number): number {
    return this.slots.bound[this.order[rank]!]!;
  }

  /** The candidates from rank `from` to `to`, as objects. */
  slice(from = 0, to = this.length): Candidate[] {
    const { doc, bound, groups, first, whole, bounds } = this.slots;
    return [...this.order.subarray(from, to)].map((i) => ({ doc: doc[i]!, bound: bound[i]!, groups: groups[i]!, bounds: [...bounds.subarray(i * this.words, (i + 1) * this.words)], first: first[i]!, whole: whole[i] === 1 }));
  }

  /** The pages from rank `from` on. */
  docs(from = 0): number[] {
    return [...this.order.subarray(from)].map((i) => this.slots.doc[i]!);
  }

  /** Those whose page `keep` keeps, in the same order. */
  filter(keep: (doc: number) => boolean): RankedCandidates {
    return new RankedCandidates(
      this.order.filter((i) => keep(this.slots.doc[i]!)),
      this.slots,
      this.words,
    );
  }
}

/** The pages where every word may be, best bound first, then those holding every word as a whole block, then in page order. */
export function candidates(words: readonly WordPages[]): RankedCandidates {
  const n = words.length;
  const smallest = words.reduce<WordPages | undefined>((a, b) => (a === undefined || b.docs.length < a.docs.length ? b : a), undefined);
  const capacity = smallest?.docs.length ?? 0;
  const slots = { doc: new Int32Array(capacity), bound: new Uint16Array(capacity), groups: new Uint32Array(capacity), first: new Uint32Array(capacity), whole: new Uint8Array(capacity), bounds: new Uint8Array(capacity * n) };
  const at = new Int32Array(n);
  const docs = smallest?.docs ?? [];
  let count = 0;
  // Indexed loops, not entries() and destructuring: on a freshly opened page this runs unoptimised, once per page of a
  // common word, and an iterator and an array per word per page made it 45 ms of a 130 ms search at 10,000 filings.
  scan: for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    for (let w = 0; w < n; w++) {
      const list = words[w]!.docs;
      const j = (at[w] = seek(list, at[w]!, doc, 0));
      if (j === list.length) break scan;
      if (list[j] !== doc) continue scan;
    }
    let whole = 1;
    for (let w = 0; w < n; w++) {
      const word = words[w]!;
      const j = at[w]!;
      slots.bound[count]! += word.bound[j]!;
      slots.groups[count]! |= word.groups[j]!;
      slots.first[count]! |= word.first[j]!;
      slots.bounds[count * n + w] = word.bound[j]!;
      if (!word.whole[j]) whole = 0;
    }
    slots.doc[count] = doc;
    slots.whole[count] = whole;
    count++;
  }
  // Within a bound, the pages that hold the words as whole blocks first: they are checked first and are almost all hits.
  // Found in page order, so ranked by counting them out by rank (stable), not by sorting thousands with a comparison.
  const rank = (i: number) => slots.bound[i]! * 2 + slots.whole[i]!;
  let top = 0;
  for (let i = 0; i < count; i++) top = Math.max(top, rank(i));
  const starts = new Int32Array(top + 2);
  for (let i = 0; i < count; i++) starts[top - rank(i) + 1]!++;
  for (let r = 1; r < starts.length; r++) starts[r]! += starts[r - 1]!;
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[starts[top - rank(i)]!++] = i;
  return new RankedCandidates(order, slots, n);
}
