/**
 * `node --import tsx scripts/write-filing-data.ts --out <dir> --collected <file> [--previous <site>]`
 *
 * Each filing's open data (filing.json, CSVs, sources) and each region-year's
 * bulk zip, for the filings of the build named in GONGKAI_COMPILED, written
 * into `--out`; what the portal's own files list of them, v8-serialised into
 * `--collected`. The exports integration starts it when the build starts, so
 * that it runs on another core while Astro renders the pages, and joins its
 * output to the site when they are done. With `--previous`, the files of a
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
import { writeFilingData } from '../src/lib/public-data/portal-data.ts';
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
writeFileSync(values.collected, serialize(collected));
console.log(`${filings.length} filing(s), ${out.linked} of them unchanged and linked from the site being replaced, ${collected.bulk.length} bulk zip(s) in ${Math.round(performance.now() - started)} ms`);
