import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFiling } from '../checks/check-filing.ts';
import type { Finding } from '../checks/finding.ts';
import { sumPlans } from '../checks/rules/row-sums.ts';
import { classified } from '../checks/table-view.ts';
import { loadFiling, type Filing } from '../records/load-filing.ts';
import { formatProblem, RecordError } from '../records/record-error.ts';
import type { Table } from '../records/schema/table.ts';
import { REPORT_FILE, type ImportResult } from './import-document.ts';
import type { ImportReport } from './report.ts';

/** What the checks made of one imported table. */
export interface TableVerdict {
  id: string;
  title: string;
  /** First source line of the table (its title), from the import report. */
  line: number | undefined;
  /** Printed page it starts on, in a paged document. */
  page: number | undefined;
  verdict: 'adds up' | 'empty (空表列示)' | 'no check applies to it' | 'the document disagrees with itself' | 'the importer is unsure';
  /** Errors of the checks on the table, acknowledged or not. */
  errors: number;
}

/** Something the importer may have read wrong, with the source line it concerns when known. */
export interface Unsure {
  line: number | undefined;
  page?: number | undefined;
  message: string;
}

export interface SelfCheck {
  tables: TableVerdict[];
  /** Errors of the checks that the document's own figures make (kept as published): each needs an acknowledgment, or has one. */
  document: Finding[];
  unsure: Unsure[];
}

/** A rule that could not find the row or column it compares (unchecked.ts says 未核对): the header may be misread. */
const isUnchecked = (f: Finding) => f.severity === 'warning' && !f.acknowledged && /未核对/.test(f.message);
const isError = (f: Finding) => f.severity === 'error' || f.acknowledged !== undefined;
/** A table some rule adds up: one of the standard tables, a table of 科目 with a 合计 row, or one with a 合计 column. */
const summed = (t: Table) => t.standard !== undefined || classified(t)?.totalRow !== undefined || sumPlans(t).length > 0;

/**
 * Run the portal's checks on a record the importer has just written (the
 * folder `dir` under the content root `root`) and sort what they find:
 * table by table, whether it adds up; errors the document's own printed
 * figures make (kept, to be acknowledged as published); and what the
 * importer may have misread: a record the loader refuses, a rule that
 * finds no row or column to compare, row sums failing in most rows of a
 * table, and every warning of the import itself.
 */
export function checkImportedRecord(root: string, dir: string, report: ImportReport): SelfCheck {
  const unsure: Unsure[] = report.warnings.map((w) => ({ line: w.line, message: w.message }));
  let filing: Filing;
  try {
    filing = loadFiling(dir, { root, contentRoot: root });
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    unsure.push(...error.problems.map((p) => ({ line: undefined, message: `the record does not load: ${formatProblem(p)}` })));
    return { tables: [], document: [], unsure };
  }
  const findings = checkFiling(filing);
  const document: Finding[] = [];
  const tables = filing.tables.map((table): TableVerdict => {
    const line = report.tableLine(table.id);
    const page = line === undefined ? undefined : report.pages.get(line);
    const own = findings.filter((f) => f.table === table.id);
    const errors = own.filter(isError);
    const rowSums = new Set(errors.filter((f) => f.rule === 'row-sum').map((f) => f.row));
    const systematic = rowSums.size >= 2 && rowSums.size * 2 >= table.rows.length;
    for (const f of own.filter(isUnchecked)) unsure.push({ line, page, message: `"${table.title}" (tables/${table.id}.csv): ${f.message}` });
    if (systematic) unsure.push({ line, page, message: `"${table.title}" (tables/${table.id}.csv): row sums fail in ${rowSums.size} of its ${table.rows.length} rows: its header may be misread (${table.columns.map((c) => c.header.join('/')).join(' | ')})` });
    else document.push(...errors);
    const base = { id: table.id, title: table.title, line, page, errors: errors.length };
    if (systematic || own.some(isUnchecked)) return { ...base, verdict: 'the importer is unsure' };
    if (errors.length > 0) return { ...base, verdict: 'the document disagrees with itself' };
    if (table.empty) return { ...base, verdict: 'empty (空表列示)' };
    return { ...base, verdict: summed(table) ? 'adds up' : 'no check applies to it' };
  });
  document.push(...findings.filter((f) => f.table === undefined && isError(f)));
  for (const f of findings.filter((f) => f.table === undefined && isUnchecked(f))) unsure.push({ line: undefined, message: f.message });
  return { tables, document, unsure };
}

