/**
 * `npm run check [-- <content root>] [--no-cache]`: compile every filing
 * record (schema first, then the arithmetic and consistency rules), print
 * each finding with its file and cell, and exit non-zero on any error.
 * Filings whose folder holds the same bytes as at an earlier run are taken
 * from the compiled store (docs/compile.md) unless `--no-cache` is given,
 * which compiles everything into a throw-away store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, contentRoot } from '../src/lib/records/paths.ts';
import { errorCount, report } from '../src/lib/checks/run-checks.ts';
import { exitOnSiteConfigError, loadSiteConfig } from '../src/lib/site/site-config.ts';

const USAGE = 'usage: npm run check [-- <content root>] [--no-cache]';
const parsed = (() => {
  try {
    return parseArgs({ strict: true, allowPositionals: true, options: { 'no-cache': { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(`check: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
if (parsed.positionals.length > 1) {
  console.error(`check: expected at most one content root, found ${parsed.positionals.length}\n${USAGE}`);
  process.exit(2);
}
// Read before the compiler is loaded: modules it loads make URLs from it as they load.
try {
  loadSiteConfig();
} catch (error) {
  exitOnSiteConfigError(error);
}
const { compileAll } = await import('../src/lib/compile/compile-all.ts');
const root = parsed.positionals[0] ? resolve(parsed.positionals[0]) : contentRoot();
const scratch = parsed.values['no-cache'] ? mkdtempSync(join(tmpdir(), 'gongkai-check-')) : undefined;
try {
  const run = await compileAll(PROJECT_ROOT, root, scratch ? { storeRoot: scratch } : {});
  for (const line of report(run)) console.log(line);
  const threads = `${run.threads} thread${run.threads === 1 ? '' : 's'}`;
  console.log(`checked ${root} in ${Math.round(run.elapsed)} ms (${run.reused} of ${run.filingCount} unchanged since the last run, ${run.compiled} compiled on ${threads})`);
  process.exitCode = errorCount(run) > 0 ? 1 : 0;
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
