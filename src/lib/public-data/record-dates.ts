import { spawnSync } from 'node:child_process';
import { filingKinds } from '../records/schema/filing.ts';

/**
 * When each filing's record was first published and last changed, for the
 * feed, the sitemap and the index (docs/data.md#dates). A static build has
 * no memory of earlier builds, so the dates come from the record's history:
 *
 * - updated: the last commit that touched the record's folder; a folder with
 *   uncommitted changes, or a tree outside git, is dated by the build
 *   (`SOURCE_DATE_EPOCH` when set, as reproducible builds do, else now);
 * - first: the first commit that touched it (the same fallback).
 *
 * The same commit therefore always gives the same dates, whichever machine
 * builds it. A shallow clone knows only its own commits: CI should fetch the
 * whole history for the feed to date records right.
 */
export interface RecordDates {
  first: Date;
  updated: Date;
}

const FILING_SEGMENT = new RegExp(`^\\d{4}-(?:${filingKinds.join('|')})$`);

/** The filing id a path of the content tree belongs to (`河北省/…/2024-预算/tables/x.csv` → `河北省/…/2024-预算`). */
function filingOf(path: string): string | undefined {
  const segments = path.split('/');
  const end = segments.findIndex((s) => FILING_SEGMENT.test(s));
  return end < 0 ? undefined : segments.slice(0, end + 1).join('/');
}

function git(cwd: string, args: string[]): string | undefined {
  const result = spawnSync('git', ['-c', 'core.quotepath=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/** The date a build stands for when the history cannot say: SOURCE_DATE_EPOCH (seconds) when set, else now. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

/**
 * The dates of every filing (by id) under `contentRoot`, from one `git log`
 * of the whole tree rather than one per filing: thousands of filings would
 * otherwise start thousands of processes.
 */
export function recordDates(contentRoot: string, ids: readonly string[], built: Date = buildDate()): Map<string, RecordDates> {
  const first = new Map<string, Date>();
  const last = new Map<string, Date>();
  // Newest commit first; paths relative to the content root, NUL-separated so any file name survives.
  const log = git(contentRoot, ['log', '-z', '--format=%x01%cI', '--name-only', '--relative', '--', '.']);
  for (const commit of log?.split('\u0001').slice(1) ?? []) {
    const [date, ...files] = commit.split('\u0000');
    const when = new Date(date!.trim());
    for (const file of files) {
      const id = filingOf(file.trim());
      if (id === undefined) continue;
      if (!last.has(id)) last.set(id, when);
      first.set(id, when);
    }
  }
  const changed = new Set<string>();
  const modified = git(contentRoot, ['diff', 'HEAD', '-z', '--name-only', '--relative', '--', '.']);
  const untracked = git(contentRoot, ['ls-files', '-z', '--others', '--exclude-standard', '--', '.']);
  for (const file of `${modified ?? ''}\u0000${untracked ?? ''}`.split('\u0000')) {
    const id = filingOf(file);
    if (id !== undefined) changed.add(id);
  }
  return new Map(
    ids.map((id) => {
      const updated = changed.has(id) ? built : (last.get(id) ?? built);
      return [id, { first: first.get(id) ?? updated, updated }];
    }),
  );
}
