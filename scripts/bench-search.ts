/**
 * `npm run bench:search -- --filings N [--keep] [--queries K] [--seed S] [--host nginx|node] [--fail-below-targets]`
 *
 * The measuring instrument of issue 14 (docs/search.md): builds a site of N
 * synthetic filings plus the real ones (or with --keep reuses the one built
 * before for the same N and seed), draws a query set from the records,
 * computes the substring ground truth over each filing page's indexed text,
 * runs every query through the built search page in Chromium and prints
 * recall, precision@10, the department's rank, no-result correctness, time
 * to first results cold and warm and bytes per cold query, per kind of query
 * and overall, beside the issue's targets. It exits 0 whatever the figures
 * (it measures), unless --fail-below-targets is given.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadAllFilings } from '../src/lib/records/load-all.ts';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';
import { HOSTS, runInBrowser, type Host } from './bench-search/browser-run.ts';
import { readTextPages, truePages } from './bench-search/ground-truth.ts';
import { spread, summarise, type Outcome } from './bench-search/metrics.ts';
import { bundlePaths } from './bench-search/pagefind-pages.ts';
import { QUERY_KINDS, generateQueries } from './bench-search/queries.ts';
import { kindTable, targetTable, targets, worstExamples } from './bench-search/report.ts';
import { prepareSite } from './bench-search/site.ts';

const USAGE = 'usage: npm run bench:search -- --filings N [--keep] [--queries K] [--seed S] [--host nginx|node] [--fail-below-targets]';
const OPTIONS = {
  filings: { type: 'string', default: '0' },
  keep: { type: 'boolean', default: false },
  queries: { type: 'string', default: '200' },
  seed: { type: 'string', default: '1' },
  host: { type: 'string', default: 'nginx' },
  'fail-below-targets': { type: 'boolean', default: false },
} as const;
const HOST_NAMES: Record<Host, string> = { nginx: 'nginx with deploy/nginx.conf', node: 'the test server (tests/helpers/static-server.ts)' };
const values = (() => {
  try {
    return parseArgs({ strict: true, options: OPTIONS }).values;
  } catch (error) {
    console.error(`bench:search: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
const whole = (name: 'filings' | 'queries' | 'seed', min: number): number => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min) {
    console.error(`bench:search: --${name} expects a whole number of at least ${min}, found "${values[name]}"`);
    process.exit(2);
  }
  return n;
};
const host = HOSTS.find((h) => h === values.host);
if (host === undefined) {
  console.error(`bench:search: --host expects one of ${HOSTS.join(', ')}, found "${values.host}"`);
  process.exit(2);
}
const synthetic = whole('filings', 0);
const queryCount = whole('queries', 1);
const seed = whole('seed', 0);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();

const site = await prepareSite({ synthetic, seed, keep: values.keep, log: (line) => console.log(line) });
try {
  if (site.buildMs !== null) console.log(`bench:search: built in ${seconds(site.buildMs)}`);
  const { queries, truths, filingCount } = queriesAndTruth(site);

  const browsing = performance.now();
  const measured = await runInBrowser(site.siteDir, host, queries.map((q) => q.text), (done) => {
    if (done % 25 === 0 || done === queries.length) console.log(`  ${done}/${queries.length} queries in Chromium, ${seconds(performance.now() - browsing)}`);
  });
  const outcomes: Outcome[] = queries.map((query, i) => ({ query, ...truths[i]!, ...measured[i]! }));

  const summaries = [...QUERY_KINDS.map((kind) => summarise(kind, outcomes.filter((o) => o.query.kind === kind))), summarise('all', outcomes)];
  const all = summaries[summaries.length - 1]!;
  const goals = targets(all);
  console.log(`\n${synthetic} synthetic + ${site.built.real.length} real = ${filingCount} filings (seed ${seed}; built ${site.built.at}, commit ${site.built.commit}); ${bundlePaths(site.siteDir).length} Pagefind bundle(s); ${queries.length} queries; served by ${HOST_NAMES[host]}\n`);
  console.log(kindTable(summaries).join('\n'));
  console.log(`\n${targetTable(goals).join('\n')}\n`);
  const ready = spread(measured.map((m) => m.readyMs));
  const searchBytes = spread(measured.map((m) => m.searchBytes));
  console.log(`cold page: index loaded ${Math.round(ready.median)} ms (median; worst ${Math.round(ready.worst)} ms) after opening /search/, not in the cold time; the search itself fetched ${Math.round(searchBytes.median / 1024)} KB (median; worst ${Math.round(searchBytes.worst / 1024)} KB) of the cold bytes`);
  const differs = (how: string) => measured.filter((m) => m.warmDiffers === how).length;
  console.log(`warm page against cold page: other pages found for ${differs('pages')} queries, the same pages in another order for ${differs('order')} (Pagefind scores with what the page has loaded so far); the figures use the cold results`);
  console.log(notes(host).join('\n'));
  console.log(`\n${worstExamples(outcomes).join('\n')}`);
  console.log(`\nbench:search: ${seconds(performance.now() - started)} in all`);
  if (values['fail-below-targets'] && goals.some((g) => !g.met)) process.exitCode = 1;
} finally {
  if (values.keep) console.log(`bench:search: kept ${site.work}`);
  else rmSync(site.work, { recursive: true, force: true });
}

/**
 * The queries, drawn from the records, and their ground truth over the built
 * pages. A function of its own so that the records and the pages' text
 * (gigabytes at 10,000 filings) are garbage before the queries run. The
 * site is served from a thread of its own (served-site.ts), whose heap this
 * thread's collections do not stop.
 */
