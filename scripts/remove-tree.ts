import { readdirSync, rmdirSync, unlinkSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/**
 * Removes a folder and everything in it, as `rm -rf` does: one listing per
 * folder and one unlink per file, not following links. Node's rmSync
 * checks each entry with lstat first; a replaced site of 10,000 filings is
 * 245,000 files, which it removed in about three times the time (a
 * 5,917-file site: 437 ms, this 145–155 ms, rm -rf 117 ms).
 */
export function removeTree(dir: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeTree(path);
    else unlinkSync(path);
  }
  rmdirSync(dir);
}
