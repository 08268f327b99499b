/**
 * `npm run bench -- --filings N [--seed S] [--shards K] [--max-rss-gib 14] [--keep]`
 *
 * Builds a portal of N synthetic filings plus the real ones, in a throw-away
 * copy of the project (its own compiled store and Astro caches, so every
 * build starts cold), and prints for each step its wall time, ms per filing,
 * the peak memory of its process tree and of its largest process
 * (docs/benchmarks.md):
 *
 * - `compile, cold`: `npm run check -- --no-cache`, every filing compiled;
 * - `build, cold`: `npm run build`, the whole pipeline (compile, pages, open
 *   data, search index, Pagefind) from empty caches, with its phases;
 * - `check, cached`: `npm run check` with nothing changed;
 * - `rebuild, one filing changed`: a paragraph added to one filing, then
 *   `npm run build` again, and its share of the cold build;
 * - with `--shards K`: each `npm run build -- --shard k/K` from the compiled
 *   store (Astro's page cache emptied before each), then `npm run merge`.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findFilingFolders } from '../src/lib/records/filing-folders.ts';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';
import { writeSyntheticFilings } from './synth/write-filings.ts';
import { copyProject } from './project-copy.ts';
import { measure, megabytes, memory, seconds, sizeOf, type Measurement } from './bench/measure.ts';
import { buildPhases } from './bench/phases.ts';
import { astroPages } from './bench/astro-pages.ts';

const USAGE = 'usage: npm run bench -- --filings N [--seed S] [--shards K] [--max-rss-gib G] [--keep]';
const { values } = (() => {
  try {
    return parseArgs({
      strict: true,
      options: {
        filings: { type: 'string', default: '100' },
        seed: { type: 'string', default: '1' },
        shards: { type: 'string', default: '0' },
        'max-rss-gib': { type: 'string', default: '14' },
        keep: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
const whole = (name: 'filings' | 'seed' | 'shards' | 'max-rss-gib') => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`bench: --${name} expects a whole number, found "${values[name]}"\n${USAGE}`);
    process.exit(2);
  }
  return n;
};
const count = whole('filings');
const shardCount = whole('shards');
const maxTreeKiB = whole('max-rss-gib') * 1024 * 1024;

const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
const project = join(work, 'project');
const content = join(work, 'content');
const out = (name: string) => join(work, name);
try {
  mkdirSync(project);
  copyProject(project);
  const realRoot = join(PROJECT_ROOT, 'content', 'filings');
  const real = existsSync(realRoot) ? findFilingFolders(realRoot, realRoot).dirs.map((d) => d.slice(realRoot.length + 1).split('\\').join('/')) : [];
  if (real.length > 0) cpSync(realRoot, content, { recursive: true });
  const generating = performance.now();
  const synthetic = writeSyntheticFilings(content, count, whole('seed'), new Set(real));
  const filings = count + real.length;
  console.log(`bench: ${count} synthetic + ${real.length} real filings (${megabytes(sizeOf(content).bytes)} of records, generated in ${seconds(performance.now() - generating)}) in ${work}`);

  // SOURCE_DATE_EPOCH: the copy is outside git, and every build dates its records alike.
  const env = { ...process.env, GONGKAI_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1', SOURCE_DATE_EPOCH: '1735689600' };
  const results: { m: Measurement; output: string }[] = [];
  const step = async (name: string, script: string, args: string[], output = '–'): Promise<Measurement> => {
    const m = await measure(name, process.execPath, ['--import', 'tsx', script, ...args], { cwd: project, env, maxTreeKiB });
    results.push({ m, output: m.exitCode === 0 ? output : '–' });
    console.log(`${name}: ${seconds(m.wallMs)}, exit ${m.exitCode}`);
    if (m.exitCode !== 0) console.error(m.stopped ?? m.log.slice(-30).map((l) => l.line).join('\n'));
    return m;
  };
  const site = (dir: string) => {
    const size = sizeOf(dir);
    return `${megabytes(size.bytes)} (${size.pages} pages, ${size.files} files)`;
  };

  await step('compile, cold', 'scripts/check.ts', ['--no-cache']);
  const cold = await step('build, cold', 'scripts/build.ts', ['--outDir', out('dist')]);
  results.at(-1)!.output = site(out('dist'));
  const phases = buildPhases(cold.log);
  await step('check, cached', 'scripts/check.ts', []);
  // A paragraph added to one synthetic filing's text: its page, its department's and the portal's index pages change.
  const changed = readdirSync(join(content, synthetic[0]!, 'sections'))[0]!;
  appendFileSync(join(content, synthetic[0]!, 'sections', changed), '\n补充说明：本段为基准测试追加的文字。\n');
  const rebuild = await step('rebuild, one filing changed', 'scripts/build.ts', ['--outDir', out('dist')]);
  // The build leaves the replaced site to a remover of its own (scripts/atomic-dist.ts): how long after it the folder is gone.
  const removing = performance.now();
  while (readdirSync(join(work, '.build-staging')).length > 0 && performance.now() - removing < 600_000) await new Promise((resolve) => setTimeout(resolve, 100));
  const removedMs = performance.now() - removing;
  for (let k = 1; k <= shardCount; k++) {
    rmSync(join(project, 'node_modules', '.astro'), { recursive: true, force: true });
    await step(`shard ${k} of ${shardCount}`, 'scripts/build.ts', ['--shard', `${k}/${shardCount}`, '--outDir', out(`shard-${k}`)]);
  }
  if (shardCount > 0) await step('merge', 'scripts/merge.ts', ['--outDir', out('merged'), ...Array.from({ length: shardCount }, (_, i) => out(`shard-${i + 1}`))]);

  console.log(`\n${count} synthetic + ${real.length} real = ${filings} filings\n`);
  console.log('| step | wall | ms per filing | peak RSS (process tree) | peak RSS (one process) | output |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const { m, output } of results) {
    const status = m.stopped ? ' (stopped: memory limit)' : m.exitCode === 0 ? '' : ` (exit ${m.exitCode})`;
    console.log(`| ${m.step}${status} | ${seconds(m.wallMs)} | ${(m.wallMs / filings).toFixed(1)} | ${memory(m.peakTreeRssKiB)} | ${memory(m.peakProcessKiB)} | ${output} |`);
  }
  const pages = astroPages(rebuild.text);
  const [rendered, copied] = [pages.rendered.length, pages.copied.length];
  console.log(`\nrebuild after one filing changed: ${((100 * rebuild.wallMs) / cold.wallMs).toFixed(1)}% of the cold build; ${rendered} page(s) rendered, ${copied} copied from the last build`);
  console.log(`phases of the rebuild:\n${buildPhases(rebuild.log).map((p) => `  ${p.phase}: ${seconds(p.ms)}`).join('\n')}`);
  const left = readdirSync(join(work, '.build-staging'));
  console.log(`  after the build, the replaced site removed in the background: ${left.length === 0 ? `${seconds(removedMs)} more` : `not within ${seconds(removedMs)} (${left.join(', ')} left)`}`);
  console.log(`\nphases of the cold build (from its log):\n${phases.map((p) => `  ${p.phase}: ${seconds(p.ms)} (${(p.ms / filings).toFixed(1)} ms per filing)`).join('\n')}`);
  if (results.some(({ m }) => m.exitCode !== 0)) process.exitCode = 1;
} finally {
  if (values.keep) console.log(`bench: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
