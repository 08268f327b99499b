import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../helpers/browser-suite.ts';
import { skipBrowserTests } from '../helpers/chromium.ts';
import { FILING_URL } from '../helpers/page-types.ts';

/**
 * The filing page on a 360 px phone, and at 200% zoom. Zoom is emulated as
 * the browser does it: a 1280 px wide window at 200% lays the page out in a
 * 640 CSS px viewport with two device pixels per CSS pixel, so the test uses
 * viewport 640 × 720 with deviceScaleFactor 2 (CSS `zoom` would also scale
 * the page, but it changes how Chromium measures scrollWidth and media
 * queries would still see the unzoomed width).
 */
const LAYOUTS = [
  { name: '360 px phone', viewport: { width: 360, height: 740 }, deviceScaleFactor: 3 },
  { name: '200% zoom of a 1280 px window', viewport: { width: 640, height: 720 }, deviceScaleFactor: 2 },
];

interface Layout {
  innerWidth: number;
  scrollWidth: number;
  tables: number;
  /** Tables wider than the viewport, each with whether a focusable scrolling wrapper holds it. */
  wide: { caption: string; wrapped: boolean; focusable: boolean; scrolls: boolean }[];
  /** Elements (other than table content) that stick out of the viewport. */
  overflowing: string[];
  /** Page-level boxes that clip instead of reflowing (overflow-x hidden/clip on html, body, main). */
  clipping: string[];
}

