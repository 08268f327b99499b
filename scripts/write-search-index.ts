/**
 * `node --import tsx scripts/write-search-index.ts --out <dir>`
 *
 * The site's own search index (src/lib/search/write-index.ts) for the
 * filings of the build named in GONGKAI_COMPILED, written into `--out`. The
 * exports integration starts it beside the open data's process when the
 * build starts, for the build that makes the pages above the regions (the
 * whole portal, or shard 1), and joins its output to the site with theirs.
 */
import { parseArgs } from 'node:util';
import { buildManifest } from '../src/lib/compile/build-manifest.ts';
import { writeSearchIndex } from '../src/lib/search/write-index.ts';

const { values } = parseArgs({ strict: true, options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('usage: write-search-index.ts --out <dir>');
  process.exit(2);
}
const started = performance.now();
const { manifest, store } = buildManifest();
const index = writeSearchIndex(values.out, store, manifest.heads);
console.log(`search index: ${index.docs} filing pages, ${index.files} files, ${(index.bytes / 1024 / 1024).toFixed(1)} MiB in ${Math.round(performance.now() - started)} ms`);
