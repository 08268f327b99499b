import { formatProblem } from '../records/record-error.ts';
import type { CompileRun } from '../compile/compile-all.ts';
import type { Finding } from './finding.ts';

/** What `npm run check` reports of a compile run (compile/compile-all.ts). */
export type CheckRun = Pick<CompileRun, 'filingCount' | 'problems' | 'findings'>;

export const errorCount = (run: CheckRun) => run.problems.length + run.findings.filter((f) => f.severity === 'error').length;

/** `file:line: table row N column "X": rule: message: expected E, found F` */
export function formatFinding(f: Finding): string {
  const where = f.line === undefined ? f.file : `${f.file}:${f.line}`;
  const cell = f.table ? [f.table, f.row === undefined ? '' : `row ${f.row}`, f.column === undefined ? '' : `column "${f.column}"`].filter(Boolean).join(' ') : f.at;
  const values = f.expected === undefined && f.found === undefined ? '' : `: expected ${f.expected || '(empty)'}, found ${f.found || '(empty)'}`;
  const label = f.acknowledged ? 'warning (acknowledged)' : f.severity;
  const note = f.acknowledged ? ` [${f.acknowledged.note}]` : '';
  return `${label}: ${where}: ${cell}: ${f.rule}: ${f.message}${values}${note}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Every problem and finding, then counts by severity and per filing that has any. */
export function report(run: CheckRun): string[] {
  const lines = run.problems.map((p) => `error: ${formatProblem(p)}`);
  lines.push(...run.findings.map(formatFinding));
  const errors = errorCount(run);
  const warnings = run.findings.filter((f) => f.severity === 'warning');
  const acknowledged = warnings.filter((f) => f.acknowledged).length;
  if (lines.length > 0) lines.push('');
  lines.push(
    `${plural(run.filingCount, 'filing')} checked: ${plural(errors, 'error')}${run.problems.length ? ` (${plural(run.problems.length, 'record problem')})` : ''}, ${plural(warnings.length, 'warning')} (${acknowledged} acknowledged)`,
  );
  const byFiling = new Map<string, { errors: number; warnings: number }>();
  for (const f of run.findings) {
    const counts = byFiling.get(f.filing) ?? { errors: 0, warnings: 0 };
    if (f.severity === 'error') counts.errors++;
    else counts.warnings++;
    byFiling.set(f.filing, counts);
  }
  for (const [filing, counts] of [...byFiling].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${filing}: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`);
  }
  return lines;
}
