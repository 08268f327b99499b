import type { Finding } from '../../lib/checks/finding.ts';
import type { PageTerms } from '../../lib/site/page-terms.ts';
import type { FilingRows } from '../../lib/site/previous-year.ts';

/** What every part of a filing's body needs besides the record: captions, findings, the headline's cell ids, the glossary terms by place. */
export interface BodyContext {
  /** Department and year, the second line of every caption. */
  caption: string;
  findings: readonly Finding[];
  /** Ids of the cells the headline links to, by table id and `row:column`. */
  anchors: ReadonlyMap<string, ReadonlyMap<string, string>>;
  terms: PageTerms;
  /** Every Markdown text of the filing as sanitised HTML, by its path (rendered by the compile step). */
  html: Readonly<Record<string, string>>;
  /** The department's previous filing of the same kind, for 上年数 and 增减 beside classified rows (set by the filing page). */
  previousYear?: { label: string; rows: FilingRows } | undefined;
}
