import type { Loader } from 'astro/loaders';
import { buildManifest, manifestWritten } from '../compile/build-manifest.ts';
import { filingHeadSchema, type FilingHead } from '../compile/compiled.ts';

/** What the content collection holds of a filing: its compiled head (compile/compiled.ts). */
export type FilingSummary = FilingHead;

/**
 * Content-layer loader for the filings of this build: the heads the compile
 * step checked (compile/build-manifest.ts), keyed by the hash of their
 * folder's contents, so an unchanged filing keeps its digest from build to
 * build and its entry as the last build left it (a head is a function of
 * the hash): only the new and changed are parsed and set. Nothing is read
 * from the filing folders here.
 */
export function filingLoader(): Loader {
  return {
    name: 'gongkai-filings',
    schema: filingHeadSchema,
    load: async ({ store, logger, parseData }) => {
      await manifestWritten();
      const { manifest } = buildManifest();
      const ids = new Set(manifest.heads.map((head) => head.id));
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      let kept = 0;
      for (const head of manifest.heads) {
        if (store.get(head.id)?.digest === head.hash) {
          kept++;
          continue;
        }
        const data = await parseData({ id: head.id, data: head });
        store.set({ id: head.id, data, digest: head.hash });
      }
      logger.info(`loaded ${manifest.heads.length} compiled filing(s), ${kept} of them unchanged since the last build`);
    },
  };
}
