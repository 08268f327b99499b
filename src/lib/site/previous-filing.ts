import type { FilingSummary } from '../records/filing-loader.ts';
import { departmentId } from '../records/filing-path.ts';
import { loadFiling } from '../records/load-filing.ts';
import { headline } from './headline.ts';
import { headlineFigures, type HeadlineFigures } from './headline-change.ts';

type Identity = Pick<FilingSummary, 'id' | 'region' | 'department' | 'year' | 'kind'>;

/**
 * For each filing, the same department's latest earlier filing of the same
 * kind (the 2023 预算 for the 2024 预算), by filing id. One pass over the
 * portal's filings with a map by department: cheap at 10,000 filings.
 */
export function previousFilings<T extends Identity>(filings: readonly T[]): Map<string, T> {
  const byDepartment = new Map<string, T[]>();
  for (const f of filings) {
    const key = `${departmentId(f)}\u0000${f.kind}`;
    const list = byDepartment.get(key);
    if (list) list.push(f);
    else byDepartment.set(key, [f]);
  }
  const previous = new Map<string, T>();
  for (const list of byDepartment.values()) {
    list.sort((a, b) => a.year - b.year);
    list.forEach((f, i) => {
      const before = list.slice(0, i).findLast((p) => p.year < f.year);
      if (before) previous.set(f.id, before);
    });
  }
  return previous;
}

/**
 * Headline figures of the filings rendered so far, by id: pages render in
 * id order, so a department's earlier year has usually been rendered, and
 * its few figures are all a later year needs. Kept for the whole build: a
 * few hundred bytes a filing.
 */
const seen = new Map<string, HeadlineFigures>();

export function rememberHeadline(id: string, figures: HeadlineFigures): void {
  seen.set(id, figures);
}

/** The headline figures of a filing: remembered, or read from its record when its page has not been rendered yet. */
export function headlineFiguresOf(summary: FilingSummary): HeadlineFigures {
  let figures = seen.get(summary.id);
  if (!figures) {
    figures = headlineFigures(headline(loadFiling(summary.read.folder, { root: summary.read.root })));
    seen.set(summary.id, figures);
  }
  return figures;
}
