import type { FilingSearch } from './filing-search.ts';
import { DOCS_FILE, GROUPS, INDEX_VERSION, META_FILE, OWN_LISTS_FILE, VOCABULARY_FILE, bucketPath, fragmentPath, listPath, type IndexMeta } from './layout.ts';
import { encodeKeySet, lowerBound } from './key-set.ts';
import { ByteWriter, appendPostings } from './postings.ts';
import { suggestionVocabulary } from './suggest.ts';

/**
 * The static search index (docs/search.md) from the search parts of every
 * filing (filing-search.ts, made by the compile step): the pages numbered
 * in id order, so that the index does not depend on the order the filings
 * come in, every key's posting list, and the files. The per-page work (the
 * text, its keys, the gzipped fragment) is done before; what is left here
 * is grouping the keys, on typed arrays.
 */

/** A list longer than this has a file of its own: a bucket stays small for the keys that share it. */
const OWN_FILE_BYTES = 1024;
/**
 * Keys OWN_LISTS_FILE lists at most, those of the longest lists: some 40 KB
 * that every search page fetches, whatever the number of filings (17,420
 * lists had files of their own at 10,000 filings). A list it leaves out is
 * found through its bucket, as any list can be; the longest lists are the
 * common words', whose searches the round trip it saves weighs on most.
 */
export const OWN_LISTS_MOST = 16_384;
/** Bytes of short lists per bucket file, about. */
const BUCKET_BYTES = 4096;
/** Postings grouped at once: the keys are split into ranges of about this many, which bounds the memory of the grouping. */
const POSTINGS_AT_ONCE = 1 << 23;

/** Every key's list, encoded one after another in `bytes`: key i's (keys ascending) is bytes[offsets[i] .. offsets[i + 1]). */
export interface EncodedLists {
  keys: Uint32Array;
  offsets: Uint32Array;
  bytes: Uint8Array;
}

/**
 * How many bucket files hold the short lists: about BUCKET_BYTES each, the
 * count rounded up to a step of about 3%, so that a rebuild after a filing
 * changed keeps the count (and so every key's bucket) unless the index grew
 * past a step.
 */
export function bucketCount(lists: EncodedLists): number {
  let shortBytes = 0;
  for (let i = 0; i < lists.keys.length; i++) {
    const length = lists.offsets[i + 1]! - lists.offsets[i]!;
    if (length <= OWN_FILE_BYTES) shortBytes += length + 6;
  }
  const exact = Math.max(1, Math.ceil(shortBytes / BUCKET_BYTES));
  const step = 2 ** Math.max(0, Math.floor(Math.log2(exact)) - 5);
  return Math.ceil(exact / step) * step;
}

/**
 * The bucket files (`buckets` of them: bucketCount), the long lists' own files of `lists` and the set of their keys
 * (OWN_LISTS_FILE, the `mostOwn` longest); with `dirty`, only the buckets holding one of those keys (written again, gone or new)
 * and those keys' own files, with the whole set: the others are as they were.
 */
export function listFiles(lists: EncodedLists, buckets: number, dirty?: ReadonlySet<number>, mostOwn = OWN_LISTS_MOST): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const wanted = dirty && new Set([...dirty].map((key) => key % buckets));
  const writers = new Map<number, ByteWriter>();
  const own: { key: number; length: number }[] = [];
  for (let i = 0; i < lists.keys.length; i++) {
    const key = lists.keys[i]!;
    const length = lists.offsets[i + 1]! - lists.offsets[i]!;
    if (length > OWN_FILE_BYTES) own.push({ key, length });
    const b = key % buckets;
    if (wanted && !wanted.has(b)) continue;
    const bytes = lists.bytes.subarray(lists.offsets[i]!, lists.offsets[i + 1]!);
    let writer = writers.get(b);
    if (writer === undefined) writers.set(b, (writer = new ByteWriter()));
    writer.u32(key);
    if (bytes.length > OWN_FILE_BYTES) {
      if (!dirty || dirty.has(key)) files.set(listPath(key), bytes);
      writer.varint(0);
    } else {
      writer.varint(bytes.length);
      writer.append(bytes);
    }
  }
  for (let b = 0; b < buckets; b++) if (!wanted || wanted.has(b)) files.set(bucketPath(b), writers.get(b)?.done() ?? new Uint8Array(0));
  const listed = own.length <= mostOwn ? own : own.sort((a, b) => b.length - a.length || a.key - b.key).slice(0, mostOwn);
  files.set(OWN_LISTS_FILE, encodeKeySet(listed.map((list) => list.key).sort((a, b) => a - b)));
  return files;
}

