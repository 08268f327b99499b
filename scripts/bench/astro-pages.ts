import { stripVTControlCharacters } from 'node:util';

/**
 * The pages of an Astro build's log, rendered and copied from its
 * incremental cache. Astro writes a page's path, then `(cached)` or
 * `(restored)` at once for a copied page, or its time `(+12ms)` once it is
 * rendered; with `build.concurrency` above 1 the times of rendered pages
 * come after other pages' paths, on no line of their own, so the log is
 * read as a run of entries, not of lines. Colours (CI=true) are dropped.
 */
const ENTRY = /[├└]─ \/(\S*?)(?=\s|\d\d:\d\d:\d\d|$)( \((?:cached|restored)\))?/g;

export function astroPages(log: string): { rendered: string[]; copied: string[] } {
  const rendered: string[] = [];
  const copied: string[] = [];
  for (const [, path, cached] of stripVTControlCharacters(log).matchAll(ENTRY)) {
    const page = path!.replace(/index\.html$/, '');
    (cached ? copied : rendered).push(page);
  }
  return { rendered: rendered.sort(), copied: copied.sort() };
}
