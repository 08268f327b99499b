/**
 * `node --import tsx scripts/pagefind.ts --site dist`
 *
 * Writes the Pagefind bundle of the search page's filters into a site built
 * with `GONGKAI_PAGEFIND=off`, as the Astro build does at its end: the
 * benchmark runs it on its own to measure it. The filings are those of the
 * build's manifest when GONGKAI_COMPILED names one, else those the compile
 * step finds under the content root (taken from the compiled store when
 * unchanged); its log line `Pagefind took …` times Pagefind alone.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFilterIndex } from '../integrations/pagefind.ts';
import { MANIFEST_ENV, buildManifest } from '../src/lib/compile/build-manifest.ts';
import { compileAll } from '../src/lib/compile/compile-all.ts';
import { PROJECT_ROOT, contentRoot } from '../src/lib/records/paths.ts';

const USAGE = 'usage: node --import tsx scripts/pagefind.ts --site <built site>';
const { values } = (() => {
  try {
    return parseArgs({ strict: true, options: { site: { type: 'string' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
if (!values.site) {
  console.error(USAGE);
  process.exit(2);
}
const heads = process.env[MANIFEST_ENV] ? buildManifest().manifest.heads : (await compileAll(PROJECT_ROOT, contentRoot())).heads;
await buildFilterIndex(resolve(values.site), heads, { info: (m) => console.log(m), error: (m) => console.error(m) });
console.log(`Indexed ${heads.length} filings into /pagefind/`);
