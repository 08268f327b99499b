import type { Measurement } from './measure.ts';

/**
 * Where the time of `npm run build` went, from its log: the compile step and
 * the output integrations time themselves; the Astro part is measured between
 * the lines that open and close it (its start, beside the compile step, content
 * sync and bundling; then the pages).
 */
export function buildPhases(log: Measurement['log']): { phase: string; ms: number }[] {
  const at = (pattern: RegExp) => log.find((l) => pattern.test(l.line))?.at;
  const timed = (pattern: RegExp) => {
    const match = log.map((l) => pattern.exec(l.line)).find(Boolean);
    return match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : undefined;
  };
  const astroStarts = at(/\[gongkai:checks\]/);
  const pagesStart = at(/generating static routes/i);
  const pagesDone = log.find((l) => pagesStart !== undefined && l.at > pagesStart && /✓ Completed in/.test(l.line))?.at;
  const phases: [string, number | undefined][] = [
    ['compile', timed(/^build: \d+ filing\(s\) checked in (\d+) (ms)/)],
    ['Astro: from its start (beside the compile step) through content sync and bundling', pagesStart !== undefined && astroStarts !== undefined ? pagesStart - astroStarts : undefined],
    ['Astro: pages', pagesDone !== undefined && pagesStart !== undefined ? pagesDone - pagesStart : undefined],
    ['open data, after the pages (made beside them)', timed(/Wrote the open data of .* in (\d+) (ms) after the pages/)],
    ['… of which waiting for the open data and search index writers', timed(/after them, (\d+) (ms) waiting for the writers/)],
    ['search index (beside the pages)', timed(/search index: .* in (\d+) (ms)/)],
    ['open data of the filings (beside the pages)', timed(/Filing data: .* bulk zip\(s\) in (\d+) (ms)/)],
    ['Pagefind', timed(/Pagefind took ([\d.]+) (ms|s)/) ?? timed(/Pagefind: .* its bundle linked in ([\d.]+) (ms|s)/)],
    ['astro build, the whole process (started beside the compile step)', timed(/replaced by the new site \(astro build (\d+) (ms)/)],
    ['after astro build: the writers joined, the new site put in place (the replaced one is removed in the background)', timed(/ms, then (\d+) (ms) to join its writers/)],
  ];
  return phases.flatMap(([phase, ms]) => (ms === undefined ? [] : [{ phase, ms }]));
}