/**
 * Check the record `result` was written as (the folder `dir` under the
 * content root `root`) and add the verdicts to its import-report.md, on
 * disk and in `result`.
 */
export function selfCheckRecord(root: string, dir: string, result: ImportResult): SelfCheck {
  const check = checkImportedRecord(root, dir, result.report);
  const report = `${String(result.files.get(REPORT_FILE))}\n${selfCheckMarkdown(check)}`;
  result.files.set(REPORT_FILE, report);
  writeFileSync(join(dir, REPORT_FILE), report);
  return check;
}

const quote = (value: string) => JSON.stringify(value);

/** The acknowledgments.yaml entry that keeps a finding as published; the note is for the reviewer to confirm against the source. */
export function acknowledgmentEntry(f: Finding): string {
  return [
    `- rule: ${f.rule}`,
    `  at: ${quote(f.at)}`,
    ...(f.expected === undefined ? [] : [`  expected: ${quote(f.expected)}`]),
    ...(f.found === undefined ? [] : [`  found: ${quote(f.found)}`]),
    `  note: ${quote(`公开文本如此：${f.message}，按原文保留。`)}`,
  ].join('\n');
}

const where = (line: number | undefined, page?: number) => (line === undefined ? '' : `line ${line}${page === undefined ? '' : ` (page ${page})`}: `);

/** The self-check as a section of import-report.md. */
export function selfCheckMarkdown(check: SelfCheck): string {
  const out = ['## Does it add up', '', 'The portal\'s checks (`npm run check`) on the record as written.', ''];
  if (check.tables.length > 0) {
    out.push('| line | table | verdict |', '| ---: | --- | --- |');
    for (const t of check.tables) out.push(`| ${t.line ?? ''}${t.page === undefined ? '' : ` (p. ${t.page})`} | ${t.title} (\`tables/${t.id}.csv\`) | ${t.verdict}${t.errors > 0 ? ` (${t.errors} error${t.errors === 1 ? '' : 's'})` : ''} |`);
    out.push('');
  }
  out.push('### The document disagrees with itself', '');
  if (check.document.length === 0) out.push('Nothing: every figure the checks compare agrees.', '');
  else {
    out.push('Kept as published. Check each against the source; if the source prints it so, paste its entry into `acknowledgments.yaml` (and say in the note what the source shows).', '');
    for (const f of check.document) {
      out.push(`- \`${f.at}\`: ${f.rule}: ${f.message}: expected ${f.expected ?? '(none)'}, found ${f.found ?? '(none)'}${f.acknowledged ? ' — acknowledged' : ''}`);
      if (!f.acknowledged) out.push('', '  ```yaml', ...acknowledgmentEntry(f).split('\n').map((l) => `  ${l}`), '  ```');
    }
    out.push('');
  }
  out.push('### The importer is unsure', '');
  if (check.unsure.length === 0) out.push('Nothing.', '');
  else out.push(...check.unsure.map((u) => `- ${where(u.line, u.page)}${u.message}`), '');
  return out.join('\n');
}

/** The self-check in a few lines for the terminal. */
export function selfCheckSummary(check: SelfCheck): string[] {
  const lines = check.tables.map((t) => `    ${t.title}: ${t.verdict}${t.errors > 0 ? ` (${t.errors} error${t.errors === 1 ? '' : 's'})` : ''}`);
  const open = check.document.filter((f) => !f.acknowledged);
  lines.push(`  the document disagrees with itself: ${check.document.length} finding(s), ${open.length} not yet acknowledged${open.length > 0 ? ' (entries to paste into acknowledgments.yaml are in import-report.md)' : ''}`);
  for (const f of open) lines.push(`    ${f.at}: ${f.message}: expected ${f.expected ?? '(none)'}, found ${f.found ?? '(none)'}`);
  lines.push(`  the importer is unsure: ${check.unsure.length}`);
  for (const u of check.unsure) lines.push(`    ${where(u.line, u.page)}${u.message}`);
  return lines;
}
