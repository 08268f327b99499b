import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { Decimal } from '../../src/lib/records/decimal.ts';
import { loadFiling } from '../../src/lib/records/load-filing.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import type { Table } from '../../src/lib/records/schema/table.ts';
import { useBrowserAndSite } from '../helpers/browser-suite.ts';
import { skipBrowserTests } from '../helpers/chromium.ts';
import { YONGQING_2024 } from '../helpers/fixture-content.ts';
import { FILING_URL } from '../helpers/page-types.ts';

const contentRoot = inject('contentRoot');
const filing = loadFiling(join(contentRoot, YONGQING_2024), { root: PROJECT_ROOT, contentRoot });
const standardTables: Table[] = filing.tables.filter((t) => t.standard !== undefined && t.columnNumbers);

interface PrintedPage {
  /** `pdftotext -raw`, whitespace removed: a wrapped cell's text stays together. */
  compact: string;
  /** `pdftotext -layout` lines: one printed table row starts one line with its 序号. */
  lines: string[];
}

function pdfPages(pdf: Buffer): PrintedPage[] {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-print-'));
  try {
    const file = join(dir, 'print.pdf');
    writeFileSync(file, pdf);
    const text = (mode: string) => execFileSync('pdftotext', [mode, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
    const raw = text('-raw');
    const layout = text('-layout');
    expect(layout.length).toBe(raw.length);
    return raw.map((page, i) => ({ compact: page.replace(/\s+/g, ''), lines: layout[i]!.split('\n') }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(skipBrowserTests)('the printable view printed to A4', () => {
  const site = useBrowserAndSite();

  it('repeats the header row of a long table on every page it covers and splits no row', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(new URL(`${FILING_URL}print/`, site.origin).href);
      await page.emulateMedia({ media: 'print' });
      const rowStyles = await page.evaluate(() => ({
        thead: [...document.querySelectorAll('thead')].map((t) => getComputedStyle(t).display),
        rows: [...document.querySelectorAll('tbody tr')].map((tr) => getComputedStyle(tr).breakInside),
        tfoot: document.querySelectorAll('tfoot').length,
      }));
      expect(new Set(rowStyles.thead)).toEqual(new Set(['table-header-group']));
      expect(new Set(rowStyles.rows)).toEqual(new Set(['avoid']));
      // Chromium repeats <tfoot> at the foot of every printed page: a totals row there would be misprinted.
      expect(rowStyles.tfoot).toBe(0);

      const pages = pdfPages(await page.pdf({ format: 'A4', printBackground: false }));
      expect(pages.length).toBeGreaterThan(10);

      // Each standard table starts on a new page (page break before each table); it covers the pages up to the next one.
      const starts: number[] = [];
      for (const table of standardTables) {
        const from = starts.at(-1) ?? 0;
        const start = pages.findIndex((p, i) => i >= from && p.compact.includes(table.title) && p.compact.includes('栏次'));
        expect(start, `the caption ${table.title} is printed on a page with its header`).toBeGreaterThanOrEqual(0);
        if (starts.length > 0) expect(start, `${table.title} starts a new page`).toBeGreaterThan(starts.at(-1)!);
        starts.push(start);
      }
      const spans = standardTables.slice(0, -1).map((table, i) => ({ table, pages: pages.slice(starts[i]!, starts[i + 1]!) }));
      const long = spans.filter((s) => s.pages.length >= 2 && s.table.rows.length > 0);
      console.log(`printed ${pages.length} A4 pages; tables over several pages: ${long.map((s) => `${s.table.title} (${s.pages.length} pages, ${s.table.rows.length} rows)`).join(', ')}`);
      expect(long.length).toBeGreaterThan(0);
      for (const { table, pages: covered } of long) {
        covered.forEach((p, k) => {
          expect(p.compact, `${table.title}: header row on its page ${k + 1}`).toContain('栏次');
          expect(p.compact, `${table.title}: header row on its page ${k + 1}`).toContain('序号');
        });
        // No row lost, doubled or split: each 序号 starts exactly one printed line, and one page holds the row's whole text and figures.
        const seqColumn = table.columns.findIndex((c) => c.type === 'seq');
        const lines = covered.flatMap((p) => p.lines);
        for (const row of table.rows) {
          const seq = row[seqColumn];
          if (!seq) continue;
          const starting = lines.filter((l) => new RegExp(`^\\s*${seq}(\\s|$)`).test(l));
          expect(starting.length, `${table.title} row ${seq} printed once`).toBe(1);
          const parts = row.flatMap((cell, c) => (cell === null || c === seqColumn ? [] : [table.columns[c]!.type === 'amount' ? new Decimal(cell).toFixed(2) : cell.replace(/\s+/g, '')]));
          expect(
            covered.some((p) => parts.every((part) => p.compact.includes(part))),
            `${table.title} row ${seq}: ${parts.join(' ')} all on one page`,
          ).toBe(true);
        }
      }
    } finally {
      await context.close();
    }
  });
});
