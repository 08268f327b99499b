import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project root, whichever script or test imports this. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where filing records live. `GONGKAI_CONTENT` points the build at another tree (fixtures, benchmarks). */
export function contentRoot(): string {
  return process.env['GONGKAI_CONTENT'] ?? join(PROJECT_ROOT, 'content', 'filings');
}
