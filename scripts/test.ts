/**
 * `npm test`: run vitest, then close with one plain line that CI reads,
 * `tests: 57 passed, 0 failed`, so that a run that ran nothing is visible.
 * Arguments are passed to vitest (`npm test -- tests/build`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  success: boolean;
}

const reportDir = mkdtempSync(join(tmpdir(), 'gongkai-test-report-'));
const reportFile = join(reportDir, 'vitest.json');
const vitest = join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)], {
  cwd: PROJECT_ROOT,
  stdio: 'inherit',
});

let report: JsonReport | null = null;
try {
  report = JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport;
} catch {
  report = null;
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}

const passed = report?.numPassedTests ?? 0;
// A run that failed outside any test (a global setup that could not build the
// fixture site, an unhandled error, no report at all) still counts as a failure.
const failed = (report?.numFailedTests ?? 0) || (run.status === 0 ? 0 : 1);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
