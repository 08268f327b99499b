import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtBase, writeIntranetZip } from '../../scripts/package-intranet.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { YONGQING_2024 } from '../helpers/fixture-content.ts';
import { DEPLOY_NGINX_CONF, adaptConfig, nginxBinary, skipNginxTests, startNginx, type RunningNginx } from './nginx-server.ts';
import { buildSite, type BuiltSite } from './site-build.ts';

const SHORT = 'public, max-age=300';
const LONG = 'public, max-age=31536000, immutable';
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

/** A word of the 永清县 2024 filing's project titles, as a reader types it. */
const QUERY = '就业见习补贴';

/** Site-relative paths (with `/`) of every file of a built site. */
function siteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

function first(files: string[], pattern: RegExp): string {
  const found = files.find((f) => pattern.test(f));
  if (!found) throw new Error(`the built site has no file matching ${pattern}`);
  return found;
}

/** The response headers a test reads, and the status; the body as text. */
async function get(origin: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, origin), { redirect: 'manual', headers });
  const header = (name: string) => response.headers.get(name);
  return { status: response.status, header, body: await response.text() };
}

/**
 * Served by nginx with deploy/nginx.conf, at the base the site was built for:
 * `/` (the conf with "/yjsgk/" replaced, as docs/deploy.md says) and `/yjsgk/`
 * (the conf as written, the intranet zip unzipped into the root).
 */
