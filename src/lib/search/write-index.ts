import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderMaker, linkOrFalse } from '../compile/site-files.ts';
import type { CompiledStore } from '../compile/compiled-store.ts';
import type { FilingHead } from '../compile/compiled.ts';
import { indexFiles } from './build-index.ts';
import { readFilingSearch } from './filing-search.ts';
import { SEARCH_INDEX_DIR } from './index-location.ts';

/** The index of the site a build replaces: its folder and the digest of each of its files (compile/site-record.ts). */
export interface PreviousIndex {
  site: string;
  digests: ReadonlyMap<string, string>;
}

const digestOf = (content: string | Uint8Array) => createHash('sha1').update(content).digest('base64url');

/**
 * Writes the site's own search index (docs/search.md) under `siteDir`: the
 * search parts the compile step made of each filing (filing-search.ts),
 * merged into posting lists. Exact substrings in Chinese and whole figures,
 * which Pagefind's segmentation cannot give. Run by a process of its own
 * (scripts/write-search-index.ts) beside the pages, by the build that makes
 * the pages above the regions.
 *
 * A file whose bytes the index of the site being replaced already holds, at
 * that path or another (a page's fragments move when a filing is added
 * before it in id order), is hard-linked from it: at 10,000 filings the
 * index is 60,000 files, and after one filing changed most are the same.
 * Returns the digest of every file, for the next build.
 */
export function writeSearchIndex(siteDir: string, store: CompiledStore, heads: readonly Pick<FilingHead, 'hash'>[], previous?: PreviousIndex): { docs: number; files: number; bytes: number; linked: number; digests: Record<string, string> } {
  const root = join(siteDir, ...SEARCH_INDEX_DIR.split('/'));
  rmSync(root, { recursive: true, force: true });
  const files = indexFiles(heads.map((head) => readFilingSearch(store.search(head.hash))));
  const before = new Map<string, string>();
  for (const [path, digest] of previous?.digests ?? []) if (!before.has(digest)) before.set(digest, path);
  const previousRoot = previous && join(previous.site, ...SEARCH_INDEX_DIR.split('/'));
  const makeFolder = folderMaker();
  const digests: Record<string, string> = {};
  let bytes = 0;
  let linked = 0;
  for (const [path, content] of files) {
    const file = join(root, ...path.split('/'));
    makeFolder(file);
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    const digest = (digests[path] = digestOf(content));
    const from = previous?.digests.get(path) === digest ? path : before.get(digest);
    if (previousRoot && from !== undefined && linkOrFalse(join(previousRoot, ...from.split('/')), file)) linked++;
    else writeFileSync(file, content);
  }
  return { docs: heads.length, files: files.size, bytes, linked, digests };
}