/** The small files that describe the index: its meta, its pages' ids in number order, the vocabulary of suggestions. */
export function headFiles(ids: readonly string[], buckets: number, terms: readonly { department: string; labels: readonly string[] }[]): Map<string, string> {
  const meta: IndexMeta = { version: INDEX_VERSION, docs: ids.length, groups: GROUPS, buckets };
  return new Map([
    [META_FILE, JSON.stringify(meta)],
    [DOCS_FILE, JSON.stringify(ids)],
    [VOCABULARY_FILE, JSON.stringify(suggestionVocabulary(terms))],
  ]);
}

/** The index files (path → bytes) of the search parts, in any order; `postingsAtOnce` is for tests, which split small indexes into several key ranges. */
export function indexFiles(inputs: readonly FilingSearch[], postingsAtOnce = POSTINGS_AT_ONCE): Map<string, Uint8Array | string> {
  const sorted = sortById(inputs);
  const lists = encodeLists(sorted, postingsAtOnce);
  const buckets = bucketCount(lists);
  const files = new Map<string, Uint8Array | string>(listFiles(lists, buckets));
  sorted.forEach((part, n) =>
    part.fragments.forEach((bytes, g) => {
      if (bytes !== null) files.set(fragmentPath(n * GROUPS + g), bytes);
    }),
  );
  for (const [path, text] of headFiles(sorted.map((part) => part.id), buckets, sorted)) files.set(path, text);
  return files;
}

/** The parts in id order: the index numbers its pages so, whatever order the filings come in. */
export const sortById = <T extends { id: string }>(parts: readonly T[]): T[] => [...parts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The posting list of every key, keys ascending, over the groups of the pages
 * (page * GROUPS + group: a page's key fields hold its group above the field bits). Each page's keys are
 * sorted, so a range of keys is a slice of each page's; a range's postings
 * are gathered in page order and sorted by key with two stable counting
 * passes (low, then high 16 bits), which keeps each list in page order.
 */
export function encodeLists(pages: readonly FilingSearch[], postingsAtOnce = POSTINGS_AT_ONCE): EncodedLists {
  const total = pages.reduce((sum, p) => sum + p.keys.length, 0);
  const ranges = Math.max(1, Math.ceil(total / postingsAtOnce));
  const ends = Array.from({ length: ranges }, (_, r) => (r === ranges - 1 ? 2 ** 32 : Math.floor(((r + 1) * 2 ** 32) / ranges)));
  const size = Math.max(0, ...ends.map((end, r) => pages.reduce((sum, p) => sum + lowerBound(p.keys, end) - (r === 0 ? 0 : lowerBound(p.keys, ends[r - 1]!)), 0)));
  const keysA = new Uint32Array(size);
  const packedA = new Uint32Array(size);
  const keysB = new Uint32Array(size);
  const packedB = new Uint32Array(size);
  const counts = new Uint32Array(1 << 16);
  const cursors = new Uint32Array(pages.length);
  const keys = new Uint32Writer();
  const offsets = new Uint32Writer();
  const writer = new ByteWriter();
  for (let r = 0; r < ranges; r++) {
    const end = ends[r]!;
    let n = 0;
    pages.forEach((page, doc) => {
      const { keys, fields } = page;
      let i = cursors[doc]!;
      for (; i < keys.length && keys[i]! < end; i++, n++) {
        keysA[n] = keys[i]!;
        packedA[n] = doc * GROUPS * 8 + fields[i]!;
      }
      cursors[doc] = i;
    });
    countingPass(keysA, packedA, keysB, packedB, n, 0, counts);
    countingPass(keysB, packedB, keysA, packedA, n, 16, counts);
    for (let i = 0; i < n; ) {
      const key = keysA[i]!;
      let j = i + 1;
      while (j < n && keysA[j] === key) j++;
      keys.push(key);
      offsets.push(writer.length);
      appendPostings(writer, packedA, i, j, pages.length * GROUPS);
      i = j;
    }
  }
  offsets.push(writer.length);
  return { keys: keys.done(), offsets: offsets.done(), bytes: writer.done() };
}

/**
 * 32-bit numbers appended to a typed array that doubles when full. A JS
 * array of the index's keys (9.7 million at 10,000 filings, most above
 * 2^30) holds each as a number of its own on the heap.
 */
class Uint32Writer {
  private values = new Uint32Array(1 << 16);
  private length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  done(): Uint32Array {
    return this.values.slice(0, this.length);
  }
}

/** A stable counting sort of the first `n` entries by 16 bits of the key from `shift`, from the A arrays into the B arrays. */
export function countingPass(keys: Uint32Array, packed: Uint32Array, toKeys: Uint32Array, toPacked: Uint32Array, n: number, shift: number, counts: Uint32Array): void {
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(keys[i]! >>> shift) & 0xffff]!++;
  let at = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b]!;
    counts[b] = at;
    at += c;
  }
  for (let i = 0; i < n; i++) {
    const slot = counts[(keys[i]! >>> shift) & 0xffff]!++;
    toKeys[slot] = keys[i]!;
    toPacked[slot] = packed[i]!;
  }
}
