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
const run = runChecks(PROJECT_ROOT, root);
for (const line of report(run)) console.log(line);
console.log(`checked ${root} in ${Math.round(run.timings.load + run.timings.check)} ms (load ${Math.round(run.timings.load)} ms, rules ${Math.round(run.timings.check)} ms)`);
process.exitCode = errorCount(run) > 0 ? 1 : 0;
