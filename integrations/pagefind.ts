import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefindService from 'pagefind';

/**
 * Builds the Pagefind search index of the finished site (Starlight's pattern):
 * only the `data-pagefind-body` of filing pages is indexed, and figures are
 * kept out of it by `data-pagefind-ignore` on numeric cells.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'gongkai:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('gongkai:pagefind');
        // The benchmark measures Pagefind on its own, after the build.
        if (process.env['GONGKAI_PAGEFIND'] === 'off') return log.info('Skipped (GONGKAI_PAGEFIND=off).');
        await runPagefind(dir, log);
      },
    },
  };
}

async function runPagefind(dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const start = performance.now();
  try {
    logger.info('Running Pagefind…');
    const { index } = assertResponse(await pagefindService.createIndex(), logger);
    const { page_count } = assertResponse(await index.addDirectory({ path: fileURLToPath(dir) }), logger);
    logger.info(`Indexed ${page_count} pages in ${elapsed(start)}.`);
    const written = performance.now();
    assertResponse(await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) }), logger);
    logger.info(`Wrote the index in ${elapsed(written)}; Pagefind took ${elapsed(start)} in all.`);
  } catch (cause) {
    throw new Error('Failed to run Pagefind.', { cause });
  } finally {
    await pagefindService.close();
  }
}

function assertResponse<T extends { errors: string[] }>(response: T, logger: AstroIntegrationLogger): Required<T> {
  if (response.errors.length > 0) {
    for (const error of response.errors) logger.error(`Pagefind: ${error}`);
    throw new Error(`Pagefind reported ${response.errors.length} error(s): ${response.errors.join('; ')}`);
  }
  return response as Required<T>;
}

function elapsed(since: number): string {
  const ms = performance.now() - since;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
