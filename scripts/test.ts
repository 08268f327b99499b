/**
 * `npm test`: run vitest, then close with one plain line that CI reads,
 * `tests: 57 passed, 0 failed`, so that a run that ran nothing is visible.
 * Arguments are passed to vitest (`npm test -- tests/build`).
 *
 * The two projects of vitest.config.ts run as two vitest processes side by
 * side. In one process they cannot: vitest gives every project the same
 * number of workers (cores − 1, so one here), and runs a project whose files
 * go one at a time after all the others, so the unit files (about 130 s on
 * one core) and the site files (builds and a browser, which leave a core
 * idle while they wait) ran one after the other.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
}

const PROJECTS = ['unit', 'site'] as const;

const reportDir = mkdtempSync(join(tmpdir(), 'gongkai-test-report-'));
const vitest = join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');

/** One project's run; its output is passed on line by line, so the two runs' lines never mix within a line. */
function runProject(project: (typeof PROJECTS)[number]): Promise<{ status: number | null; report: JsonReport | null }> {
  const reportFile = join(reportDir, `${project}.json`);
  const args = [vitest, 'run', '--project', project, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  createInterface({ input: child.stdout }).on('line', (line) => process.stdout.write(`${line}\n`));
  createInterface({ input: child.stderr }).on('line', (line) => process.stderr.write(`${line}\n`));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`npm test: could not run vitest for the ${project} project: ${error.message}`);
      resolve({ status: null, report: null });
    });
    child.on('close', (status) => {
      let report: JsonReport | null = null;
      try {
        report = JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport;
      } catch {
        report = null;
      }
      resolve({ status, report });
    });
  });
}

const runs = await Promise.all(PROJECTS.map(runProject));
rmSync(reportDir, { recursive: true, force: true });

const passed = runs.reduce((n, run) => n + (run.report?.numPassedTests ?? 0), 0);
// A run that failed outside any test (a global setup that could not build the
// fixture site, an unhandled error, no report at all) still counts as a failure.
const failed = runs.reduce((n, run) => n + ((run.report?.numFailedTests ?? 0) || (run.status === 0 && run.report ? 0 : 1)), 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
