import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { TSX, fingerprint, isolatedProject, type IsolatedProject } from '../checks/isolated-build.ts';

/**
 * Issue 12: one new or changed filing rebuilds only what shows it. A portal
 * built without 霸州市's filing, then with it added (its glossary terms are
 * all 广阳区's too, so no other page gains a link), then with a paragraph
 * added to 永清县's text: each rebuild compiles only the new or changed filing,
 * renders only its page and its department's, copies every other filing and
 * department page from the last build, and gives the same site, file for
 * file, as a build from scratch in another project.
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

/** The pages Astro copied from its last build instead of rendering them. */
const copied = (log: string) =>
  log
    .split('\n')
    .filter((line) => /\((?:restored|cached)\)\s*$/.test(line))
    .map((line) => /├─ \/(.*)index\.html/.exec(line)![1]!)
    .sort();
/** The pages Astro rendered. */
const rendered = (log: string) =>
  log
    .split('\n')
    .filter((line) => /├─ \/.*\(\+[\d.]+m?s\)/.test(line))
    .map((line) => /├─ \/(.*?)(?:index\.html)? \(/.exec(line)![1]!)
    .sort();
const compileLine = (log: string) => log.split('\n').find((line) => line.startsWith('build: ') && line.includes('checked in'))!.replace(/ in \d+ ms/, '');

describe('a rebuild after one filing is added or changed', () => {
  let project: IsolatedProject;
  let scratch: IsolatedProject;
  let content: string;
  const out = (name: string) => join(project.dir, name);
  const build = (p: IsolatedProject, dir: string) => {
    const result = p.run([...TSX, 'scripts/build.ts', '--outDir', dir], content);
    if (result.status !== 0) throw new Error(`the build failed:\n${result.output}`);
    return result.output;
  };
  const logs: Record<string, string> = {};
  /** The incremental site after each step, taken before the next step replaces it. */
  const sites: Record<string, string[]> = {};

  beforeAll(() => {
    process.env['SOURCE_DATE_EPOCH'] = '1735689600';
    project = isolatedProject();
    scratch = isolatedProject();
    content = join(project.dir, 'records', 'filings');
    cpSync(CONTENT, content, { recursive: true });
    const bazhou = join(project.dir, 'bazhou');
    cpSync(join(content, BAZHOU), bazhou, { recursive: true });
    rmSync(join(content, BAZHOU), { recursive: true });
    logs['first'] = build(project, out('site'));
    cpSync(bazhou, join(content, BAZHOU), { recursive: true });
    logs['added'] = build(project, out('site'));
    sites['added'] = fingerprint(out('site'));
    logs['addedScratch'] = build(scratch, join(scratch.dir, 'added'));
    appendFileSync(join(content, YONGQING, 'sections', 'duties.md'), '\n补充说明：本段为测试追加的文字。\n');
    logs['changed'] = build(project, out('site'));
    logs['changedScratch'] = build(scratch, join(scratch.dir, 'changed'));
  }, 600_000);
  afterAll(() => {
    delete process.env['SOURCE_DATE_EPOCH'];
    project?.remove();
    scratch?.remove();
  });

  it('compiles only the new filing, and renders its pages, its department and regions, and the pages of the whole portal', () => {
    expect(compileLine(logs['added']!)).toBe('build: 5 filing(s) checked (1 compiled, 4 unchanged since an earlier compile)');
    expect(copied(logs['first']!)).toEqual([]);
    // 霸州市 brings the year 2021 to 河北省 and 廊坊市: each of their year pages links to it.
    expect(rendered(logs['added']!)).toEqual(
      [...PORTAL_PAGES, '河北省/', '河北省/2020年/', '河北省/2021年/', '河北省/2024年/', '河北省/廊坊市/', '河北省/廊坊市/2020年/', '河北省/廊坊市/2021年/', '河北省/廊坊市/2024年/', '河北省/廊坊市/霸州市/', '河北省/廊坊市/霸州市/2021年/', ...keyedPages([BAZHOU])].sort(),
    );
    expect(copied(logs['added']!)).toEqual([...keyedPages([PUTUO, GUANGYANG, YONGQING, FUNING]), '上海市/', '上海市/2024年/', '上海市/普陀区/', '上海市/普陀区/2024年/', '河北省/廊坊市/广阳区/', '河北省/廊坊市/广阳区/2020年/', '河北省/廊坊市/永清县/', '河北省/廊坊市/永清县/2024年/', '河北省/秦皇岛市/', '河北省/秦皇岛市/2020年/', '河北省/秦皇岛市/抚宁区/', '河北省/秦皇岛市/抚宁区/2020年/'].sort());
  });

  it('with a filing added, gives the site a build from scratch gives', () => {
    expect(sites['added']!.length).toBeGreaterThan(100);
    expect(sites['added']).toEqual(fingerprint(join(scratch.dir, 'added')));
  });

  it('with a filing changed, renders only it, its department and regions of its year, and the pages of the whole portal, and gives the site a build from scratch gives', () => {
    expect(compileLine(logs['changed']!)).toBe('build: 5 filing(s) checked (1 compiled, 4 unchanged since an earlier compile)');
    // The open data of the four unchanged filings is linked from the site being replaced, not written again.
    expect(logs['changed']).toMatch(/Filing data: 5 filing\(s\), 4 of them unchanged and linked from the site being replaced, 5 bulk zip\(s\) in \d+ ms/);
    expect(rendered(logs['changed']!)).toEqual([...PORTAL_PAGES, '河北省/', '河北省/2024年/', '河北省/廊坊市/', '河北省/廊坊市/2024年/', '河北省/廊坊市/永清县/', '河北省/廊坊市/永清县/2024年/', ...keyedPages([YONGQING])].sort());
    expect(fingerprint(out('site'))).toEqual(fingerprint(join(scratch.dir, 'changed')));
  });
});
