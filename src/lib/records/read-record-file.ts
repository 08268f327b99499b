import { isUtf8 } from 'node:buffer';
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Problem } from './record-error.ts';
import { bidiControlProblem, hasBidiControl } from './clean-text.ts';
import type { SnapshotEntry } from '../compile/folder-snapshot.ts';

/**
 * How a filing's files are read: only its own files (no path out of the
 * folder, no symbolic link), only UTF-8 text (and YAML, read-record-yaml.ts, without anchors or
 * numbers in forms no one writes a figure in). Each problem is noted in the
 * context, naming the file and the field that named it, so that one run
 * reports all of a record's problems.
 */

export interface Context {
  root: string;
  dir: string;
  problems: Problem[];
  /** Sub-folders of the record already found to be real folders, not links. */
  folders: Set<string>;
  /** What the folder held when the compile step read it (compile/folder-snapshot.ts): read from here, not from the disk. */
  snapshot?: ReadonlyMap<string, SnapshotEntry>;
}

/** A fresh context for reading the record in `dir`; paths in problems are relative to `root`. */
export const recordContext = (root: string, dir: string, snapshot?: ReadonlyMap<string, SnapshotEntry>): Context => ({
  root,
  dir,
  problems: [],
  folders: new Set(),
  ...(snapshot ? { snapshot } : {}),
});

/** Whether the record has a file at `file`, as a read of it would find. */
export const recordHasFile = (ctx: Context, file: string): boolean =>
  ctx.snapshot ? ctx.snapshot.has(file) : existsSync(join(ctx.dir, file));

export const rel = (ctx: Context, file: string) => relative(ctx.root, join(ctx.dir, file)).split(sep).join('/');

function unreadable(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'cannot read the file: it does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file: permission denied';
    case 'EISDIR':
      return 'cannot read the file: it is a folder';
    case 'ENXIO':
      return 'expected a file of the record, found a socket or a device with nothing behind it';
    case 'ELOOP':
      return 'expected a file of the record, found a symbolic link: the build would publish whatever it points at';
    default:
      return `cannot read the file (${error.code ?? error.message})`;
  }
}

class LinkedFolder extends Error {
  constructor(readonly folder: string) {
    super(folder);
  }
}

/**
 * The bytes of a record file. The schema keeps paths inside the filing
 * folder; this also refuses a symbolic link, as the file or as a folder on
 * the way to it, since a link can point anywhere on the machine that builds
 * the site. O_NOFOLLOW catches a linked file in the same system call that
 * opens it, so a cold check of thousands of filings pays nothing for it.
 */
function readRecordFile(ctx: Context, file: string): Buffer {
  if (ctx.snapshot) return fromSnapshot(ctx.snapshot, file);
  const parts = file.split('/');
  for (let depth = 1; depth < parts.length; depth++) {
    const folder = parts.slice(0, depth).join('/');
    if (ctx.folders.has(folder)) continue;
    const stat = lstatSync(join(ctx.dir, folder));
    if (stat.isSymbolicLink()) throw new LinkedFolder(folder);
    ctx.folders.add(folder);
  }
  // O_NONBLOCK: opening a named pipe would otherwise wait for a writer, and the checks would hang; it changes nothing for a file.
  const fd = openSync(join(ctx.dir, file), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() && !stat.isDirectory()) throw new NotAFile(specialFileKind(stat));
    return stat.isFile() ? readAll(fd, stat.size) : readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A record file as the snapshot holds it, refused for the same reasons and in the same words as a read from the disk. */
function fromSnapshot(snapshot: ReadonlyMap<string, SnapshotEntry>, file: string): Buffer {
  const parts = file.split('/');
  for (let depth = 1; depth < parts.length; depth++) {
    const folder = parts.slice(0, depth).join('/');
    if (snapshot.get(folder)?.kind === 'link') throw new LinkedFolder(folder);
  }
  const entry = snapshot.get(file);
  const failure = (code: string) => Object.assign(new Error(code), { code });
  switch (entry?.kind) {
    case 'file':
      return entry.bytes;
    case undefined:
      throw failure('ENOENT');
    case 'folder':
      throw failure('EISDIR');
    case 'link':
      throw failure('ELOOP');
    case 'unreadable':
      throw failure(entry.code);
    case 'special':
      throw new NotAFile(entry.what);
  }
}

/** The `size` bytes of an open file; what readFileSync does, without asking the file's size a second time. */
function readAll(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, read, size - read, null);
    if (n === 0) break;
    read += n;
  }
  return read < size ? buffer.subarray(0, read) : buffer;
}

/** A record file that is a named pipe, a device or a socket: reading it would wait forever or never end. */
class NotAFile extends Error {
  constructor(readonly what: string) {
    super('not a regular file');
  }
}

/** What a path that is not a regular file is, in the words of a problem. */
export function specialFileKind(stat: Pick<Stats, 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return stat.isSocket() ? 'a socket' : 'something other than a file or folder';
}

/** The bytes of a record file, or null with the problem noted. */
export function readBytes(ctx: Context, file: string, field?: string): Buffer | null {
  try {
    return readRecordFile(ctx, file);
  } catch (error) {
    const message =
      error instanceof LinkedFolder
        ? `expected a folder of the record, found "${error.folder}" to be a symbolic link: the build would publish whatever it points at`
        : error instanceof NotAFile
          ? `expected a file of the record, found ${error.what}: it is not read, as reading it could wait forever`
          : unreadable(error as NodeJS.ErrnoException);
    ctx.problems.push({ file: rel(ctx, file), ...(field ? { field } : {}), message });
    return null;
  }
}

export function readText(ctx: Context, file: string, field?: string): string | null {
  const buffer = readBytes(ctx, file, field);
  if (buffer === null) return null;
  if (buffer.includes(0)) {
    ctx.problems.push({ file: rel(ctx, file), ...(field ? { field } : {}), message: 'expected a UTF-8 text file, found binary data' });
    return null;
  }
  if (!isUtf8(buffer)) {
    ctx.problems.push({ file: rel(ctx, file), ...(field ? { field } : {}), message: 'expected UTF-8 text, found bytes that are not UTF-8' });
    return null;
  }
  const text = buffer.toString('utf8');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Markdown is shown as written; YAML and CSV are looked at field by field and cell by cell (schema, load-filing.ts).
  if (file.endsWith('.md') && hasBidiControl(body)) {
    body.split('\n').forEach((line, i) => {
      const message = bidiControlProblem(line);
      if (message) ctx.problems.push({ file: rel(ctx, file), line: i + 1, message });
    });
  }
  return body;
}
