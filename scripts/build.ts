/**
 * `npm run build [-- <astro build flags>]`: the checks, then `astro build`
 * into a staging folder, and only when both succeed, and every record is
 * still what the checks read, the staged site replaces `dist/` (or
 * `--outDir`). A failed check or build leaves the previous site exactly as
 * it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT, contentRoot } from '../src/lib/records/paths.ts';
import { DEFAULT_CACHE_FILE, errorCount, report, runChecks } from '../src/lib/checks/run-checks.ts';
import { changedSinceChecked } from '../src/lib/checks/published-as-checked.ts';
import { recoverAbandoned, replaceAtomically, type BuildOutcome } from './atomic-dist.ts';

const args = process.argv.slice(2);
const outFlag = args.indexOf('--outDir');
const dist = resolve(PROJECT_ROOT, outFlag >= 0 ? (args[outFlag + 1] ?? 'dist') : 'dist');
const passThrough = outFlag >= 0 ? args.filter((_, i) => i !== outFlag && i !== outFlag + 1) : args;
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

// Fail fast, before Astro starts; the checks integration runs them again inside the build.
const root = contentRoot();
const run = await runChecks(PROJECT_ROOT, root, { cacheFile: DEFAULT_CACHE_FILE, stamp: true });
if (errorCount(run) > 0) {
  for (const line of report(run)) console.error(line);
  stop('the checks found errors');
}

// For tests: a command run between the checks and the render, to change a record while the site is built.
const afterChecks = process.env['GONGKAI_TEST_AFTER_CHECKS'];
if (afterChecks) spawnSync(afterChecks, { shell: true, stdio: 'inherit' });

const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const outcome = await replaceAtomically(dist, async (outDir): Promise<BuildOutcome> => {
  const build = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir, ...passThrough], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (build.status !== 0) return { ok: false, reason: `astro build exited with ${build.status ?? build.signal}` };
  // The pages read the records again as they render: a record changed since the checks could be published unchecked.
  const changed = await changedSinceChecked(PROJECT_ROOT, root, run.stamps!);
  if (changed.length === 0) return { ok: true };
  return {
    ok: false,
    reason: `${changed.join(', ')} changed while the site was built, after the checks had read ${changed.length === 1 ? 'it' : 'them'}: the new site is not published, as its pages could show figures no check saw. Run npm run build again once the records are saved`,
  };
}).catch((error: unknown) => stop(`could not put the new site in place (${said(error)})`));
if (!outcome.ok) stop(outcome.reason);
if (outcome.note) console.log(`build: ${outcome.note}`);
console.log(`build: ${dist} replaced by the new site`);
