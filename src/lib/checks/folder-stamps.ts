import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * What a filing folder's check result is cached under: a key naming the
 * folder and a stamp naming every file in it by its contents. Each file is
 * named by its git blob id (the SHA-1 of its bytes as git hashes them):
 * read from git's index for a file git tracks and finds unmodified, hashed
 * from the bytes for any other, so the stamp is the same in every clone and
 * outside git, and a change of one byte changes it whatever the file's size
 * and modification time say. In a git work tree the key is the folder's
 * path in the repository, so a CI job that restores node_modules/.cache on a
 * fresh checkout reuses the results of every filing that did not change;
 * elsewhere it is the absolute path.
 */
export class FolderStamps {
  private constructor(
    private readonly contentRoot: string,
    /** The git work tree the content root lies in. */
    private readonly top: string | undefined,
    /** Blob ids of tracked, unmodified files, by path relative to the content root with `/`. */
    private readonly blobs: Map<string, string>,
  ) {}

  static async of(contentRoot: string): Promise<FolderStamps> {
    try {
      const [[top], blobs] = await Promise.all([git(contentRoot, ['rev-parse', '--show-toplevel'], '\n'), unmodifiedBlobs(contentRoot)]);
      return new FolderStamps(contentRoot, top, blobs);
    } catch {
      return new FolderStamps(contentRoot, undefined, new Map());
    }
  }

  key(dir: string): string {
    return this.top === undefined ? dir : relative(this.top, dir).split(sep).join('/');
  }

  stamp(dir: string): string {
    const hash = createHash('sha1');
    const prefix = this.contentRelative(dir);
    for (const path of filesBelow(dir)) {
      const name = prefix + path;
      hash.update(`${name}\0blob ${this.blobs.get(name) ?? blobId(join(dir, path))}\n`);
    }
    return hash.digest('base64');
  }

  /** `dir` relative to the content root with `/`, ending in `/` unless it is the root. */
  private contentRelative(dir: string): string {
    const path = relative(this.contentRoot, dir).split(sep).join('/');
    return path === '' ? '' : `${path}/`;
  }
}

/**
 * Every file below `dir`, relative to it with `/`, sorted. Walked by hand:
 * recursive readdirSync stats every entry, which made stamping 5,000
 * folders take twice as long.
 */
function filesBelow(dir: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) files.push(...filesBelow(join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.isFile()) files.push(prefix + entry.name);
  }
  return files.sort();
}

/**
 * The git blob id of a file's bytes. Opened without waiting and refused
 * unless a regular file: a named pipe put in the folder's place would
 * otherwise hold the checks forever (the loader names it; the stamp only
 * has to differ).
 */
function blobId(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return `unreadable ${(error as NodeJS.ErrnoException).code ?? ''}`;
  }
  try {
    if (!fstatSync(fd).isFile()) return 'not a file';
    const bytes = readFileSync(fd);
    return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
  } finally {
    closeSync(fd);
  }
}

const execGit = promisify(execFile);

/** Rejects outside a git work tree or without git. */
async function git(cwd: string, args: string[], separator = '\0'): Promise<string[]> {
  const { stdout } = await execGit('git', ['-C', cwd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return stdout.split(separator).filter(Boolean);
}

async function unmodifiedBlobs(contentRoot: string): Promise<Map<string, string>> {
  // Paths are printed relative to -C, and quoted only without -z. The two listings run side by side: --modified stats every file.
  const [modified, staged] = await Promise.all([git(contentRoot, ['ls-files', '-z', '--modified', '--', '.']), git(contentRoot, ['ls-files', '-z', '--stage', '--', '.'])]);
  const changed = new Set(modified);
  const blobs = new Map<string, string>();
  for (const entry of staged) {
    const tab = entry.indexOf('\t');
    const [, blob, stage] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (stage === '0' && blob && !changed.has(path)) blobs.set(path, blob);
  }
  return blobs;
}
