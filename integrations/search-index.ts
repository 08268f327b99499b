import type { AstroIntegration } from 'astro';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadAllFilings } from '../src/lib/records/load-all.ts';
import { PROJECT_ROOT, contentRoot } from '../src/lib/records/paths.ts';
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
        const started = performance.now();
        const summary = writeSearchIndex(fileURLToPath(dir), searchDocuments());
        log.info(`${summary.docs} filing pages, ${summary.files} files, ${(summary.bytes / 1024 / 1024).toFixed(1)} MiB in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}

/** The filings to index: one call, so that the source of the records is changed in one place. */
function searchDocuments(): SearchDocument[] {
  const { filings, problems } = loadAllFilings(PROJECT_ROOT, contentRoot());
  if (problems.length > 0) throw new Error(`search index: ${problems.length} record(s) could not be read, the first: ${problems[0]!.file}: ${problems[0]!.message}`);
  return filings.map(searchDocument);
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
