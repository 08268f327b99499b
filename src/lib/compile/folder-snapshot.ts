import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { specialFileKind } from '../records/read-record-file.ts';

/**
 * What a path of a filing folder held when the folder was read: a file's
 * bytes, or why it has none. The loader reads a record from this, never
 * from the disk again, so the figures the checks see, the hash the cache
 * knows them by and the figures the pages publish are the same bytes.
 */
export type SnapshotEntry =
  | { kind: 'file'; bytes: Buffer }
  | { kind: 'folder' }
  | { kind: 'link' }
  /** A named pipe, a device or a socket: named, never opened (reading one could wait forever). */
  | { kind: 'special'; what: string }
  | { kind: 'unreadable'; code: string };

export interface FolderSnapshot {
  /** Entries by path relative to the folder, with `/`. */
  readonly entries: ReadonlyMap<string, SnapshotEntry>;
  /** SHA-256 of every path and what it held, with the folder's place in the content tree, the compiler's version and the site's configuration. */
  readonly hash: string;
}

/**
 * A file's bytes: opened without following a link and without waiting (a
 * pipe swapped in after the folder was listed would otherwise hold the
 * build), and kept only when it is still a regular file.
 */
function readEntry(path: string): SnapshotEntry {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return code === 'ELOOP' ? { kind: 'link' } : { kind: 'unreadable', code };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { kind: 'folder' };
    if (!stat.isFile()) return { kind: 'special', what: specialFileKind(stat) };
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, null);
      if (n === 0) break;
      read += n;
    }
    return { kind: 'file', bytes: read < stat.size ? bytes.subarray(0, read) : bytes };
  } catch (error) {
    return { kind: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    closeSync(fd);
  }
}

function walk(dir: string, prefix: string, entries: Map<string, SnapshotEntry>): void {
  let listed: Dirent[];
  try {
    listed = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (prefix !== '') entries.set(prefix.slice(0, -1), { kind: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    return;
  }
  for (const entry of listed) {
    const path = prefix + entry.name;
    if (entry.isSymbolicLink()) entries.set(path, { kind: 'link' });
    else if (entry.isDirectory()) {
      entries.set(path, { kind: 'folder' });
      walk(join(dir, entry.name), `${path}/`, entries);
    } else if (entry.isFile()) entries.set(path, readEntry(join(dir, entry.name)));
    else entries.set(path, { kind: 'special', what: specialFileKind(entry) });
  }
}

/**
 * Every path below `dir` and what it held, hashed with `salt` (the folder's
 * place in the content tree, the compiler's version and the site's
 * configuration): the same bytes give
 * the same hash in any clone, whatever the files' modification times.
 */
export function snapshotFolder(dir: string, salt: string): FolderSnapshot {
  const found = new Map<string, SnapshotEntry>();
  walk(dir, '', found);
  const paths = [...found.keys()].sort();
  const hash = createHash('sha256').update(salt).update('\0');
  const entries = new Map<string, SnapshotEntry>();
  for (const path of paths) {
    const entry = found.get(path)!;
    entries.set(path, entry);
    hash.update(`${path}\0${entry.kind}\0`);
    if (entry.kind === 'file') hash.update(`${entry.bytes.length}\0`).update(entry.bytes);
    else if (entry.kind === 'special') hash.update(entry.what);
    else if (entry.kind === 'unreadable') hash.update(entry.code);
    hash.update('\n');
  }
  return { entries, hash: hash.digest('base64url') };
}
