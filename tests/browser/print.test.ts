import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatAmount } from '../../src/lib/records/decimal.ts';
import { filingSegments, urlFor } from '../../src/lib/records/filing-path.ts';
import { loadFiling, type Filing } from '../../src/lib/records/load-filing.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import type { Cell, Column } from '../../src/lib/records/schema/table.ts';
import { projectBudgetTable, tableContext } from '../../src/lib/site/filing-view.ts';
import { useBrowserAndSite } from '../helpers/browser-suite.ts';
import { skipBrowserTests } from '../helpers/chromium.ts';
import { YONGQING_2024 } from '../helpers/fixture-content.ts';

const contentRoot = inject('contentRoot');
const realContent = inject('realContent');
const PUTUO_2024 = '上海市/普陀区/财政局/2024-决算';
const record = (folder: string) => loadFiling(join(contentRoot, folder), { root: PROJECT_ROOT, contentRoot });

/** The target of issue 11: the 永清县 2024 filing, 9 standard tables and 30 projects, on at most 30 A4 pages. */
const MAX_PAGES = 30;

interface PrintedFiling {
  /** `pdftotext -raw` of each page, whitespace removed: a wrapped cell's text stays together. */
  pages: string[];
  /** The same text as extracted, where figures of adjacent cells stand apart. */
  raw: string[];
  /** Width and height of each page in points, as pdfinfo gives them. */
  sizes: [number, number][];
  milliseconds: number;
}

/** A filing page printed as Chromium prints it, with the page size its CSS asks for (A4, landscape where a table is wide). */
async function print(browser: Browser, origin: string, url: string): Promise<PrintedFiling> {
  const context = await browser.newContext();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-print-'));
  try {
    const page = await context.newPage();
    await page.goto(new URL(url, origin).href);
    const started = Date.now();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    const milliseconds = Date.now() - started;
    const file = join(dir, 'print.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1000', file], { encoding: 'utf8' });
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m): [number, number] => [Number(m[1]), Number(m[2])]);
    expect(sizes).toHaveLength(count);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').slice(0, count);
    expect(text).toHaveLength(count);
    return { pages: text.map((p) => p.replace(/\s+/g, '')), raw: text, sizes, milliseconds };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A figure as the page prints it: amounts with two decimals, other figures as recorded. */
const shown = (cell: Cell, column: Pick<Column, 'type'>): string | undefined =>
  cell === null ? undefined : column.type === 'amount' ? formatAmount(cell) : column.type === 'number' ? cell : undefined;

/** Every figure of every table of the record (standard tables, the others, each project's budget and spending plan), as printed, with how often each is printed. */
function figuresOf(filing: Filing): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (value: string | undefined) => value !== undefined && counts.set(value, (counts.get(value) ?? 0) + 1);
  for (const table of filing.tables) for (const row of table.rows) row.forEach((cell, c) => add(shown(cell, table.columns[c]!)));
  for (const project of filing.projectList) {
    const budget = projectBudgetTable(project);
    if (budget) for (const row of budget.rows) row.forEach((cell, c) => add(shown(cell, budget.columns[c]!)));
  }
  return counts;
}

/** Figures the printed text has fewer times than the record: each figure stands on its own, between anything but digits and points. */
function missingFigures(expected: Map<string, number>, pages: readonly string[]): string[] {
  const printed = new Map<string, number>();
  for (const page of pages) for (const m of page.matchAll(/(?<![\d.])-?\d+(?:\.\d+)?(?![\d.])/g)) printed.set(m[0], (printed.get(m[0]) ?? 0) + 1);
  return [...expected].filter(([figure, times]) => (printed.get(figure) ?? 0) < times).map(([figure, times]) => `${figure} ×${times} (printed ×${printed.get(figure) ?? 0})`);
}

const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

