import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { contentRoot } from '../src/lib/records/paths.ts';
import { buildManifest } from '../src/lib/compile/build-manifest.ts';
import { regionOf } from '../src/lib/compile/shards.ts';
import { recordDates } from '../src/lib/public-data/record-dates.ts';
import { Output } from '../src/lib/public-data/region-year-data.ts';
import { writeFilingData, writePortalData } from '../src/lib/public-data/portal-data.ts';
import { SHARD_PART, type ShardPart } from '../src/lib/public-data/shard-part.ts';

/**
 * Everything of the open data (docs/data.md), from the compiled filings of
 * the build (compile/build-manifest.ts): beside each filing page, its
 * filing.json, CSVs and source documents; for the portal, the index of
 * filings, the data package, the bulk zips, the feed, the sitemap and the
 * JSON Schemas. Written here rather than rendered as Astro endpoints: a
 * filing has a dozen tables, and routing each through the renderer costs
 * more than the filing page.
 */
export function filingExports(): AstroIntegration {
  let base = '/';
  return {
    name: 'gongkai:exports',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const log = logger.fork('gongkai:exports');
        try {
          await writeOpenData(new Output(fileURLToPath(dir), base), pages, log);
        } catch (cause) {
          throw new Error('Failed to write the open data (CSV, sources, index, data package, zips, feed, sitemap).', { cause });
        }
      },
    },
  };
}

async function writeOpenData(out: Output, pages: readonly { pathname: string }[], logger: AstroIntegrationLogger): Promise<void> {
  const start = performance.now();
  const { manifest, store } = buildManifest();
  const { shard } = manifest;
  const filings = manifest.heads.filter((h) => shard === undefined || shard.regions.includes(regionOf(h))).map(({ id, hash }) => ({ id, hash }));
  const collected = await writeFilingData(out, store, filings, recordDates(contentRoot(), filings.map((f) => f.id)));
  const rendered = pages.map((p) => p.pathname);
  const done = `Wrote the open data of ${filings.length} filing(s) in`;
  if (shard) {
    // The portal's index, data package, feed and sitemap list every shard's filings and pages: npm run merge writes them from each shard's part.
    const part: ShardPart = { shard: { index: shard.index, count: shard.count }, pages: rendered, collected };
    writeFileSync(join(out.dir, SHARD_PART), serialize(part));
    logger.info(`${done} ${Math.round(performance.now() - start)} ms (shard ${shard.index} of ${shard.count}: ${collected.resources.length} CSV resources, ${collected.bulk.length} bulk zip(s)).`);
    return;
  }
  const listed = await writePortalData(out, collected, rendered);
  logger.info(
    `${done} ${Math.round(performance.now() - start)} ms: ${collected.resources.length} CSV resources, ${collected.bulk.length} bulk zip(s), the index, data package, feed, sitemap (${listed} pages) and schemas.`,
  );
}
