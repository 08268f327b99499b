import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../helpers/browser-suite.ts';
import { skipBrowserTests } from '../helpers/chromium.ts';
import { PAGE_TYPES } from '../helpers/page-types.ts';

/** WCAG 2.2 AA as axe-core tags it: the 2.0, 2.1 and 2.2 A and AA rules. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe.skipIf(skipBrowserTests)('axe-core finds no WCAG 2.2 AA violation', () => {
  const site = useBrowserAndSite();

  // One tab goes from page type to page type: a new tab costs Chromium a renderer each time.
  let tab: Page | undefined;
  afterAll(() => tab?.context().close());

  it.each(PAGE_TYPES)('on the $type page ($url)', async ({ url, status }) => {
    tab ??= await (await site.browser.newContext()).newPage();
    const response = await tab.goto(new URL(url, site.origin).href);
    expect(response?.status()).toBe(status ?? 200);
    const results = await new AxeBuilder({ page: tab }).withTags(WCAG_TAGS).analyze();
    const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
    expect(violations).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(0);
  });
});
