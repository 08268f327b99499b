import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../helpers/browser-suite.ts';
import { skipBrowserTests } from '../helpers/chromium.ts';
import { FILING_URL } from '../helpers/page-types.ts';

/** WCAG 2.2 AA as axe-core tags it (as in accessibility.test.ts). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BOTH = 'gk-mode-large-text gk-mode-high-contrast';

/** Presses Tab until the button named `name` has focus; fails after 20 presses. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement?.tagName === 'BUTTON' ? document.activeElement.textContent?.trim() : null));
    if (focused === name) return;
  }
  throw new Error(`Tab never reached the button ${name}`);
}

async function modeState(page: Page): Promise<{ html: string; pressed: (string | null)[]; shown: boolean }> {
  return page.evaluate(() => ({
    html: [...document.documentElement.classList].filter((c) => c.startsWith('gk-mode-')).join(' '),
    pressed: [...document.querySelectorAll('[data-gk-reading-mode] button')].map((b) => `${b.textContent?.trim()}=${b.getAttribute('aria-pressed')}`),
    shown: !(document.querySelector('[data-gk-reading-mode]') as HTMLElement).hidden,
  }));
}

/** A context whose pages start with both modes saved, as a reader who chose them earlier. */
async function withBothModes(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => window.localStorage.setItem('gk-reading-mode', 'large-text high-contrast'));
}

describe.skipIf(skipBrowserTests)('适老化 reading mode (大字, 高对比)', () => {
  const site = useBrowserAndSite();

  it('is switched on by keyboard (Enter, Space) and still on after a reload', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(new URL(FILING_URL, site.origin).href);
      expect(await modeState(page)).toEqual({ html: '', pressed: ['大字=false', '高对比=false'], shown: true });
      await tabTo(page, '大字');
      await page.keyboard.press('Enter');
      await tabTo(page, '高对比');
      await page.keyboard.press('Space');
      expect(await modeState(page)).toEqual({ html: BOTH, pressed: ['大字=true', '高对比=true'], shown: true });
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
      await page.reload();
      expect(await modeState(page)).toEqual({ html: BOTH, pressed: ['大字=true', '高对比=true'], shown: true });
      // Off again with Enter, and kept off.
      await page.focus('[data-mode="large-text"]');
      await page.keyboard.press('Enter');
      await page.reload();
      expect(await modeState(page)).toEqual({ html: 'gk-mode-high-contrast', pressed: ['大字=false', '高对比=true'], shown: true });
      expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    } finally {
      await context.close();
    }
  });

  it('is not on the page without JavaScript, and the page reads as usual', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(new URL(FILING_URL, site.origin).href);
      expect(await page.locator('[data-gk-reading-mode]').isVisible()).toBe(false);
      expect(await page.locator('h1').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it.each([
    { type: 'home', url: '/' },
    { type: 'filing', url: FILING_URL },
  ])('axe-core finds no WCAG 2.2 AA violation on the $type page with both modes on', async ({ url }) => {
    const context = await site.browser.newContext();
    try {
      await withBothModes(context);
      const page = await context.newPage();
      await page.goto(new URL(url, site.origin).href);
      expect((await modeState(page)).html).toBe(BOTH);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each([
    { type: 'home', url: '/', width: 360, scale: 3 },
    { type: 'filing', url: FILING_URL, width: 360, scale: 3 },
    { type: 'filing at 200% zoom', url: FILING_URL, width: 640, scale: 2 },
  ])('the $type page does not scroll sideways at $width px with both modes on', async ({ url, width, scale }) => {
    const context = await site.browser.newContext({ viewport: { width, height: 740 }, deviceScaleFactor: scale });
    try {
      await withBothModes(context);
      const page = await context.newPage();
      await page.goto(new URL(url, site.origin).href);
      expect((await modeState(page)).html).toBe(BOTH);
      const widths = await page.evaluate(() => ({ inner: window.innerWidth, scroll: document.documentElement.scrollWidth }));
      expect(widths).toEqual({ inner: width, scroll: width });
    } finally {
      await context.close();
    }
  });

  it('print ignores the mode', async () => {
    const context = await site.browser.newContext();
    try {
      await withBothModes(context);
      const page = await context.newPage();
      await page.goto(new URL(FILING_URL, site.origin).href);
      await page.emulateMedia({ media: 'print' });
      const printed = () => page.evaluate(() => ({ size: getComputedStyle(document.documentElement).fontSize, link: getComputedStyle(document.querySelector('main a')!).color }));
      const withMode = await printed();
      await page.evaluate(() => document.documentElement.classList.remove('gk-mode-large-text', 'gk-mode-high-contrast'));
      expect(withMode).toEqual(await printed());
      expect(await page.locator('[data-gk-reading-mode]').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
