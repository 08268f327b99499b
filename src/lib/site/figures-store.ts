import type { FilingSummary } from '../records/filing-loader.ts';
import { loadFiling, type Filing } from '../records/load-filing.ts';
import { filingFigures, type FilingFigures } from './filing-figures.ts';

/**
 * The figures of every filing, read once per build: the home, region,
 * region-year and department pages all ask for them, and a record is read
 * whole to get them. Kept apart from collection.ts, whose hand-over serves
 * each filing's own pages exactly once; the figures are a few hundred bytes
 * a filing and stay for the build.
 */
const cache = new Map<string, { summary: FilingSummary; figures: FilingFigures }>();

/** A whole record, for a page other than the filing's own (the 预算与决算 view). */
export function readRecord(summary: FilingSummary): Filing {
  return loadFiling(summary.read.folder, { root: summary.read.root });
}

export function figuresOf(summary: FilingSummary): FilingFigures {
  const hit = cache.get(summary.dir);
  // `astro dev` hands new summaries after a record changes: read it afresh, as collection.ts does.
  if (hit && (hit.summary === summary || !import.meta.env.DEV)) return hit.figures;
  const figures = filingFigures(readRecord(summary));
  cache.set(summary.dir, { summary, figures });
  return figures;
}
