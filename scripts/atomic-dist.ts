import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';

export type BuildOutcome = { ok: true; note?: string } | { ok: false; reason: string };

/** How folders are moved and copied; tests pass operations that fail as on a mount point (EBUSY) or an immutable folder (EPERM). */
export interface FileOps {
  rename(from: string, to: string): void;
  /** Copy a folder and everything in it. */
  copy(from: string, to: string): void;
}

const FILES: FileOps = { rename: renameSync, copy: (from, to) => cpSync(from, to, { recursive: true }) };

const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));

/**
 * Build a site into a staging folder with `build`, and only if it succeeds
 * put it in `dist`'s place: old moved away, new moved in, old deleted. On
 * failure the staging folder is removed and `dist` is left exactly as it was.
 *
 * Staging is `.build-staging/` beside `dist`, on the same file system, so
 * the swap is two renames rather than a copy. Where `dist` itself cannot be
 * renamed (a mount point, EBUSY) its contents are replaced instead; where it
 * cannot be changed at all (immutable, another owner's: EPERM) the build
 * stops saying so, with the previous site untouched.
 */
export async function replaceAtomically(dist: string, build: (outDir: string) => BuildOutcome | Promise<BuildOutcome>, files: FileOps = FILES): Promise<BuildOutcome> {
  const staging = recoverAbandoned(dist, files);
  const fresh = join(staging, `dist-${process.pid}`);
  const previous = join(staging, `previous-${process.pid}`);
  rmSync(fresh, { recursive: true, force: true });
  let outcome: BuildOutcome;
  try {
    outcome = await build(fresh);
  } catch (error) {
    outcome = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (outcome.ok && !existsSync(fresh)) outcome = { ok: false, reason: `the build wrote nothing to ${fresh}` };
  if (outcome.ok) outcome = swap(dist, fresh, previous, files);
  rmSync(fresh, { recursive: true, force: true });
  return outcome;
}

function swap(dist: string, fresh: string, previous: string, files: FileOps): BuildOutcome {
  const { rename } = files;
  const hadPrevious = existsSync(dist);
  if (hadPrevious) {
    try {
      rename(dist, previous);
    } catch (error) {
      return replaceContents(dist, fresh, code(error), files);
    }
  }
  try {
    rename(fresh, dist);
  } catch (error) {
    const reason = `could not move the new site into ${dist} (${code(error)})`;
    try {
      if (hadPrevious) rename(previous, dist);
    } catch (restoring) {
      return { ok: false, reason: `${reason}, nor the previous site back (${code(restoring)}): it is in ${previous}, and the next npm run build puts it back first` };
    }
    return { ok: false, reason };
  }
  return hadPrevious ? { ok: true, note: `the site it replaced is removed in the background (process ${removeInBackground(previous)})` } : { ok: true };
}

/**
 * The replaced site is removed by a process of its own
 * (scripts/remove-replaced.ts), which the build does not wait for: at
 * 10,000 filings it is 250,000 names (most of them second names of files
 * the new site links), 8-11 s of unlinking that would otherwise end every
 * rebuild. Returns the remover's pid.
 */
function removeInBackground(folder: string): number {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'remove-replaced.ts'), folder], { cwd: PROJECT_ROOT, detached: true, stdio: 'ignore' });
  // Not started: the folder stays as previous-<pid>, and the next build removes it.
  child.on('error', () => {});
  child.unref();
  return child.pid ?? 0;
}

/**
 * Folders inside `dist` while its contents are replaced: the new site copied in (`incoming`), renamed `ready` once the old
 * site's entries are all out (in `outgoing`), so that the name alone says which way a build killed half-way is completed.
 */
const inside = (dist: string, pid: number) => ({
  incoming: join(dist, `.gongkai-incoming-${pid}`),
  ready: join(dist, `.gongkai-ready-${pid}`),
  outgoing: join(dist, `.gongkai-previous-${pid}`),
});
const OWN = /^\.gongkai-(incoming|ready|previous)-(\d+)$/;
const entries = (dist: string) => readdirSync(dist).filter((name) => !OWN.test(name));

/**
 * `dist` stays where it is and its entries are exchanged: the new site is
 * copied inside it (a mount point is another file system than the staging
 * folder), the old entries are moved into a folder beside it, the new ones
 * moved out of theirs. Each step is a rename within `dist`; a failure puts
 * the old entries back, and a build killed half-way is finished or undone
 * by the next one (recoverAbandoned).
 */
