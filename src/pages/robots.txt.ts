import type { APIRoute } from 'astro';
import { absoluteUrl, sitemapUrl } from '../lib/site/urls.ts';

/**
 * Every page may be indexed; the sitemap lists them. Crawlers read
 * robots.txt only at the root of a host: a portal mounted under a sub-path
 * (/yjsgk/) publishes this file there too, and the host's own robots.txt
 * should carry its Sitemap line (docs/data.md#robots).
 */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapUrl())}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
