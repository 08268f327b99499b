import type { Filing } from '../records/load-filing.ts';
import type { FilingKind } from '../records/schema/filing.ts';
import type { Table } from '../records/schema/table.ts';
import { FILING_FILE } from '../records/schema/filing.ts';
import type { Finding, Severity } from './finding.ts';
import { Units } from './unit-reading.ts';

/**
 * One check. Its severity is part of the rule, so the policy (docs/checks.md)
 * is stated once: a rule is either an error that stops the build or a warning
 * published in the 数据核对 section.
 */
export interface RuleInfo {
  id: string;
  severity: Severity;
  /** What the rule checks, in Chinese, shown with its findings on the page. */
  description: string;
  /** The kinds of filing it checks (a 预算's identities are not a 决算's); every kind when absent. */
  kinds?: readonly FilingKind[];
}

export interface Rule extends RuleInfo {
  check(filing: Filing, out: FindingList): void;
}

/** A cell of a table: 0-based data row and column. */
export interface CellRef {
  table: Table;
  row: number;
  column: number;
}

type Detail = Pick<Finding, 'expected' | 'found' | 'message'>;

/**
 * Collects the findings of one filing with the location fields filled in
 * consistently, and compares figures of different tables and the text in
 * the units they are read in (`units`).
 */
export class FindingList {
  readonly items: Finding[] = [];
  constructor(
    readonly filing: Filing,
    readonly units: Units = new Units(filing),
  ) {}

  /** A finding about one cell; `at` is `table:row N:header/path`. */
  cell(rule: RuleInfo, ref: CellRef, detail: Detail): void {
    const column = ref.table.columns[ref.column]!.header.join('/');
    const line = ref.table.lines[ref.row];
    this.push(rule, {
      file: `${this.filing.dir}/${ref.table.csv}`,
      table: ref.table.id,
      row: ref.row + 1,
      ...(line === undefined ? {} : { line }),
      column,
      at: `${ref.table.id}:row ${ref.row + 1}:${column}`,
      ...detail,
    });
  }

  /**
   * A finding about a whole table, or about a standard table that is missing
   * (`at` = `tables:<key>`). It points at the table's declaration in
   * filing.yaml, or with `in: 'rows'` at its CSV, where a missing row is mended.
   */
  table(rule: RuleInfo, at: { table: Table; in?: 'declaration' | 'rows' } | { missing: string }, detail: Detail): void {
    if ('table' in at) {
      const file = at.in === 'rows' ? at.table.csv : FILING_FILE;
      this.push(rule, { file: `${this.filing.dir}/${file}`, table: at.table.id, at: at.table.id, ...detail });
    } else {
      this.push(rule, { file: `${this.filing.dir}/${FILING_FILE}`, at: `tables:${at.missing}`, ...detail });
    }
  }

  /** A finding about a figure stated in the 情况说明 (`at` = `statedFigures.<key>`). */
  statedFigure(rule: RuleInfo, key: string, detail: Detail): void {
    this.push(rule, { file: `${this.filing.dir}/${FILING_FILE}`, at: `statedFigures.${key}`, ...detail });
  }

  /**
   * A finding about a figure printed in a section's text that `statedFigures`
   * does not declare (prose-figures.ts): at its Markdown file and line, under
   * the `at` its entry would have (`statedFigures.<key>`).
   */
  text(rule: RuleInfo, key: string, place: { file: string; line: number }, detail: Detail): void {
    this.push(rule, { file: `${this.filing.dir}/${place.file}`, line: place.line, at: `statedFigures.${key}`, ...detail });
  }

  /** A finding about the filing as a whole. */
  filingLevel(rule: RuleInfo, at: string, detail: Detail, file: string = FILING_FILE): void {
    this.push(rule, { file: `${this.filing.dir}/${file}`, at, ...detail });
  }

  private push(rule: RuleInfo, fields: Omit<Finding, 'rule' | 'severity' | 'filing'>): void {
    this.items.push({ rule: rule.id, severity: rule.severity, filing: this.filing.id, ...fields });
  }
}
