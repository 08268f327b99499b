import type { FilingSummary } from '../records/filing-loader.ts';
import { loadFiling, type Filing } from '../records/load-filing.ts';
import { filingFigures, type FilingFigures } from './filing-figures.ts';

/**
 * The figures of every filing, kept for the build: the home, region,
 * region-year and department pages all ask for them. A filing's own page
 * has its record in hand and remembers them (`rememberFigures`); a page that
 * asks first has the record read for them. They are a few hundred bytes a
 * filing.
 */
const cache = new Map<string, { summary: FilingSummary; figures: FilingFigures }>();

/** A whole record, for a page other than the filing's own (the 预算与决算 view). */
export function readRecord(summary: FilingSummary): Filing {
  return loadFiling(summary.read.folder, { root: summary.read.root });
}

/** Called by a filing's own page with the record it renders, so no other page reads the record again. */
export function rememberFigures(summary: FilingSummary, filing: Pick<Filing, 'kind' | 'tables'>): void {
  cache.set(summary.dir, { summary, figures: filingFigures(filing) });
}

export function figuresOf(summary: FilingSummary): FilingFigures {
  const hit = cache.get(summary.dir);
  // `astro dev` hands new summaries after a record changes: read it afresh, as collection.ts does.
  if (hit && (hit.summary === summary || !import.meta.env.DEV)) return hit.figures;
  const figures = filingFigures(readRecord(summary));
  cache.set(summary.dir, { summary, figures });
  return figures;
}
