import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { countingPass, type EncodedLists } from './build-index.ts';
import { GROUPS, INDEX_VERSION } from './layout.ts';
import { ByteWriter, appendPostings, unpackPostings } from './postings.ts';

/**
 * What an index was made of, kept with the record of the site that holds it
 * (compile/site-record.ts) so that the next build changes it instead of
 * grouping every filing's keys again: at 10,000 filings that grouping reads
 * a gigabyte of search parts. The lists are those of the files, so a list
 * no filing of the change touches is copied as it is.
 */
export interface IndexState {
  version: number;
  /** The pages in number order: each filing's id and compiled hash. */
  ids: string[];
  hashes: string[];
  /** What each page gives the suggestions (suggest.ts). */
  terms: { department: string; labels: string[] }[];
  lists: EncodedLists;
}

/**
 * Writes the state to `file`: a JSON head (version, pages, terms, sizes),
 * then the lists' three arrays as they are in memory, so that neither
 * writing nor reading copies the 200 MB of lists of a 10,000-filing index.
 */
export function writeIndexState(file: string, state: IndexState): void {
  const { lists, ...rest } = state;
  const head = Buffer.from(JSON.stringify({ ...rest, keys: lists.keys.length, bytes: lists.bytes.length }));
  const prefix = Buffer.alloc(8);
  prefix.writeUInt32LE(head.length, 0);
  const pad = Buffer.alloc((4 - ((8 + head.length) % 4)) % 4);
  const fd = openSync(file, 'w');
  try {
    for (const part of [prefix, head, pad, lists.keys, lists.offsets, lists.bytes]) writeSync(fd, new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
  } finally {
    closeSync(fd);
  }
}

/** The state in `file`, or nothing when there is none, it is cut short, or of another index version. */
export function readIndexState(file: string): IndexState | undefined {
  try {
    const buffer = readFileSync(file);
    const length = buffer.readUInt32LE(0);
    const head = JSON.parse(buffer.subarray(8, 8 + length).toString('utf8')) as Omit<IndexState, 'lists'> & { keys: number; bytes: number };
    const at = 8 + length + ((4 - ((8 + length) % 4)) % 4);
    if (head.version !== INDEX_VERSION || buffer.length !== at + 8 * head.keys + 4 + head.bytes) return undefined;
    // Read whole, a file this size has a buffer of its own; a pooled one is copied so that the arrays are aligned.
    const bytes = buffer.byteOffset % 4 === 0 ? buffer : Buffer.from(buffer);
    const view = (offset: number, count: number) => new Uint32Array(bytes.buffer, bytes.byteOffset + offset, count);
    const { keys, bytes: size, ...rest } = head;
    return { ...rest, lists: { keys: view(at, keys), offsets: view(at + 4 * keys, keys + 1), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset + at + 8 * keys + 4, size) } };
  } catch {
    return undefined;
  }
}

/** A change to the pages of an index: where each earlier page is now (-1: gone or changed), and the pages to add at their new numbers. */
export interface IndexChange {
  /** Earlier page number → new page number, or -1; ascending where not -1. */
  moved: Int32Array;
  /** Pages now. */
  docs: number;
  /** The keys of the pages new or changed, with their new numbers, ascending (search parts' keys and fields, filing-search.ts). */
  added: readonly { doc: number; keys: Uint32Array; fields: Uint8Array }[];
  /**
   * The keys whose lists can differ besides the added pages' own (those of
   * the changed pages' earlier parts), or null when every list must be read
   * again: a page moved, or a changed page's earlier part is not at hand.
   */
  touched: ReadonlySet<number> | null;
}

/** A Uint32Array that grows as values are pushed. */
class U32List {
  values = new Uint32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) this.grow(this.length + 1);
    this.values[this.length++] = value;
  }
  /** Pushes `from[start..end)`, each plus `add`. */
  pushShifted(from: Uint32Array, start: number, end: number, add: number): void {
    this.grow(this.length + end - start);
    for (let i = start; i < end; i++) this.values[this.length++] = from[i]! + add;
  }
  private grow(size: number): void {
    if (size <= this.values.length) return;
    const grown = new Uint32Array(Math.max(size, 2 * this.values.length));
    grown.set(this.values.subarray(0, this.length));
    this.values = grown;
  }
  done(): Uint32Array {
    return this.values.slice(0, this.length);
  }
}

