/**
 * The open data of the built fixture site (docs/data.md): every public JSON
 * validates against the JSON Schema the site publishes, holds nothing of
 * the build machine, and says what the CSVs and the record say.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { publicFilingSchema, type PublicFiling } from '../../src/lib/public-data/filing-schema.ts';
import { filingsIndexSchema, type FilingsIndex } from '../../src/lib/public-data/index-schema.ts';
import { dataPackageSchema, type DataPackage } from '../../src/lib/public-data/datapackage-schema.ts';
import { absoluteUrl, dataIndexUrl, dataPackageUrl, feedUrl, filingUrl, jsonUrl, schemaUrl } from '../../src/lib/site/urls.ts';
import { YONGQING_2024 } from '../helpers/fixture-content.ts';
import { publishedValidator, readCsv, readJson, siteFile, siteFiles } from './public-data-helpers.ts';

const siteDir = inject('siteDir');
const contentRoot = inject('contentRoot');
const { filings: records } = loadAllFilings(PROJECT_ROOT, contentRoot);
const jsonFiles = siteFiles(siteDir, /^filing\.json$/);
const published = new Map(jsonFiles.map((file) => [file.slice(0, -'/filing.json'.length), readJson(join(siteDir, file)) as PublicFiling]));
const index = readJson(siteFile(siteDir, dataIndexUrl())) as FilingsIndex;
const dataPackage = readJson(siteFile(siteDir, dataPackageUrl())) as DataPackage;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Every string and key of a JSON value, with where it is. */
function* walk(value: unknown, path = '$'): Generator<{ path: string; key?: string; text?: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* walk(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield { path, key: k };
      yield* walk(v, `${path}.${k}`);
    }
  }
}

