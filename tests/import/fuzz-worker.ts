/**
 * Runs damaged documents through the import as `npm run import` does
 * (importDocument, writeRecord into a fresh --out, the self-check) in a
 * worker thread, so that the fuzz test can stop one that hangs. Each answer
 * says what became of the document; the test judges it.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { importDocument } from '../../src/lib/import/import-document.ts';
import { ImportError } from '../../src/lib/import/report.ts';
import { selfCheckRecord, selfCheckSummary } from '../../src/lib/import/self-check.ts';
import { writeRecord } from '../../src/lib/import/write-record.ts';

export interface FuzzCase {
  file: string;
  bytes: Uint8Array;
}

export type FuzzOutcome =
  /** The import stopped with this ImportError message. */
  | { kind: 'refused'; message: string }
  /** Something other than an ImportError was thrown. */
  | { kind: 'crash'; error: string }
  /** A record was written: the files found outside --out (should be none) and the changes next to it (should be none). */
  | { kind: 'record'; id: string; files: number; outside: string[]; changed: string[] };

/** Every entry under `dir` with what it holds: a file's hash, a link's target, `dir/` for a folder. */
function snapshot(dir: string, skip: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (full === skip) continue;
      const stat = lstatSync(full);
      const key = relative(dir, full);
      if (stat.isDirectory()) {
        out.set(key, 'dir/');
        walk(full);
      } else out.set(key, stat.isSymbolicLink() ? `link ${realpathSync(full)}` : createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** Paths under `out` that are links or resolve outside it. */
function escapes(out: string): string[] {
  const real = realpathSync(out);
  const found: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink() || !realpathSync(full).startsWith(real + sep)) found.push(full);
      else if (stat.isDirectory()) walk(full);
    }
  };
  walk(out);
  return found;
}

/** Memory-backed when the machine has it: a record is written and removed per case, thousands of times. */
const TEMP = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** Write the record into `<fresh folder>/out`, beside a neighbour that must stay as it was, and check both. */
function writeAndCheck(result: Awaited<ReturnType<typeof importDocument>>): FuzzOutcome {
  const parent = mkdtempSync(join(TEMP, 'gongkai-fuzz-'));
  try {
    const out = join(parent, 'out');
    mkdirSync(join(parent, 'neighbour', 'source'), { recursive: true });
    writeFileSync(join(parent, 'neighbour', 'filing.yaml'), 'schemaVersion: 1\n');
    writeFileSync(join(parent, 'neighbour', 'source', 'original.txt'), 'another filing\n');
    const before = snapshot(parent, out);
    const dir = writeRecord(out, result);
    selfCheckSummary(selfCheckRecord(out, dir, result));
    const after = snapshot(parent, out);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
    const outside = existsSync(out) ? escapes(out) : [out];
    if (!realpathSync(dir).startsWith(realpathSync(out) + sep)) outside.push(dir);
    return { kind: 'record', id: result.id, files: result.files.size, outside, changed };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

async function run({ file, bytes }: FuzzCase): Promise<FuzzOutcome> {
  try {
    return writeAndCheck(await importDocument({ file, bytes }));
  } catch (error) {
    if (error instanceof ImportError) return { kind: 'refused', message: error.message };
    return { kind: 'crash', error: error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : `thrown: ${String(error)}` };
  }
}

// The readers' libraries log what they skip in a damaged file (SheetJS: "Missing Info for XLS Record"): the test judges outcomes, not logs.
for (const method of ['log', 'info', 'warn', 'error'] as const) console[method] = () => undefined;

parentPort?.on('message', (job: FuzzCase) => {
  void run(job).then((outcome) => parentPort!.postMessage(outcome));
});
