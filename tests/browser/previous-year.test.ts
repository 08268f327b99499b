import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { parse as parseHtml } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFiling, type SynthFiling } from '../../scripts/synth/generate-filing.ts';
import { Random } from '../../scripts/synth/random.ts';
import { DEPARTMENTS, REGIONS } from '../../scripts/synth/vocabulary.ts';
import { Decimal } from '../../src/lib/records/decimal.ts';
import { urlFor } from '../../src/lib/records/filing-path.ts';
import { loadFiling, type Filing } from '../../src/lib/records/load-filing.ts';
import { buildIsolatedSite } from '../checks/isolated-build.ts';
import { launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { pageFile } from '../helpers/site-pages.ts';
import { serveSite } from '../helpers/static-server.ts';

/**
 * 上年数 and 增减 on a filing page, from a content tree with two years of
 * one department's 预算 and a second department with one year: last year's
 * figures and the changes are those of the records, computed here apart
 * from the site's code; a filing without a previous year has no such columns.
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const [LANGFANG] = REGIONS;
const [HRSS, CIVIL] = DEPARTMENTS;

function write(root: string, filing: SynthFiling): void {
  for (const [path, text] of filing.files) {
    const file = join(root, filing.id, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** What the page must show per row of a table: code, last year's figure, change; from the records with plain Decimal arithmetic. */
function expectedRows(now: Filing, then: Filing): Map<string, string[][]> {
  const result = new Map<string, string[][]>();
  for (const table of now.tables) {
    const code = table.columns.findIndex((c) => c.type === 'code');
    const amount = table.columns.findIndex((c) => c.type === 'amount');
    const before = then.tables.find((t) => t.standard !== undefined && t.standard === table.standard);
    if (code < 0 || amount < 0 || table.empty || table.rows.length === 0 || !before || before.empty) continue;
    const beforeAmount = before.columns.findIndex((c) => c.type === 'amount');
    if (before.columns.findIndex((c) => c.type === 'code') < 0 || beforeAmount < 0) continue;
    if (table.columns[amount]!.header.at(-1) !== before.columns[beforeAmount]!.header.at(-1)) continue;
    // The synthetic filings print every table in 万元; a table in 元 is converted (tests/site/previous-year.test.ts).
    expect([table.unit, before.unit]).toEqual(['万元', '万元']);
    const beforeCode = before.columns.findIndex((c) => c.type === 'code');
    result.set(
      table.id,
      table.rows.map((row) => {
        const matches = before.rows.filter((r) => r[beforeCode] === row[code] && row[code]);
        const previous = matches.length === 1 ? matches[0]![beforeAmount] : null;
        if (previous === null || previous === undefined) return [row[code] ?? '', '', ''];
        const change = new Decimal(row[amount] ?? '0').minus(previous);
        const sign = change.isZero() ? '' : change.isPositive() ? '+' : '-';
        return [row[code] ?? '', new Decimal(previous).toFixed(2), row[amount] ? `${sign}${change.abs().toFixed(2)}` : ''];
      }),
    );
  }
  return result;
}

describe.skipIf(skipBrowserTests)('last year’s figure beside each classified row', () => {
  const state: { site: string; origin: string; browser?: Browser; close?: () => Promise<void>; dirs: string[]; ids: string[]; content: string } = { site: '', origin: '', dirs: [], ids: [], content: '' };

  beforeAll(async () => {
    const content = mkdtempSync(join(tmpdir(), 'gongkai-previous-year-content-'));
    const site = mkdtempSync(join(tmpdir(), 'gongkai-previous-year-site-'));
    state.dirs.push(content, site);
    Object.assign(state, { site, content });
    const filing = (department: (typeof DEPARTMENTS)[number], year: number) =>
      generateFiling(new Random(year * 1000 + Number(department.code)), { region: LANGFANG!, county: '永清县', department, year }, 7);
    const filings = [filing(HRSS!, 2023), filing(HRSS!, 2024), filing(CIVIL!, 2024)];
    for (const f of filings) write(content, f);
    state.ids = filings.map((f) => f.id);
    buildIsolatedSite(content, site, 'the two-year site');
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

  const page = (id: string) => parseHtml(readFileSync(pageFile(state.site, urlFor(id.split('/'))), 'utf8'));
  const record = (id: string) => loadFiling(join(state.content, id), { root: state.content });

  it('shows last year’s figure and the exact change in every classified row of the 2024 filing', () => {
    const [then, now] = state.ids;
    const expected = expectedRows(record(now!), record(then!));
    expect(expected.size).toBeGreaterThan(0);
    const html = page(now!);
    const shown = new Map(
      html
        .querySelectorAll('.gk-table')
        .filter((t) => t.querySelector('th.gk-table__previous'))
        .map((t) => [
          t.id.replace(/^table-/, ''),
          t.querySelectorAll('tbody tr').map((tr) => [tr.querySelector('.gk-table__code')?.text.trim() ?? '', ...tr.querySelectorAll('td.gk-table__previous').map((td) => td.text.trim())]),
        ]),
    );
    expect(shown).toEqual(expected);
    // Real figures, not only blanks: most classified rows have last year's.
    expect([...shown.values()].flat().filter(([, previous]) => previous !== '').length).toBeGreaterThan(5);
    for (const table of html.querySelectorAll('.gk-table').filter((t) => t.querySelector('th.gk-table__previous'))) {
      expect(table.querySelectorAll('thead th.gk-table__previous').map((th) => th.text.trim())).toEqual(['上年数', '增减']);
      expect(table.querySelector('.gk-table__notes')?.text).toContain('“上年数”是本部门2023年部门预算同一科目的');
    }
  });

  it('the page with the columns passes html-validate (as tests/build/html-validate.test.ts configures it)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'prefer-native-element': ['error', { exclude: ['region'] }] } });
    const report = await validator.validateFile(pageFile(state.site, urlFor(state.ids[1]!.split('/'))));
    expect(report.results.flatMap((r) => r.messages).map((m) => `${m.ruleId} ${m.selector ?? ''}: ${m.message}`)).toEqual([]);
  });

  it('has no such columns where the portal has no previous year', () => {
    for (const id of [state.ids[0]!, state.ids[2]!]) {
      const html = page(id).toString();
      expect(html.includes('gk-table__previous')).toBe(false);
      expect(html.includes('上年数')).toBe(false);
    }
  });

  it('axe finds no WCAG 2.2 AA violation, and the page does not scroll sideways at 360 px', async () => {
    const context = await state.browser!.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 3 });
    try {
      const tab = await context.newPage();
      await tab.goto(new URL(urlFor(state.ids[1]!.split('/')), state.origin).href);
      const results = await new AxeBuilder({ page: tab }).withTags(WCAG_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    } finally {
      await context.close();
    }
  });
});