describe('filing.json', () => {
  it('is published for every filing of the content tree', () => {
    expect([...published.keys()]).toEqual(records.map((r) => r.id).sort());
  });

  it('validates against the published schema filing-1.json, and has no field the schema does not name', () => {
    const validate = publishedValidator(siteDir, schemaUrl('filing', 1));
    for (const [id, filing] of published) {
      expect(validate(filing) ? [] : validate.errors, id).toEqual([]);
      // The zod schema drops fields it does not know: the round trip is the same value only if there were none.
      expect(publicFilingSchema.parse(filing), id).toEqual(filing);
    }
  });

  it('holds no path of the build machine and no key named dir', () => {
    const machine = ['/work/', '/tmp/', PROJECT_ROOT, contentRoot, siteDir];
    for (const [id, filing] of published) {
      const leaks = [...walk(filing)].filter((n) => n.key === 'dir' || (n.text !== undefined && machine.some((p) => n.text!.includes(p))));
      expect(leaks, id).toEqual([]);
    }
  });

  it('gives every table of the record whole, and each CSV beside it holds the same rows', () => {
    for (const record of records) {
      const filing = published.get(record.id)!;
      expect(filing.tables.map((t) => t.id)).toEqual(record.tables.map((t) => t.id));
      for (const [i, table] of filing.tables.entries()) {
        expect(table.rows, `${record.id} ${table.id}`).toEqual(record.tables[i]!.rows.map((row) => row.map((cell) => cell ?? '')));
        const csv = readCsv(readFileSync(join(siteFile(siteDir, filingUrl(filing)), table.url), 'utf8'));
        expect(csv[0], `${record.id} ${table.id}`).toEqual(table.columns.map((c) => c.name));
        expect(csv.slice(1), `${record.id} ${table.id}`).toEqual(table.rows);
      }
    }
  });

  it('publishes a text source with a byte-order mark before the bytes of the record, and both digests', () => {
    const filing = published.get(YONGQING_2024)!;
    const original = readFileSync(join(contentRoot, YONGQING_2024, 'source', 'yongqing-hrss-2024-budget.txt'));
    const copy = readFileSync(join(siteFile(siteDir, filingUrl(filing)), filing.sources[0]!.url));
    expect(filing.sources).toEqual([
      {
        title: '永清县人力资源和社会保障局2024年部门预算信息公开',
        name: 'yongqing-hrss-2024-budget.txt',
        url: 'source/yongqing-hrss-2024-budget.txt',
        mediaType: 'text/plain; charset=utf-8',
        format: 'tab-rows',
        origin: records.find((r) => r.id === YONGQING_2024)!.sources[0]!.origin,
        sha256: sha256(original),
        publishedSha256: sha256(copy),
      },
    ]);
    expect([...copy.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(copy.subarray(3).equals(original)).toBe(true);
  });

  it('publishes a PDF source byte for byte, with one digest', () => {
    const filing = [...published.values()].find((f) => f.sources.some((s) => s.mediaType === 'application/pdf'))!;
    const source = filing.sources[0]!;
    const copy = readFileSync(join(siteFile(siteDir, filingUrl(filing)), source.url));
    expect([source.sha256, source.publishedSha256]).toEqual([sha256(copy), sha256(copy)]);
  });
});

describe('the 项目绩效目标表 as CSV', () => {
  const filing = published.get(YONGQING_2024)!;
  const folder = siteFile(siteDir, filingUrl(filing));
  const projects = readCsv(readFileSync(join(folder, filing.projectsUrl!), 'utf8'));
  const indicators = readCsv(readFileSync(join(folder, filing.indicatorsUrl!), 'utf8'));

  it('has one row per project form, with its budget and spending plan', () => {
    expect(projects.length - 1).toBe(30);
    const header = projects[0]!;
    const first = Object.fromEntries(header.map((label, c) => [label, projects[1]![c]]));
    expect(first).toMatchObject({
      项目序号: '1',
      项目名称: '廊财金【2022】34号关于提前下达中央2023年普惠金融发展专项资金预算的通知',
      项目编码: '13102323P00723510051N',
      '预算规模/预算数': '14.26',
      '预算规模/其中：财政资金': '14.26',
      '预算规模/其他资金': '',
      '资金支出计划（%）/12月底': '14.26',
      资金用途: '创业担保贷款贴息，促进就业创业',
    });
  });

  it('has every indicator row of every project, naming its project', () => {
    expect(indicators.length - 1).toBe(filing.projects.reduce((n, p) => n + p.indicators.length, 0));
    expect(indicators[0]).toEqual(['项目分组', '项目序号', '项目名称', '一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据', '分值', '度量单位', '比较符']);
    expect(indicators[1]).toEqual(['', '1', '廊财金【2022】34号关于提前下达中央2023年普惠金融发展专项资金预算的通知', '产出指标', '数量指标', '享受小额担保贷款贴息人数', '享受小额担保贷款贴息人数', '≥300人', '廊财金【2022】36号', '', '', '']);
  });
});

describe('data/filings.json', () => {
  it('validates against the published schema filings-1.json', () => {
    const validate = publishedValidator(siteDir, schemaUrl('filings', 1));
    expect(validate(index) ? [] : validate.errors).toEqual([]);
    expect(filingsIndexSchema.parse(index)).toEqual(index);
  });

  it('lists every filing with its page, its JSON and the digest of that JSON', () => {
    expect(index.filings.map((e) => e.id)).toEqual([...published.keys()]);
    for (const entry of index.filings) {
      const filing = published.get(entry.id)!;
      const file = readFileSync(siteFile(siteDir, entry.json));
      expect([entry.url, entry.json, entry.sha256, entry.title, entry.year, entry.kind]).toEqual([
        absoluteUrl(filingUrl(filing)),
        absoluteUrl(jsonUrl(filing)),
        sha256(file),
        filing.title,
        filing.year,
        filing.kind,
      ]);
    }
    expect([index.dataPackage, index.feed]).toEqual([absoluteUrl(dataPackageUrl()), absoluteUrl(feedUrl())]);
  });

  it('names a bulk zip for every filing, and each zip lists the filings that name it', () => {
    const zips = new Map(index.bulk.map((b) => [b.url, b.filings]));
    for (const entry of index.filings) expect(zips.get(entry.bulk), entry.id).toContain(entry.id);
    expect(index.bulk.flatMap((b) => b.filings).sort()).toEqual([...published.keys()]);
  });
});

describe('datapackage.json', () => {
  it('validates against the published schema datapackage-1.json', () => {
    const validate = publishedValidator(siteDir, schemaUrl('datapackage', 1));
    expect(validate(dataPackage) ? [] : validate.errors).toEqual([]);
    expect(dataPackageSchema.parse(dataPackage)).toEqual(dataPackage);
  });

  it('lists every CSV of the site once, each with the fields of its header row', () => {
    const csvs = siteFiles(siteDir, /\.csv$/).filter((path) => !path.includes('/source/'));
    expect(dataPackage.resources.map((r) => r.path)).toEqual(csvs);
    expect(new Set(dataPackage.resources.map((r) => r.name)).size).toBe(csvs.length);
    for (const resource of dataPackage.resources) {
      const rows = readCsv(readFileSync(join(siteDir, resource.path), 'utf8'));
      expect(rows[0], resource.path).toEqual(resource.schema.fields.map((f) => f.name));
      resource.schema.fields.forEach((field, c) => {
        const pattern = field.type === 'integer' ? /^\d+$/ : field.type === 'number' ? /^-?\d+(\.\d+)?$/ : /^/;
        const wrong = rows.slice(1).map((row) => row[c]!).filter((cell) => cell !== '' && !pattern.test(cell));
        expect(wrong, `${resource.path} ${field.name}`).toEqual([]);
      });
    }
  });
});
