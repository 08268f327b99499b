import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SiteConfigError, loadSiteConfig, parseSiteConfig } from '../../src/lib/site/site-config.ts';

/** A portal's whole configuration, every optional field given. */
const PORTAL = `name: 廊坊市部门预算决算公开平台
shortName: 预决算公开
lang: zh-CN
siteUrl: https://www.lf.gov.cn/
basePath: /yjsgk
organizer: 廊坊市财政局
operator: 廊坊市信息中心
contact:
  phone: 0316-2222222
  email: czj@lf.gov.cn
  address: 廊坊市广阳区新华路 1 号
siteCode: '1310000001'
icp: 冀ICP备05003200号-1
publicSecurityRecord: 冀公网安备13100302000123号
partyGovernmentMark:
  image: favicon.svg
  href: https://bszs.conac.cn/sitename?method=show&id=ABC
errorReportUrl: https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=1310000001
`;

/** The portal's configuration with one line replaced (or removed, with `null`). */
function edited(line: string, replacement: string | null): string {
  const lines = PORTAL.split('\n');
  const at = lines.findIndex((l) => l.startsWith(line));
  if (at < 0) throw new Error(`no line ${line}`);
  lines.splice(at, 1, ...(replacement === null ? [] : [replacement]));
  return lines.join('\n');
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SiteConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a SiteConfigError');
}

