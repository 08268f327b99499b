/**
 * npm run import -- <source-file> [--out <content-root>] [--region 省/市/县]
 * Writes the filing record to <content-root>/<filing id>/ (default content/filings)
 * and prints the import report's summary.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importDocument } from '../src/lib/import/import-document.ts';
import { writeRecord } from '../src/lib/import/write-record.ts';
import { ImportError } from '../src/lib/import/report.ts';
import { contentRoot } from '../src/lib/records/paths.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, region: { type: 'string' } },
});
const [file] = positionals;
if (!file || positionals.length > 1) {
  console.error('usage: npm run import -- <source-file> [--out <content-root>] [--region 省/市/县]');
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
  const dir = writeRecord(values.out ?? contentRoot(), result);
  const { entries, warnings } = result.report;
  const kinds = new Map<string, number>();
  for (const e of entries) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  console.log(`imported ${file}\n  → ${dir}`);
  console.log(`  recognised: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  console.log(`  warnings: ${warnings.length} (see import-report.md)`);
  for (const w of warnings) console.log(`    line ${w.line}: ${w.message}`);
} catch (error) {
  if (error instanceof ImportError) {
    console.error(`import failed: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
