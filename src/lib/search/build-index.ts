import type { SearchDocument } from './documents.ts';
import { DOCS_FILE, INDEX_VERSION, META_FILE, VOCABULARY_FILE, bucketPath, fragmentPath, listPath, type IndexMeta } from './layout.ts';
import { blockKeys, normalise } from './grams.ts';
import { ByteWriter, encodePostings } from './postings.ts';
import { suggestionVocabulary } from './suggest.ts';

/**
 * The static search index (docs/search.md): pure functions from search
 * documents to files. A site built in shards can run `documentKeys` per
 * shard and hand every shard's documents and keys to `indexFiles` once.
 */

/** A list longer than this has a file of its own: a bucket stays small for the keys that share it. */
const OWN_FILE_BYTES = 1024;
/** Bytes of short lists per bucket file, about. */
const BUCKET_BYTES = 4096;

/** Every key of a document with the fields it is in, as key → fields bits. */
export function documentKeys(doc: SearchDocument): Map<number, number> {
  const keys = new Map<number, number>();
  const blocks = doc.units.flatMap((unit) => unit.blocks);
  // One normalise() over the page: its blocks joined by a character it keeps and no text holds.
  const texts = normalise(blocks.map((b) => b.text.replaceAll('\u0000', '')).join('\u0000')).split('\u0000');
  blocks.forEach((block, i) => {
    const field = block.field;
    blockKeys(texts[i]!, (key) => keys.set(key, (keys.get(key) ?? 0) | field));
  });
  return keys;
}

/** What the page fetches for a result: the document, its units as [anchor, [field, text]…]. */
export function fragmentJson(doc: SearchDocument): string {
  return JSON.stringify({ id: doc.id, title: doc.title, region: doc.region, department: doc.department, year: doc.year, kind: doc.kind, units: doc.units.map((u) => [u.anchor, u.blocks.map((b) => [b.field, b.text])]) });
}

export interface IndexInput {
  doc: SearchDocument;
  keys: ReadonlyMap<number, number>;
}

/**
 * The index files (path → bytes, fragments not gzipped: the caller writes
 * them compressed), the documents numbered in id order so that the index does
 * not depend on the order the shards come in.
 */
export function indexFiles(inputs: readonly IndexInput[]): Map<string, Uint8Array | string> {
  const sorted = [...inputs].sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
  const lists = new Map<number, number[]>();
  sorted.forEach(({ keys }, doc) => {
    for (const [key, fields] of keys) {
      const packed = doc * 8 + fields;
      const list = lists.get(key);
      if (list === undefined) lists.set(key, [packed]);
      else list.push(packed);
    }
  });
  const files = new Map<string, Uint8Array | string>();
  const encoded: [number, Uint8Array][] = [];
  let shortBytes = 0;
  for (const [key, list] of lists) {
    const bytes = encodePostings(list, sorted.length);
    if (bytes.length > OWN_FILE_BYTES) files.set(listPath(key), bytes);
    else shortBytes += bytes.length + 6;
    encoded.push([key, bytes]);
  }
  const buckets = Math.max(1, Math.ceil(shortBytes / BUCKET_BYTES));
  const writers = Array.from({ length: buckets }, () => new ByteWriter());
  for (const [key, bytes] of encoded) {
    const writer = writers[key % buckets]!;
    writer.u32(key);
    if (bytes.length > OWN_FILE_BYTES) writer.varint(0);
    else {
      writer.varint(bytes.length);
      writer.append(bytes);
    }
  }
  writers.forEach((w, b) => files.set(bucketPath(b), w.done()));
  sorted.forEach(({ doc }, n) => files.set(fragmentPath(n), fragmentJson(doc)));
  const meta: IndexMeta = { version: INDEX_VERSION, docs: sorted.length, buckets };
  files.set(META_FILE, JSON.stringify(meta));
  files.set(DOCS_FILE, JSON.stringify(sorted.map(({ doc }) => doc.id)));
  files.set(VOCABULARY_FILE, JSON.stringify(suggestionVocabulary(sorted.map(({ doc }) => doc))));
  return files;
}