const folder = mkdtempSync(join(tmpdir(), 'gongkai-site-config-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function configFile(name: string, text: string): string {
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
}

describe('content/site.yaml', () => {
  it('ships the demo configuration, marked as an example', () => {
    expect(loadSiteConfig({})).toEqual({
      example: true,
      name: '示例市部门预算决算公开平台（示例）',
      shortName: '预决算公开（示例）',
      lang: 'zh-CN',
      siteUrl: 'https://www.example.gov.cn',
      basePath: '/',
      organizer: '示例市财政局（示例）',
      operator: '示例市财政局信息中心（示例）',
      contact: { phone: '0000-00000000', email: 'yjsgk@example.gov.cn', address: '示例市示例路 1 号（示例）' },
      siteCode: '0000000000',
      icp: '京ICP备00000000号',
      publicSecurityRecord: { text: '京公网安备00000000000000号', code: '00000000000000' },
    });
  });

  it("reads a portal's identifiers: the site's origin, the base path with its slash, the 公安机关备案号's digits", () => {
    expect(parseSiteConfig(PORTAL, 'site.yaml')).toEqual({
      example: false,
      name: '廊坊市部门预算决算公开平台',
      shortName: '预决算公开',
      lang: 'zh-CN',
      siteUrl: 'https://www.lf.gov.cn',
      basePath: '/yjsgk/',
      organizer: '廊坊市财政局',
      operator: '廊坊市信息中心',
      contact: { phone: '0316-2222222', email: 'czj@lf.gov.cn', address: '廊坊市广阳区新华路 1 号' },
      siteCode: '1310000001',
      icp: '冀ICP备05003200号-1',
      publicSecurityRecord: { text: '冀公网安备13100302000123号', code: '13100302000123' },
      partyGovernmentMark: { image: 'favicon.svg', href: 'https://bszs.conac.cn/sitename?method=show&id=ABC' },
      errorReportUrl: 'https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=1310000001',
    });
  });

  it('GONGKAI_SITE_CONFIG names another file; GONGKAI_BASE mounts one build elsewhere', () => {
    const file = configFile('portal.yaml', PORTAL);
    expect(loadSiteConfig({ GONGKAI_SITE_CONFIG: file }).basePath).toBe('/yjsgk/');
    expect(loadSiteConfig({ GONGKAI_SITE_CONFIG: file, GONGKAI_BASE: '/' }).basePath).toBe('/');
    expect(loadSiteConfig({ GONGKAI_SITE_CONFIG: file, GONGKAI_BASE: '/zwgk/yjs' }).basePath).toBe('/zwgk/yjs/');
  });

  it.each([
    ['icp', 'icp: 冀ICP备号', 'content/site.yaml: icp: expected the ICP备案号 as issued, such as 京ICP备12345678号 or 京ICP备12345678号-1'],
    ['publicSecurityRecord', 'publicSecurityRecord: 冀公网安备123号', 'content/site.yaml: publicSecurityRecord: expected the 公安机关备案号 as issued, such as 京公网安备11010502030143号 (14 digits)'],
    ['siteCode', 'siteCode: 131000', 'content/site.yaml: siteCode: expected the 10-character 网站标识码 as issued, such as 1100000001 or bm01000001'],
    ['siteUrl', 'siteUrl: https://www.lf.gov.cn/yjsgk/', 'content/site.yaml: siteUrl: expected the site\'s origin only, such as https://www.example.gov.cn; put the sub-path "/yjsgk/" in basePath'],
    ['basePath', 'basePath: /预决算/', 'content/site.yaml: basePath: expected "/" or a sub-path such as /yjsgk/: starting with /, made of letters, digits, - _ . ~'],
    ['lang', 'lang: en', 'content/site.yaml: lang: expected zh-CN: the pages are written in Chinese'],
    ['organizer', null, 'content/site.yaml: organizer: required field is missing (expected string)'],
    ['  image', '  image: https://www.lf.gov.cn/dzjg.png', 'content/site.yaml: partyGovernmentMark.image: expected a file under public/ (such as images/dzjg.png), not an address: the pages request nothing from other sites'],
    ['  image', '  image: images/dzjg.png', 'content/site.yaml: partyGovernmentMark.image: expected a file under public/, found no file public/images/dzjg.png'],
    ['  email', '  email: czj at lf.gov.cn', 'content/site.yaml: contact.email: expected an email address such as yjsgk@example.gov.cn'],
    ['errorReportUrl', 'errorReportUrl: zfwzgl.www.gov.cn', 'content/site.yaml: errorReportUrl: expected an address that starts with https:// or http://'],
    ['icp', 'icpNumber: 冀ICP备05003200号', 'content/site.yaml: icp: required field is missing (expected string)\ncontent/site.yaml: (top level): unknown field "icpNumber"'],
  ])('names the field of a mistake: %s', (line, replacement, message) => {
    expect(messageOf(() => parseSiteConfig(edited(line, replacement), 'content/site.yaml'))).toBe(message);
  });

  it('lists every mistake, one a line, each beginning with the file and the field', () => {
    const contact = PORTAL.replace(/contact:\n(?: {2}.*\n)+/, 'contact:\n  address: 新华路 1 号\n');
    expect(messageOf(() => parseSiteConfig(contact.replace('shortName: 预决算公开\n', ''), 'content/site.yaml'))).toBe(
      ['content/site.yaml: shortName: required field is missing (expected string)', 'content/site.yaml: contact: expected a phone or an email: the footer gives a way to reach the site'].join('\n'),
    );
  });

  it('says where YAML itself is broken, and what the file should hold', () => {
    expect(messageOf(() => parseSiteConfig(`${PORTAL}icp: 冀ICP备05003200号\n`, 'content/site.yaml'))).toBe('content/site.yaml:19: not valid YAML: Map keys must be unique');
    expect(messageOf(() => parseSiteConfig('- name\n', 'content/site.yaml'))).toBe('content/site.yaml: expected a mapping of fields (name:, shortName:, siteUrl: …), as in docs/site-config.md');
  });

  it('names a missing file and a wrong GONGKAI_BASE', () => {
    const missing = join(folder, 'missing.yaml');
    expect(messageOf(() => loadSiteConfig({ GONGKAI_SITE_CONFIG: missing }))).toBe(`${missing}: the site configuration does not exist: copy the example in docs/site-config.md`);
    expect(messageOf(() => loadSiteConfig({ GONGKAI_BASE: 'yjsgk gk' }))).toBe('GONGKAI_BASE: expected "/" or a sub-path such as /yjsgk/: starting with /, made of letters, digits, - _ . ~, found "yjsgk gk"');
  });
});

describe('URLs under a base path', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.resetModules();
  });

  const filing = { region: { province: '河北省', city: '廊坊市', county: '永清县' }, department: { code: '316', name: '永清县人力资源和社会保障局', shortName: '人力资源和社会保障局', units: [] }, year: 2024, kind: '预算' as const };

  it('every kind of URL starts with the configured base path', async () => {
    process.env['GONGKAI_SITE_CONFIG'] = configFile('base.yaml', PORTAL);
    vi.resetModules();
    const urls = await import('../../src/lib/site/urls.ts');
    const { HOME_CRUMB } = await import('../../src/lib/site/breadcrumbs.ts');
    const { urlFor } = await import('../../src/lib/records/filing-path.ts');
    const page = '/yjsgk/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/';
    expect([urls.filingUrl(filing), urls.jsonUrl(filing), urls.csvUrl(filing, 'income'), urls.sourceUrl(filing, 'source/a.pdf')]).toEqual([
      page,
      `${page}filing.json`,
      `${page}tables/income.csv`,
      `${page}source/a.pdf`,
    ]);
    expect([urls.departmentUrl(filing), urlFor(['河北省']), urlFor([]), HOME_CRUMB.href]).toEqual(['/yjsgk/河北省/廊坊市/永清县/316-人力资源和社会保障局/', '/yjsgk/河北省/', '/yjsgk/', '/yjsgk/']);
    expect([urls.HOME_URL, urls.SEARCH_URL, urls.GLOSSARY_URL, urls.ABOUT_URL, urls.SITE_MAP_URL, urls.PAGEFIND_URL, urls.sitePath('favicon.svg')]).toEqual([
      '/yjsgk/',
      '/yjsgk/search/',
      '/yjsgk/glossary/',
      '/yjsgk/about/',
      '/yjsgk/sitemap/',
      '/yjsgk/pagefind/',
      '/yjsgk/favicon.svg',
    ]);
    expect(urls.absoluteUrl(urls.departmentUrl(filing))).toBe(
      'https://www.lf.gov.cn/yjsgk/%E6%B2%B3%E5%8C%97%E7%9C%81/%E5%BB%8A%E5%9D%8A%E5%B8%82/%E6%B0%B8%E6%B8%85%E5%8E%BF/316-%E4%BA%BA%E5%8A%9B%E8%B5%84%E6%BA%90%E5%92%8C%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%9A%9C%E5%B1%80/',
    );
    expect(urls.publicSecurityRecordUrl('13100302000123')).toBe('http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=13100302000123');
  });

  it('the record tools load the URL module without reading the configuration: only making a URL does', async () => {
    process.env['GONGKAI_SITE_CONFIG'] = configFile('broken.yaml', edited('icp', 'icp: 冀ICP'));
    vi.resetModules();
    const { filingId, urlFor } = await import('../../src/lib/records/filing-path.ts');
    expect(filingId(filing)).toBe('河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算');
    expect(() => urlFor(['河北省'])).toThrow(`${join(folder, 'broken.yaml')}: icp: expected the ICP备案号 as issued, such as 京ICP备12345678号 or 京ICP备12345678号-1`);
  });
});
