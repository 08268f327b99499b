import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderMaker, linkOrFalse } from '../compile/site-files.ts';
import type { CompiledStore } from '../compile/compiled-store.ts';
import type { FilingHead } from '../compile/compiled.ts';
import { bucketCount, encodeLists, headFiles, listFiles, sortById, type EncodedLists } from './build-index.ts';
import { readFilingSearch, type FilingSearch } from './filing-search.ts';
import { changeLists, type IndexChange, type IndexState } from './index-state.ts';
import { SEARCH_INDEX_DIR } from './index-location.ts';
import { GROUPS, INDEX_VERSION, fragmentPath, listPath } from './layout.ts';

/** The index of the site a build replaces: its folder, the digest of each of its files, and what it was made of (index-state.ts). */
export interface PreviousIndex {
  site: string;
  digests: ReadonlyMap<string, string>;
  state?: IndexState;
}

export interface WrittenIndex {
  docs: number;
  files: number;
  /** Bytes of the files written rather than linked. */
  written: number;
  linked: number;
  /** Search parts read from the store: every page's for an index made from scratch, the new and changed pages' for one changed. */
  partsRead: number;
  /** Lists written again from their postings; the others were copied from the replaced index's. */
  listsRewritten: number;
  lists: number;
  digests: Record<string, string>;
  state: IndexState;
}

const digestOf = (content: string | Uint8Array) => createHash('sha1').update(content).digest('base64url');

/** A file of the index: its bytes, or the file of the replaced index it is the same as (a page unchanged since, whose fragment only moved). */
type IndexFile = Uint8Array | string | { from: string; digest: string; bytes: () => Uint8Array };

/**
 * Writes the site's own search index (docs/search.md) under `siteDir`: the
 * search parts the compile step made of each filing (filing-search.ts),
 * merged into posting lists. Exact substrings in Chinese and whole figures,
 * which Pagefind's segmentation cannot give. Run by a process of its own
 * (scripts/write-search-index.ts) beside the pages, by the build that makes
 * the pages above the regions.
 *
 * With the index of the site being replaced and its state, only the new and
 * changed filings' parts are read, and their keys' lists written again
 * (index-state.ts); a file whose bytes the replaced index holds, at that
 * path or another, is hard-linked from it: at 10,000 filings the index is
 * 60,000 files, and after one filing changed most are the same.
 */
export function writeSearchIndex(siteDir: string, store: CompiledStore, heads: readonly Pick<FilingHead, 'id' | 'hash'>[], previous?: PreviousIndex): WrittenIndex {
  const root = join(siteDir, ...SEARCH_INDEX_DIR.split('/'));
  rmSync(root, { recursive: true, force: true });
  const sorted = sortById(heads);
  let partsRead = 0;
  const part = (hash: string) => {
    partsRead++;
    return readFilingSearch(store.search(hash));
  };
  const made = previous?.state ? fromState(previous.state, sorted, part) : fromParts(sorted.map((head) => part(head.hash)));
  const buckets = bucketCount(made.lists);
  const files = new Map<string, IndexFile>();
  if (made.dirty && previous && buckets === made.bucketsBefore) {
    // The same buckets: those without a key the change touched, and the touched keys' own files, are the replaced index's.
    for (const [path, bytes] of listFiles(made.lists, buckets, made.dirty)) files.set(path, bytes);
    // Made only if a file of the replaced index is gone when it is linked.
    let all: Map<string, Uint8Array> | undefined;
    const remade = (path: string) => () => (all ??= listFiles(made.lists, buckets)).get(path)!;
    const dirtyLists = new Set([...made.dirty].map(listPath));
    for (const [path, digest] of previous.digests) {
      if (files.has(path) || !(path.startsWith('b/') || (path.startsWith('l/') && !dirtyLists.has(path)))) continue;
      files.set(path, { from: path, digest, bytes: remade(path) });
    }
  } else for (const [path, bytes] of listFiles(made.lists, buckets)) files.set(path, bytes);
  made.fragments.forEach((fragment, n) => {
    const path = fragmentPath(n);
    if (fragment instanceof Uint8Array) files.set(path, fragment);
    else if (fragment !== null) {
      // The replaced index has a file for each group with units, and lists its digest: none, no units.
      const digest = previous?.digests.get(fragment.from);
      if (digest !== undefined) files.set(path, { from: fragment.from, digest, bytes: fragment.bytes });
    }
  });
  for (const [path, text] of headFiles(sorted.map((head) => head.id), buckets, made.terms)) files.set(path, text);

  const before = new Map<string, string>();
  for (const [path, digest] of previous?.digests ?? []) if (!before.has(digest)) before.set(digest, path);
  const previousRoot = previous && join(previous.site, ...SEARCH_INDEX_DIR.split('/'));
  const makeFolder = folderMaker();
  const digests: Record<string, string> = {};
  let written = 0;
  let linked = 0;
  for (const [path, content] of files) {
    const file = join(root, ...path.split('/'));
    makeFolder(file);
    const known = typeof content === 'object' && !(content instanceof Uint8Array) ? content : undefined;
    const digest = (digests[path] = known ? known.digest : digestOf(content as Uint8Array | string));
    const from = known ? known.from : previous?.digests.get(path) === digest ? path : before.get(digest);
    if (previousRoot && from !== undefined && linkOrFalse(join(previousRoot, ...from.split('/')), file)) {
      linked++;
      continue;
    }
    const data = known ? known.bytes() : (content as Uint8Array | string);
    writeFileSync(file, data);
    written += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  }
  const state: IndexState = { version: INDEX_VERSION, ids: sorted.map((h) => h.id), hashes: sorted.map((h) => h.hash), terms: made.terms, lists: made.lists };
  return { docs: sorted.length, files: files.size, written, linked, partsRead, listsRewritten: made.rewritten, lists: made.lists.keys.length, digests, state };
}

