import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { PAGE_TYPES } from '../helpers/page-types.ts';
import { allPages, pageFile } from '../helpers/site-pages.ts';

const siteDir = inject('siteDir');

/**
 * html-validate's recommended rules, with one exception: the scroll wrapper
 * of a wide table is `<div role="region" aria-labelledby=… tabindex="0">`,
 * the scrollable-region pattern that axe-core checks for; a `<section>`
 * would mean the same, so the rule that prefers it is off for `region` only.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'prefer-native-element': ['error', { exclude: ['region'] }] },
});

describe('html-validate', () => {
  const pages = allPages(siteDir);

  it('the built site has every page type', () => {
    for (const { url } of PAGE_TYPES.filter((p) => p.status === undefined)) expect(pages).toContain(url);
    expect(pages).toContain('/404.html');
  });

  // A page without an icon makes the browser ask for /favicon.ico, which the site does not have, and which is outside a sub-path portal.
  it('names the site icon in every page', () => {
    const without = pages.filter((url) => !readFileSync(pageFile(siteDir, url), 'utf8').includes(`<link rel="icon" href="/favicon.svg" type="image/svg+xml"`));
    expect(without).toEqual([]);
    expect(pages.filter((url) => url.endsWith('/print/')).length).toBeGreaterThan(0);
  });

  it.each(pages)('finds no error in %s', async (url) => {
    const report = await validator.validateFile(pageFile(siteDir, url));
    const messages = report.results.flatMap((r) => r.messages).map((m) => `${m.ruleId} at ${m.line}:${m.column} ${m.selector ?? ''}: ${m.message}`);
    expect(messages).toEqual([]);
  });
});
