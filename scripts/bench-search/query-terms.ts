import { Decimal } from '../../src/lib/records/decimal.ts';
import type { Filing } from '../../src/lib/records/load-filing.ts';
import type { Column, Cell } from '../../src/lib/records/schema/table.ts';
import type { Indicator } from '../../src/lib/records/schema/project.ts';

/** What the query set is drawn from: the parts of a filing record that its page shows. */
export interface TermSource {
  id: string;
  department: Pick<Filing['department'], 'name'>;
  tables: { columns: Pick<Column, 'type'>[]; rows: Cell[][] }[];
  projectList: { name: string; indicators: Pick<Indicator, 'level2' | 'level3'>[] }[];
  /** Markdown of the 情况说明 by path. */
  texts: Record<string, string>;
}

/** The kinds of term a query set holds, which `candidateTerms` draws from the records (phrases and misses are made in queries.ts). */
export type TermKind = 'row-label' | 'indicator' | 'project' | 'department' | 'code' | 'amount' | 'amount-grouped';

/**
 * Numbering and lead-ins a label is printed with and a reader leaves out:
 * 一、 （二） (3) 4. 5、 ① 其中：
 */
const LEAD = /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[①-⑳]|其中[:：])/u;

/** A label or name as a reader types it: without its numbering, lead-in and spaces. */
export function cleanLabel(text: string): string {
  let label = text.replace(/[\s\u3000]+/g, '');
  for (let lead = LEAD.exec(label); lead !== null; lead = LEAD.exec(label)) label = label.slice(lead[0].length);
  return label;
}

/** A term worth typing: at least two characters and not only numbering or punctuation. */
const usable = (term: string) => [...term].length >= 2 && /[\p{L}\p{N}]/u.test(term);

/** Codes of fewer digits (208, 302) are inside most amounts and years: a reader does not search them alone. */
const MIN_CODE_DIGITS = 5;

/** Amounts below this (0.00, 1.20) are inside thousands of other figures and say nothing about one filing. */
const MIN_AMOUNT = new Decimal(100);
/** From here a figure is also typed with a thousands separator (24,487.92). */
const GROUPED_FROM = new Decimal(1000);

/** An amount as the pages print it: two decimals (DataTable, formatAmount). */
export function printedAmount(value: string): string {
  return new Decimal(value).toFixed(2);
}

/** The same amount with a comma between each group of three digits of its whole part. */
export function groupedAmount(printed: string): string {
  const [whole = '', fraction] = printed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function cells(filing: TermSource, type: Column['type']): string[] {
  return filing.tables.flatMap((table) => {
    const at = table.columns.flatMap((column, i) => (column.type === type ? [i] : []));
    return table.rows.flatMap((row) => at.map((i) => row[i]).filter((cell): cell is string => cell !== null && cell !== undefined));
  });
}

/**
 * Every distinct term of each kind in the records, in code-point order (so
 * a seeded sample is the same whatever order the filings were read in).
 */
export function candidateTerms(filings: readonly TermSource[]): Record<TermKind, string[]> {
  const found: Record<TermKind, Set<string>> = {
    'row-label': new Set(),
    indicator: new Set(),
    project: new Set(),
    department: new Set(),
    code: new Set(),
    amount: new Set(),
    'amount-grouped': new Set(),
  };
  const add = (kind: TermKind, term: string) => {
    if (usable(term)) found[kind].add(term);
  };
  for (const filing of filings) {
    add('department', filing.department.name.trim());
    for (const label of cells(filing, 'text')) add('row-label', cleanLabel(label));
    for (const code of cells(filing, 'code')) if (code.length >= MIN_CODE_DIGITS) add('code', code);
    for (const value of cells(filing, 'amount')) {
      const amount = new Decimal(value);
      if (amount.abs().lessThan(MIN_AMOUNT)) continue;
      add('amount', printedAmount(value));
      if (!amount.abs().lessThan(GROUPED_FROM)) add('amount-grouped', groupedAmount(printedAmount(value)));
    }
    for (const project of filing.projectList) {
      add('project', cleanLabel(project.name));
      for (const indicator of project.indicators) add('indicator', cleanLabel(indicator.level3 ?? indicator.level2 ?? ''));
    }
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    'row-label': sorted(found['row-label']),
    indicator: sorted(found.indicator),
    project: sorted(found.project),
    department: sorted(found.department),
    code: sorted(found.code),
    amount: sorted(found.amount),
    'amount-grouped': sorted(found['amount-grouped']),
  };
}

/** A Chinese character, or a whole number as printed (2024, 18010.72): a phrase starts and ends between these, never inside a figure. */
export const PROSE_TOKEN = /\p{Script=Han}|\d+(?:\.\d+)?/gu;

/** Runs of prose a phrase may be cut from: Chinese characters and numbers, never across punctuation, markup or a line break. */
export function proseRuns(filing: TermSource): string[] {
  return Object.keys(filing.texts)
    .sort()
    .flatMap((path) => filing.texts[path]!.match(/(?:\p{Script=Han}|\d+(?:\.\d+)?)+/gu) ?? []);
}

/** The Chinese characters of the records' names and labels, in code-point order: what made-up words are made of. */
export function nameCharacters(terms: Record<TermKind, string[]>): string[] {
  const all = new Set([...terms.department, ...terms['row-label'], ...terms.project, ...terms.indicator].flatMap((t) => t.match(/\p{Script=Han}/gu) ?? []));
  return [...all].sort();
}
