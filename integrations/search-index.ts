import type { AstroIntegration } from 'astro';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildManifest } from '../src/lib/compile/build-manifest.ts';
import { buildsIndexPages } from '../src/lib/compile/shards.ts';
import { indexFiles } from '../src/lib/search/build-index.ts';
import { readFilingSearch, type FilingSearch } from '../src/lib/search/filing-search.ts';
import { SEARCH_INDEX_DIR } from '../src/lib/search/index-location.ts';

/**
 * Writes the site's own search index (docs/search.md) into the build output:
 * exact substrings in Chinese and whole figures, which Pagefind's segmentation
 * cannot give. Each filing's part (its keys and gzipped fragment) was made
 * by the compile step from the checked record, as the page renders it
 * (src/lib/search/filing-search.ts); this merges them.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'gongkai:search-index',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const log = logger.fork('gongkai:search-index');
        // One index of the whole portal: shard 1 holds every filing's compiled record and writes it (compile/shards.ts).
        if (!buildsIndexPages(buildManifest().manifest.shard)) return log.info('Skipped: shard 1 indexes the portal.');
        const started = performance.now();
        const summary = writeSearchIndex(fileURLToPath(dir), searchParts());
        log.info(`${summary.docs} filing pages, ${summary.files} files, ${(summary.bytes / 1024 / 1024).toFixed(1)} MiB in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}

/** The search parts of the build's filings, from the compiled store. */
function searchParts(): FilingSearch[] {
  const { manifest, store } = buildManifest();
  return manifest.heads.map((head) => readFilingSearch(store.search(head.hash)));
}

/** Writes the index of these filings under the site's SEARCH_INDEX_DIR (the fragments come gzipped). */
export function writeSearchIndex(siteDir: string, parts: readonly FilingSearch[]): { docs: number; files: number; bytes: number } {
  const root = join(siteDir, ...SEARCH_INDEX_DIR.split('/'));
  rmSync(root, { recursive: true, force: true });
  const files = indexFiles(parts);
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
  return { docs: parts.length, files: files.size, bytes };
}
