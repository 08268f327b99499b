/**
 * `npm run build [-- --outDir <dir>] [--shard K/N]`: the compile step (every filing
 * validated and checked once, docs/compile.md), then `astro build` of the
 * compiled filings into a staging folder, and only when both succeed the
 * staged site replaces `dist/` (or `--outDir`). A failed check or build
 * leaves the previous site exactly as it was. The pages read the compiled
 * records named in the build's manifest, never the folders again: a record
 * changed on disk during the build is published by the next build.
 *
 * `--shard K/N` builds part K of N of the portal (compile/shards.ts,
 * docs/scale.md) into `--outDir` (default dist-shard-K-of-N), for `npm run
 * merge` to join with the others.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, contentRoot } from '../src/lib/records/paths.ts';
import { errorCount, report } from '../src/lib/checks/run-checks.ts';
import { exitOnSiteConfigError, loadSiteConfig, siteConfig } from '../src/lib/site/site-config.ts';
import { MANIFEST_ENV, MANIFEST_PENDING_ENV, writeManifest } from '../src/lib/compile/build-manifest.ts';
import { DEFAULT_STORE_ROOT } from '../src/lib/compile/compiled-store.ts';
import { buildsFiling, parseShard, splitRegions, type Shard } from '../src/lib/compile/shards.ts';
import { PREVIOUS_SITE_ENV, SITE_PARTS_ENV, indexStatePart, readSiteParts, renderedPages, writeSiteRecord, type RecordParts } from '../src/lib/compile/site-record.ts';
import type { CompileRun } from '../src/lib/compile/compile-all.ts';
import { recoverAbandoned, replaceAtomically, type BuildOutcome } from './atomic-dist.ts';

const USAGE = 'usage: npm run build [-- --outDir <dir>] [--shard K/N]';
const usage: (message: string) => never = (message) => {
  console.error(`build: ${message}\n${USAGE}`);
  process.exit(2);
};
const { values } = (() => {
  try {
    return parseArgs({ strict: true, options: { outDir: { type: 'string' }, shard: { type: 'string' } } });
  } catch (error) {
    return usage((error as Error).message);
  }
})();
const part = values.shard === undefined ? undefined : parseShard(values.shard);
if (part && 'problem' in part) usage(part.problem);
const shardOf = part && !('problem' in part) ? part : undefined;
const dist = resolve(PROJECT_ROOT, values.outDir ?? (shardOf ? `dist-shard-${shardOf.index}-of-${shardOf.count}` : 'dist'));
const kept = () => (existsSync(dist) ? `the previous ${dist} is unchanged` : `no ${dist} was written`);
const stop: (message: string) => never = (message) => {
  console.error(`build: ${message}; ${kept()}`);
  process.exit(1);
};
/** A file system error in words, without a stack trace: EACCES: permission denied, mkdir '…'. */
const said = (error: unknown) => (error instanceof Error ? error.message : String(error));

// A build killed between its two renames left the last whole site in the staging folder: it is put back before anything can fail.
try {
  const missing = !existsSync(dist);
  recoverAbandoned(dist);
  if (missing && existsSync(dist)) console.log(`build: put back ${dist}, which a build stopped half-way had moved aside`);
} catch (error) {
  stop(`could not put back what an earlier build left beside ${dist} (${said(error)})`);
}