interface Made {
  lists: EncodedLists;
  /** Each group's fragment (page * GROUPS + group): its bytes, where it was in the replaced index, or null for a group without units. */
  fragments: (Uint8Array | { from: string; bytes: () => Uint8Array } | null)[];
  terms: IndexState['terms'];
  /** The keys whose lists differ from the replaced index's (written again, gone or new), when the others are its own byte for byte. */
  dirty: Set<number> | null;
  /** Its bucket count: the buckets are the same files only when the count is. */
  bucketsBefore: number;
  rewritten: number;
}

function fromParts(parts: readonly FilingSearch[]): Made {
  const lists = encodeLists(parts);
  return { lists, fragments: parts.flatMap((p) => p.fragments), terms: parts.map(termsOf), dirty: null, bucketsBefore: 0, rewritten: lists.keys.length };
}

const termsOf = (part: FilingSearch) => ({ department: part.department, labels: part.labels });

/** The index of `sorted` from the state of the replaced one: its unchanged pages' lists and fragments kept, the others' parts read. */
function fromState(state: IndexState, sorted: readonly Pick<FilingHead, 'id' | 'hash'>[], part: (hash: string) => FilingSearch): Made {
  const was = new Map(state.ids.map((id, i) => [id, i]));
  const moved = new Int32Array(state.ids.length).fill(-1);
  const added: { doc: number; keys: Uint32Array; fields: Uint8Array }[] = [];
  const fragments: Made['fragments'] = [];
  const terms: IndexState['terms'] = [];
  let renumbered = state.ids.length !== sorted.length;
  sorted.forEach((head, doc) => {
    const i = was.get(head.id);
    if (i !== doc) renumbered = true;
    if (i !== undefined && state.hashes[i] === head.hash) {
      moved[i] = doc;
      terms.push(state.terms[i]!);
      for (let g = 0; g < GROUPS; g++) fragments.push({ from: fragmentPath(i * GROUPS + g), bytes: () => part(head.hash).fragments[g]! });
      return;
    }
    const found = part(head.hash);
    added.push({ doc, keys: found.keys, fields: found.fields });
    terms.push(termsOf(found));
    fragments.push(...found.fragments);
  });
  const touched = renumbered ? null : touchedKeys(state, moved, added, part);
  // Every page where it was: a changed page's postings of the keys whose postings it changed are all that is added.
  const change: IndexChange = { moved, docs: sorted.length, added: touched ? added.map((page) => only(page, touched)) : added, touched };
  const { lists, dirty } = changeLists(state.lists, state.ids.length, change);
  return { lists, fragments, terms, dirty, bucketsBefore: bucketCount(state.lists), rewritten: dirty?.size ?? lists.keys.length };
}

type PageKeys = IndexChange['added'][number];

/**
 * The keys whose postings the change of pages in place changes: those a
 * changed page has in other groups or fields than before, or has only
 * before or only now. Null when a page's earlier part is no longer in the
 * store: every list is then read again.
 */
function touchedKeys(state: IndexState, moved: Int32Array, added: readonly PageKeys[], part: (hash: string) => FilingSearch): Set<number> | null {
  const keys = new Set<number>();
  const now = new Map(added.map((page) => [page.doc, page]));
  for (let i = 0; i < moved.length; i++) {
    if (moved[i]! >= 0) continue;
    let before: FilingSearch;
    try {
      before = part(state.hashes[i]!);
    } catch {
      return null;
    }
    const after = now.get(i)!;
    // Both sorted by key, a key's groups ascending: walk them key by key and compare what each holds of the key.
    let [a, b] = [0, 0];
    while (a < before.keys.length || b < after.keys.length) {
      const key = Math.min(a < before.keys.length ? before.keys[a]! : 2 ** 32, b < after.keys.length ? after.keys[b]! : 2 ** 32);
      let [aEnd, bEnd] = [a, b];
      while (aEnd < before.keys.length && before.keys[aEnd] === key) aEnd++;
      while (bEnd < after.keys.length && after.keys[bEnd] === key) bEnd++;
      let same = aEnd - a === bEnd - b;
      for (let k = 0; same && k < aEnd - a; k++) same = before.fields[a + k] === after.fields[b + k];
      if (!same) keys.add(key);
      [a, b] = [aEnd, bEnd];
    }
  }
  return keys;
}

/** A page's postings of the keys in `keys` only. */
function only(page: PageKeys, keys: ReadonlySet<number>): PageKeys {
  const at: number[] = [];
  for (let k = 0; k < page.keys.length; k++) if (keys.has(page.keys[k]!)) at.push(k);
  return { doc: page.doc, keys: Uint32Array.from(at, (k) => page.keys[k]!), fields: Uint8Array.from(at, (k) => page.fields[k]!) };
}