describe.skipIf(skipBrowserTests)('a filing page printed to A4 for a meeting', () => {
  const site = useBrowserAndSite();

  it('prints the 永清县 2024 filing on at most 30 pages, each with the running head and its number, with every figure of every table, folded parts open', async () => {
    const filing = record(YONGQING_2024);
    const printed = await print(site.browser, site.origin, urlFor(filingSegments(filing)));
    const figures = figuresOf(filing);
    console.log(`永清县 2024: ${printed.pages.length} A4 pages in ${printed.milliseconds} ms; ${sum(figures)} figures of ${filing.tables.length} tables and ${filing.projectList.length} projects found in the text`);
    if (realContent) expect(printed.pages.length).toBeLessThanOrEqual(MAX_PAGES);

    const head = tableContext(filing).replace(/\s+/g, '');
    printed.pages.forEach((page, i) => {
      expect(page, `page ${i + 1}: running head`).toContain(head);
      expect(page, `page ${i + 1}: page number`).toContain(`第${i + 1}页，共${printed.pages.length}页`);
    });
    expect(sum(figures)).toBeGreaterThan(realContent ? 300 : 10);
    expect(missingFigures(figures, printed.raw)).toEqual([]);

    // Every row of a table is printed whole on a page that names the table: its running row repeats with the header.
    const unnamed: string[] = [];
    for (const table of filing.tables.filter((t) => t.columns.some((c) => c.type === 'amount'))) {
      const title = table.title.replace(/\s+/g, '');
      for (const row of table.rows) {
        const parts = row.flatMap((cell, c) => {
          const type = table.columns[c]!.type;
          if (cell === null || type === 'seq') return [];
          return [type === 'text' || type === 'code' ? cell.replace(/\s+/g, '') : shown(cell, table.columns[c]!)!];
        });
        if (!printed.pages.some((p) => p.includes(title) && parts.every((part) => p.includes(part)))) unnamed.push(`${table.title}: ${parts.join(' ')}`);
      }
    }
    expect(unnamed).toEqual([]);

    // The 13-column 收入总表 is printed on a landscape page, and only wide tables are.
    const wide = printed.pages.map((p, i) => (p.includes(filing.tables.find((t) => t.standard === 'income-summary')!.title) ? i : -1)).filter((i) => i >= 0);
    expect(wide.length).toBeGreaterThan(0);
    for (const i of wide) expect(printed.sizes[i]![0], `page ${i + 1} is landscape`).toBeGreaterThan(printed.sizes[i]![1]);
    expect(printed.sizes.filter(([w, h]) => w > h).length).toBeLessThanOrEqual(realContent ? 3 : 1);

    // Paper has no use for this site's own link targets or for download lists.
    const all = printed.pages.join('');
    expect(all).not.toMatch(/\(\/|\.csv|filing\.json|（CSV）|（JSON）/);
  });

  it.skipIf(!realContent)('prints the 普陀区 2024 决算 with the running head on every page and every figure', async () => {
    const filing = record(PUTUO_2024);
    const printed = await print(site.browser, site.origin, urlFor(filingSegments(filing)));
    const figures = figuresOf(filing);
    console.log(`普陀区 2024 决算: ${printed.pages.length} A4 pages in ${printed.milliseconds} ms; ${sum(figures)} figures`);
    expect(printed.pages.length).toBeLessThanOrEqual(MAX_PAGES);
    const head = tableContext(filing).replace(/\s+/g, '');
    printed.pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(head);
      expect(page, `page ${i + 1}`).toContain(`第${i + 1}页，共${printed.pages.length}页`);
    });
    expect(sum(figures)).toBeGreaterThan(100);
    expect(missingFigures(figures, printed.raw)).toEqual([]);
  });

  it('repeats header rows, splits no row, keeps totals out of a repeated foot and lays out every folded part, closed on screen', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(new URL(urlFor(YONGQING_2024.split('/')), site.origin).href);
      await page.emulateMedia({ media: 'print' });
      const styles = await page.evaluate(() => ({
        thead: [...document.querySelectorAll('thead')].map((t) => getComputedStyle(t).display),
        running: [...document.querySelectorAll('.gk-table__running')].map((t) => getComputedStyle(t).display),
        rows: [...document.querySelectorAll('tbody tr')].map((tr) => getComputedStyle(tr).breakInside),
        tfoot: document.querySelectorAll('tfoot').length,
        folds: document.querySelectorAll('details.gk-fold:not([open])').length,
        unprinted: [...document.querySelectorAll('details.gk-fold .gk-fold__body')].filter((body) => body.getClientRects().length === 0).map((body) => body.closest('section')?.getAttribute('aria-labelledby')),
        printedLinks: [...document.querySelectorAll('a')]
          .filter((a) => a.getClientRects().length > 0)
          .map((a) => `${a.getAttribute('href')} ${getComputedStyle(a, '::after').content}`)
          .filter((c) => !c.endsWith(' none') && !c.endsWith(' normal')),
      }));
      expect(new Set(styles.thead)).toEqual(new Set(['table-header-group']));
      expect(new Set(styles.running)).toEqual(new Set(['table-row']));
      expect(new Set(styles.rows)).toEqual(new Set(['avoid']));
      // Chromium repeats <tfoot> at the foot of every printed page: a totals row there would be misprinted.
      expect(styles.tfoot).toBe(0);
      // Folded parts are closed on screen and laid out on paper all the same, without a script (print.css).
      expect(styles.folds).toBeGreaterThan(0);
      expect(styles.unprinted).toEqual([]);
      expect(styles.printedLinks).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("sends the printable view's old address to the filing page, which prints the same", async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      const filing = urlFor(YONGQING_2024.split('/'));
      await page.goto(new URL(`${filing}print/`, site.origin).href);
      await page.waitForURL(new URL(filing, site.origin).href);
      expect(await page.locator('h1').textContent()).toBe(record(YONGQING_2024).title);
    } finally {
      await context.close();
    }
  });
});