// Read before the compiler is loaded: modules it loads make URLs from it as they load.
try {
  loadSiteConfig();
} catch (error) {
  exitOnSiteConfigError(error);
}
const { compileAll } = await import('../src/lib/compile/compile-all.ts');
const { WRITERS_OUTSIDE_ENV, joinWriters, startWriters } = await import('../integrations/exports.ts');
const manifest = join(DEFAULT_STORE_ROOT, '..', 'manifests', `build-${process.pid}.json`);
// This process reads it too: it starts the writers and joins their output after Astro (integrations/exports.ts).
process.env[MANIFEST_ENV] = manifest;
const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const partsFolder = `${manifest}.parts`;
const indexState = `${manifest}.index-state`;
let run: CompileRun | undefined;
let shard: Shard | undefined;
let parts: RecordParts | undefined;
let astroMs = 0;
const replacing = performance.now();
const outcome = await replaceAtomically(dist, async (outDir): Promise<BuildOutcome> => {
  // The site being replaced: its pages are where the new site's start (integrations/carried-pages.ts), and the files of a filing
  // it already holds byte for byte are linked from it (integrations/exports.ts).
  const previous = existsSync(dist) ? { [PREVIOUS_SITE_ENV]: dist } : {};
  const env = { ...process.env, [MANIFEST_ENV]: manifest, [SITE_PARTS_ENV]: partsFolder, [WRITERS_OUTSIDE_ENV]: '1', ...previous };
  // Astro starts beside the compile step: its start, configuration and first Vite server need no filing, and its content
  // loader waits for the manifest (build-manifest.ts manifestWritten). Failed checks stop it before it reads one.
  const astroStarted = performance.now();
  const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], { cwd: PROJECT_ROOT, stdio: 'inherit', env: { ...env, [MANIFEST_PENDING_ENV]: '1' } });
  const astroDone = new Promise<number | string | null>((resolve) => {
    child.on('error', (error) => resolve(error.message));
    child.on('close', (code, signal) => resolve(code ?? signal));
  });
  const stopAstro = async () => {
    child.kill();
    await astroDone;
  };
  try {
    run = await compileAll(PROJECT_ROOT, contentRoot());
  } catch (error) {
    await stopAstro();
    throw error;
  }
  if (errorCount(run) > 0) {
    await stopAstro();
    for (const line of report(run)) console.error(line);
    return { ok: false, reason: 'the checks found errors' };
  }
  console.log(`build: ${run.filingCount} filing(s) checked in ${Math.round(run.elapsed)} ms (${run.compiled} compiled, ${run.reused} unchanged since an earlier compile)`);
  const part: Shard | undefined = (shard = shardOf && { ...shardOf, regions: splitRegions(run.heads, shardOf.count)[shardOf.index - 1]! });
  if (part) console.log(`build: shard ${part.index} of ${part.count}: ${part.regions.length} region(s), ${run.heads.filter((h) => buildsFiling(part, h)).length} filing(s)`);
  // For tests: a command run between the compile step and the render, to change a record while the site is built.
  const afterChecks = process.env['GONGKAI_TEST_AFTER_CHECKS'];
  if (afterChecks) spawnSync(afterChecks, { shell: true, stdio: 'inherit' });
  writeManifest(manifest, { store: run.store, heads: run.heads, ...(part ? { shard: part } : {}) });
  // The open data and the search index need only the manifest: they start now, beside Astro's content sync and bundling.
  const writers = startWriters(outDir, env, true);
  const status = await astroDone;
  astroMs = performance.now() - astroStarted;
  if (status !== 0) {
    await writers.stop();
    return { ok: false, reason: `astro build exited with ${status}` };
  }
  for (const line of await joinWriters(writers, outDir, siteConfig.basePath, renderedPages(partsFolder))) console.log(`[gongkai:exports] ${line}`);
  parts = readSiteParts(partsFolder);
  if (existsSync(indexStatePart(partsFolder))) renameSync(indexStatePart(partsFolder), indexState);
  return { ok: true };
})
  .catch((error: unknown) => stop(`could not put the new site in place (${said(error)})`))
  .finally(() => [manifest, partsFolder].forEach((file) => rmSync(file, { recursive: true, force: true })));
if (!outcome.ok) {
  rmSync(indexState, { force: true });
  stop(outcome.reason);
}
writeSiteRecord(dist, run!.heads.filter((h) => buildsFiling(shard, h)), parts!, indexState);
if (outcome.note) console.log(`build: ${outcome.note}`);
console.log(`build: ${dist} replaced by the new site (astro build ${Math.round(astroMs)} ms, then ${Math.round(performance.now() - replacing - astroMs)} ms to join its writers' output and put it in place)`);
