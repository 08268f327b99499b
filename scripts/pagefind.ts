/**
 * `npx tsx scripts/pagefind.ts --site dist [--pages-per-bundle 500]`
 *
 * Builds the search index of a site built with `GONGKAI_PAGEFIND=off`, as the
 * Astro build does at its end: the benchmark runs it on its own to measure it.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PAGES_PER_BUNDLE, buildSearchIndex } from '../integrations/pagefind.ts';

const { values } = parseArgs({
  options: { site: { type: 'string' }, 'pages-per-bundle': { type: 'string', default: String(PAGES_PER_BUNDLE) } },
});
const perBundle = Number(values['pages-per-bundle']);
if (!values.site || !Number.isInteger(perBundle) || perBundle < 1) {
  console.error('usage: npx tsx scripts/pagefind.ts --site <built site> [--pages-per-bundle N]');
  process.exit(2);
}
const summary = await buildSearchIndex(resolve(values.site), { info: (m) => console.log(m), error: (m) => console.error(m) }, perBundle);
console.log(`Indexed ${summary.pages} pages into ${summary.bundles.join(', ')}`);