function replaceContents(dist: string, fresh: string, renameError: string, { rename, copy }: FileOps): BuildOutcome {
  const { incoming, ready, outgoing } = inside(dist, process.pid);
  const clear = () => [incoming, ready, outgoing].forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  try {
    copy(fresh, incoming);
    mkdirSync(outgoing);
  } catch (error) {
    clear();
    return {
      ok: false,
      reason:
        `${dist} can be neither renamed (${renameError}) nor written into (${code(error)}), so the new site was not put in place. ` +
        `Make ${dist} writable by this user (an immutable folder: chattr -i), or build into another folder with npm run build -- --outDir <folder> and publish that`,
    };
  }
  const [moved, placed]: [string[], string[]] = [[], []];
  try {
    for (const name of entries(dist)) {
      rename(join(dist, name), join(outgoing, name));
      moved.push(name);
    }
    rename(incoming, ready);
    for (const name of readdirSync(ready)) {
      rename(join(ready, name), join(dist, name));
      placed.push(name);
    }
  } catch (error) {
    for (const name of placed) rename(join(dist, name), join(ready, name));
    for (const name of moved) rename(join(outgoing, name), join(dist, name));
    clear();
    return { ok: false, reason: `could not exchange the files of ${dist} (${code(error)}); the previous site's files are back in place` };
  }
  clear();
  return { ok: true, note: `${dist} could not be renamed (${renameError}: a mount point?), so its contents were replaced` };
}

/** The old site is out (in `outgoing`) and the new one complete (in `ready`): move the rest of it in, and delete the old. */
function finishForward(dist: string, ready: string, outgoing: string, rename: FileOps['rename']): void {
  for (const name of readdirSync(ready)) rename(join(ready, name), join(dist, name));
  for (const folder of [ready, outgoing]) rmSync(folder, { recursive: true, force: true });
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
 * Put the last whole site back in `dist` before anything else of a build
 * runs, so that a build killed between its two renames, followed by one
 * that fails, still leaves the site in place: first what a contents
 * replacement inside `dist` left (finished when the new site was complete,
 * undone otherwise), then what the staging folder holds (clearAbandoned).
 * Returns the staging folder.
 */
export function recoverAbandoned(dist: string, { rename }: FileOps = FILES): string {
  if (existsSync(dist)) {
    for (const name of readdirSync(dist)) {
      const match = OWN.exec(name);
      if (!match || isRunning(Number(match[2]))) continue;
      const { incoming, ready, outgoing } = inside(dist, Number(match[2]));
      if (existsSync(ready)) finishForward(dist, ready, outgoing, rename);
      else if (existsSync(outgoing)) {
        for (const old of readdirSync(outgoing)) rename(join(outgoing, old), join(dist, old));
        rmSync(outgoing, { recursive: true, force: true });
      }
      rmSync(incoming, { recursive: true, force: true });
    }
  }
  const staging = join(dirname(dist), '.build-staging');
  mkdirSync(staging, { recursive: true });
  clearAbandoned(staging, dist, rename);
  return staging;
}

/**
 * What builds that were killed left in `staging`: a half-built site is
 * deleted; a previous site moved away by a swap that never finished is put
 * back when `dist` is missing (the latest, if several), since it is the
 * last site that was whole; a replaced site whose remover stopped
 * (removeInBackground) is deleted.
 */
export function clearAbandoned(staging: string, dist: string, rename: FileOps['rename'] = renameSync): void {
  const abandoned = readdirSync(staging)
    .map((name) => ({ name, match: /^(dist|previous|removing)-(\d+)$/.exec(name) }))
    .filter(({ match }) => match && !isRunning(Number(match[2])))
    .map(({ name, match }) => ({ folder: join(staging, name), previous: match![1] === 'previous' }))
    .map((entry) => ({ ...entry, time: entry.previous ? statSync(entry.folder).mtimeMs : 0 }))
    .sort((a, b) => b.time - a.time);
  for (const { folder, previous } of abandoned) {
    if (previous && !existsSync(dist)) rename(folder, dist);
    else rmSync(folder, { recursive: true, force: true });
  }
}
