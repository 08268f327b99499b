import type { AstroIntegration } from 'astro';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildManifest } from '../src/lib/compile/build-manifest.ts';
import { buildsIndexPages } from '../src/lib/compile/shards.ts';
import { documentKeys, indexFiles } from '../src/lib/search/build-index.ts';
import { searchDocument, type SearchDocument } from '../src/lib/search/documents.ts';
import { SEARCH_INDEX_DIR } from '../src/lib/search/index-location.ts';

/**
 * Writes the site's own search index (docs/search.md) into the build output:
 * exact substrings in Chinese and whole figures, which Pagefind's segmentation
 * cannot give. Built from the records, as the pages render them
 * (src/lib/search/documents.ts), not from the built HTML.
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
        const summary = writeSearchIndex(fileURLToPath(dir), searchDocuments());
        log.info(`${summary.docs} filing pages, ${summary.files} files, ${(summary.bytes / 1024 / 1024).toFixed(1)} MiB in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}

/** The filings to index: the compiled records of the build, what the pages render. */
function searchDocuments(): SearchDocument[] {
  const { manifest, store } = buildManifest();
  return manifest.heads.map((head) => searchDocument(store.record(head.hash).filing));
}

/** Writes the index of these documents under the site's SEARCH_INDEX_DIR, fragments gzipped. */
export function writeSearchIndex(siteDir: string, docs: readonly SearchDocument[]): { docs: number; files: number; bytes: number } {
  const root = join(siteDir, ...SEARCH_INDEX_DIR.split('/'));
  rmSync(root, { recursive: true, force: true });
  const files = indexFiles(docs.map((doc) => ({ doc, keys: documentKeys(doc) })));
  const made = new Set<string>();
  let bytes = 0;
  for (const [path, content] of files) {
    const file = join(root, ...path.split('/'));
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const data = path.startsWith('f/') ? gzipSync(content, { level: 6 }) : content;
    bytes += data.length;
    writeFileSync(file, data);
  }
  return { docs: docs.length, files: files.size, bytes };
}