async function measureLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const tables = [...document.querySelectorAll('table')];
    const wide = tables
      .filter((t) => t.scrollWidth > innerWidth)
      .map((t) => {
        let wrapper: HTMLElement | null = t.parentElement;
        while (wrapper && !['auto', 'scroll'].includes(getComputedStyle(wrapper).overflowX)) wrapper = wrapper.parentElement;
        return {
          caption: t.caption?.textContent?.trim().slice(0, 40) ?? '(no caption)',
          wrapped: wrapper !== null && wrapper !== document.documentElement && wrapper !== document.body,
          focusable: wrapper !== null && wrapper.tabIndex >= 0,
          scrolls: wrapper !== null && wrapper.scrollWidth > wrapper.clientWidth && wrapper.getBoundingClientRect().right <= innerWidth + 1,
        };
      });
    const overflowing = [...document.querySelectorAll('body *')]
      .filter((el) => !el.closest('table') && el.getBoundingClientRect().right > innerWidth + 1 && getComputedStyle(el).position !== 'fixed')
      .filter((el) => {
        // Inside a scrolling box is fine: the box itself is what must fit.
        for (let p = el.parentElement; p; p = p.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
        return true;
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`)
      .slice(0, 10);
    const clipping = ['html', 'body', 'main']
      .filter((selector) => ['hidden', 'clip'].includes(getComputedStyle(document.querySelector(selector)!).overflowX));
    return { innerWidth, scrollWidth: document.documentElement.scrollWidth, tables: tables.length, wide, overflowing, clipping };
  });
}

describe.skipIf(skipBrowserTests)('the filing page on small screens', () => {
  const site = useBrowserAndSite();

  it.each(LAYOUTS)('at $name: no horizontal page scroll, wide tables scroll inside a focusable wrapper', async ({ viewport, deviceScaleFactor }) => {
    const context = await site.browser.newContext({ viewport, deviceScaleFactor });
    try {
      const page = await context.newPage();
      await page.goto(new URL(FILING_URL, site.origin).href);
      const layout = await measureLayout(page);
      expect(layout.tables).toBeGreaterThan(0);
      expect(layout.overflowing).toEqual([]);
      expect(layout.clipping).toEqual([]);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
      // The 收入总表 has 12 columns: at this width some table must be wider than the screen.
      expect(layout.wide.length).toBeGreaterThan(0);
      expect(layout.wide.filter((t) => !(t.wrapped && t.focusable && t.scrolls))).toEqual([]);

      // A keyboard user can scroll a wide table: focus its wrapper, press →.
      const wrapper = page.locator('table').filter({ has: page.locator('caption', { hasText: '收入总表' }) }).locator('xpath=..');
      await wrapper.focus();
      expect(await wrapper.evaluate((el) => el === document.activeElement)).toBe(true);
      // Chromium animates keyboard scrolling, and on a loaded machine a key can land before the page draws again: → is pressed until the offset moves (or the poll times out).
      await expect
        .poll(
          async () => {
            await page.keyboard.press('ArrowRight');
            return wrapper.evaluate((el) => el.scrollLeft);
          },
          { timeout: 15_000 },
        )
        .toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  /**
   * After scrolling the 收入总表 (13 columns) to its last column, and then
   * down through it, each row in view shows its name beside its figure in
   * that column (bounding boxes side by side, on one line, the name not
   * covered), and the header cell of the column is on top.
   */
  it.each(LAYOUTS)('at $name: a row name stays beside its figure and the header above it when a wide table is scrolled', async ({ viewport, deviceScaleFactor }) => {
    const context = await site.browser.newContext({ viewport, deviceScaleFactor });
    try {
      const page = await context.newPage();
      await page.goto(new URL(FILING_URL, site.origin).href);
      const wrapper = page.locator('.gk-table__wrap').filter({ has: page.locator('caption', { hasText: '收入总表' }) });
      await wrapper.scrollIntoViewIfNeeded();
      const seen = await wrapper.evaluate((wrap) => {
        wrap.scrollIntoView({ block: 'start' });
        wrap.scrollLeft = wrap.scrollWidth;
        const box = wrap.getBoundingClientRect();
        const visible = (r: DOMRect) => r.top >= box.top - 1 && r.bottom <= Math.min(box.bottom, window.innerHeight) + 1 && r.left >= box.left - 1 && r.right <= box.right + 1;
        const onTop = (el: Element) => {
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return hit !== null && (hit === el || el.contains(hit));
        };
        const headers = [...wrap.querySelectorAll('thead th')];
        const rows = [...wrap.querySelectorAll('tbody tr')];
        const seen = new Map<number, unknown>();
        // Down the table a third at a time: rows pass under the header, which stays.
        for (const part of [0, 1, 2, 3]) {
          wrap.scrollTop = ((wrap.scrollHeight - wrap.clientHeight) * part) / 3;
          const head = wrap.querySelector('thead')!.getBoundingClientRect();
          rows.forEach((tr, i) => {
            const last = tr.lastElementChild;
            const figure = last?.matches('td.gk-table__num') && last.textContent !== '' ? last : undefined;
            const name = tr.querySelector('.gk-table__sticky');
            if (!figure || !name || seen.has(i)) return;
            const f = figure.getBoundingClientRect();
            if (!visible(f) || f.top < head.bottom) return;
            const n = name.getBoundingClientRect();
            const header = headers.find((th) => {
              const r = th.getBoundingClientRect();
              return th.getAttribute('colspan') === null && r.left <= f.left + 1 && r.right >= f.right - 1;
            });
            seen.set(i, {
              name: name.textContent,
              figure: figure.textContent,
              nameInView: visible(n) && onTop(name),
              side: n.right <= f.left + 1,
              sameLine: n.top < f.bottom && f.top < n.bottom,
              header: header?.textContent ?? null,
              headerOnTop: header !== undefined && visible(header.getBoundingClientRect()) && onTop(header),
            });
          });
        }
        return [...seen.values()] as { name: string; figure: string; nameInView: boolean; side: boolean; sameLine: boolean; header: string | null; headerOnTop: boolean }[];
      });
      // The last column (上年结转) has figures in some rows: the check must have seen several of them, each beside its row's name.
      expect(seen.length).toBeGreaterThan(2);
      expect(seen.filter((s) => !(s.nameInView && s.side && s.sameLine && s.headerOnTop))).toEqual([]);
      expect(new Set(seen.map((s) => s.header))).toEqual(new Set(['上年结转']));
    } finally {
      await context.close();
    }
  });
});
