import { appendFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { CompiledHead } from './compiled.ts';
import { CompiledStore } from './compiled-store.ts';
import { compileFiling } from './compile-filing.ts';
import { snapshotFolder } from './folder-snapshot.ts';

/** Where a batch of folders is compiled: the same in the main thread and in a worker (compile-worker.ts). */
export interface CompileJob {
  root: string;
  contentRoot: string;
  /** The compiled store's folder (CompiledStore.open). */
  store: string;
  version: string;
  /** A digest of the site's configuration: filing.json and the pages' URLs are made from it. */
  site: string;
}

/** A folder's head, and whether this run compiled it (false: taken from the store). */
export interface FolderOutcome {
  head: CompiledHead;
  compiled: boolean;
}

const snapshotOf = (job: CompileJob, dir: string) => snapshotFolder(dir, `${job.version}\0${job.site}\0${relative(job.root, dir).split(sep).join('/')}`);

/** The head the store holds for what `dir` holds now, if it was compiled before. */
export const storedHead = (job: CompileJob, store: CompiledStore, dir: string): CompiledHead | undefined => store.head(snapshotOf(job, dir).hash);

/**
 * The snapshot of each folder, its hash, and the stored head for that hash
 * or a fresh compile of the snapshot, kept in the store. The folder is read
 * once, here; the loader, the checks and the derived data all take its
 * bytes from the snapshot.
 */
export function compileFolders(job: CompileJob, dirs: readonly string[]): FolderOutcome[] {
  const store = CompiledStore.at(job.store);
  return dirs.map((dir) => {
    const snapshot = snapshotOf(job, dir);
    const stored = store.head(snapshot.hash);
    if (stored) return { head: stored, compiled: false };
    const { head, record } = compileFiling(snapshot, dir, job.root, job.contentRoot);
    // For tests and benchmarks: one line per compile, in whichever process or thread it ran, to count them.
    const trace = process.env['GONGKAI_TRACE_COMPILE'];
    if (trace) appendFileSync(trace, `${relative(job.root, dir).split(sep).join('/')}\n`);
    store.put(head, record);
    return { head, compiled: true };
  });
}
