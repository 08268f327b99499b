import type { Loader } from 'astro/loaders';
import { loadAllFilings } from './load-filing.ts';
import { formatProblem } from './record-error.ts';
import { PROJECT_ROOT, contentRoot } from './paths.ts';

/**
 * Content-layer loader for filing folders. A filing is a folder (YAML + CSV +
 * Markdown), not a single file, so the glob loader does not fit; validation
 * is the same `loadFiling` that the CLIs use, so every tool reports a broken
 * record with the same message.
 */
export function filingLoader(): Loader {
  return {
    name: 'gongkai-filings',
    load: async ({ store, logger }) => {
      const { filings, problems } = loadAllFilings(PROJECT_ROOT, contentRoot());
      if (problems.length > 0) {
        throw new Error(`${problems.length} problem(s) in the filing records:\n${problems.map(formatProblem).join('\n')}`);
      }
      store.clear();
      for (const filing of filings) store.set({ id: filing.id, data: filing as unknown as Record<string, unknown> });
      logger.info(`loaded ${filings.length} filing(s)`);
    },
  };
}
