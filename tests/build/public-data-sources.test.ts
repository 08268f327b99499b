/**
 * A text source reads right in a browser whatever the host says about it:
 * served as nginx serves a .txt by default (text/plain, no charset), the
 * published copy shows its Chinese in Chromium, where the record's own bytes
 * show mojibake.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PublicFiling } from '../../src/lib/public-data/filing-schema.ts';
import { absoluteUrl, filingUrl } from '../../src/lib/site/urls.ts';
import { launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { YONGQING_2024 } from '../helpers/fixture-content.ts';
import { readJson, siteFile } from './public-data-helpers.ts';

const siteDir = inject('siteDir');
const contentRoot = inject('contentRoot');

describe.skipIf(skipBrowserTests)('a text source in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const filing = readJson(join(siteDir, ...YONGQING_2024.split('/'), 'filing.json')) as PublicFiling;
  const source = filing.sources[0]!;
  const url = new URL(source.url, absoluteUrl(filingUrl(filing))).href;
  const original = readFileSync(join(contentRoot, YONGQING_2024, 'source', source.name));

  /** What Chromium shows for `bytes` served at the source's URL as text/plain without a charset. */
  async function shown(bytes: Buffer): Promise<string> {
    const page = await browser.newPage();
    await page.route(url, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/plain' }, body: bytes }));
    await page.goto(url);
    const text = await page.locator('body').innerText();
    await page.close();
    return text;
  }

  it('shows the Chinese of the published copy, which starts with the UTF-8 byte-order mark', async () => {
    const published = readFileSync(join(siteFile(siteDir, filingUrl(filing)), source.url));
    expect([...published.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await shown(published);
    expect(text.trim()).toBe(original.toString('utf8').trim());
    expect(text).toContain('永清县人力资源和社会保障局');
  });

  it('shows mojibake for the same bytes without the mark (why the copy carries it)', async () => {
    const text = await shown(original);
    expect(text).not.toContain('永清县人力资源和社会保障局');
  });
});
