import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ACKNOWLEDGMENTS_FILE } from '../records/schema/filing.ts';
import type { ImportResult } from './import-document.ts';

/**
 * Write a record under `root/<id>/`, replacing what an earlier import wrote
 * there. A reviewer's acknowledgments.yaml is kept: it is not the importer's.
 */
export function writeRecord(root: string, result: ImportResult): string {
  const dir = join(root, ...result.id.split('/'));
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) if (entry !== ACKNOWLEDGMENTS_FILE) rmSync(join(dir, entry), { recursive: true, force: true });
  for (const [path, content] of [...result.files].sort(([a], [b]) => a.localeCompare(b))) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return dir;
}
