/**
 * The bulk zips of the built fixture site: one per region and year, holding
 * each filing's filing.json and CSVs as the site publishes them, and a data
 * package describing those CSVs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import type { DataPackage } from '../../src/lib/public-data/datapackage-schema.ts';
import type { FilingsIndex } from '../../src/lib/public-data/index-schema.ts';
import { dataIndexUrl, schemaUrl, sitePath } from '../../src/lib/site/urls.ts';
import { YONGQING_2024 } from '../helpers/fixture-content.ts';
import { publishedValidator, readJson, siteFile, siteFiles } from './public-data-helpers.ts';
import { centralDirectory } from '../helpers/zip-directory.ts';

const siteDir = inject('siteDir');
const index = readJson(siteFile(siteDir, dataIndexUrl())) as FilingsIndex;
const base = siteFile(siteDir, sitePath(''));

/** A filing's folder below the base: its id (docs/urls.md), which the zip and the data package name its files by. */
const folderOf = (id: string) => `${id}/`;

describe('bulk zips', () => {
  it('are listed in the index, one for each region and year, with their digest', () => {
    expect(index.bulk.map((b) => [b.year, Object.values(b.region).join('/'), b.filings])).toEqual([
      [2024, '上海市/普陀区', ['上海市/普陀区/财政局/2024-决算']],
      [2020, '河北省/廊坊市/广阳区', ['河北省/廊坊市/广阳区/233-人力资源和社会保障局/2020-预算']],
      [2024, '河北省/廊坊市/永清县', [YONGQING_2024]],
      [2021, '河北省/廊坊市/霸州市', ['河北省/廊坊市/霸州市/805-人力资源和社会保障局/2021-预算']],
      [2020, '河北省/秦皇岛市/抚宁区', ['河北省/秦皇岛市/抚宁区/劳动保障和人事/2020-预算']],
    ]);
    for (const bulk of index.bulk) expect(createHash('sha256').update(readFileSync(siteFile(siteDir, bulk.url))).digest('hex'), bulk.url).toBe(bulk.sha256);
  });

  it('hold each filing.json and every CSV beside it, as the site serves them, and a data package of those CSVs', () => {
    const validate = publishedValidator(siteDir, schemaUrl('datapackage', 1));
    for (const bulk of index.bulk) {
      const files = unzipSync(readFileSync(siteFile(siteDir, bulk.url)));
      const published = bulk.filings.flatMap((id) => siteFiles(join(base, folderOf(id)), /\.(json|csv)$/).filter((f) => !f.startsWith('source/')).map((f) => `${folderOf(id)}${f}`));
      expect(Object.keys(files).sort(), bulk.url).toEqual(['datapackage.json', ...published].sort());
      for (const path of published) expect(Buffer.from(files[path]!).equals(readFileSync(join(base, path))), path).toBe(true);
      const descriptor = JSON.parse(strFromU8(files['datapackage.json']!)) as DataPackage;
      expect(validate(descriptor) ? [] : validate.errors, bulk.url).toEqual([]);
      expect(descriptor.resources.map((r) => r.path), bulk.url).toEqual(published.filter((p) => p.endsWith('.csv')).sort());
    }
  });

  it('name their files in UTF-8, flagged so, in a zip made on Unix (which unzip does not read in a DOS code page)', () => {
    for (const bulk of index.bulk) {
      const zip = readFileSync(siteFile(siteDir, bulk.url));
      const entries = centralDirectory(zip);
      expect(entries.map((e) => e.name).sort(), bulk.url).toEqual(Object.keys(unzipSync(zip)).sort());
      expect(entries.filter((e) => e.madeOn !== 3 || (/[^\x00-\x7f]/.test(e.name) && !e.utf8)), bulk.url).toEqual([]);
    }
  });

  it('lists the 永清县 2024 filing file by file', () => {
    const bulk = index.bulk.find((b) => b.filings.includes(YONGQING_2024))!;
    const names = Object.keys(unzipSync(readFileSync(siteFile(siteDir, bulk.url)))).map((n) => n.replace(`${YONGQING_2024}/`, ''));
    expect(names.sort()).toEqual(
      [
        'datapackage.json',
        'filing.json',
        'projects.csv',
        'project-indicators.csv',
        ...['expenditure-summary', 'fiscal-summary', 'fixed-assets', 'general-budget-basic-expenditure', 'general-budget-expenditure', 'government-fund-expenditure', 'income-expenditure-summary', 'income-summary', 'organisation', 'procurement', 'state-capital-expenditure', 'three-public'].map((t) => `tables/${t}.csv`),
      ].sort(),
    );
  });
});
