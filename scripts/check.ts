/**
 * `npm run check [-- <content root>]`: validate every filing record (schema
 * first, then the arithmetic and consistency rules), print each finding with
 * its file and cell, and exit non-zero on any error.
 */
import { resolve } from 'node:path';
import { PROJECT_ROOT, contentRoot } from '../src/lib/records/paths.ts';
import { errorCount, report, runChecks } from '../src/lib/checks/run-checks.ts';

const argument = process.argv.slice(2).find((a) => !a.startsWith('-'));
const root = argument ? resolve(argument) : contentRoot();
const run = await runChecks(PROJECT_ROOT, root);
for (const line of report(run)) console.log(line);
console.log(`checked ${root} in ${Math.round(run.elapsed)} ms (${run.threads} thread${run.threads === 1 ? '' : 's'})`);
process.exitCode = errorCount(run) > 0 ? 1 : 0;