describe.skipIf(skipNginxTests).each(['/', '/yjsgk/'])('deploy/nginx.conf serving a site built for %s', (base) => {
  const state: { site: string; built: BuiltSite | null; root: string; nginx: RunningNginx | null; files: string[] } = { site: '', built: null, root: '', nginx: null, files: [] };
  const at = (path: string) => `${base}${path}`;

  beforeAll(async () => {
    if (!nginxBinary) throw new Error('no nginx binary (CI=true makes this a failure): apt-get install -y nginx');
    // In the 'site' project the fixture site serves for / when content/site.yaml builds it for /.
    const shared = base === '/' ? (inject('siteDir') as string | undefined) : undefined;
    if (shared && builtBase(shared) === '/') state.site = shared;
    else {
      state.built = buildSite(base);
      state.site = state.built.dir;
    }
    state.files = siteFiles(state.site);
    if (base === '/') state.root = state.site;
    else {
      // At a sub-path the site arrives as the intranet zip does, unzipped into the document root.
      state.root = mkdtempSync(join(tmpdir(), 'gongkai-nginx-root-'));
      const zip = join(state.root, 'site.zip');
      await writeIntranetZip(state.site, base, zip);
      for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(zip))))) {
        mkdirSync(dirname(join(state.root, name)), { recursive: true });
        writeFileSync(join(state.root, name), bytes);
      }
    }
    const conf = readFileSync(DEPLOY_NGINX_CONF, 'utf8');
    state.nginx = await startNginx((port) => adaptConfig(conf, base, port, state.root));
  }, 300_000);

  afterAll(async () => {
    await state.nginx?.stop();
    if (base !== '/' && state.root) rmSync(state.root, { recursive: true, force: true });
    state.built?.remove();
  });

  const origin = () => state.nginx!.origin;

  it('serves a filing page as UTF-8 HTML, cached briefly, with the security headers', async () => {
    const page = await get(origin(), at(`${YONGQING_2024}/`));
    expect([page.status, page.header('content-type'), page.header('cache-control')]).toEqual([200, 'text/html; charset=utf-8', SHORT]);
    expect([page.header('content-security-policy'), page.header('x-content-type-options'), page.header('x-frame-options'), page.header('referrer-policy')]).toEqual([
      CSP,
      'nosniff',
      'SAMEORIGIN',
      'strict-origin-when-cross-origin',
    ]);
    expect(page.body).toContain(`href="${base}_astro/`);
  });

  it("answers a missing page with the portal's 404 page and status 404", async () => {
    const missing = await get(origin(), at('no-such-page/'));
    expect([missing.status, missing.header('content-type')]).toEqual([404, 'text/html; charset=utf-8']);
    expect(missing.body).toBe(readFileSync(join(state.site, '404.html'), 'utf8'));
  });

  it('lists no folder: a folder without index.html is a 404 like a missing page', async () => {
    const listing = await get(origin(), at('_astro/'));
    expect([listing.status, listing.body]).toEqual([404, readFileSync(join(state.site, '404.html'), 'utf8')]);
  });

  it('redirects a folder named without its slash to the folder, naming no host', async () => {
    const region = YONGQING_2024.split('/')[0]!;
    const redirect = await get(origin(), at(region));
    expect([redirect.status, decodeURI(redirect.header('location') ?? '')]).toEqual([301, at(`${region}/`)]);
  });

  it('serves a .txt source document, a CSV table and the JSON record as UTF-8, cached briefly, without the page policy', async () => {
    const kinds = [first(state.files, /\/source\/[^/]+\.txt$/), first(state.files, /\/tables\/[^/]+\.csv$/), first(state.files, /\.json$/)];
    const served = await Promise.all(kinds.map((file) => get(origin(), at(file))));
    expect(served.map((r) => [r.status, r.header('content-type'), r.header('cache-control'), r.header('content-security-policy')])).toEqual([
      [200, 'text/plain; charset=utf-8', SHORT, null],
      [200, 'text/csv; charset=utf-8', SHORT, null],
      [200, 'application/json; charset=utf-8', SHORT, null],
    ]);
  });

  it("serves a PDF without the page policy, which would stop Chrome's PDF viewer", async () => {
    const pdf = await get(origin(), at(first(state.files, /\.pdf$/)));
    expect([pdf.status, pdf.header('content-type'), pdf.header('content-security-policy')]).toEqual([200, 'application/pdf', null]);
  });

  it("keeps Astro's hashed stylesheets and scripts a year, compressed", async () => {
    const css = await get(origin(), at(first(state.files, /^_astro\/[^/]+\.css$/)), { 'accept-encoding': 'gzip' });
    const js = await get(origin(), at(first(state.files, /^_astro\/[^/]+\.js$/)), { 'accept-encoding': 'gzip' });
    expect([css.status, css.header('content-type'), css.header('cache-control'), css.header('content-encoding')]).toEqual([200, 'text/css; charset=utf-8', LONG, 'gzip']);
    expect([js.status, js.header('content-type'), js.header('cache-control'), js.header('content-encoding')]).toEqual([200, 'application/javascript; charset=utf-8', LONG, 'gzip']);
  });

  it("keeps Pagefind's hashed index files a year, and those that keep their names briefly", async () => {
    const hashed = [/^pagefind\/index\//, /^pagefind\/fragment\//, /^pagefind\/filter\//, /^pagefind\/pagefind\.[^/]+\.pf_meta$/].map((p) => first(state.files, p));
    const named = ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', first(state.files, /^pagefind\/wasm\.[^/]+\.pagefind$/)];
    const served = await Promise.all([...hashed, ...named].map((file) => get(origin(), at(file), { 'accept-encoding': 'gzip' })));
    expect(served.map((r) => [r.status, r.header('cache-control')])).toEqual([...hashed.map(() => [200, LONG]), ...named.map(() => [200, SHORT])]);
    // Pagefind writes its index as gzip data: compressing it again would only cost time.
    expect(served.slice(0, hashed.length).map((r) => r.header('content-encoding'))).toEqual(hashed.map(() => null));
  });

  it("has a MIME type in deploy/web.config for every kind of file it holds: IIS refuses to serve the others", () => {
    const mapped = new Set([...readFileSync(join(PROJECT_ROOT, 'deploy', 'web.config'), 'utf8').matchAll(/<mimeMap fileExtension="([^"]+)"/g)].map((m) => m[1]!));
    const extensions = new Set(state.files.map((f) => /\.[^./]+$/.exec(f)?.[0] ?? f));
    expect([...extensions].filter((e) => !mapped.has(e))).toEqual([]);
  });

  it.skipIf(skipBrowserTests)('shows every page type in Chromium under the page policy, and the search finds a filing: no policy violation, no failed request', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const missing = 'no-such-page/';
      let current = '';
      page.on('console', (m) => {
        // The one 404 expected is the missing page's own, which Chromium reports as a failed load.
        if (current === missing && m.text().startsWith('Failed to load resource: the server responded with a status of 404')) return;
        if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      // A request cut short by the next navigation (the favicon, often) is not a failure of the server's.
      page.on('requestfailed', (r) => {
        if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400 && r.url() !== new URL(at(missing), origin()).href) problems.push(`${r.status()} ${r.url()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      const pages = ['', 'glossary/', 'about/', `${YONGQING_2024.split('/').slice(0, 3).join('/')}/`, `${YONGQING_2024}/`, missing];
      const styled: string[] = [];
      for (const path of pages) {
        current = path;
        await page.goto(new URL(at(path), origin()).href);
        // Every stylesheet loaded and read: none refused by the policy.
        const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.cssRules.length > 0));
        if (sheets.length > 0 && sheets.every(Boolean)) styled.push(path);
      }
      expect(styled).toEqual(pages);
      // The printable view's former address sends the reader to the filing page, which prints as the view did.
      current = `${YONGQING_2024}/print/`;
      await page.goto(new URL(at(current), origin()).href);
      await page.waitForURL(new URL(at(`${YONGQING_2024}/`), origin()).href);
      current = 'search/';
      await page.goto(new URL(at(current), origin()).href);
      await page.locator('input[type="search"]').fill(QUERY);
      const links = page.locator('main .pagefind-ui__result-link');
      await links.first().waitFor({ timeout: 20_000 });
      const found = await links.evaluateAll((all) => all.map((a) => decodeURI((a as HTMLAnchorElement).pathname)));
      expect(found).toContain(at(`${YONGQING_2024}/`));
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  // Pagefind runs its WebAssembly in pagefind-worker.js, whose response carries no page policy. Where a
  // browser cannot start the worker, Pagefind runs it in the page: 'wasm-unsafe-eval' is for that case.
  it.skipIf(skipBrowserTests)('finds a filing when Pagefind runs in the page, without its worker, under the page policy', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|WebAssembly/i.test(m.text())) violations.push(m.text());
      });
      await page.route('**/pagefind-worker.js', (route) => route.abort());
      await page.goto(new URL(at('search/'), origin()).href);
      await page.locator('input[type="search"]').fill(QUERY);
      const links = page.locator('main .pagefind-ui__result-link');
      await links.first().waitFor({ timeout: 20_000 });
      const found = await links.evaluateAll((all) => all.map((a) => decodeURI((a as HTMLAnchorElement).pathname)));
      expect([found.includes(at(`${YONGQING_2024}/`)), violations]).toEqual([true, []]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
