import { getViteConfig } from 'astro/config';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import type { FilingIdentity } from '../../src/lib/site/catalog.ts';
import { DEPARTMENTS, REGIONS } from '../../scripts/synth/vocabulary.ts';

/**
 * The home page must stay short however many filings the portal holds: it
 * lists regions with counts and a few latest filings, never departments or
 * filings one by one. Rendered here with Astro's container API from the
 * page's own components, for 10,000 synthetic filings' identities made in
 * memory (a build of that many would take minutes).
 */
let server: ViteDevServer;
let render: (filings: FilingIdentity[]) => Promise<string>;

beforeAll(async () => {
  const config = await getViteConfig(
    { server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', logLevel: 'silent' },
    { configFile: false, root: PROJECT_ROOT, logLevel: 'silent', devToolbar: { enabled: false } },
  )({ mode: 'production', command: 'serve' });
  server = await createServer({ ...config, configFile: false });
  const home = (await server.ssrLoadModule('/src/components/Catalog/HomeCatalog.astro')).default;
  const layout = (await server.ssrLoadModule('/src/layouts/BaseLayout.astro')).default;
  const { buildCatalog } = (await server.ssrLoadModule('/src/lib/site/catalog.ts')) as typeof import('../../src/lib/site/catalog.ts');
  const container = await AstroContainer.create();
  render = async (filings) => {
    const body = await container.renderToString(home, { props: { catalog: buildCatalog(filings) } });
    return container.renderToString(layout, { props: { title: '首页' }, slots: { default: body } });
  };
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** Every region × department × year × kind the synthetic vocabulary has, in a fixed order: 14,112 identities. */
function identities(count: number): FilingIdentity[] {
  const all: FilingIdentity[] = [];
  for (const year of [2025, 2024, 2023, 2022, 2021, 2020, 2019])
    for (const kind of ['预算', '决算'] as const)
      for (const region of REGIONS)
        for (const county of region.counties)
          for (const d of DEPARTMENTS) all.push({ region: { province: region.province, city: region.city, county }, department: { code: d.code, name: `${county}${d.shortName}`, shortName: d.shortName, units: [] }, year, kind });
  if (all.length < count) throw new Error(`the vocabulary has ${all.length} department-years, ${count} were asked for`);
  return all.slice(0, count);
}

const links = (html: string) => html.match(/<a\s/g)?.length ?? 0;
const REGION_COUNT = REGIONS.reduce((n, r) => n + r.counties.length + 1, 0) + new Set(REGIONS.map((r) => r.province)).size;

describe('the home page at scale', () => {
  it('for 10,000 filings is under 40 KB with a link per region and six latest filings', async () => {
    const filings = identities(10_000);
    const html = await render(filings);
    const bytes = Buffer.byteLength(html);
    console.log(`home page for 10,000 filings in ${REGION_COUNT} regions: ${bytes} bytes, ${links(html)} links`);
    expect(REGION_COUNT).toBe(65);
    expect(bytes).toBeLessThan(40_000);
    // Header, breadcrumbs and footer links are the layout's, the same on every page.
    const layoutLinks = links(await render([]));
    expect(links(html) - layoutLinks).toBe(REGION_COUNT + 6);
    const hebei = filings.filter((f) => f.region.province === '河北省');
    const departments = new Set(hebei.map((f) => `${f.region.county}/${f.department.shortName}`)).size;
    expect([departments, hebei.length]).toEqual([666, 6660]);
    expect(html).toContain(`河北省</a> <span class="gk-count">666 个部门，6660 份文件</span>`);
  });

  it('is no longer for 10,000 filings than for 1,000 in the same regions, but for the counts it shows', async () => {
    const [small, large] = [await render(identities(1_010)), await render(identities(10_000))];
    expect(links(large)).toBe(links(small));
    expect(Math.abs(Buffer.byteLength(large) - Buffer.byteLength(small))).toBeLessThan(1_000);
  });
});
