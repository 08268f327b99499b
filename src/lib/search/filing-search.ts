import { deserialize, serialize } from 'node:v8';
import { gzipSync } from 'node:zlib';
import type { Filing } from '../records/load-filing.ts';
import { searchDocument, type SearchDocument } from './documents.ts';
import { blockKeys, normalise } from './grams.ts';
import { FIELD, GROUPS } from './layout.ts';
import { KeyTable } from './key-table.ts';
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
  /** Every key of each group of the page (grams.ts), ascending (a key in several groups repeats, groups ascending). */
  keys: Uint32Array;
  /** The group of the page (0 to GROUPS - 1) and the fields (layout.ts FIELD bits) of each key, as group << 3 | fields, in the order of `keys`. */
  fields: Uint8Array;
  /** What the search page fetches to check a group of the page (fragmentJson), gzipped; null for a group with no units. */
  fragments: (Uint8Array | null)[];
  /** What the suggestions draw on (suggest.ts): the department's name and the page's labels, without their numbering. */
  department: string;
  labels: string[];
}

/**
 * The group of each unit: the page's units in order, cut into GROUPS runs of
 * about the same length of text. The index lists a key per group, so a word
 * must be whole in one group to be a candidate, and the page checks a
 * candidate against that group's text alone (docs/search.md).
 */
export function unitGroups(doc: SearchDocument): number[] {
  const lengths = doc.units.map((u) => u.blocks.reduce((n, b) => n + b.text.length, 0));
  const total = lengths.reduce((a, b) => a + b, 0) || 1;
  let before = 0;
  return lengths.map((length) => {
    const group = Math.min(GROUPS - 1, Math.floor((before * GROUPS) / total));
    before += length;
    return group;
  });
}

/** Every key of a document with its groups and fields. */
export function documentKeys(doc: SearchDocument): KeyTable {
  const groups = unitGroups(doc);
  const blocks = doc.units.flatMap((unit, u) => unit.blocks.map((block) => ({ block, group: groups[u]! })));
  // One normalise() over the page: its blocks joined by a character it keeps and no text holds.
  const page = normalise(blocks.map((b) => b.block.text.replaceAll('\u0000', '')).join('\u0000'));
  // About one key per character once they are merged: sized so, the table seldom grows.
  const table = new KeyTable(page.length);
  page.split('\u0000').forEach((text, i) => blockKeys(text, table, blocks[i]!.group, blocks[i]!.block.field));
  return table;
}

/** What the page fetches to check a group: the document's head and the group's units as [anchor, [field, text]…]. */
export function fragmentJson(doc: SearchDocument, units: SearchDocument['units']): string {
  return JSON.stringify({ id: doc.id, title: doc.title, region: doc.region, department: doc.department, year: doc.year, kind: doc.kind, units: units.map((u) => [u.anchor, u.blocks.map((b) => [b.field, b.text])]) });
}

/** The search part of a document: its keys sorted, its groups' fragments gzipped, its terms for suggestions. */
export function documentSearch(doc: SearchDocument): FilingSearch {
  const { keys, fields } = documentKeys(doc).sorted();
  const groups = unitGroups(doc);
  const fragments = Array.from({ length: GROUPS }, (_, g) => {
    const units = doc.units.filter((_, u) => groups[u] === g);
    return units.length === 0 ? null : gzipSync(fragmentJson(doc, units), { level: 6 });
  });
  const labels = new Set<string>();
  for (const unit of doc.units) for (const block of unit.blocks) if (block.field === FIELD.label) labels.add(plainTerm(block.text));
  return { id: doc.id, keys, fields, fragments, department: doc.department, labels: [...labels] };
}

/** The compile step's one call: the search part of a checked filing (with its Markdown as HTML, rendered once for page and search alike), as the store keeps it. */
export function filingSearchBytes(filing: Filing, html: Readonly<Record<string, string>>): Uint8Array {
  return serialize(documentSearch(searchDocument(filing, html)));
}

/**
 * A search part as the store keeps it, none of its arrays a view into
 * `bytes`: v8's deserialize gives an array it can align (every Uint8Array)
 * as a view into the buffer it read, so each part kept the whole file alive
 * beside the keys it had copied. The index step holds every page's part at
 * once: at 10,000 filings that was 1.45 GB for 855 MB of parts.
 */
export function readFilingSearch(bytes: Uint8Array): FilingSearch {
  const part = deserialize(bytes) as FilingSearch;
  const inBytes = (array: ArrayBufferView) => array.buffer === bytes.buffer;
  // new Uint8Array(…), not slice(): the fragments come back as Buffers, whose slice() is a view.
  const own = (array: Uint8Array) => (inBytes(array) ? new Uint8Array(array) : array);
  return { ...part, keys: inBytes(part.keys) ? part.keys.slice() : part.keys, fields: own(part.fields), fragments: part.fragments.map((fragment) => fragment && own(fragment)) };
}
