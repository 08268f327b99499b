/**
 * npm run import -- <source-file> [--out <content-root>] [--region 省/市/县] [--replace]
 * Writes the filing record to <content-root>/<filing id>/ (default content/filings),
 * runs the portal's checks on it, adds what they find to its import-report.md
 * and prints the summary. An earlier record of the same filing is replaced
 * only with --replace.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importDocument, REPORT_FILE } from '../src/lib/import/import-document.ts';
import { writeRecord } from '../src/lib/import/write-record.ts';
import { ImportError } from '../src/lib/import/report.ts';
import { selfCheckRecord, selfCheckSummary } from '../src/lib/import/self-check.ts';
import { contentRoot } from '../src/lib/records/paths.ts';

const USAGE = 'usage: npm run import -- <source-file> [--out <content-root>] [--region 省/市/县] [--replace]';
let parsed: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    strict: true,
    options: { out: { type: 'string' }, region: { type: 'string' }, replace: { type: 'boolean', default: false } },
  });
}
try {
  parsed = parseOptions();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const [file] = positionals;
if (!file || positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
try {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new ImportError(file, undefined, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const result = await importDocument({ file, bytes, ...(values.region ? { region: values.region.split('/').filter(Boolean) } : {}) });
  const root = values.out ?? contentRoot();
  const dir = writeRecord(root, result, { replace: values.replace });
  const check = selfCheckRecord(root, dir, result);
  const { entries, warnings } = result.report;
  const kinds = new Map<string, number>();
  for (const e of entries) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  console.log(`imported ${file}\n  → ${dir}`);
  console.log(`  recognised: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  console.log(`  warnings: ${warnings.length} (see ${REPORT_FILE})`);
  console.log('  does it add up:');
  for (const line of selfCheckSummary(check)) console.log(line);
} catch (error) {
  if (error instanceof ImportError) {
    console.error(`import failed: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
