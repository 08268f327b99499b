import type { AstroIntegration } from 'astro';
import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';
import { buildManifest } from '../src/lib/compile/build-manifest.ts';
import { buildsIndexPages } from '../src/lib/compile/shards.ts';
import { PREVIOUS_SITE_ENV, SITE_PARTS_ENV, writeSitePart } from '../src/lib/compile/site-record.ts';
import { Output } from '../src/lib/public-data/region-year-data.ts';
import { writeSitemap, type JoinData } from '../src/lib/public-data/portal-data.ts';
import { SHARD_PART, type ShardPart } from '../src/lib/public-data/shard-part.ts';


/** A child process and what it printed, awaited. */
function run(args: readonly string[], env: NodeJS.ProcessEnv, children: ChildProcess[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
    children.push(child);
    yieldToPages(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', (error) => resolve({ code: -1, output: String(error) }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * The writers run beside Astro's pages, which are the build's longest part:
 * at 10,000 filings on two cores the pages, the open data and the search
 * index shared them, and the pages took 176–187 s while the writers were
 * done before them. With the writers niced, the pages get a core to
 * themselves whenever the writers would take it, and the writers the rest.
 */
const WRITER_NICENESS = 10;

function yieldToPages(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) setPriority(child.pid, WRITER_NICENESS);
  } catch {
    // The writer has already ended (its niceness no longer matters), or the system refuses: the writers then share the cores as before.
  }
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

/** Set by scripts/build.ts for the Astro process when it has started the writers itself, before Astro: the pages' end is then only recorded. */
export const WRITERS_OUTSIDE_ENV = 'GONGKAI_WRITERS_OUTSIDE';

/** The processes writing beside the pages: the filings' open data, and (for the whole portal or shard 1) the search index. */
export interface Writers {
  outDir: string;
  /** Where the open data is written: the site's folder itself, or a folder beside it that joins the site when the pages are done. */
  data: string;
  started: number;
  written: Promise<{ code: number | null; output: string }[]>;
  /** Stops them and removes what they wrote, when the build failed. */
  stop(): Promise<void>;
}

/**
 * Starts the writers of a build with `env` (which names the build's
 * manifest, and may name the site being replaced, whose unchanged files are
 * linked, and the folder of the new site record's parts). With `direct`,
 * the open data goes straight into `outDir`, which must then be a folder of
 * this build alone that Astro does not empty (scripts/build.ts); else into
 * a folder beside it. The search index is written beside it.
 */
export function startWriters(outDir: string, env: NodeJS.ProcessEnv, direct: boolean): Writers {
  const previous = env[PREVIOUS_SITE_ENV];
  const parts = env[SITE_PARTS_ENV];
  const data = direct ? outDir : `${outDir}.data`;
  const remove = () => [`${outDir}.data`, `${outDir}.index`, `${outDir}.data.collected`].forEach((left) => rmSync(left, { recursive: true, force: true }));
  remove();
  const children: ChildProcess[] = [];
  const writers = [run(['scripts/write-filing-data.ts', '--out', data, '--collected', `${outDir}.data.collected`, ...(previous ? ['--previous', previous] : [])], env, children)];
  // One index of the whole portal: the build that makes the pages above the regions writes it (compile/shards.ts).
  if (buildsIndexPages(buildManifest().manifest.shard)) writers.push(run(['scripts/write-search-index.ts', '--out', `${outDir}.index`, ...(previous ? ['--previous', previous] : []), ...(parts ? ['--parts', parts] : [])], env, children));
  const written = Promise.all(writers);
  const stop = async () => {
    for (const child of children) child.kill();
    await written;
    remove();
  };
  return { outDir, data, started: performance.now(), written, stop };
}

/**
 * When the pages are done: waits for the writers, joins their output to the
 * site in `site`, and writes the sitemap (or, for a shard, the part from
 * which `npm run merge` writes the portal's files). `rendered` are the
 * pages' paths. Returns what to log.
 */
export async function joinWriters(writers: Writers, site: string, base: string, rendered: readonly string[]): Promise<string[]> {
  const { outDir } = writers;
  const pagesDone = performance.now();
  const written = await writers.written;
  const writersDone = performance.now();
  const failed = written.find((w) => w.code !== 0);
  if (failed) {
    await writers.stop();
    throw new Error(`Failed to write the open data (filing.json, CSV, sources, bulk zips) or the search index:\n${failed.output}`);
  }
  if (writers.data !== site) moveInto(writers.data, site);
  if (written.length > 1) moveInto(`${outDir}.index`, site);
  const data = deserialize(readFileSync(`${outDir}.data.collected`)) as JoinData;
  await writers.stop();
  const lines = written.flatMap((w) => w.output.trim().split('\n')).map((line) => (line.startsWith('search index') ? line : `Filing data: ${line}`));
  const { shard } = buildManifest().manifest;
  const summary = `${data.filings} filing(s): ${data.resources} CSV resources, ${data.bulk} bulk zip(s)`;
  const timing = (more: string) => `Wrote the open data of ${summary}${more} in ${Math.round(performance.now() - pagesDone)} ms after the pages (${Math.round(pagesDone - writers.started)} ms beside them; after them, ${Math.round(writersDone - pagesDone)} ms waiting for the writers).`;
  if (shard) {
    if (data.collected === undefined) throw new Error('the open-data writer of a shard gave back no collected data');
    // The portal's index, data package, feed and sitemap list every shard's filings and pages: npm run merge writes them from each shard's part.
    const part: ShardPart = { shard: { index: shard.index, count: shard.count }, pages: [...rendered], collected: data.collected };
    writeFileSync(join(site, SHARD_PART), serialize(part));
    return [...lines, timing(` (shard ${shard.index} of ${shard.count})`)];
  }
  const listed = await writeSitemap(new Output(site, base), data, rendered);
  return [...lines, timing(`; the sitemap (${listed} pages)`)];
}

/**
 * Everything of the open data (docs/data.md), from the compiled filings of
 * the build (compile/build-manifest.ts). Each filing's filing.json, CSVs and
 * source documents and each region-year's bulk zip are written by a process
 * of their own (scripts/write-filing-data.ts), and the search index by
 * another, so that they work on the second core while Astro renders the
 * pages. `npm run build` starts them before Astro, beside its start and
 * bundling too, and joins them after it (scripts/build.ts); a plain `astro
 * build` starts them when its build starts and joins them here.
 */
export function filingExports(): AstroIntegration {
  let base = '/';
  let outDir = '';
  let writers: Writers | undefined;
  return {
    name: 'gongkai:exports',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // npm run build's site folder is a fresh one, into which its writers already write: Astro must not empty it.
        if (process.env[WRITERS_OUTSIDE_ENV]) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
      },
      'astro:build:start': () => {
        if (!process.env[WRITERS_OUTSIDE_ENV]) writers = startWriters(outDir, process.env, false);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const rendered = pages.map((p) => p.pathname);
        const parts = process.env[SITE_PARTS_ENV];
        if (!writers) {
          if (parts) writeSitePart(parts, 'rendered', rendered);
          return;
        }
        const log = logger.fork('gongkai:exports');
        for (const line of await joinWriters(writers, fileURLToPath(dir), base, rendered)) log.info(line);
      },
    },
  };
}
