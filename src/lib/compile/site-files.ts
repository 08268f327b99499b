import { linkSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Putting many files into a site being built, most of them as hard links to
 * the site it replaces: on this kind of disk creating a file costs a third
 * of a millisecond, so a folder is made once per run of files, not per file.
 */
export function folderMaker(): (file: string) => void {
  const made = new Set<string>();
  return (file) => {
    const folder = dirname(file);
    if (made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
}

/** A hard link, or false when the file is gone from the site or on another file system: the caller writes or renders it instead. */
export function linkOrFalse(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}
