import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Problem } from '../records/record-error.ts';
import type { Finding } from './finding.ts';
import type { Identity } from './check-dirs.ts';
import { PROJECT_ROOT } from '../records/paths.ts';
import { FolderStamps } from './folder-stamps.ts';

export const DEFAULT_CACHE_FILE = join(PROJECT_ROOT, 'node_modules', '.cache', 'gongkai', 'checks.json');

/** What checking one filing folder gave: its problems, or its identity and findings. */
export interface FolderResult {
  problems: Problem[];
  checked?: { identity: Identity; findings: Finding[] };
}

interface CacheFile {
  version: string;
  folders: Record<string, { stamp: string; result: FolderResult }>;
}

/**
 * Results of earlier runs, per filing folder, so that `npm run check` and
 * the build re-read only the filings that changed (like `eslint --cache`).
 * A folder is found by a key and a stamp that names every file in it (see
 * folder-stamps.ts), both the same in a fresh clone. The cache as a whole
 * is keyed by the source of the loader and the checks (with the importer's
 * patterns of stated figures) and by package-lock.json, so a change to any rule or schema, or a dependency
 * upgrade, starts afresh.
 */
export class CheckCache {
  private readonly previous: CacheFile['folders'];
  private readonly next: CacheFile['folders'] = {};

  private constructor(
    /** Where results are kept; none when the folders are only stamped. */
    private readonly file: string | undefined,
    private readonly version: string,
    previous: CacheFile | undefined,
    private readonly stamps: FolderStamps,
  ) {
    this.previous = previous?.version === version ? previous.folders : {};
  }

  /** The cache in `file`, for the filings under `contentRoot`; without a file, one that only stamps folders and remembers nothing. */
  static async open(file: string | undefined, contentRoot: string): Promise<CheckCache> {
    const stamps = FolderStamps.of(contentRoot);
    const version = file === undefined ? '' : sourceVersion();
    let previous: CacheFile | undefined;
    try {
      previous = file === undefined ? undefined : (JSON.parse(readFileSync(file, 'utf8')) as CacheFile);
    } catch {
      previous = undefined;
    }
    return new CheckCache(file, version, previous, await stamps);
  }

  /** The stored result when the folder is unchanged; `stamp` is what to store it under otherwise. */
  lookup(dir: string): { result?: FolderResult; stamp: string } {
    const stamp = this.stamps.stamp(dir);
    const entry = this.previous[this.stamps.key(dir)];
    return entry && entry.stamp === stamp ? { result: entry.result, stamp } : { stamp };
  }

  store(dir: string, stamp: string, result: FolderResult): void {
    this.next[this.stamps.key(dir)] = { stamp, result };
  }

  /**
   * Write what this run saw under `contentRoot` (folders no longer there are
   * dropped) and keep what earlier runs saw elsewhere (fixtures, benchmarks).
   */
  save(contentRoot: string): void {
    if (this.file === undefined) return;
    const root = this.stamps.key(contentRoot).replace(/[\\/]+$/, '');
    const inside = root === '' ? '' : `${root}/`;
    const folders = { ...this.next };
    for (const [dir, entry] of Object.entries(this.previous)) if (!dir.startsWith(inside) && !(dir in folders)) folders[dir] = entry;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}`;
    writeFileSync(temporary, JSON.stringify({ version: this.version, folders } satisfies CacheFile));
    renameSync(temporary, this.file);
  }
}


function sourceVersion(): string {
  const projectRoot = PROJECT_ROOT;
  const hash = createHash('sha1');
  for (const folder of ['src/lib/records', 'src/lib/checks']) {
    const files = readdirSync(join(projectRoot, folder), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(file));
  }
  // The importer's patterns of the figures in the text, which the checks look for too (prose-figures.ts).
  hash.update(readFileSync(join(projectRoot, 'src', 'lib', 'import', 'stated-figures.ts')));
  try {
    hash.update(readFileSync(join(projectRoot, 'package-lock.json')));
  } catch {
    hash.update('no lock file');
  }
  return hash.digest('base64');
}
