import { createHash } from 'node:crypto';
import { siteConfigDigest } from '../site/site-config.ts';

/**
 * The `cacheKey` of a page (Astro's incremental build, docs/scale.md): a
 * digest of everything it shows besides its code, whose own digest Astro
 * adds. The compiled hashes of the filings it shows (which cover the
 * compiler's version), what it takes from the whole portal, and the site's
 * configuration, which pages read from content/site.yaml rather than import.
 */
export function pageKey(...parts: readonly string[]): string {
  const hash = createHash('sha256').update(siteConfigDigest());
  for (const part of parts) hash.update('\0').update(part);
  return hash.digest('base64url');
}
