import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/lib/records/decimal.ts';
import { buildIsolatedSite } from '../checks/isolated-build.ts';
import { launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { pageFile } from '../helpers/site-pages.ts';
import { serveSite } from '../helpers/static-server.ts';
import { writeComparisonContent, type ComparisonSite } from './region-pages-content.ts';

/**
 * The department, region, region-year, 预算与决算 and home pages, built
 * from a content tree that has what they compare (region-pages-content.ts):
 * axe (WCAG 2.2 AA), charts named and described with their figures in a
 * table beside them, and no sideways scrolling of the page at 360 px.
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe.skipIf(skipBrowserTests)('region, department and comparison pages', () => {
  const state: { origin: string; site: string; browser?: Browser; close?: () => Promise<void>; dirs: string[]; urls?: ComparisonSite } = { origin: '', site: '', dirs: [] };

  beforeAll(async () => {
    const content = mkdtempSync(join(tmpdir(), 'gongkai-region-pages-content-'));
    const site = mkdtempSync(join(tmpdir(), 'gongkai-region-pages-site-'));
    state.dirs.push(content, site);
    state.site = site;
    state.urls = writeComparisonContent(content);
    buildIsolatedSite(content, site, 'the comparison site');
    const served = await serveSite(site);
    state.origin = served.origin;
    state.close = served.close;
    state.browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await state.browser?.close();
    await state.close?.();
    for (const dir of state.dirs) rmSync(dir, { recursive: true, force: true });
  });

  const pages = () => {
    const urls = state.urls!;
    return [
      { name: 'home', url: '/' },
      { name: 'department with three years', url: urls.department },
      { name: 'department with a 预算 and a 决算', url: urls.putuoDepartment },
      { name: 'region', url: urls.region },
      { name: 'region-year', url: urls.regionYear },
      { name: '预算与决算', url: urls.budgetVsFinal },
    ];
  };

  /** One tab per window size goes from page to page: a new tab costs Chromium a renderer each time. */
  const tabs = new Map<string, Page>();
  async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const size = `${viewport.width}x${viewport.height}`;
    let page = tabs.get(size);
    if (page === undefined) {
      page = await (await state.browser!.newContext({ viewport })).newPage();
      tabs.set(size, page);
    }
    const response = await page.goto(new URL(url, state.origin).href);
    expect(response?.status(), url).toBe(200);
    return page;
  }

  it('axe finds no WCAG 2.2 AA violation on any of them', async () => {
    for (const { name, url } of pages()) {
      const page = await open(url);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const violations = results.violations.map((v) => `${name}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
      expect(violations).toEqual([]);
    }
  });

  it('html-validate finds no error on any of them (its recommended rules, as tests/build/html-validate.test.ts)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'prefer-native-element': ['error', { exclude: ['region'] }] } });
    for (const { name, url } of pages()) {
      const report = await validator.validateFile(pageFile(state.site, url));
      expect(report.results.flatMap((r) => r.messages).map((m) => `${name}: ${m.ruleId} at ${m.line}:${m.column}: ${m.message}`)).toEqual([]);
    }
  });

  it('at 360 px the page never scrolls sideways', async () => {
    const wide: string[] = [];
    for (const { name, url } of pages()) {
      const page = await open(url, { width: 360, height: 740 });
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      if (scrollWidth > innerWidth) wide.push(`${name}: ${scrollWidth} px`);
    }
    expect(wide).toEqual([]);
  });

  it('names and describes every chart, and lists its figures in a table on the page', async () => {
    const charts: string[] = [];
    for (const { name, url } of pages()) {
      const page = await open(url);
      const found = await page.evaluate(() =>
        [...document.querySelectorAll('svg[role="img"]')].map((svg) => {
          const text = (ids: string | null) => (ids ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
          const target = svg.closest('figure')?.querySelector('.gk-chart__alt a')?.getAttribute('href') ?? '';
          const table = target ? document.getElementById(target.slice(1)) : null;
          return { name: text(svg.getAttribute('aria-labelledby')), description: text(svg.getAttribute('aria-describedby')), figures: [...svg.querySelectorAll('.gk-chart__figure')].map((t) => t.textContent ?? ''), table: table?.querySelector('table')?.textContent ?? table?.textContent ?? '' };
        }),
      );
      for (const chart of found) {
        charts.push(`${name}: ${chart.name}`);
        expect(chart.name, name).not.toBe('');
        // Accessible name as the browser computes it, from the <title>.
        expect(await page.getByRole('img', { name: chart.name, exact: true }).count(), chart.name).toBe(1);
        const numbers = chart.figures.map((f) => f.replace(/^(预算|决算) /, '')).filter((f) => /^-?\d/.test(f));
        expect(numbers.length, chart.name).toBeGreaterThan(0);
        for (const figure of numbers) {
          expect(chart.description, chart.name).toContain(`${figure}万元`);
          expect(chart.table, chart.name).toContain(figure);
        }
      }
    }
    expect(charts).toEqual([
      'department with three years: 永清县人力资源和社会保障局各年支出',
      'department with a 预算 and a 决算: 上海市普陀区财政局各年支出',
      'region-year: 河北省 廊坊市 2024年部门预算支出按功能分类',
      '预算与决算: 上海市普陀区财政局 2024年支出预算与决算（按功能分类）',
    ]);
  });

  it('shows each year’s 收入总计 and 支出总计 with its change from the year before, as the records’ 收支总表 print them', async () => {
    const printed = (year: number, label: string) => {
      const csv = readFileSync(join(state.dirs[0]!, state.urls!.departmentFolder, `${year}-预算`, 'tables', 'income-expenditure-summary.csv'), 'utf8');
      const cells = csv.split('\n').map((line) => line.split(','));
      const row = cells.find((c) => c.includes(label))!;
      return row[row.indexOf(label) + 1]!;
    };
    const expected = [2024, 2023, 2022].map((year): [string, string] => {
      const [total, before] = [printed(year, '支出总计'), year > 2022 ? printed(year - 1, '支出总计') : undefined];
      if (!before) return [`${year}年预算`, `${total} ${year - 1}年预算未在本平台公开`];
      const difference = new Decimal(total).minus(before);
      const words = difference.isNegative() ? ['减少', '下降'] : ['增加', '增长'];
      const percent = difference.abs().times(100).dividedBy(before).toFixed(2);
      return [`${year}年预算`, `${total} 比上年${words[0]} ${difference.abs().toFixed(2)} 万元（${words[1]} ${percent}%）`];
    });
    const page = await open(state.urls!.department);
    const rows = await page.locator('#department-years-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())));
    expect(rows.map(([name, , expenditure]) => [name, expenditure])).toEqual(expected);
    expect(expected.map(([, cell]) => cell.split(' ')[0])).toEqual([2024, 2023, 2022].map((year) => printed(year, '收入总计')));
  });

  it('links a department with both a 预算 and a 决算 of a year to their side-by-side view', async () => {
    const page = await open(state.urls!.putuoDepartment);
    const link = page.getByRole('link', { name: '2024年预算与决算对照' });
    expect(await link.getAttribute('href')).toBe(state.urls!.budgetVsFinal);
    await link.click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('上海市普陀区财政局 2024年预算与决算对照');
    const headers = await page.locator('#execution-expenditure-summary thead th').allTextContents();
    expect(headers).toEqual(['科目', '预算数', '决算数', '执行率']);
  });
});
