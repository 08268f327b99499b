import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { ASTRO, isolatedProject, type IsolatedProject } from '../checks/isolated-build.ts';
import { launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { serveSite } from '../helpers/static-server.ts';

/** A portal's identity, every optional field given; the 党政机关网站标识 is a file of the build's public/. */
const CONFIG = `name: 测试市部门预算决算公开平台
shortName: 测试预决算
lang: zh-CN
siteUrl: https://yjs.test.gov.cn
basePath: /
organizer: 测试市财政局
operator: 测试市政务服务数据管理局
contact:
  phone: 0316-1234567
  email: yjsgk@test.gov.cn
  address: 测试市人民路 9 号
siteCode: '1310000042'
icp: 冀ICP备12345678号-2
publicSecurityRecord: 冀公网安备13100302000456号
partyGovernmentMark:
  image: images/dzjg-test.svg
  href: https://bszs.conac.cn/sitename?method=show&id=TEST
errorReportUrl: https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=1310000042
`;

const MARK = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="72" viewBox="0 0 60 72"><rect width="60" height="72" fill="#c00"/></svg>';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const MINIMAL_CONTENT = join(PROJECT_ROOT, 'tests', 'fixtures', 'minimal', 'filings');

/** The configuration and the 党政机关网站标识 image it names, in the copy of the project; the configuration's file. */
function configure(project: IsolatedProject, config: string): string {
  mkdirSync(join(project.dir, 'public', 'images'), { recursive: true });
  writeFileSync(join(project.dir, 'public', 'images', 'dzjg-test.svg'), MARK);
  const file = join(project.dir, 'site.yaml');
  writeFileSync(file, config);
  return file;
}

function build(project: IsolatedProject, config: string, outDir: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    cwd: project.dir,
    env: { ...process.env, GONGKAI_CONTENT: MINIMAL_CONTENT, GONGKAI_SITE_CONFIG: config, GONGKAI_BASE: '' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('a mistake in the site configuration', () => {
  it('stops the build before anything is built, with the file and field named and no stack trace', () => {
    const project = isolatedProject();
    const outDir = mkdtempSync(join(tmpdir(), 'gongkai-footer-bad-'));
    try {
      const { status, output } = build(project, configure(project, CONFIG.replace('冀ICP备12345678号-2', '冀ICP备')), join(outDir, 'site'));
      expect(status).toBe(1);
      expect(output.trim()).toBe('site.yaml: icp: expected the ICP备案号 as issued, such as 京ICP备12345678号 or 京ICP备12345678号-1');
    } finally {
      project.remove();
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(skipBrowserTests)('the header and footer show the configured identity', () => {
  const state: { project: IsolatedProject | null; outDir: string; origin: string; close: () => Promise<void>; browser: Browser | null } = {
    project: null,
    outDir: '',
    origin: '',
    close: async () => {},
    browser: null,
  };
  beforeAll(async () => {
    const project = isolatedProject();
    state.project = project;
    state.outDir = mkdtempSync(join(tmpdir(), 'gongkai-footer-site-'));
    const { status, output } = build(project, configure(project, CONFIG), state.outDir);
    if (status !== 0) throw new Error(`the site did not build with the test configuration (exit ${status}):\n${output}`);
    const served = await serveSite(state.outDir);
    state.origin = served.origin;
    state.close = served.close;
    state.browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.close();
    state.project?.remove();
    rmSync(state.outDir, { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ page: Page; elsewhere: string[]; close: () => Promise<void> }> {
    const context = await state.browser!.newContext();
    const page = await context.newPage();
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(`${state.origin}/`)) elsewhere.push(request.url());
    });
    await page.goto(`${state.origin}${path}`);
    await page.waitForLoadState('load');
    return { page, elsewhere, close: () => context.close() };
  }

  it('every identifier, centred at the bottom, each link where it belongs, and nothing fetched from elsewhere', async () => {
    const { page, elsewhere, close } = await open('/');
    try {
      const footer = page.locator('footer');
      const lines = await footer.locator('.gk-site-footer__lines p').evaluateAll((ps) => ps.map((p) => [...p.children].map((c) => c.textContent)));
      expect(lines).toEqual([
        ['主办单位：测试市财政局', '承办单位：测试市政务服务数据管理局'],
        ['联系电话：0316-1234567', '电子邮箱：yjsgk@test.gov.cn', '地址：测试市人民路 9 号'],
        ['网站标识码：1310000042', '冀ICP备12345678号-2', '冀公网安备13100302000456号'],
      ]);
      const links = await footer.locator('a').evaluateAll((as) => as.map((a) => [a.textContent!.trim() || a.querySelector('img')?.alt, a.getAttribute('href')]));
      expect(links).toEqual([
        ['关于本平台', '/about/'],
        ['网站地图', '/sitemap/'],
        ['政府网站找错', 'https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=1310000042'],
        ['党政机关网站标识', 'https://bszs.conac.cn/sitename?method=show&id=TEST'],
        ['yjsgk@test.gov.cn', 'mailto:yjsgk@test.gov.cn'],
        ['冀ICP备12345678号-2', 'https://beian.miit.gov.cn/'],
        ['冀公网安备13100302000456号', 'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=13100302000456'],
      ]);
      const mark = footer.locator('img');
      expect(await mark.evaluate((img: HTMLImageElement) => ({ src: img.getAttribute('src'), alt: img.alt, loaded: img.complete && img.naturalWidth > 0 }))).toEqual({ src: '/images/dzjg-test.svg', alt: '党政机关网站标识', loaded: true });
      expect(await footer.evaluate((f) => getComputedStyle(f).textAlign)).toBe('center');
      expect(await footer.locator('.gk-site-footer__example').count()).toBe(0);
      expect(await page.locator('.gk-header__name').textContent()).toBe('测试市部门预算决算公开平台');
      expect(await page.title()).toBe('测试市部门预算决算公开平台');
      expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe('https://yjs.test.gov.cn/');
      expect(elsewhere).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the 网站地图 names the page in the title with the short name, and links every section and region', async () => {
    const { page, close } = await open('/sitemap/');
    try {
      expect(await page.title()).toBe('网站地图 - 测试预决算');
      const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href')!)));
      expect(hrefs).toEqual(['/', '/search/', '/glossary/', '/about/', '/河北省/', '/河北省/廊坊市/', '/河北省/廊坊市/永清县/']);
    } finally {
      await close();
    }
  });

  it.each(['/', '/sitemap/'])('axe-core finds no WCAG 2.2 AA violation on %s, footer included', async (path) => {
    const { page, close } = await open(path);
    try {
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`)).toEqual([]);
      expect(results.passes.map((p) => p.id)).toContain('color-contrast');
    } finally {
      await close();
    }
  });
});
