import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * What a filing folder's check result is cached under: a key naming the
 * folder and a stamp naming every file in it. In a git work tree the key
 * is the folder's path in the repository, and a file that git tracks and
 * that is unmodified is named by its blob id, so both are the same in every
 * clone: a CI job that restores node_modules/.cache on a fresh checkout
 * reuses the results of every filing that did not change. Elsewhere the
 * key is the absolute path and files are named by size and modification
 * time, which only the same checkout can match.
 */
export class FolderStamps {
  private constructor(
    private readonly contentRoot: string,
    /** The git work tree the content root lies in. */
    private readonly top: string | undefined,
    /** Blob ids of tracked, unmodified files, by path relative to the content root with `/`. */
    private readonly blobs: Map<string, string>,
  ) {}

  static of(contentRoot: string): FolderStamps {
    try {
      const [top] = git(contentRoot, ['rev-parse', '--show-toplevel'], '\n');
      return new FolderStamps(contentRoot, top, unmodifiedBlobs(contentRoot));
    } catch {
      return new FolderStamps(contentRoot, undefined, new Map());
    }
  }

  key(dir: string): string {
    return this.top === undefined ? dir : relative(this.top, dir).split(sep).join('/');
  }

  stamp(dir: string): string {
    const hash = createHash('sha1');
    const files = readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) {
      const path = relative(this.contentRoot, file).split(sep).join('/');
      const blob = this.blobs.get(path);
      if (blob) hash.update(`${path}\0blob ${blob}\n`);
      else {
        const stat = statSync(file);
        hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
    return hash.digest('base64');
  }
}

/** Throws outside a git work tree or without git. */
function git(cwd: string, args: string[], separator = '\0'): string[] {
  return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] })
    .split(separator)
    .filter(Boolean);
}

function unmodifiedBlobs(contentRoot: string): Map<string, string> {
  const blobs = new Map<string, string>();
  // Paths are printed relative to -C, and quoted only without -z.
  const changed = new Set(git(contentRoot, ['ls-files', '-z', '--modified', '--', '.']));
  for (const entry of git(contentRoot, ['ls-files', '-z', '--stage', '--', '.'])) {
    const tab = entry.indexOf('\t');
    const [, blob, stage] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (stage === '0' && blob && !changed.has(path)) blobs.set(path, blob);
  }
  return blobs;
}
