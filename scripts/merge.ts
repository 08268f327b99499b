/**
 * `npm run merge -- [--outDir dist] <shard folder> …`: joins the outputs of
 * `npm run build -- --shard K/N` (docs/scale.md) into one site: every
 * shard's files (a file two shards both made must be the same bytes), then
 * the portal's index of filings, data package, feed and sitemap from each
 * shard's part. Like a build, it replaces the
 * output folder only when everything succeeded.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { deserialize } from 'node:v8';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';
import { exitOnSiteConfigError, loadSiteConfig } from '../src/lib/site/site-config.ts';
import type { Collected } from '../src/lib/public-data/region-year-data.ts';
import { SHARD_PART, type ShardPart } from '../src/lib/public-data/shard-part.ts';
import { replaceAtomically, type BuildOutcome } from './atomic-dist.ts';

const USAGE = 'usage: npm run merge -- [--outDir <dir>] <shard folder> <shard folder> …';
const fail: (message: string, code?: number) => never = (message, code = 1) => {
  console.error(`merge: ${message}`);
  process.exit(code);
};
const parsed = (() => {
  try {
    return parseArgs({ strict: true, allowPositionals: true, options: { outDir: { type: 'string', default: 'dist' } } });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
})();
if (parsed.positionals.length === 0) fail(`expected the shards' folders\n${USAGE}`, 2);
const dist = resolve(PROJECT_ROOT, parsed.values.outDir);
const shards = parsed.positionals.map((folder) => resolve(folder));

/** Each shard's part, checked to make one whole portal: shards 1 to N of the same N, each once. */
function readParts(): { dir: string; part: ShardPart }[] {
  const parts = shards.map((dir) => {
    const file = join(dir, SHARD_PART);
    if (!existsSync(file)) fail(`${dir} is not the output of npm run build -- --shard K/N: it has no ${SHARD_PART}`);
    return { dir, part: deserialize(readFileSync(file)) as ShardPart };
  });
  const count = parts[0]!.part.shard.count;
  const seen = new Map<number, string>();
  for (const { dir, part } of parts) {
    if (part.shard.count !== count) fail(`${dir} is shard ${part.shard.index} of ${part.shard.count}, ${parts[0]!.dir} one of ${count}: the shards are not of one build`);
    const other = seen.get(part.shard.index);
    if (other) fail(`${other} and ${dir} are both shard ${part.shard.index} of ${count}`);
    seen.set(part.shard.index, dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) fail(`expected shards 1 to ${count}, missing ${missing.join(', ')}`);
  return parts.sort((a, b) => a.part.shard.index - b.part.shard.index);
}

/** Every file below `dir`, relative to it with `/`. */
const filesBelow = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));

/** The shards' files in one folder; a path two shards both made must hold the same bytes (the pages every shard renders). */
function joinFiles(parts: readonly { dir: string; part: ShardPart }[], out: string): void {
  const from = new Map<string, string>();
  for (const { dir, part } of parts) {
    for (const path of filesBelow(dir)) {
      if (path === SHARD_PART) continue;
      const target = join(out, ...path.split('/'));
      const earlier = from.get(path);
      if (earlier !== undefined) {
        if (!readFileSync(target).equals(readFileSync(join(dir, ...path.split('/'))))) {
          throw new Error(`${path} differs between shard ${earlier} and shard ${part.shard.index}: the shards were not built from the same filings and sources`);
        }
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      // Linked, not copied, where the shard's folder is on the same file system: a portal's site is gigabytes.
      try {
        linkSync(join(dir, ...path.split('/')), target);
      } catch {
        copyFileSync(join(dir, ...path.split('/')), target);
      }
      from.set(path, String(part.shard.index));
    }
  }
}

const parts = readParts();
const { basePath } = (() => {
  try {
    return loadSiteConfig();
  } catch (error) {
    return exitOnSiteConfigError(error);
  }
})();
// Loaded once the configuration is known good: they make URLs from it as they load.
const { Output } = await import('../src/lib/public-data/region-year-data.ts');
const { writePortalData } = await import('../src/lib/public-data/portal-data.ts');
const outcome = await replaceAtomically(dist, async (outDir): Promise<BuildOutcome> => {
  joinFiles(parts, outDir);
  const collected: Collected = { resources: [], index: [], feed: [], bulk: [], lastmod: new Map() };
  for (const { part } of parts) {
    collected.resources.push(...part.collected.resources);
    collected.index.push(...part.collected.index);
    collected.feed.push(...part.collected.feed);
    collected.bulk.push(...part.collected.bulk);
    for (const [path, date] of part.collected.lastmod) collected.lastmod.set(path, date);
  }
  const pages = [...new Set(parts.flatMap(({ part }) => part.pages))];
  const listed = await writePortalData(new Output(outDir, basePath), collected, pages);
  console.log(`merge: ${parts.length} shards, ${collected.index.length} filings, ${listed} pages in the sitemap`);
  return { ok: true };
}).catch((error: unknown) => fail(`${error instanceof Error ? error.message : String(error)}; ${existsSync(dist) ? `the previous ${dist} is unchanged` : `no ${dist} was written`}`));
if (!outcome.ok) fail(outcome.reason);
console.log(`merge: ${dist} replaced by the merged site`);
