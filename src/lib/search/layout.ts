/**
 * The files of the search index, under SEARCH_INDEX_DIR: named here for the
 * builder (build-index.ts) and the page (engine.ts) alike. This module and
 * those the page imports must not reach the records' Node-only code.
 */
export const INDEX_VERSION = 9;
/** Groups of units per page: the index lists each key per group, and a candidate is checked against its group's fragment alone. */
export const GROUPS = 4;
export const bucketPath = (bucket: number) => `b/${bucket}.bin`;
export const listPath = (key: number) => `l/${key.toString(16)}.bin`;
/** A group's fragment: `group` is page * GROUPS + the group in the page. */
export const fragmentPath = (group: number) => `f/${group}.bin`;
export const META_FILE = 'meta.json';
export const DOCS_FILE = 'docs.json';
export const VOCABULARY_FILE = 'vocabulary.json';
/** The keys whose list has a file of its own (key-set.ts): fetched with the meta, so that such a list is fetched without its bucket. */
export const OWN_LISTS_FILE = 'own-lists.bin';

export interface IndexMeta {
  version: number;
  docs: number;
  /** GROUPS when the index was written: the posting lists are over page * groups + group. */
  groups: number;
  buckets: number;
}

/** How a block ranks a match: a title or department name before a row label or heading, before running text and figures. */
export const FIELD = { text: 1, label: 2, title: 4 } as const;
export type Field = (typeof FIELD)[keyof typeof FIELD];
