/**
 * `npm run build [-- <astro build flags>]`: the checks, then `astro build`
 * into a staging folder, and only when both succeed the staged site replaces
 * `dist/` (or `--outDir`). A failed check or build leaves the previous site
 * exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT, contentRoot } from '../src/lib/records/paths.ts';
import { DEFAULT_CACHE_FILE, errorCount, report, runChecks } from '../src/lib/checks/run-checks.ts';
import { replaceAtomically } from './atomic-dist.ts';

const args = process.argv.slice(2);
const outFlag = args.indexOf('--outDir');
const dist = resolve(PROJECT_ROOT, outFlag >= 0 ? (args[outFlag + 1] ?? 'dist') : 'dist');
const passThrough = outFlag >= 0 ? args.filter((_, i) => i !== outFlag && i !== outFlag + 1) : args;
const kept = () => (existsSync(dist) ? `the previous ${dist} is unchanged` : `no ${dist} was written`);

// Fail fast, before Astro starts; the checks integration runs them again inside the build.
const run = await runChecks(PROJECT_ROOT, contentRoot(), { cacheFile: DEFAULT_CACHE_FILE });
if (errorCount(run) > 0) {
  for (const line of report(run)) console.error(line);
  console.error(`build: the checks found errors; ${kept()}`);
  process.exit(1);
}

const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const outcome = replaceAtomically(dist, (outDir) => {
  const build = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir, ...passThrough], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  return build.status === 0 ? { ok: true } : { ok: false, reason: `astro build exited with ${build.status ?? build.signal}` };
});
if (!outcome.ok) {
  console.error(`build: ${outcome.reason}; ${kept()}`);
  process.exit(1);
}
console.log(`build: ${dist} replaced by the new site`);
