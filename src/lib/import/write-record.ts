import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { filingId, filingSegments } from '../records/filing-path.ts';
import { FILING_FILE } from '../records/schema/filing.ts';
import { loadDeclaration } from '../records/load-filing.ts';
import { RecordError } from '../records/record-error.ts';
import { ACKNOWLEDGMENTS_FILE, type FilingDeclaration } from '../records/schema/filing.ts';
import type { ImportResult } from './import-document.ts';
import { ImportError } from './report.ts';

/** A name that stays one folder or file inside its parent. */
function badSegment(segment: string): boolean {
  return segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment);
}

/** The record's folder segments, from the identity its filing.yaml declares (the same that filingId() names it by). */
function folderSegments(result: ImportResult, source: string): string[] {
  const declaration = parse(String(result.files.get(FILING_FILE) ?? '')) as FilingDeclaration | null;
  const segments = declaration ? filingSegments(declaration) : [];
  const bad = segments.find(badSegment);
  if (!declaration || bad !== undefined || segments.join('/') !== result.id) {
    throw new ImportError(source, undefined, `refusing to write the record: ${bad === undefined ? `its folder ${result.id} is not the one its filing.yaml names` : `"${bad}" is not a folder name`} (the record's path is ${result.id})`);
  }
  return segments;
}

/** What an earlier record in `dir` is: nothing, the same filing from the same source, or something this import must not replace. */
function checkExisting(dir: string, root: string, result: ImportResult, source: string, replace: boolean): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir).filter((e) => e !== ACKNOWLEDGMENTS_FILE);
  if (entries.length === 0) return;
  if (!entries.includes(FILING_FILE)) throw new ImportError(source, undefined, `refusing to replace ${dir}: the folder holds files but no ${FILING_FILE}, so it is not a record this import may replace`);
  let existing: FilingDeclaration;
  try {
    existing = loadDeclaration(dir, root);
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    throw new ImportError(source, undefined, `refusing to replace ${dir}: its ${FILING_FILE} cannot be read (${error.problems[0]?.message ?? 'invalid'}), so it cannot be told to be this filing's record`);
  }
  const theirs = filingId(existing);
  if (theirs !== result.id) throw new ImportError(source, undefined, `refusing to replace ${dir}: its ${FILING_FILE} is the record of ${theirs}, this document is ${result.id}`);
  const ours = [...result.files.keys()].filter((path) => path.startsWith('source/'));
  const sources = existing.sources.map((s) => s.file);
  if (!sources.some((s) => ours.includes(s))) throw new ImportError(source, undefined, `refusing to replace ${dir}: the record of ${theirs} there was made from ${sources.join(', ')}, not from ${ours.join(', ')}; move or delete that record to import this document in its place`);
  if (!replace) throw new ImportError(source, undefined, `the record of ${theirs} is already at ${dir} (imported from ${sources.join(', ')}); pass --replace to replace it with this import (acknowledgments.yaml is kept)`);
}

/**
 * Write a record under `root/<id>/`, the folder its identity names, and
 * nowhere else. An earlier record there is replaced only when it is the
 * same filing imported from the same source and `replace` is set; a
 * reviewer's acknowledgments.yaml is kept: it is not the importer's.
 */
export function writeRecord(root: string, result: ImportResult, options: { replace?: boolean } = {}): string {
  const source = result.report.source;
  const dir = join(root, ...folderSegments(result, source));
  const out = relative(resolve(root), resolve(dir));
  if (out === '' || out.startsWith('..') || isAbsolute(out)) throw new ImportError(source, undefined, `refusing to write the record outside ${root}`);
  const files = [...result.files].sort(([a], [b]) => a.localeCompare(b));
  const badPath = files.find(([path]) => path.split('/').some(badSegment));
  if (badPath) throw new ImportError(source, undefined, `refusing to write "${badPath[0]}": not a file name inside the record's folder`);
  // A folder on the way that is a link could lead anywhere on the machine.
  const segments = out.split(/[/\\]/);
  for (let k = 1; k <= segments.length; k++) {
    const folder = join(root, ...segments.slice(0, k));
    if (existsSync(folder) && lstatSync(folder).isSymbolicLink()) throw new ImportError(source, undefined, `refusing to write the record through ${folder}: it is a link, not a folder inside ${root}`);
  }
  checkExisting(dir, root, result, source, options.replace === true);
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) if (entry !== ACKNOWLEDGMENTS_FILE) rmSync(join(dir, entry), { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return dir;
}