function queriesAndTruth(site: { work: string; contentRoot: string; siteDir: string }) {
  const { filings, problems } = loadAllFilings(site.work, site.contentRoot);
  if (problems.length > 0) throw new Error(`bench:search: ${problems.length} record(s) of the benchmark's content could not be read, the first: ${problems[0]!.file}: ${problems[0]!.message}`);
  const reading = performance.now();
  const pages = readTextPages(site.siteDir, filings.map((f) => f.id));
  const queries = generateQueries(filings, { count: queryCount, seed, occurs: (word) => truePages(pages, word, { in: 'visible' }).length > 0 });
  const truths = queries.map((q) => ({ truth: truePages(pages, q.text), visible: truePages(pages, q.text, { in: 'visible' }) }));
  console.log(`bench:search: ${pages.length} filing pages read, ${queries.length} queries and their ground truth in ${seconds(performance.now() - reading)}`);
  return { queries, truths, filingCount: filings.length };
}

/** What the figures include and what they leave out. */
function notes(host: Host): string[] {
  const ui = join(PROJECT_ROOT, 'src', 'lib', 'search', 'search-ui.ts');
  const debounce = existsSync(ui) ? /const DEBOUNCE_MS = (\d+)/.exec(readFileSync(ui, 'utf8'))?.[1] : undefined;
  return [
    `- Not included in the times: the search page's debounce (it waits ${debounce ? `${debounce} ms` : 'a moment'} after the last keystroke before it searches).`,
    '- cold: a new browser context (empty cache) opens /search/ and waits until its index is loaded; the time runs from the search call until the data of the first 10 results are in.',
    '- warm: the same on one page opened once at the start, which has served every query before this one (its index loaded, earlier queries\' chunks cached).',
    `- bytes: everything the browser received, headers included, from opening /search/ to the first 10 results (${host === 'nginx' ? "nginx's $bytes_sent: gzip and headers as deploy/nginx.conf sends them" : 'the test server: no HTTP compression'}); KB = 1,024 bytes.`,
    '- on no page: the query is in no page\'s indexed text (data-pagefind-body without data-pagefind-ignore and table headers); "shown only in ignored parts" counts those a page body shows outside the index.',
  ];
}
