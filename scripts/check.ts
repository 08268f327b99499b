/**
 * `npm run check [-- <content root>] [--no-cache]`: validate every filing
 * record (schema first, then the arithmetic and consistency rules), print
 * each finding with its file and cell, and exit non-zero on any error.
 * Filings unchanged since the last run are taken from the cache unless
 * `--no-cache` is given.
 */
import { resolve } from 'node:path';
import { PROJECT_ROOT, contentRoot } from '../src/lib/records/paths.ts';
import { DEFAULT_CACHE_FILE, errorCount, report, runChecks } from '../src/lib/checks/run-checks.ts';

const argument = process.argv.slice(2).find((a) => !a.startsWith('-'));
const root = argument ? resolve(argument) : contentRoot();
const run = await runChecks(PROJECT_ROOT, root, process.argv.includes('--no-cache') ? {} : { cacheFile: DEFAULT_CACHE_FILE });
for (const line of report(run)) console.log(line);
console.log(`checked ${root} in ${Math.round(run.elapsed)} ms (${run.cached} of ${run.filingCount} unchanged since the last run, the rest read on ${run.threads} thread${run.threads === 1 ? '' : 's'})`);
process.exitCode = errorCount(run) > 0 ? 1 : 0;