/**
 * The lists of `before` with the change made: the postings of pages gone or
 * changed dropped, the others renumbered, the added pages' merged in; what
 * `encodeLists` gives from every page's part, byte for byte. Also returns
 * the keys whose lists were written again, gone or new (`dirty`), or null
 * when every list was.
 */
export function changeLists(before: EncodedLists, docsBefore: number, change: IndexChange): { lists: EncodedLists; dirty: Set<number> | null } {
  const added = addedPostings(change.added);
  const keys = new U32List();
  const offsets = new U32List();
  const writer = new ByteWriter(before.bytes.length + 2 * added.count + 1024);
  let scratch: Uint32Array<ArrayBufferLike> = new Uint32Array(1024);
  let merged = new Uint32Array(1024);
  // A bitmap list's size is the page count's: with another count, every list is written again.
  const touched = change.docs === docsBefore ? change.touched : null;
  const dirty = touched === null ? null : new Set<number>();
  const count = before.keys.length;
  let i = 0;
  let a = 0;
  while (i < count || a < added.count) {
    const next = a < added.count ? added.keys[a]! : 2 ** 32;
    if (touched !== null) {
      // The lists before the next key the change touches, copied in one run.
      let end = i;
      while (end < count && before.keys[end]! < next && !touched.has(before.keys[end]!)) end++;
      if (end > i) {
        keys.pushShifted(before.keys, i, end, 0);
        offsets.pushShifted(before.offsets, i, end, writer.length - before.offsets[i]!);
        writer.append(before.bytes.subarray(before.offsets[i]!, before.offsets[end]!));
        i = end;
        continue;
      }
    }
    const key = Math.min(i < count ? before.keys[i]! : 2 ** 32, next);
    dirty?.add(key);
    let aEnd = a;
    while (aEnd < added.count && added.keys[aEnd] === key) aEnd++;
    let kept = 0;
    if (i < count && before.keys[i] === key) {
      const unpacked = unpackPostings(before.bytes.subarray(before.offsets[i]!, before.offsets[i + 1]!), docsBefore * GROUPS, scratch);
      scratch = unpacked.packed;
      for (let p = 0; p < unpacked.count; p++) {
        const group = Math.floor(scratch[p]! / 8);
        const doc = change.moved[Math.floor(group / GROUPS)]!;
        if (doc >= 0) scratch[kept++] = (doc * GROUPS + (group % GROUPS)) * 8 + (scratch[p]! % 8);
      }
      i++;
    }
    if (merged.length < kept + aEnd - a) merged = new Uint32Array(2 * (kept + aEnd - a));
    let n = 0;
    for (let p = 0, q = a; p < kept || q < aEnd; ) {
      merged[n++] = q >= aEnd || (p < kept && scratch[p]! < added.packed[q]!) ? scratch[p++]! : added.packed[q++]!;
    }
    a = aEnd;
    if (n === 0) continue;
    keys.push(key);
    offsets.push(writer.length);
    appendPostings(writer, merged, 0, n, change.docs * GROUPS);
  }
  offsets.push(writer.length);
  return { lists: { keys: keys.done(), offsets: offsets.done(), bytes: writer.done() }, dirty };
}

/** The added pages' postings (`doc << 3 | fields` over page * GROUPS + group), sorted by key and, within a key, ascending. */
function addedPostings(added: IndexChange['added']): { keys: Uint32Array; packed: Uint32Array; count: number } {
  const count = added.reduce((sum, page) => sum + page.keys.length, 0);
  const keysA = new Uint32Array(count);
  const packedA = new Uint32Array(count);
  let n = 0;
  for (const { doc, keys, fields } of added) {
    for (let k = 0; k < keys.length; k++, n++) {
      keysA[n] = keys[k]!;
      packedA[n] = doc * GROUPS * 8 + fields[k]!;
    }
  }
  // Pages ascending, each page's keys with their groups ascending: sorted stably by key, each key's postings are ascending.
  const keysB = new Uint32Array(count);
  const packedB = new Uint32Array(count);
  const counts = new Uint32Array(1 << 16);
  countingPass(keysA, packedA, keysB, packedB, count, 0, counts);
  countingPass(keysB, packedB, keysA, packedA, count, 16, counts);
  return { keys: keysA, packed: packedA, count };
}
