import { appendFileSync, cpSync, linkSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { TSX, fingerprint, isolatedProject, type IsolatedProject } from '../checks/isolated-build.ts';
import { astroPages } from '../../scripts/bench/astro-pages.ts';

/**
 * Issue 12: a new or changed filing rebuilds only what shows it. A portal
 * built without 霸州市's filing, then rebuilt with it added (its glossary
 * terms are all 广阳区's too, so no other page gains a link) and with a
 * paragraph added to 永清县's text: the rebuild compiles only those two
 * filings, renders only their pages, their departments' and their regions',
 * copies every other page from the last build, links the unchanged filings'
 * open data, and gives the same site, file for file, as a build from
 * scratch in another project.
 */

const CONTENT = join(PROJECT_ROOT, 'content', 'filings');
const PUTUO = '上海市/普陀区/财政局/2024-决算';
const BAZHOU = '河北省/廊坊市/霸州市/805-人力资源和社会保障局/2021-预算';
const GUANGYANG = '河北省/廊坊市/广阳区/233-人力资源和社会保障局/2020-预算';
const FUNING = '河北省/秦皇岛市/抚宁区/劳动保障和人事/2020-预算';

/** The pages that show something of every filing (the home page's lists, the glossary, the site map): rendered every time. */
const PORTAL_PAGES = ['', '404.html', 'about/', 'glossary/', 'robots.txt', 'search/', 'sitemap/'];

/** The pages that show only these filings: each one's page and its department's. */
const keyedPages = (filings: readonly string[]) => filings.flatMap((id) => [`${id}/`, `${id.split('/').slice(0, -1).join('/')}/`]).sort();
const YONGQING = '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算';

/** A build's lines without the colours Astro gives them where it thinks a terminal shows them (CI=true). */
const lines = (log: string) => stripVTControlCharacters(log).split('\n');

/** The pages Astro copied from its last build instead of rendering them, and those it rendered. */
const copied = (log: string) => astroPages(log).copied;
const rendered = (log: string) => astroPages(log).rendered;
const compileLine = (log: string) => lines(log).find((line) => line.startsWith('build: ') && line.includes('checked in'))!.replace(/ in \d+ ms/, '');

describe('a rebuild after one filing is added and another changed', () => {
  let project: IsolatedProject;
  let scratch: IsolatedProject;
  let content: string;
  const logs: Record<string, string> = {};
  const firstPages: Record<string, string> = {};
  const build = (p: IsolatedProject, dir: string) => {
    const result = p.run([...TSX, 'scripts/build.ts', '--outDir', dir], content);
    if (result.status !== 0) throw new Error(`the build failed:\n${result.output}`);
    return result.output;
  };

  beforeAll(() => {
    process.env['SOURCE_DATE_EPOCH'] = '1735689600';
    project = isolatedProject();
    scratch = isolatedProject();
    content = join(project.dir, 'records', 'filings');
    cpSync(CONTENT, content, { recursive: true });
    const bazhou = join(project.dir, 'bazhou');
    cpSync(join(content, BAZHOU), bazhou, { recursive: true });
    rmSync(join(content, BAZHOU), { recursive: true });
    logs['first'] = build(project, join(project.dir, 'site'));
    // Second names for the first site's page of a filing that changes and of one that does not: they keep its files' inodes.
    for (const [id, name] of [[YONGQING, 'yongqing.html'], [PUTUO, 'putuo.html']] as const) {
      linkSync(join(project.dir, 'site', ...id.split('/'), 'index.html'), join(project.dir, name));
      firstPages[name] = readFileSync(join(project.dir, name), 'utf8');
    }
    // Second names for the first site's search fragments of 抚宁区's filing, which 霸州市's comes before in id order.
    const fragments = (site: string) => join(site, 'search', 'data', 'f');
    const funing = (JSON.parse(readFileSync(join(project.dir, 'site', 'search', 'data', 'docs.json'), 'utf8')) as string[]).indexOf(FUNING);
    mkdirSync(join(project.dir, 'funing'));
    for (let group = 0; group < 4; group++) linkSync(join(fragments(join(project.dir, 'site')), `${funing * 4 + group}.bin`), join(project.dir, 'funing', `${group}.bin`));
    cpSync(bazhou, join(content, BAZHOU), { recursive: true });
    appendFileSync(join(content, YONGQING, 'sections', 'duties.md'), '\n补充说明：本段为测试追加的文字。\n');
    logs['rebuild'] = build(project, join(project.dir, 'site'));
    logs['scratch'] = build(scratch, join(scratch.dir, 'site'));
  }, 600_000);
  afterAll(() => {
    delete process.env['SOURCE_DATE_EPOCH'];
    project?.remove();
    scratch?.remove();
  });

  it('compiles only the new and the changed filing, and renders their pages, their departments and regions, and the pages of the whole portal', () => {
    expect(copied(logs['first']!)).toEqual([]);
    expect(compileLine(logs['rebuild']!)).toBe('build: 5 filing(s) checked (2 compiled, 3 unchanged since an earlier compile)');
    // 霸州市 brings the year 2021 to 河北省 and 廊坊市: each of their year pages links to it.
    expect(rendered(logs['rebuild']!)).toEqual(
      [
        ...PORTAL_PAGES,
        ...['河北省/', '河北省/2020年/', '河北省/2021年/', '河北省/2024年/', '河北省/廊坊市/', '河北省/廊坊市/2020年/', '河北省/廊坊市/2021年/', '河北省/廊坊市/2024年/'],
        ...['河北省/廊坊市/霸州市/', '河北省/廊坊市/霸州市/2021年/', '河北省/廊坊市/永清县/', '河北省/廊坊市/永清县/2024年/'],
        ...keyedPages([BAZHOU, YONGQING]),
      ].sort(),
    );
    expect(copied(logs['rebuild']!)).toEqual(
      [
        ...keyedPages([PUTUO, GUANGYANG, FUNING]),
        ...['上海市/', '上海市/2024年/', '上海市/普陀区/', '上海市/普陀区/2024年/', '河北省/廊坊市/广阳区/', '河北省/廊坊市/广阳区/2020年/'],
        ...['河北省/秦皇岛市/', '河北省/秦皇岛市/2020年/', '河北省/秦皇岛市/抚宁区/', '河北省/秦皇岛市/抚宁区/2020年/'],
      ].sort(),
    );
    // The open data of the three unchanged filings is linked from the site being replaced, not written again.
    expect(stripVTControlCharacters(logs['rebuild']!)).toMatch(/Filing data: 5 filing\(s\), 3 of them unchanged and linked from the site being replaced, 5 bulk zip\(s\) in \d+ ms/);
  });

  it("starts from the replaced site's pages, linked, and renders a changed page into a file of its own, leaving that site's as it was", () => {
    const page = (site: string, id: string) => join(site, ...id.split('/'), 'index.html');
    const rebuilt = join(project.dir, 'site');
    expect(stripVTControlCharacters(logs['rebuild']!)).toMatch(/\[gongkai:carried-pages\] 33 of 33 page\(s\) of \S+ linked as the new site's start/);
    // Unchanged: the very file the first build wrote, neither rendered nor copied.
    expect(statSync(page(rebuilt, PUTUO)).ino).toBe(statSync(join(project.dir, 'putuo.html')).ino);
    // Changed: a new file with the new text; the first site's file still holds the first text.
    expect(statSync(page(rebuilt, YONGQING)).ino).not.toBe(statSync(join(project.dir, 'yongqing.html')).ino);
    expect(readFileSync(page(rebuilt, YONGQING), 'utf8')).toContain('补充说明：本段为测试追加的文字。');
    expect(readFileSync(join(project.dir, 'yongqing.html'), 'utf8')).toBe(firstPages['yongqing.html']);
    expect(firstPages['yongqing.html']).not.toContain('补充说明：本段为测试追加的文字。');
  });

  it("links the search index's files the replaced site holds byte for byte, at their place or another", () => {
    const data = join(project.dir, 'site', 'search', 'data');
    const ids = JSON.parse(readFileSync(join(data, 'docs.json'), 'utf8')) as string[];
    expect(ids.indexOf(FUNING)).toBe(4);
    // 抚宁区's page moved from the fourth to the fifth: its four fragments are the first site's files, under their new numbers.
    for (let group = 0; group < 4; group++) expect(statSync(join(data, 'f', `${4 * 4 + group}.bin`)).ino).toBe(statSync(join(project.dir, 'funing', `${group}.bin`)).ino);
    // Changed from the state of the replaced index: the parts of the added and the changed filing read, not all five; a page moved, so every list is written again.
    expect(stripVTControlCharacters(logs['rebuild']!)).toMatch(/search index: 5 filing pages, (\d+) files \([1-9]\d* linked from the site being replaced\), [\d.]+ MiB written; changed from the replaced site's: 2 search part\(s\) read, (\d+) of \2 lists written again;/);
    expect(stripVTControlCharacters(logs['first']!)).toMatch(/search index: 4 filing pages, \d+ files \(0 linked from the site being replaced\), [\d.]+ MiB written; 4 search parts read, \d+ lists;/);
  });

  it('gives the site a build from scratch gives, file for file', () => {
    const rebuilt = fingerprint(join(project.dir, 'site'));
    expect(rebuilt.length).toBeGreaterThan(100);
    expect(rebuilt).toEqual(fingerprint(join(scratch.dir, 'site')));
  });
});
