// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { checks } from './integrations/checks.ts';
import { filingExports } from './integrations/exports.ts';
import { pagefind } from './integrations/pagefind.ts';

export default defineConfig({
  site: process.env.GONGKAI_SITE ?? 'http://localhost:4321',
  // URLs are the record's folder path (docs/urls.md); one form of each, always with the slash.
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One shared stylesheet for thousands of pages instead of copies inlined in each.
    inlineStylesheets: 'never',
  },
  // Checks first: a record with an unacknowledged error stops the build before anything is rendered.
  // MDX is for the portal's own editorial pages (src/pages/*.mdx); filings are never MDX.
  integrations: [checks(), mdx(), filingExports(), pagefind()],
});
