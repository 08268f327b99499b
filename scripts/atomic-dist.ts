import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type BuildOutcome = { ok: true } | { ok: false; reason: string };

/**
 * Build a site into a staging folder with `build`, and only if it succeeds
 * put it in `dist`'s place: old moved away, new moved in, old deleted. On
 * failure the staging folder is removed and `dist` is left exactly as it was.
 *
 * Staging is `.build-staging/` beside `dist`, on the same file system, so
 * the swap is two renames rather than a copy.
 */
export function replaceAtomically(dist: string, build: (outDir: string) => BuildOutcome): BuildOutcome {
  const staging = join(dirname(dist), '.build-staging');
  const fresh = join(staging, `dist-${process.pid}`);
  const previous = join(staging, `previous-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  clearAbandoned(staging, dist);
  rmSync(fresh, { recursive: true, force: true });
  let outcome: BuildOutcome;
  try {
    outcome = build(fresh);
  } catch (error) {
    outcome = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (outcome.ok && !existsSync(fresh)) outcome = { ok: false, reason: `the build wrote nothing to ${fresh}` };
  if (!outcome.ok) {
    rmSync(fresh, { recursive: true, force: true });
    return outcome;
  }
  const hadPrevious = existsSync(dist);
  if (hadPrevious) renameSync(dist, previous);
  try {
    renameSync(fresh, dist);
  } catch (error) {
    if (hadPrevious) renameSync(previous, dist);
    rmSync(fresh, { recursive: true, force: true });
    return { ok: false, reason: `could not move the new site into place (${String(error)})` };
  }
  rmSync(previous, { recursive: true, force: true });
  return { ok: true };
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * What builds that were killed left in `staging`: a half-built site is
 * deleted; a previous site moved away by a swap that never finished is put
 * back when `dist` is missing, since it is the last site that was whole.
 */
export function clearAbandoned(staging: string, dist: string): void {
  for (const name of readdirSync(staging)) {
    const match = /^(dist|previous)-(\d+)$/.exec(name);
    if (!match || isRunning(Number(match[2]))) continue;
    const folder = join(staging, name);
    if (match[1] === 'previous' && !existsSync(dist)) renameSync(folder, dist);
    else rmSync(folder, { recursive: true, force: true });
  }
}

