import { deserialize, serialize } from 'node:v8';
import { gzipSync } from 'node:zlib';
import type { Filing } from '../records/load-filing.ts';
import { searchDocument, type SearchDocument } from './documents.ts';
import { blockKeys, normalise } from './grams.ts';
import { FIELD } from './layout.ts';
import { plainTerm } from './suggest.ts';

/**
 * What the search index takes from one filing, made by the compile step
 * (src/lib/compile/compile-filing.ts) once per content of the filing's
 * folder, in its worker threads, and kept in the compiled store beside the
 * record (`<hash>.search`). The build then only merges the keys of every
 * filing into posting lists and writes the files (build-index.ts).
 */
export interface FilingSearch {
  /** The filing's id: the index numbers its pages in id order. */
  id: string;
  /** Every key of the page (grams.ts), ascending. */
  keys: Uint32Array;
  /** The fields (layout.ts FIELD bits) each key is in, in the order of `keys`. */
  fields: Uint8Array;
  /** What the search page fetches for a result (fragmentJson), gzipped. */
  fragment: Uint8Array;
  /** What the suggestions draw on (suggest.ts): the department's name and the page's labels, without their numbering. */
  department: string;
  labels: string[];
}

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

/** The search part of a document: its keys sorted, its fragment gzipped, its terms for suggestions. */
export function documentSearch(doc: SearchDocument): FilingSearch {
  const map = documentKeys(doc);
  const keys = Uint32Array.from(map.keys()).sort();
  const fields = Uint8Array.from(keys, (key) => map.get(key)!);
  const labels = new Set<string>();
  for (const unit of doc.units) for (const block of unit.blocks) if (block.field === FIELD.label) labels.add(plainTerm(block.text));
  return { id: doc.id, keys, fields, fragment: gzipSync(fragmentJson(doc), { level: 6 }), department: doc.department, labels: [...labels] };
}

/** The compile step's one call: the search part of a checked filing, as the store keeps it. */
export function filingSearchBytes(filing: Filing): Uint8Array {
  return serialize(documentSearch(searchDocument(filing)));
}

export function readFilingSearch(bytes: Uint8Array): FilingSearch {
  return deserialize(bytes) as FilingSearch;
}
