import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { findFilingFolders } from '../../src/lib/records/filing-folders.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { ACKNOWLEDGMENTS_FILE } from '../../src/lib/records/schema/filing.ts';

export const CONTENT = join(PROJECT_ROOT, 'content', 'filings');

/** Every committed record that keeps the document it was imported from, with that document. */
export function committedImports(): { dir: string; sourceFile: string; bytes: Buffer }[] {
  return findFilingFolders(CONTENT, CONTENT).dirs.flatMap((dir) => {
    const sourceDir = join(dir, 'source');
    let names: string[] = [];
    try {
      names = readdirSync(sourceDir);
    } catch {
      return [];
    }
    return names.map((name) => ({ dir, sourceFile: join(sourceDir, name), bytes: readFileSync(join(sourceDir, name)) }));
  });
}

/** The files of a record folder by relative path, without the reviewer's acknowledgments. */
export function recordFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry !== ACKNOWLEDGMENTS_FILE) files.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

export function sourceOf(name: string): { sourceFile: string; bytes: Buffer } {
  const found = committedImports().find((c) => c.sourceFile.endsWith(`/${name}`));
  if (!found) throw new Error(`no committed record keeps source/${name}`);
  return found;
}
