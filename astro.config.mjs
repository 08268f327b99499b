// @ts-check
import { defineConfig } from 'astro/config';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SITE_CONFIG, SiteConfigError, loadSiteConfig } from './src/lib/site/site-config.ts';

// Pages are bundled into a staging folder, where a path made from their own module's
// location points elsewhere: they find the project and its configuration through these.
process.env['GONGKAI_PROJECT_ROOT'] = fileURLToPath(new URL('./', import.meta.url));
process.env['GONGKAI_SITE_CONFIG'] = resolve(process.env['GONGKAI_SITE_CONFIG'] ?? DEFAULT_SITE_CONFIG);

/**
 * content/site.yaml (docs/site-config.md), read first: a mistake in it stops
 * the build before anything runs, with the file and field named, not a stack
 * trace. The integrations are imported after it, since modules they load make
 * URLs from it as they load.
 */
function siteConfig() {
  try {
    return loadSiteConfig();
  } catch (error) {
    if (!(error instanceof SiteConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const { siteUrl, basePath } = siteConfig();
const { default: mdx } = await import('@astrojs/mdx');
const { checks } = await import('./integrations/checks.ts');
const { filingExports } = await import('./integrations/exports.ts');
const { pagefind } = await import('./integrations/pagefind.ts');
const { carriedPages } = await import('./integrations/carried-pages.ts');

export default defineConfig({
  site: siteUrl,
  // A sub-path such as /yjsgk/, where a 政府网站 mounts its columns; every URL is made under it (src/lib/site/urls.ts).
  base: basePath,
  // URLs are the record's folder path (docs/urls.md); one form of each, always with the slash.
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One shared stylesheet for thousands of pages instead of copies inlined in each.
    inlineStylesheets: 'never',
    concurrency: 4,
  },
  // Checks first: a record with an unacknowledged error stops the build before anything is rendered.
  // MDX is for the portal's own editorial pages (src/pages/*.mdx); filings are never MDX.
  // A rebuild's pages start as the site it replaces: an unchanged page is neither rendered nor copied.
  integrations: [checks(), carriedPages(), mdx(), filingExports(), pagefind()],
  // A page whose cacheKey (src/lib/compile/page-keys.ts) and code are unchanged since the last build is copied, not rendered: adding one filing renders its pages, not the portal's.
  experimental: { incrementalBuild: true },
});
