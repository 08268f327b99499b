import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CompiledStore } from '../compile/compiled-store.ts';
import type { FilingHead } from '../compile/compiled.ts';
import { indexFiles } from './build-index.ts';
import { readFilingSearch } from './filing-search.ts';
import { SEARCH_INDEX_DIR } from './index-location.ts';

/**
 * Writes the site's own search index (docs/search.md) under `siteDir`: the
 * search parts the compile step made of each filing (filing-search.ts),
 * merged into posting lists. Exact substrings in Chinese and whole figures,
 * which Pagefind's segmentation cannot give. Run by a process of its own
 * (scripts/write-search-index.ts) beside the pages, by the build that makes
 * the pages above the regions.
 */
export function writeSearchIndex(siteDir: string, store: CompiledStore, heads: readonly Pick<FilingHead, 'hash'>[]): { docs: number; files: number; bytes: number } {
  const root = join(siteDir, ...SEARCH_INDEX_DIR.split('/'));
  rmSync(root, { recursive: true, force: true });
  const files = indexFiles(heads.map((head) => readFilingSearch(store.search(head.hash))));
  const made = new Set<string>();
  let bytes = 0;
  for (const [path, content] of files) {
    const file = join(root, ...path.split('/'));
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    writeFileSync(file, content);
  }
  return { docs: heads.length, files: files.size, bytes };
}
