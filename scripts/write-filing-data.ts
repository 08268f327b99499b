/**
 * `node --import tsx scripts/write-filing-data.ts --out <dir> --collected <file> [--previous <site>]`
 *
 * Each filing's open data (filing.json, CSVs, sources) and each region-year's
 * bulk zip, for the filings of the build named in GONGKAI_COMPILED, written
 * into `--out`, and (for a whole portal, not a shard) the portal's index of
 * filings, data package, feed and JSON Schemas; what the build needs back
 * (portal-data.ts JoinData), v8-serialised into `--collected`. Started beside
 * Astro (integrations/exports.ts), so that it runs on another core while
 * Astro renders the pages. With `--previous`, the files of a
 * filing that site was built from unchanged (compile/site-record.ts) are
 * hard-linked from it.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serialize } from 'node:v8';
import { buildManifest } from '../src/lib/compile/build-manifest.ts';
import { buildsFiling } from '../src/lib/compile/shards.ts';
import { readSiteRecord } from '../src/lib/compile/site-record.ts';
import { contentRoot } from '../src/lib/records/paths.ts';
import { siteConfig } from '../src/lib/site/site-config.ts';
import { joinData, writeFilingData, writePortalFiles } from '../src/lib/public-data/portal-data.ts';
import { recordDates } from '../src/lib/public-data/record-dates.ts';
import { Output } from '../src/lib/public-data/region-year-data.ts';

const { values } = parseArgs({ strict: true, options: { out: { type: 'string' }, collected: { type: 'string' }, previous: { type: 'string' } } });
if (!values.out || !values.collected) {
  console.error('usage: write-filing-data.ts --out <dir> --collected <file> [--previous <site>]');
  process.exit(2);
}
const started = performance.now();
const { manifest, store } = buildManifest();
const { shard } = manifest;
const filings = manifest.heads.filter((h) => buildsFiling(shard, h)).map(({ id, hash }) => ({ id, hash }));
const hashes = values.previous === undefined ? undefined : readSiteRecord(values.previous)?.filings;
const out = new Output(values.out, siteConfig.basePath, values.previous && hashes ? { site: values.previous, hashes } : undefined);
const collected = await writeFilingData(out, store, filings, recordDates(contentRoot(), filings.map((f) => f.id)));
// The portal's files that need only the filings are written here, beside the pages; the sitemap, after them (integrations/exports.ts).
if (!shard) await writePortalFiles(out, collected);
writeFileSync(values.collected, serialize(joinData(collected, shard !== undefined)));
console.log(`${filings.length} filing(s), ${out.linked} of them unchanged and linked from the site being replaced, ${collected.bulk.length} bulk zip(s) in ${Math.round(performance.now() - started)} ms`);
