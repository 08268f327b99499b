import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const inCi = process.env['CI'] === 'true' || process.env['CI'] === '1';

/**
 * Whether the browser tests can run. Without Chromium they are skipped with
 * a banner nobody can miss; under CI=true a missing Chromium is a failure
 * (see `requireChromium`), never a quiet skip.
 */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
export const skipBrowserTests = !chromiumAvailable && !inCi;

if (!chromiumAvailable) {
  const line = '!'.repeat(78);
  console.error(
    `\n${line}\n!! BROWSER TESTS CANNOT RUN: no Chromium at ${CHROMIUM_PATH}.\n!! Install it with: apt-get install -y chromium fonts-noto-cjk poppler-utils\n!! ${inCi ? 'CI=true: this is a FAILURE.' : 'Skipping accessibility, 360 px / 200% zoom, print and search tests.'}\n${line}\n`,
  );
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable) throw new Error(`no Chromium at ${CHROMIUM_PATH}: the browser tests need Debian's chromium package (CI=true makes this a failure)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}
