import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './chromium.ts';
import { serveSite } from './static-server.ts';

/**
 * Start Chromium and a static server for the fixture site for one test
 * file; both are stopped after it. Call at the top of a describe block.
 */
export function useBrowserAndSite(): { readonly origin: string; readonly browser: Browser } {
  const state: { origin: string; browser: Browser | null; close: (() => Promise<void>) | null } = { origin: '', browser: null, close: null };
  beforeAll(async () => {
    const site = await serveSite(inject('siteDir'));
    state.origin = site.origin;
    state.close = site.close;
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.close?.();
  });
  return {
    get origin() {
      return state.origin;
    },
    get browser() {
      if (!state.browser) throw new Error('Chromium is not running');
      return state.browser;
    },
  };
}
