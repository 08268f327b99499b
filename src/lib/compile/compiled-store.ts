import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { PROJECT_ROOT } from '../records/paths.ts';
import type { FilingRows } from '../site/previous-year.ts';
import type { CompiledData, CompiledDataFiles, CompiledDataHead, CompiledHead, CompiledRecord } from './compiled.ts';

/**
 * The one cache of the pipeline: compiled filings by the hash of their
 * folder's contents (folder-snapshot.ts), shared by `npm run check`, `npm run
 * build` and every shard, and restorable in CI (it lives in
 * node_modules/.cache, which CI caches keep). Entries are written once and
 * never changed: a new hash is a new entry. A folder per compiler version,
 * so a change to the loader, a rule or a dependency starts afresh and the
 * older versions are removed.
 */
export const DEFAULT_STORE_ROOT = join(PROJECT_ROOT, 'node_modules', '.cache', 'gongkai', 'compiled');

/** The sources that decide what a compile gives, and the lock file: any change to them is a new version. */
export function compilerVersion(projectRoot = PROJECT_ROOT): string {
  const hash = createHash('sha256');
  const folder = join(projectRoot, 'src', 'lib');
  const files = readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(file.slice(folder.length)).update('\0').update(readFileSync(file));
  try {
    hash.update(readFileSync(join(projectRoot, 'package-lock.json')));
  } catch {
    hash.update('no lock file');
  }
  return hash.digest('base64url').slice(0, 16);
}

const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Written beside and renamed into place: a reader never sees half a file, and two builds writing the same entry write the same bytes. */
function writeAtomically(file: string, content: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

export class CompiledStore {
  private constructor(readonly dir: string) {}

  /** The store of this compiler version under `root`, created when missing; the folders of other versions are removed. */
  static open(version: string, root = DEFAULT_STORE_ROOT): CompiledStore {
    mkdirSync(join(root, version, 'sources'), { recursive: true });
    for (const entry of readdirSync(root)) if (entry !== version) rmSync(join(root, entry), { recursive: true, force: true });
    return new CompiledStore(join(root, version));
  }

  /** The store in `dir` as another process opened it (the build's pages, given the manifest). */
  static at(dir: string): CompiledStore {
    return new CompiledStore(dir);
  }

  head(hash: string): CompiledHead | undefined {
    try {
      return JSON.parse(readFileSync(join(this.dir, `${hash}.head.json`), 'utf8')) as CompiledHead;
    } catch {
      return undefined;
    }
  }

  record(hash: string): CompiledRecord {
    return deserialize(readFileSync(join(this.dir, `${hash}.record`))) as CompiledRecord;
  }

  /** What the portal's files take of the filing's open data (CompiledData): a few kilobytes. */
  dataHead(hash: string): CompiledDataHead {
    return deserialize(readFileSync(join(this.dir, `${hash}.datahead`))) as CompiledDataHead;
  }

  /** The text of the filing's open data files, read only to write them or zip them. */
  dataFiles(hash: string): CompiledDataFiles {
    return deserialize(readFileSync(join(this.dir, `${hash}.datafiles`))) as CompiledDataFiles;
  }

  /** What the department's next filing of the same kind shows beside its rows: a few kilobytes, apart from the record. */
  rows(hash: string): FilingRows {
    return deserialize(readFileSync(join(this.dir, `${hash}.rows`))) as FilingRows;
  }

  /** The filing's search part (src/lib/search/filing-search.ts): its keys and fragment, made once per content. */
  search(hash: string): Buffer {
    return readFileSync(join(this.dir, `${hash}.search`));
  }

  /** A published source's file in the store, by its SHA-256: the build links it into the site. */
  sourceFile(sha: string): string {
    return join(this.dir, 'sources', sha);
  }

  /**
   * A file derived from compiled filings by a pure function, kept under a key
   * naming all of its inputs (a region-year's bulk zip: region-year-data.ts):
   * made once, and found by every later build that asks for the same key,
   * with its SHA-256 beside it, so that neither reads it again.
   */
  derived(key: string, make: () => Uint8Array): { file: string; sha256: string } {
    const file = join(this.dir, 'derived', key);
    try {
      return { file, sha256: readFileSync(`${file}.sha256`, 'utf8') };
    } catch {
      const bytes = make();
      mkdirSync(join(this.dir, 'derived'), { recursive: true });
      const digest = sha256(bytes);
      writeAtomically(file, bytes);
      // The digest last: found, it says the file is whole.
      writeAtomically(`${file}.sha256`, digest);
      return { file, sha256: digest };
    }
  }

  /** Keeps a compiled folder: its sources first, then its record and search part, then the head that says the entry is whole. */
  put(head: CompiledHead, record?: { record: CompiledRecord; data: CompiledData; sources: readonly Uint8Array[]; search: Uint8Array; rows: FilingRows }): void {
    if (record) {
      for (const bytes of record.sources) writeAtomically(join(this.dir, 'sources', sha256(bytes)), bytes);
      writeAtomically(join(this.dir, `${head.hash}.record`), serialize(record.record));
      writeAtomically(join(this.dir, `${head.hash}.search`), record.search);
      writeAtomically(join(this.dir, `${head.hash}.datahead`), serialize(record.data.head));
      writeAtomically(join(this.dir, `${head.hash}.datafiles`), serialize(record.data.files));
      writeAtomically(join(this.dir, `${head.hash}.rows`), serialize(record.rows));
    }
    writeAtomically(join(this.dir, `${head.hash}.head.json`), JSON.stringify(head));
  }
}

export { sha256 };
