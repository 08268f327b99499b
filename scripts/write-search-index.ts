/**
 * `node --import tsx scripts/write-search-index.ts --out <dir> [--previous <site>] [--parts <dir>]`
 *
 * The site's own search index (src/lib/search/write-index.ts) for the
 * filings of the build named in GONGKAI_COMPILED, written into `--out`. The
 * exports integration starts it beside the open data's process when the
 * build starts, for the build that makes the pages above the regions (the
 * whole portal, or shard 1), and joins its output to the site with theirs.
 * With `--previous`, files the index of that site holds byte for byte are
 * linked from it; `--parts` is where the digests of this index are left for
 * the new site's record (compile/site-record.ts).
 */
import { parseArgs } from 'node:util';
import { buildManifest } from '../src/lib/compile/build-manifest.ts';
import { indexStatePart, readSiteRecord, siteIndexStateFile, writeSitePart } from '../src/lib/compile/site-record.ts';
import { writeSearchIndex, type PreviousIndex } from '../src/lib/search/write-index.ts';
import { readIndexState, writeIndexState } from '../src/lib/search/index-state.ts';
import { META_FILE } from '../src/lib/search/layout.ts';

const { values } = parseArgs({ strict: true, options: { out: { type: 'string' }, previous: { type: 'string' }, parts: { type: 'string' } } });
if (!values.out) {
  console.error('usage: write-search-index.ts --out <dir> [--previous <site>] [--parts <dir>]');
  process.exit(2);
}
const started = performance.now();
const { manifest, store } = buildManifest();
const previous = ((): PreviousIndex | undefined => {
  const digests = values.previous === undefined ? undefined : readSiteRecord(values.previous)?.index;
  if (values.previous === undefined || digests === undefined) return undefined;
  // Changed from the state only when the record lists the replaced index's files: they are what the state's pages are linked from.
  const state = digests.has(META_FILE) ? readIndexState(siteIndexStateFile(values.previous)) : undefined;
  return { site: values.previous, digests, ...(state ? { state } : {}) };
})();
const index = writeSearchIndex(values.out, store, manifest.heads, previous);
if (values.parts) {
  writeSitePart(values.parts, 'index', index.digests);
  writeIndexState(indexStatePart(values.parts), index.state);
}
const how = previous?.state ? `changed from the replaced site's: ${index.partsRead} search part(s) read, ${index.listsRewritten} of ${index.lists} lists written again` : `${index.partsRead} search parts read, ${index.lists} lists`;
console.log(`search index: ${index.docs} filing pages, ${index.files} files (${index.linked} linked from the site being replaced), ${(index.written / 1024 / 1024).toFixed(1)} MiB written; ${how}; in ${Math.round(performance.now() - started)} ms`);
