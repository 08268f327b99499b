import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';
import { buildManifest } from '../src/lib/compile/build-manifest.ts';
import { buildsIndexPages } from '../src/lib/compile/shards.ts';
import { PREVIOUS_SITE_ENV, SITE_PARTS_ENV } from '../src/lib/compile/site-record.ts';
import { Output, type Collected } from '../src/lib/public-data/region-year-data.ts';
import { writePortalData } from '../src/lib/public-data/portal-data.ts';
import { SHARD_PART, type ShardPart } from '../src/lib/public-data/shard-part.ts';


/** A child process and what it printed, awaited. */
function run(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', (error) => resolve({ code: -1, output: String(error) }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Moves what is below `from` to the same place below `to`, on the same file
 * system: a folder the site does not have yet (a filing's tables/, the search
 * index's data/) is one rename, not one per file (10,000 filings' open data
 * are 200,000 files).
 */
function moveInto(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory() && existsSync(target)) moveInto(source, target);
    else renameSync(source, target);
  }
}

/**
 * Everything of the open data (docs/data.md), from the compiled filings of
 * the build (compile/build-manifest.ts). Each filing's filing.json, CSVs and
 * source documents and each region-year's bulk zip are written by a process
 * of their own (scripts/write-filing-data.ts), started when the build starts
 * so that it works on the second core while Astro renders the pages; when the
 * pages are done, its output joins the site and the portal's index of
 * filings, data package, feed, sitemap and JSON Schemas are written (or, for
 * a shard, the part `npm run merge` writes them from).
 */
export function filingExports(): AstroIntegration {
  let base = '/';
  let outDir = '';
  /** The processes writing beside the pages: the filings' open data, and (for the whole portal or shard 1) the search index. */
  let writers: Promise<{ code: number | null; output: string }>[] = [];
  let started = 0;
  return {
    name: 'gongkai:exports',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
      },
      'astro:build:start': () => {
        started = performance.now();
        // The site a build replaces: an unchanged filing's files are linked from it.
        const previous = process.env[PREVIOUS_SITE_ENV];
        rmSync(`${outDir}.data`, { recursive: true, force: true });
        rmSync(`${outDir}.index`, { recursive: true, force: true });
        writers = [run(['scripts/write-filing-data.ts', '--out', `${outDir}.data`, '--collected', `${outDir}.data.collected`, ...(previous ? ['--previous', previous] : [])])];
        // One index of the whole portal: the build that makes the pages above the regions writes it (compile/shards.ts).
        if (buildsIndexPages(buildManifest().manifest.shard)) {
          const parts = process.env[SITE_PARTS_ENV];
          writers.push(run(['scripts/write-search-index.ts', '--out', `${outDir}.index`, ...(previous ? ['--previous', previous] : []), ...(parts ? ['--parts', parts] : [])]));
        }
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const log = logger.fork('gongkai:exports');
        const pagesDone = performance.now();
        const written = await Promise.all(writers);
        const writersDone = performance.now();
        const failed = written.find((w) => w.code !== 0);
        if (failed) throw new Error(`Failed to write the open data (filing.json, CSV, sources, bulk zips) or the search index:\n${failed.output}`);
        const site = fileURLToPath(dir);
        moveInto(`${outDir}.data`, site);
        if (written.length > 1) moveInto(`${outDir}.index`, site);
        const collected = deserialize(readFileSync(`${outDir}.data.collected`)) as Collected;
        for (const left of [`${outDir}.data`, `${outDir}.index`, `${outDir}.data.collected`]) rmSync(left, { recursive: true, force: true });
        for (const line of written.flatMap((w) => w.output.trim().split('\n'))) log.info(line.startsWith('search index') ? line : `Filing data: ${line}`);
        const rendered = pages.map((p) => p.pathname);
        const { shard } = buildManifest().manifest;
        const summary = `${collected.index.length} filing(s): ${collected.resources.length} CSV resources, ${collected.bulk.length} bulk zip(s)`;
        const timing = (more: string) => `Wrote the open data of ${summary}${more} in ${Math.round(performance.now() - pagesDone)} ms after the pages (${Math.round(pagesDone - started)} ms beside them; after them, ${Math.round(writersDone - pagesDone)} ms waiting for the writers).`;
        if (shard) {
          // The portal's index, data package, feed and sitemap list every shard's filings and pages: npm run merge writes them from each shard's part.
          const part: ShardPart = { shard: { index: shard.index, count: shard.count }, pages: rendered, collected };
          writeFileSync(join(site, SHARD_PART), serialize(part));
          return log.info(timing(` (shard ${shard.index} of ${shard.count})`));
        }
        const listed = await writePortalData(new Output(site, base), collected, rendered);
        log.info(timing(`; the index, data package, feed, sitemap (${listed} pages) and schemas`));
      },
    },
  };
}
