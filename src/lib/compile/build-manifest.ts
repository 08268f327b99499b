import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FilingHead } from './compiled.ts';
import { CompiledStore } from './compiled-store.ts';
import type { Shard } from './shards.ts';

/**
 * What one build publishes: the heads of the filings the compile step
 * checked, and the store their records are kept in. `npm run build`
 * compiles, writes this file and names it to `astro build` in
 * GONGKAI_COMPILED; the content collection, the pages and the exports read
 * the filings from it alone, so a record changed on disk after the compile
 * is not published until the next build checks it.
 */
export interface BuildManifest {
  store: string;
  /** Every filing of the portal, also in a shard's build: the pages above the regions and the comparisons need them all. */
  heads: FilingHead[];
  /** The part of the portal this build makes, when it is one of several (shards.ts). */
  shard?: Shard;
}

export const MANIFEST_ENV = 'GONGKAI_COMPILED';
/** Set when the manifest named in MANIFEST_ENV is written after Astro starts (manifestWritten). */
export const MANIFEST_PENDING_ENV = 'GONGKAI_COMPILED_PENDING';

/** Written beside and renamed into place: Astro may be waiting for the file to appear, and must never read half of it. */
export function writeManifest(file: string, manifest: BuildManifest): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(manifest));
  renameSync(`${file}.${process.pid}.tmp`, file);
}

/**
 * Resolves once the manifest exists. `npm run build` starts Astro beside
 * its compile step, so that Astro's start, configuration and first Vite
 * server cost the build no time of its own (MANIFEST_PENDING_ENV); the
 * content loader is the first to need the filings, and waits here. When
 * the checks fail, the build stops Astro; were the build itself gone, this
 * process would wait for nobody, so it ends.
 */
export async function manifestWritten(): Promise<void> {
  const file = process.env[MANIFEST_ENV];
  if (!process.env[MANIFEST_PENDING_ENV] || !file) return;
  const parent = process.ppid;
  while (!existsSync(file)) {
    if (process.ppid !== parent) {
      console.error('the build that started this Astro process is gone: it stops too');
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let loaded: { file: string; manifest: BuildManifest; store: CompiledStore } | undefined;

/** The manifest this build was given; throws when there is none (the checks integration names one before content syncs). */
export function buildManifest(): { manifest: BuildManifest; store: CompiledStore } {
  const file = process.env[MANIFEST_ENV];
  if (!file) throw new Error(`${MANIFEST_ENV} is not set: the pages read the compiled filings the checks integration names there (integrations/checks.ts)`);
  if (loaded?.file !== file) {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as BuildManifest;
    loaded = { file, manifest, store: CompiledStore.at(manifest.store) };
  }
  return loaded;
}

/** The part of the portal this build makes; undefined for the whole portal. */
export const buildShard = (): Shard | undefined => buildManifest().manifest.shard;
