import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { addressConflicts, duplicateDepartmentYear } from '../records/filing-collisions.ts';
import { findFilingFolders } from '../records/filing-folders.ts';
import { formatProblem, type Problem } from '../records/record-error.ts';
import { checkDirs } from './check-dirs.ts';
import { CheckCache, type FolderResult } from './check-cache.ts';
export { DEFAULT_CACHE_FILE } from './check-cache.ts';
import type { Finding } from './finding.ts';

export interface CheckRun {
  filingCount: number;
  /** Records that could not be read (schema, YAML, CSV) or are filed twice: each stops the build. */
  problems: Problem[];
  findings: Finding[];
  /** Wall time in ms. */
  elapsed: number;
  threads: number;
  /** Filings whose folder was unchanged since the last run, taken from the cache. */
  cached: number;
  /** What each filing folder held when the checks read it (folder-stamps.ts), when the run was cached or asked to `stamp`. */
  stamps?: ReadonlyMap<string, string>;
}

/** Below this many filings to read, a second thread costs more than it saves. */
const PARALLEL_FROM = 200;

export interface RunOptions {
  /**
   * Worker threads to spread the filings over; the default is one per CPU
   * for large trees. Threads load TypeScript through tsx, so callers running
   * without it (the Astro integration) pass 1.
   */
  threads?: number;
  /** Reuse the results of filings that did not change, kept in this file (`DEFAULT_CACHE_FILE`). */
  cacheFile?: string;
  /** Stamp every folder by its contents even without a cache, for a build that publishes only what was checked. */
  stamp?: boolean;
}

/**
 * Load every record under `contentRoot` (schema problems first), run the
 * checks on those that loaded, and report a department-year filed twice.
 */
export async function runChecks(root: string, contentRoot: string, options: RunOptions = {}): Promise<CheckRun> {
  const started = performance.now();
  const opening = options.cacheFile || options.stamp ? CheckCache.open(options.cacheFile, contentRoot) : undefined;
  const { dirs, problems: folderProblems } = findFilingFolders(root, contentRoot);
  const cache = await opening;
  const results: FolderResult[] = new Array(dirs.length);
  const todo: { index: number; stamp: string | undefined }[] = [];
  const stamps = new Map<string, string>();
  dirs.forEach((dir, index) => {
    const hit = cache?.lookup(dir);
    if (hit) stamps.set(dir, hit.stamp);
    if (hit?.result) {
      results[index] = hit.result;
      cache!.store(dir, hit.stamp, hit.result);
    } else todo.push({ index, stamp: hit?.stamp });
  });

  const todoDirs = todo.map((t) => dirs[t.index]!);
  const threads = Math.max(1, Math.min(options.threads ?? (todoDirs.length >= PARALLEL_FROM ? availableParallelism() : 1), todoDirs.length));
  const fresh = threads === 1 ? checkDirs(root, contentRoot, todoDirs) : await inWorkers(root, contentRoot, todoDirs, threads);
  todo.forEach(({ index, stamp }, k) => {
    results[index] = fresh[k]!;
    if (cache && stamp !== undefined) cache.store(dirs[index]!, stamp, fresh[k]!);
  });
  cache?.save(contentRoot);

  const problems = [...folderProblems, ...results.flatMap((r) => r.problems)];
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  for (const { checked } of results) {
    if (!checked) continue;
    const duplicate = duplicateDepartmentYear(checked.identity, seen);
    if (duplicate) problems.push(duplicate);
    else findings.push(...checked.findings);
  }
  problems.push(...addressConflicts(results.flatMap((r) => (r.checked ? [r.checked.identity] : []))));
  return { filingCount: dirs.length, problems, findings, elapsed: performance.now() - started, threads, cached: dirs.length - todo.length, ...(cache ? { stamps } : {}) };
}

/** Filings a worker is given at a time: small enough that no thread idles long while another still has a share to do. */
const BATCH = 50;

/** Check `dirs` on `threads` worker threads, each taking the next batch as it finishes one; results in the order of `dirs`. */
function inWorkers(root: string, contentRoot: string, dirs: readonly string[], threads: number): Promise<FolderResult[]> {
  const results: FolderResult[] = new Array(dirs.length);
  let next = 0;
  return new Promise((resolve, reject) => {
    let running = threads;
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: { root, contentRoot } });
      let start = 0;
      const feed = () => {
        if (next >= dirs.length) {
          void worker.terminate();
          if (--running === 0) resolve(results);
          return;
        }
        start = next;
        next = Math.min(dirs.length, next + BATCH);
        worker.postMessage(dirs.slice(start, next));
      };
      worker.on('message', (batch: FolderResult[]) => {
        batch.forEach((result, k) => (results[start + k] = result));
        feed();
      });
      worker.once('error', reject);
      feed();
    }
  });
}

export const errorCount = (run: CheckRun) => run.problems.length + run.findings.filter((f) => f.severity === 'error').length;

/** `file:line: table row N column "X": rule: message: expected E, found F` */
export function formatFinding(f: Finding): string {
  const where = f.line === undefined ? f.file : `${f.file}:${f.line}`;
  const cell = f.table ? [f.table, f.row === undefined ? '' : `row ${f.row}`, f.column === undefined ? '' : `column "${f.column}"`].filter(Boolean).join(' ') : f.at;
  const values = f.expected === undefined && f.found === undefined ? '' : `: expected ${f.expected || '(empty)'}, found ${f.found || '(empty)'}`;
  const label = f.acknowledged ? 'warning (acknowledged)' : f.severity;
  const note = f.acknowledged ? ` [${f.acknowledged.note}]` : '';
  return `${label}: ${where}: ${cell}: ${f.rule}: ${f.message}${values}${note}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Every problem and finding, then counts by severity and per filing that has any. */
export function report(run: CheckRun): string[] {
  const lines = run.problems.map((p) => `error: ${formatProblem(p)}`);
  lines.push(...run.findings.map(formatFinding));
  const errors = errorCount(run);
  const warnings = run.findings.filter((f) => f.severity === 'warning');
  const acknowledged = warnings.filter((f) => f.acknowledged).length;
  if (lines.length > 0) lines.push('');
  lines.push(
    `${plural(run.filingCount, 'filing')} checked: ${plural(errors, 'error')}${run.problems.length ? ` (${plural(run.problems.length, 'record problem')})` : ''}, ${plural(warnings.length, 'warning')} (${acknowledged} acknowledged)`,
  );
  const byFiling = new Map<string, { errors: number; warnings: number }>();
  for (const f of run.findings) {
    const counts = byFiling.get(f.filing) ?? { errors: 0, warnings: 0 };
    if (f.severity === 'error') counts.errors++;
    else counts.warnings++;
    byFiling.set(f.filing, counts);
  }
  for (const [filing, counts] of [...byFiling].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${filing}: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`);
  }
  return lines;
}
