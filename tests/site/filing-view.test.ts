import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadFiling } from '../../src/lib/records/load-filing.ts';
import { filingHead } from '../../src/lib/compile/compile-filing.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { findingCells, indicatorTable, numbered, projectBudgetTable, standaloneTables, tableContext, tableOfContents, termAnchor, unplacedProjects } from '../../src/lib/site/filing-view.ts';
import { buildCatalog, filingCount } from '../../src/lib/site/catalog.ts';
import { glossary } from '../../src/lib/site/glossary.ts';
import { tableCsv } from '../../src/lib/site/exports.ts';
import { csvUrl, departmentUrl, filingUrl, jsonUrl, sourceUrl } from '../../src/lib/site/urls.ts';

const contentRoot = join(PROJECT_ROOT, 'tests/fixtures/minimal/filings');
const filing = loadFiling(join(contentRoot, '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算'), { root: PROJECT_ROOT, contentRoot });

describe('numbered', () => {
  it('joins the source numbering the way the source prints it', () => {
    expect(numbered('四', '财政拨款“三公”经费预算情况')).toBe('四、财政拨款“三公”经费预算情况');
    expect(numbered('（一）', '总体绩效目标')).toBe('（一）总体绩效目标');
    expect(numbered('第一部分', '部门概况')).toBe('第一部分 部门概况');
    expect(numbered(undefined, '名词解释')).toBe('名词解释');
  });
});

describe('a filing page', () => {
  it('names department, year and kind in every caption', () => {
    expect(tableContext(filing)).toBe('永清县人力资源和社会保障局 2024年部门预算');
  });

  it('shows the tables no section places under 部门预算公开表, in record order', () => {
    expect(standaloneTables(filing).map((t) => t.id)).toEqual(['three-public', 'government-fund-expenditure']);
    const placed = { ...filing, sections: [...filing.sections, { id: 'x', title: 'x', blocks: [{ table: 'three-public' }], subsections: [] }] };
    expect(standaloneTables(placed).map((t) => t.id)).toEqual(['government-fund-expenditure']);
  });

  it('lists every part in its contents, with projects under their section', () => {
    const toc = tableOfContents(filing);
    expect(toc.map((e) => e.id)).toEqual(['tables', 'section-three-public', 'section-projects', 'section-glossary', 'checks', 'provenance']);
    expect(toc[2]!.children.map((c) => c.id)).toEqual(['project-1']);
    expect(toc[0]!.children.map((c) => c.id)).toEqual(['table-three-public', 'table-government-fund-expenditure']);
  });

  it('publishes projects that no block places', () => {
    expect(unplacedProjects(filing)).toEqual([]);
    const none = { ...filing, sections: [] };
    expect(unplacedProjects(none).map((p) => p.index)).toEqual([0]);
  });
});

describe('project tables', () => {
  const project = filing.projectList[0]!;

  it('turns the indicator tree into rows with only the columns the source uses', () => {
    const { columns, rows } = indicatorTable(project);
    expect(columns.map((c) => c.header[0])).toEqual(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
    expect(columns.filter((c) => c.searchable).map((c) => c.header[0])).toEqual(['三级指标']);
    expect(rows[0]).toEqual(['产出指标', '数量指标', '享受小额担保贷款贴息人数', '享受小额担保贷款贴息人数', '≥300人', '廊财金【2022】36号']);
    expect(rows).toHaveLength(project.indicators.length);
  });

  it('puts budget and spending plan in one row under two header groups', () => {
    const table = projectBudgetTable(project)!;
    expect(table.columns.map((c) => c.header.join('/'))).toEqual([
      '预算规模/预算数',
      '预算规模/其中：财政资金',
      '预算规模/其他资金',
      '资金支出计划（%）/3月底',
      '资金支出计划（%）/6月底',
      '资金支出计划（%）/10月底',
      '资金支出计划（%）/12月底',
    ]);
    expect(table.rows).toEqual([['14.26', '14.26', null, null, null, null, '14.26']]);
    expect(projectBudgetTable({ ...project, budget: undefined, spendingPlan: [] } as typeof project)).toBeNull();
  });
});

describe('urls', () => {
  it('follow the record folder', () => {
    const base = '/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/';
    expect(filingUrl(filing)).toBe(base);
    expect(departmentUrl(filing)).toBe('/河北省/廊坊市/永清县/316-人力资源和社会保障局/');
    expect(jsonUrl(filing)).toBe(`${base}filing.json`);
    expect(csvUrl(filing, 'three-public')).toBe(`${base}tables/three-public.csv`);
    expect(sourceUrl(filing, 'source/excerpt.txt')).toBe(`${base}source/excerpt.txt`);
  });
});

describe('catalog', () => {
  it('nests regions and groups filings under their department, newest first', () => {
    const older = { ...filing, year: 2023, id: 'x' };
    const catalog = buildCatalog([older, filing]);
    expect(catalog.map((n) => n.name)).toEqual(['河北省']);
    const county = catalog[0]!.children[0]!.children[0]!;
    expect(county.segments).toEqual(['河北省', '廊坊市', '永清县']);
    expect(county.departments).toHaveLength(1);
    expect(county.departments[0]!.filings.map((f) => f.label)).toEqual(['2024年预算', '2023年预算']);
    expect(filingCount(catalog[0]!)).toBe(2);
  });
});

describe('glossary', () => {
  it('groups entries by term and links back to the entry in each filing', () => {
    const terms = glossary([filingHead(filing, 'hash')]);
    expect(terms.map((t) => t.term)).toEqual(['上年结转']);
    expect(terms[0]!.definitions[0]!.sources[0]!.url).toBe(`${filingUrl(filing)}#${termAnchor('上年结转')}`);
  });
});

describe('tableCsv', () => {
  it('writes the record columns and exact decimals, with a BOM for spreadsheets', () => {
    const csv = tableCsv(filing.tables[0]!);
    expect(csv.startsWith('\uFEFF序号,项目,资金性质/合计,')).toBe(true);
    expect(csv).toContain('\r\n1,合计,2.34,2.34,,\r\n');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + filing.tables[0]!.rows.length);
  });

  it('keeps a text cell that looks like a formula from being run by a spreadsheet', () => {
    const csv = tableCsv({
      columns: [{ header: ['项目'], type: 'text' }, { header: ['金额'], type: 'amount' }],
      rows: [
        ['=HYPERLINK("http://x")', '-1.50'],
        ["-2+3+cmd|' /C calc'!A0", '2.00'],
      ],
    });
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",-1.50\r\n`);
    expect(csv).toContain(`'-2+3+cmd|' /C calc'!A0,2.00\r\n`);
    const headed = tableCsv({ columns: [{ header: ['=HYPERLINK("http://x")'], type: 'text' }], rows: [] });
    expect(headed).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('findingCells', () => {
  it('maps a finding to the cell it names and the anchor of its list item', () => {
    const table = filing.tables[0]!;
    const base = { severity: 'warning' as const, filing: filing.id, file: 'x', message: 'm', rule: 'column-sum' };
    const cells = findingCells(table, [
      { ...base, at: 'three-public', table: 'three-public' },
      { ...base, at: 'three-public:row 2:资金性质/合计', table: 'three-public', row: 2, column: '资金性质/合计' },
      { ...base, at: 'other:row 1:合计', table: 'other', row: 1, column: '合计' },
    ]);
    expect([...cells]).toEqual([['1:2', { id: 'finding-2', number: 2 }]]);
  });
});
