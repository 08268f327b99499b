import type { AstroIntegration } from 'astro';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filingSegments } from '../src/lib/records/filing-path.ts';
import { loadAllFilings } from '../src/lib/records/load-filing.ts';
import { PROJECT_ROOT, contentRoot } from '../src/lib/records/paths.ts';
import { filingJson, tableCsv } from '../src/lib/site/exports.ts';

/**
 * Writes, beside each filing page, the data behind it (Datasette's pattern):
 * `filing.json` (the whole record), `tables/<id>.csv` (one per table) and the
 * source documents, so every figure can be taken away and traced to its source.
 * Files are written directly rather than as Astro endpoints: a filing has
 * about forty of them, and routing each through the renderer costs more than
 * the page itself.
 */
export function filingExports(): AstroIntegration {
  return {
    name: 'gongkai:exports',
    hooks: {
      'astro:build:done': async ({ dir, logger: parent }) => {
        const logger = parent.fork('gongkai:exports');
        const start = performance.now();
        try {
          const { filings, problems } = loadAllFilings(PROJECT_ROOT, contentRoot());
          if (problems.length > 0) throw new Error(`${problems.length} problem(s) in the filing records`);
          const out = fileURLToPath(dir);
          let files = 0;
          for (const filing of filings) {
            const base = join(out, ...filingSegments(filing));
            await mkdir(join(base, 'tables'), { recursive: true });
            await writeFile(join(base, 'filing.json'), filingJson(filing));
            files++;
            for (const table of filing.tables) {
              await writeFile(join(base, 'tables', `${table.id}.csv`), tableCsv(table));
              files++;
            }
            for (const source of filing.sources) {
              const target = join(base, source.file);
              await mkdir(dirname(target), { recursive: true });
              await copyFile(join(PROJECT_ROOT, filing.dir, source.file), target);
              files++;
            }
          }
          logger.info(`Wrote ${files} files for ${filings.length} filing(s) in ${Math.round(performance.now() - start)} ms.`);
        } catch (cause) {
          throw new Error('Failed to write the JSON and CSV exports.', { cause });
        }
      },
    },
  };
}
