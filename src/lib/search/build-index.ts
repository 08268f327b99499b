import type { FilingSearch } from './filing-search.ts';
import { DOCS_FILE, GROUPS, INDEX_VERSION, META_FILE, VOCABULARY_FILE, bucketPath, fragmentPath, listPath, type IndexMeta } from './layout.ts';
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
/** Bytes of short lists per bucket file, about. */
const BUCKET_BYTES = 4096;
/** Postings grouped at once: the keys are split into ranges of about this many, which bounds the memory of the grouping. */
const POSTINGS_AT_ONCE = 1 << 23;

/** Every key's list, encoded one after another in `bytes`: key i's is bytes[offsets[i] .. offsets[i + 1]). */
interface EncodedLists {
  keys: number[];
  offsets: number[];
  bytes: Uint8Array;
}

/** The index files (path → bytes); `postingsAtOnce` is for tests, which split small indexes into several key ranges. */
export function indexFiles(inputs: readonly FilingSearch[], postingsAtOnce = POSTINGS_AT_ONCE): Map<string, Uint8Array | string> {
  const sorted = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lists = encodeLists(sorted, postingsAtOnce);
  const files = new Map<string, Uint8Array | string>();
  const count = lists.keys.length;
  const length = (i: number) => lists.offsets[i + 1]! - lists.offsets[i]!;
  let shortBytes = 0;
  for (let i = 0; i < count; i++) if (length(i) <= OWN_FILE_BYTES) shortBytes += length(i) + 6;
  const buckets = Math.max(1, Math.ceil(shortBytes / BUCKET_BYTES));
  const writers = Array.from({ length: buckets }, () => new ByteWriter());
  for (let i = 0; i < count; i++) {
    const key = lists.keys[i]!;
    const bytes = lists.bytes.subarray(lists.offsets[i]!, lists.offsets[i + 1]!);
    const writer = writers[key % buckets]!;
    writer.u32(key);
    if (bytes.length > OWN_FILE_BYTES) {
      files.set(listPath(key), bytes);
      writer.varint(0);
    } else {
      writer.varint(bytes.length);
      writer.append(bytes);
    }
  }
  writers.forEach((w, b) => files.set(bucketPath(b), w.done()));
  sorted.forEach((part, n) =>
    part.fragments.forEach((bytes, g) => {
      if (bytes !== null) files.set(fragmentPath(n * GROUPS + g), bytes);
    }),
  );
  const meta: IndexMeta = { version: INDEX_VERSION, docs: sorted.length, groups: GROUPS, buckets };
  files.set(META_FILE, JSON.stringify(meta));
  files.set(DOCS_FILE, JSON.stringify(sorted.map((part) => part.id)));
  files.set(VOCABULARY_FILE, JSON.stringify(suggestionVocabulary(sorted)));
  return files;
}

/**
 * The posting list of every key, keys ascending, over the groups of the pages
 * (page * GROUPS + group: a page's key fields hold its group above the field bits). Each page's keys are
 * sorted, so a range of keys is a slice of each page's; a range's postings
 * are gathered in page order and sorted by key with two stable counting
 * passes (low, then high 16 bits), which keeps each list in page order.
 */
function encodeLists(pages: readonly FilingSearch[], postingsAtOnce: number): EncodedLists {
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
  const out: EncodedLists = { keys: [], offsets: [], bytes: new Uint8Array(0) };
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
      out.keys.push(key);
      out.offsets.push(writer.length);
      appendPostings(writer, packedA, i, j, pages.length * GROUPS);
      i = j;
    }
  }
  out.offsets.push(writer.length);
  out.bytes = writer.done();
  return out;
}

/** A stable counting sort of the first `n` entries by 16 bits of the key from `shift`, from the A arrays into the B arrays. */
function countingPass(keys: Uint32Array, packed: Uint32Array, toKeys: Uint32Array, toPacked: Uint32Array, n: number, shift: number, counts: Uint32Array): void {
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

/** The first index of the ascending `keys` whose key is not below `key`. */
function lowerBound(keys: Uint32Array, key: number): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid]! < key) low = mid + 1;
    else high = mid;
  }
  return low;
}
