import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The project root, whichever script or test imports this; in pages bundled
 * by Astro (whose module sits in a staging folder) astro.config.mjs names it.
 */
export const PROJECT_ROOT = process.env['GONGKAI_PROJECT_ROOT'] ?? fileURLToPath(new URL('../../../', import.meta.url));

/** Where filing records live. `GONGKAI_CONTENT` points the build at another tree (fixtures, benchmarks). */
export function contentRoot(): string {
  return process.env['GONGKAI_CONTENT'] ?? join(PROJECT_ROOT, 'content', 'filings');
}
