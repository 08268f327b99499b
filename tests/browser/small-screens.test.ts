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
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      // Chromium animates keyboard scrolling, so the offset is read until it moves (or the poll times out).
      await expect.poll(() => wrapper.evaluate((el) => el.scrollLeft), { timeout: 5_000 }).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
