import type { Loader } from 'astro/loaders';
import { buildManifest } from '../compile/build-manifest.ts';
import { filingHeadSchema, type FilingHead } from '../compile/compiled.ts';

/** What the content collection holds of a filing: its compiled head (compile/compiled.ts). */
export type FilingSummary = FilingHead;

/**
 * Content-layer loader for the filings of this build: the heads the compile
 * step checked (compile/build-manifest.ts), keyed by the hash of their
 * folder's contents, so an unchanged filing keeps its digest from build to
 * build. Nothing is read from the filing folders here.
 */
export function filingLoader(): Loader {
  return {
    name: 'gongkai-filings',
    schema: filingHeadSchema,
    load: async ({ store, logger, parseData }) => {
      const { manifest } = buildManifest();
      store.clear();
      for (const head of manifest.heads) {
        const data = await parseData({ id: head.id, data: head });
        store.set({ id: head.id, data, digest: head.hash });
      }
      logger.info(`loaded ${manifest.heads.length} compiled filing(s)`);
    },
  };
}
