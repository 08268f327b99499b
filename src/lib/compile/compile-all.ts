import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../checks/finding.ts';
import { addressConflicts, duplicateDepartmentYear } from '../records/filing-collisions.ts';
import { findFilingFolders } from '../records/filing-folders.ts';
import type { Problem } from '../records/record-error.ts';
import { siteConfigDigest } from '../site/site-config.ts';
import type { FilingHead } from './compiled.ts';
import { CompiledStore, DEFAULT_STORE_ROOT, compilerVersion } from './compiled-store.ts';
import { compileFolders, storedHead, type CompileJob, type FolderOutcome } from './compile-folders.ts';

export interface CompileRun {
  filingCount: number;
  /** Records that could not be read (schema, YAML, CSV) or are filed twice: each stops the build. */
  problems: Problem[];
  findings: Finding[];
  /** The heads of the filings that compiled, in id order: what the portal publishes when there is no error. */
  heads: FilingHead[];
  /** The compiled store's folder, where each head's record is kept under its hash. */
  store: string;
  /** Filings compiled by this run, and taken from the store as compiled before (unchanged folders). */
  compiled: number;
  reused: number;
  threads: number;
  /** Wall time in ms. */
  elapsed: number;
}

export interface CompileOptions {
  /**
   * Worker threads to spread the folders over; the default is one per CPU
   * for large trees. Threads load TypeScript through tsx, so callers running
   * without it (the Astro integration) pass 1.
   */
  threads?: number;
  /** Where the compiled store is kept (DEFAULT_STORE_ROOT). */
  storeRoot?: string;
}

/** Below this many folders, a second thread costs more than it saves. */
const PARALLEL_FROM = 200;
/** Folders a worker is given at a time: small enough that no thread idles long while another still has a share to do. */
const BATCH = 50;

/**
 * Compile every filing folder under `contentRoot` (docs/compile.md): each
 * folder is read once, hashed, and compiled unless the store holds that
 * hash; then the department-years filed twice and the addresses two
 * filings would share are found across the portal.
 */
export async function compileAll(root: string, contentRoot: string, options: CompileOptions = {}): Promise<CompileRun> {
  const started = performance.now();
  const version = compilerVersion();
  const store = CompiledStore.open(version, options.storeRoot ?? DEFAULT_STORE_ROOT);
  // Read first: a mistake in content/site.yaml is reported once, as its own error, not from inside a compile.
  const site = siteConfigDigest();
  const job: CompileJob = { root, contentRoot, store: store.dir, version, site };
  const { dirs, problems: folderProblems } = findFilingFolders(root, contentRoot);
  // Unchanged folders are found here, by hash, in well under a millisecond each; only the others go to the threads, which take seconds to start.
  const outcomes: FolderOutcome[] = new Array(dirs.length);
  const misses: number[] = [];
  dirs.forEach((dir, i) => {
    const head = storedHead(job, store, dir);
    if (head) outcomes[i] = { head, compiled: false };
    else misses.push(i);
  });
  const todo = misses.map((i) => dirs[i]!);
  const threads = Math.max(1, Math.min(options.threads ?? (todo.length >= PARALLEL_FROM ? availableParallelism() : 1), todo.length));
  const fresh = threads === 1 ? compileFolders(job, todo) : await inWorkers(job, todo, threads);
  misses.forEach((i, k) => (outcomes[i] = fresh[k]!));

  const problems = [...folderProblems, ...outcomes.flatMap((o) => o.head.problems)];
  const findings: Finding[] = [];
  const heads: FilingHead[] = [];
  const seen = new Map<string, string>();
  for (const { head } of outcomes) {
    if (!head.checked) continue;
    const duplicate = duplicateDepartmentYear(head.checked.identity, seen);
    if (duplicate) problems.push(duplicate);
    else {
      findings.push(...head.checked.findings);
      heads.push(head.checked.head);
    }
  }
  problems.push(...addressConflicts(outcomes.flatMap((o) => (o.head.checked ? [o.head.checked.identity] : []))));
  heads.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const compiled = outcomes.filter((o) => o.compiled).length;
  return { filingCount: dirs.length, problems, findings, heads, store: store.dir, compiled, reused: dirs.length - compiled, threads: todo.length === 0 ? 1 : threads, elapsed: performance.now() - started };
}

/** Compile `dirs` on `threads` worker threads, each taking the next batch as it finishes one; outcomes in the order of `dirs`. */
function inWorkers(job: CompileJob, dirs: readonly string[], threads: number): Promise<FolderOutcome[]> {
  const outcomes: FolderOutcome[] = new Array(dirs.length);
  let next = 0;
  return new Promise((resolve, reject) => {
    let running = threads;
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(new URL('./compile-worker.ts', import.meta.url), { workerData: job });
      let start = 0;
      const feed = () => {
        if (next >= dirs.length) {
          void worker.terminate();
          if (--running === 0) resolve(outcomes);
          return;
        }
        start = next;
        next = Math.min(dirs.length, next + BATCH);
        worker.postMessage(dirs.slice(start, next));
      };
      worker.on('message', (batch: FolderOutcome[]) => {
        batch.forEach((outcome, k) => (outcomes[start + k] = outcome));
        feed();
      });
      worker.once('error', reject);
      feed();
    }
  });
}
