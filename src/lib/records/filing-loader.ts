import { join, relative, sep } from 'node:path';
import type { Loader } from 'astro/loaders';
import { z } from 'zod';
import { FILING_FILE } from './schema/filing.ts';
import { loadAll } from './load-all.ts';
import { loadDeclaration } from './load-filing.ts';
import { RecordError, formatProblem } from './record-error.ts';
import { filingSchema, type FilingDeclaration } from './schema/filing.ts';
import { glossaryEntrySchema } from './schema/section.ts';
import { filingId } from './filing-path.ts';
import { PROJECT_ROOT, contentRoot } from './paths.ts';

/**
 * What the content store keeps of a filing: what the catalog, breadcrumbs,
 * lists and the glossary page need. Tables, projects and texts stay on disk
 * and are read when the filing's own pages render (collection.ts): with
 * thousands of filings, a store holding whole records took minutes to
 * serialise and kept gigabytes on the heap through the whole render.
 */
export const filingSummarySchema = filingSchema.pick({ title: true, kind: true, year: true, region: true, department: true, unit: true }).extend({
  id: z.string().min(1),
  /** Folder of the record, relative to the project root, with forward slashes. */
  dir: z.string().min(1),
  /**
   * Where the pages read the whole record again: the absolute folder and the
   * project root `dir` is relative to. Taken when content syncs, because the
   * bundled page code cannot locate the project from its own URL.
   */
  read: z.object({ folder: z.string().min(1), root: z.string().min(1) }),
  /** Every 名词解释 entry of the filing, in source order. */
  glossary: z.array(glossaryEntrySchema),
});
export type FilingSummary = z.infer<typeof filingSummarySchema>;

/** The summary of a record: its identity and every 名词解释 entry of its sections, in source order. */
export function filingSummary(
  f: Pick<FilingDeclaration, 'title' | 'kind' | 'year' | 'region' | 'department' | 'unit' | 'sections'> & { id: string; dir: string },
  root: string,
): FilingSummary {
  const { id, dir, title, kind, year, region, department, unit } = f;
  const glossary = f.sections.flatMap((s) => [s, ...s.subsections]).flatMap((p) => p.blocks.flatMap((b) => b.glossary ?? []));
  return { id, dir, read: { folder: join(root, dir), root }, title, kind, year, region, department, unit, glossary };
}

/**
 * The summary from `filing.yaml` alone, validated by the record's own schema.
 * The rest of the folder is validated by `loadFiling` when the checks run
 * (they stop a build before content sync) and again when the pages render.
 */
function readSummary(dir: string, root: string, contentRoot: string): FilingSummary {
  const file = relative(root, join(dir, FILING_FILE)).split(sep).join('/');
  const declaration = loadDeclaration(dir, root);
  const id = filingId(declaration);
  const actual = relative(contentRoot, dir).split(sep).join('/');
  if (actual !== id) throw new RecordError([{ file, field: 'region / department / year / kind', message: `the folder does not match the record: the folder is ${actual}` }]);
  return filingSummary({ ...declaration, id, dir: relative(root, dir).split(sep).join('/') }, root);
}

/**
 * Content-layer loader for filing folders. A filing is a folder (YAML + CSV +
 * Markdown), not a single file, so the glob loader does not fit.
 */
export function filingLoader(): Loader {
  return {
    name: 'gongkai-filings',
    schema: filingSummarySchema,
    load: async ({ store, logger, parseData, generateDigest }) => {
      const root = contentRoot();
      const { records: summaries, problems } = loadAll(PROJECT_ROOT, root, (dir) => readSummary(dir, PROJECT_ROOT, root));
      if (problems.length > 0) {
        throw new Error(`${problems.length} problem(s) in the filing records:\n${problems.map(formatProblem).join('\n')}`);
      }
      store.clear();
      for (const summary of summaries) {
        const data = await parseData({ id: summary.id, data: summary });
        store.set({ id: summary.id, data, digest: generateDigest(data) });
      }
      logger.info(`loaded ${summaries.length} filing(s)`);
    },
  };
}
