import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, splitIntoBundles } from '../../integrations/pagefind.ts';

const quiet = { info: () => {}, error: () => {} };
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built site in miniature: a search page and one filing page per department name. */
function site(departments: string[], searchPage = '<div id="gk-search" data-merge-bundles="[]"></div>'): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-search-index-'));
  made.push(dir);
  mkdirSync(join(dir, 'search'));
  writeFileSync(join(dir, 'search', 'index.html'), `<!doctype html><html lang="zh-CN"><body>${searchPage}</body></html>`);
  for (const [i, name] of departments.entries()) {
    const filing = join(dir, '河北省', name, '2024-预算');
    mkdirSync(join(filing, 'print'), { recursive: true });
    const body = `<main data-pagefind-body><h1 data-pagefind-meta="title">${name}</h1><p>第${i}份 就业补助</p><table><thead><tr><th>栏次</th></tr></thead></table></main>`;
    writeFileSync(join(filing, 'index.html'), `<!doctype html><html lang="zh-CN"><body>${body}</body></html>`);
    writeFileSync(join(filing, 'print', 'index.html'), `<!doctype html><html lang="zh-CN"><body>${body}</body></html>`);
  }
  return dir;
}

describe('splitIntoBundles', () => {
  const sizes = (n: number, per: number, atOnce: number) => splitIntoBundles(Array.from({ length: n }, (_, i) => i), per, atOnce).map((b) => b.length);

  it('makes the fewest bundles of at most the given size, of even size', () => {
    expect(sizes(1000, 1000, 1)).toEqual([1000]);
    expect(sizes(1001, 1000, 1)).toEqual([501, 500]);
    expect(sizes(5004, 1000, 1)).toEqual([834, 834, 834, 834, 834, 834]);
    expect(sizes(1003, 500, 1)).toEqual([335, 335, 333]);
    expect(sizes(0, 1000, 1)).toEqual([0]);
  });

  it('makes a multiple of the bundles indexed at once, unless one is enough', () => {
    expect(sizes(1003, 500, 2)).toEqual([251, 251, 251, 250]);
    expect(sizes(1000, 500, 2)).toEqual([500, 500]);
    expect(sizes(400, 500, 2)).toEqual([400]);
  });

  it('makes no empty bundle when the pages run out first', () => {
    expect(sizes(5, 1, 2)).toEqual([1, 1, 1, 1, 1]);
    expect(sizes(7, 2, 2)).toEqual([2, 2, 2, 1]);
  });
});

describe('buildSearchIndex', () => {
  it('indexes every filing page once, in bundles, even when its path holds glob syntax', async () => {
    // Each name holds characters that mean something in Pagefind's glob syntax.
    const names = ['1-a,b', '2-{c}', '3-[d]', '4-e*?', '5-(f)!', '6-$g:h', '7-<i>', '8-人力资源（社保）'];
    const dir = site(names);
    const summary = await buildSearchIndex(dir, quiet, 2);
    expect(summary).toEqual({ pages: 8, bundles: ['/pagefind/', '/pagefind/2/', '/pagefind/3/', '/pagefind/4/'] });
    for (const bundle of summary.bundles) expect(existsSync(join(dir, bundle, 'pagefind-entry.json'))).toBe(true);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([2]);
    // Only the first bundle carries the UI; the others are loaded through it.
    expect(readdirSync(join(dir, 'pagefind')).filter((f) => f.endsWith('.js'))).toContain('pagefind-ui.js');
    expect(readdirSync(join(dir, 'pagefind', '2')).filter((f) => /\.(js|css)$|^wasm/.test(f))).toEqual([]);
    expect(readFileSync(join(dir, 'search', 'index.html'), 'utf8')).toContain('data-merge-bundles="[&quot;/pagefind/2/&quot;,&quot;/pagefind/3/&quot;,&quot;/pagefind/4/&quot;]"');
  });

  it('starts afresh: bundles of an earlier, larger index are removed', async () => {
    const dir = site(['1-a', '2-b']);
    await buildSearchIndex(dir, quiet, 1);
    expect(existsSync(join(dir, 'pagefind', '2'))).toBe(true);
    const summary = await buildSearchIndex(dir, quiet, 2);
    expect(summary.bundles).toEqual(['/pagefind/']);
    expect(existsSync(join(dir, 'pagefind', '2'))).toBe(false);
    expect(readFileSync(join(dir, 'search', 'index.html'), 'utf8')).toContain('data-merge-bundles="[]"');
  });

  it('fails when the search page has no place for the bundle list', async () => {
    const dir = site(['1-a'], '<div id="gk-search"></div>');
    await expect(buildSearchIndex(dir, quiet)).rejects.toThrow(/data-merge-bundles/);
  });
});
