/**
 * A finding of the checks. `error` stops the build; `warning` is published
 * in the filing's 数据核对 section. An error that the record acknowledges
 * (acknowledgments.yaml: the published source itself says so) is shown as a
 * warning with `acknowledged` set.
 */
export type Severity = 'error' | 'warning';

export interface Finding {
  /** Rule id, e.g. `column-sum`, `cross-table`, `stated-figure`. */
  rule: string;
  severity: Severity;
  /** Filing id (河北省/…/2024-预算). */
  filing: string;
  /** File of the record the finding points into, relative to the project root. */
  file: string;
  /** Table id, when the finding is about a table. */
  table?: string;
  /** 1-based data row of that table (CSV line is in `line`). */
  row?: number;
  line?: number;
  /** Column header path joined with '/'. */
  column?: string;
  /** Stable location string used by acknowledgments: `income-summary:row 5:合计`. */
  at: string;
  expected?: string;
  found?: string;
  /** One sentence in Chinese for the page, e.g. 合计 不等于 各类之和. */
  message: string;
  acknowledged?: { note: string };
}
