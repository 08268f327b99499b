import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Filing } from '../src/lib/records/load-filing.ts';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';
import { tableCsv } from '../src/lib/site/exports.ts';
import { sourceFileName } from '../src/lib/records/filing-path.ts';

/** The route that writes each filing's `filing.json` (src/pages/[...filing]/filing.json.ts). */
const JSON_ROUTE = '/[...filing]/filing.json';

/**
 * Writes, beside each published `filing.json`, one CSV per table
 * (`tables/<id>.csv`) and the source documents (`source/<file name>`), so
 * every figure can be taken away and traced to its source (Datasette's
 * pattern). They are derived from the JSON the build just wrote rather than
 * rendered as Astro endpoints: a filing has a dozen tables, and routing each
 * through the renderer costs more than the filing page itself.
 */
export function filingExports(): AstroIntegration {
  return {
    name: 'gongkai:exports',
    hooks: {
      'astro:build:done': async ({ assets, logger }) => {
        await writeExports(assets.get(JSON_ROUTE) ?? [], logger.fork('gongkai:exports'));
      },
    },
  };
}

/**
 * Filings written at once: each is a JSON read and a dozen small writes, so
 * with several in flight the file system works while the next JSON is parsed
 * (300 synthetic filings on a shared machine, four runs each: median 3.8 s
 * one at a time, 2.9 s with eight in flight).
 */
const IN_FLIGHT = 8;

async function writeExports(jsonFiles: readonly URL[], logger: AstroIntegrationLogger): Promise<void> {
  const start = performance.now();
  let written = 0;
  let next = 0;
  const writeNext = async (): Promise<void> => {
    while (next < jsonFiles.length) {
      const count = await writeFilingExports(jsonFiles[next++]!);
      written += count;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, jsonFiles.length) }, writeNext));
    logger.info(`Wrote ${written} CSV tables and source documents for ${jsonFiles.length} filing(s) in ${Math.round(performance.now() - start)} ms.`);
  } catch (cause) {
    throw new Error('Failed to write the CSV and source exports.', { cause });
  }
}

/** The CSVs and source documents beside one filing.json; the number of files written. */
async function writeFilingExports(url: URL): Promise<number> {
  const file = fileURLToPath(url);
  const folder = dirname(file);
  const filing = JSON.parse(await readFile(file, 'utf8')) as Filing;
  if (filing.tables.length > 0) await mkdir(join(folder, 'tables'), { recursive: true });
  if (filing.sources.length > 0) await mkdir(join(folder, 'source'), { recursive: true });
  await Promise.all([
    ...filing.tables.map((table) => writeFile(join(folder, 'tables', `${table.id}.csv`), tableCsv(table))),
    ...filing.sources.map((source) => copyFile(join(PROJECT_ROOT, filing.dir, source.file), join(folder, 'source', sourceFileName(source.file)))),
  ]);
  return filing.tables.length + filing.sources.length;
}
