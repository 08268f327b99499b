import { describe, expect, it } from 'vitest';
import type { Filing } from '../../src/lib/records/load-filing.ts';
import type { Column, Table } from '../../src/lib/records/schema/table.ts';
import { allFigures, headline, headlineAnchors, inLargerUnit, percent } from '../../src/lib/site/headline.ts';
import { changes, changeWords, headlineFigures, type HeadlineFigures } from '../../src/lib/site/headline-change.ts';
import { statedChanges } from '../../src/lib/site/headline-text.ts';
import { previousFilings } from '../../src/lib/site/previous-filing.ts';

/** A table from its header paths (`收入/项目:text`) and rows as printed, blanks as ''. */
function table(id: string, standard: Table['standard'], header: string[], rows: string[][]): Table {
  const columns: Column[] = header.map((h) => {
    const [path, type] = h.split(':') as [string, Column['type']];
    return type === 'code' ? { header: path.split('/'), type, classification: 'function' } : { header: path.split('/'), type };
  });
  return {
    id,
    ...(standard ? { standard } : {}),
    title: id,
    unit: '万元',
    csv: `tables/${id}.csv`,
    columns,
    columnNumbers: false,
    empty: false,
    notes: [],
    meta: {},
    rows: rows.map((r) => r.map((c) => (c === '' ? null : c))),
    lines: rows.map((_, i) => i + 2),
  };
}

function filing(kind: Filing['kind'], tables: Table[], extra: Partial<Filing> = {}): Filing {
  return {
    schemaVersion: 1,
    id: `河北省/测试县/1-测试局/2024-${kind}`,
    dir: 'x',
    title: `测试局2024年部门${kind}`,
    kind,
    year: 2024,
    region: { province: '河北省', county: '测试县' },
    department: { code: '1', name: '测试县测试局', shortName: '测试局', units: [] },
    unit: '万元',
    sources: [],
    contents: [],
    tables,
    statedFigures: {},
    sections: [],
    projectList: [],
    texts: {},
    acknowledgments: [],
    ...extra,
  };
}

const budgetSummary = table('income-expenditure-summary', 'income-expenditure-summary', ['序号:seq', '收入/项目:text', '收入/预算数:amount', '支出/项目:text', '支出/预算数:amount'], [
  ['1', '一、一般公共预算拨款收入', '900.00', '一、一般公共服务支出', '600.00'],
  ['2', '', '', '二、教育支出', '250.00'],
  ['3', '', '', '三、社会保障和就业支出', '100.00'],
  ['4', '', '', '四、城乡社区支出', '50.00'],
  ['5', '本年收入合计', '900.00', '本年支出合计', '1000.00'],
  ['6', '上年结转', '100.00', '年终结转结余', ''],
  ['7', '收入总计', '1000.00', '支出总计', '1000.00'],
]);
const budgetExpenditure = table('expenditure-summary', 'expenditure-summary', ['序号:seq', '功能分类科目/科目编码:code', '功能分类科目/科目名称:text', '合计:amount', '基本支出:amount', '项目支出:amount'], [
  ['1', '', '合计', '1000.00', '300.00', '700.00'],
  ['2', '201', '一般公共服务支出', '600.00', '300.00', '300.00'],
  ['3', '20101', '人大事务', '600.00', '300.00', '300.00'],
  ['4', '205', '教育支出', '250.00', '', '250.00'],
  ['5', '208', '社会保障和就业支出', '100.00', '', '100.00'],
  ['6', '212', '城乡社区支出', '50.00', '', '50.00'],
]);
const budgetThreePublic = table('three-public', 'three-public', ['序号:seq', '项目:text', '资金性质/合计:amount', '资金性质/一般公共预算财政拨款:amount'], [
  ['1', '合计', '12.34', '12.34'],
  ['2', '一、因公出国（境）费', '', ''],
  ['3', '二、公务用车购置及运维费', '12.34', '12.34'],
  ['4', '三、公务接待费', '', ''],
]);
const budgetBasic = table('general-budget-basic-expenditure', 'general-budget-basic-expenditure', ['序号:seq', '经济分类科目/科目编码:code', '经济分类科目/科目名称:text', '合计:amount', '人员经费:amount', '公用经费:amount'], [
  ['1', '', '合计', '300.00', '250.00', '50.00'],
  ['2', '301', '工资福利支出', '250.00', '250.00', ''],
  ['3', '302', '商品和服务支出', '50.00', '', '50.00'],
]);
const operating = (value: string) => ({ operatingCosts: { value, section: 'operating', quote: `机关运行经费共计安排${value}万元。` } });
const budget = filing('预算', [budgetSummary, budgetExpenditure, budgetThreePublic, budgetBasic], {
  statedFigures: operating('50.00'),
  sections: [{ id: 'overview', number: '二', title: '总体情况', blocks: [{ markdown: 'sections/overview.md' }], subsections: [] }],
  texts: { 'sections/overview.md': '2024年预算收支1000.00万元，较 2023 年预算增加 100.00 万元，主要是教育支出增加。\n\n2023年的项目已完成。' },
});

const cell = (table: string, row: number, column: number) => ({ kind: 'cell' as const, table, row, column });

describe('the headline of a 预算', () => {
  const h = headline(budget);

  it('gives 收入总计 and 支出总计 from the 收支总表, each with its cell', () => {
    expect(h.totals).toEqual([
      { label: '收入总计', value: '1000.00', unit: '万元', source: cell('income-expenditure-summary', 6, 2) },
      { label: '支出总计', value: '1000.00', unit: '万元', source: cell('income-expenditure-summary', 6, 4) },
    ]);
  });

  it('splits the expenditure into 基本支出 and 项目支出 with exact shares', () => {
    expect(h.split).toEqual([
      { label: '基本支出', value: '300.00', unit: '万元', source: cell('expenditure-summary', 0, 4), share: '30.00' },
      { label: '项目支出', value: '700.00', unit: '万元', source: cell('expenditure-summary', 0, 5), share: '70.00' },
    ]);
  });

  it('gives the 三公经费 budget and 机关运行经费 from the tables where the statement agrees', () => {
    expect(h.threePublic).toEqual([{ label: '“三公”经费预算', value: '12.34', unit: '万元', source: cell('three-public', 0, 2) }]);
    expect(h.operatingCosts).toEqual({ label: '机关运行经费', value: '50.00', unit: '万元', source: cell('general-budget-basic-expenditure', 0, 5) });
  });

  it('names the three largest 类 of the 支出总表, largest first, with their shares', () => {
    expect(h.largestClasses.map((c) => [c.code, c.label, c.value, c.share, c.source])).toEqual([
      ['201', '一般公共服务支出', '600.00', '60.00', cell('expenditure-summary', 1, 3)],
      ['205', '教育支出', '250.00', '25.00', cell('expenditure-summary', 3, 3)],
      ['208', '社会保障和就业支出', '100.00', '10.00', cell('expenditure-summary', 4, 3)],
    ]);
  });

  it('quotes the sentences that compare with the year before, and only those', () => {
    expect(h.statedChanges).toEqual([{ quote: '2024年预算收支1000.00万元，较 2023 年预算增加 100.00 万元，主要是教育支出增加', section: 'overview' }]);
  });

  it('gives each cell it links to an id, table by table', () => {
    const anchors = headlineAnchors(h);
    expect([...anchors.keys()]).toEqual(['income-expenditure-summary', 'expenditure-summary', 'three-public', 'general-budget-basic-expenditure']);
    expect([...anchors.get('expenditure-summary')!]).toEqual([
      ['0:4', 'table-expenditure-summary-r1-c5'],
      ['0:5', 'table-expenditure-summary-r1-c6'],
      ['1:3', 'table-expenditure-summary-r2-c4'],
      ['3:3', 'table-expenditure-summary-r4-c4'],
      ['4:3', 'table-expenditure-summary-r5-c4'],
    ]);
    expect(allFigures(h)).toHaveLength(9);
  });

  it('takes 机关运行经费 as the 情况说明 states it when the 公用经费 differs, and says where', () => {
    const differs = headline({ ...budget, statedFigures: operating('45.00') });
    expect(differs.operatingCosts).toEqual({ label: '机关运行经费', value: '45.00', unit: '万元', source: { kind: 'stated', section: 'operating', quote: '机关运行经费共计安排45.00万元。' } });
  });
});

describe('the headline of a 决算', () => {
  const summary = table('income-expenditure-summary', 'income-expenditure-summary', ['收入/项目:text', '收入/决算数:amount', '支出/项目:text', '支出/决算数:amount'], [
    ['一、一般公共预算财政拨款收入', '500.00', '一、一般公共服务支出', '400.00'],
    ['八、其他收入', '20.00', '二、教育支出', '100.00'],
    ['本年收入合计', '520.00', '本年支出合计', '500.00'],
    ['年初结转和结余', '30.00', '年末结转和结余', '50.00'],
    ['总计', '550.00', '总计', '550.00'],
  ]);
  const expenditure = table('expenditure-summary', 'expenditure-summary', ['项目/支出功能分类科目编码:code', '项目/科目名称:text', '本年支出合计:amount', '基本支出:amount', '项目支出:amount'], [
    ['', '合计', '500.00', '400.00', '100.00'],
    ['201', '一般公共服务支出', '400.00', '400.00', ''],
    ['205', '教育支出', '100.00', '', '100.00'],
  ]);
  const threePublic = table('three-public', 'three-public', ['财政拨款“三公”经费/合计/预算数:amount', '财政拨款“三公”经费/合计/决算数:amount', '财政拨款“三公”经费/公务接待费/预算数:amount', '财政拨款“三公”经费/公务接待费/决算数:amount'], [
    ['3.00', '2.50', '3.00', '2.50'],
  ]);
  const final = filing('决算', [summary, expenditure, threePublic], { statedFigures: operating('80.00') });
  const h = headline(final);

  it('gives 本年收入合计, 本年支出合计 and 收入支出总计', () => {
    expect(h.totals).toEqual([
      { label: '本年收入合计', value: '520.00', unit: '万元', source: cell('income-expenditure-summary', 2, 1) },
      { label: '本年支出合计', value: '500.00', unit: '万元', source: cell('income-expenditure-summary', 2, 3) },
      { label: '收入支出总计', value: '550.00', unit: '万元', source: cell('income-expenditure-summary', 4, 1) },
    ]);
  });

  it('gives 基本支出 and 项目支出 of the 支出决算表, and the 三公经费 budget beside what was spent', () => {
    expect(h.split.map((f) => [f.label, f.value, f.share])).toEqual([
      ['基本支出', '400.00', '80.00'],
      ['项目支出', '100.00', '20.00'],
    ]);
    expect(h.threePublic).toEqual([
      { label: '“三公”经费年初预算', value: '3.00', unit: '万元', source: cell('three-public', 0, 0) },
      { label: '“三公”经费决算', value: '2.50', unit: '万元', source: cell('three-public', 0, 1) },
    ]);
  });

  it('says 机关运行经费 comes from the 情况说明 when no table has it', () => {
    expect(h.operatingCosts?.source).toEqual({ kind: 'stated', section: 'operating', quote: '机关运行经费共计安排80.00万元。' });
    expect(h.largestClasses.map((c) => [c.code, c.share])).toEqual([
      ['201', '80.00'],
      ['205', '20.00'],
    ]);
  });

  it('compares 决算 with 决算 of an earlier year only, figure by figure, exactly', () => {
    const now = headlineFigures(h);
    const before: HeadlineFigures = {
      year: 2023,
      kind: '决算',
      comparable: {
        income: { label: '本年收入合计', value: '480.10', unit: '万元' },
        expenditure: { label: '本年支出合计', value: '500.00', unit: '万元' },
        basic: { label: '基本支出', value: '0', unit: '万元' },
        project: { label: '项目支出', value: '100.00', unit: '元' },
      },
    };
    expect(changes(now, before)).toEqual([
      { label: '本年收入合计', unit: '万元', previous: '480.10', current: '520.00', difference: '39.90', percent: '8.31' },
      { label: '本年支出合计', unit: '万元', previous: '500.00', current: '500.00', difference: '0.00', percent: '0.00' },
      { label: '基本支出', unit: '万元', previous: '0', current: '400.00', difference: '400.00' },
    ]);
    expect(changes(now, { ...before, kind: '预算' })).toEqual([]);
    expect(changes(now, { ...before, year: 2024 })).toEqual([]);
  });
});

describe('a filing with no standard tables', () => {
  it('states its totals as the 情况说明 gives them, pointing at the section', () => {
    const stated = (value: string) => ({ value, section: 'overview', quote: `共${value}万元` });
    const h = headline(filing('预算', [], { statedFigures: { 'income.total': stated('34908.37'), 'expenditure.total': stated('34908.37'), 'expenditure.basic': stated('6849.73') } }));
    expect(h.totals).toEqual([
      { label: '收入总计', value: '34908.37', unit: '万元', source: { kind: 'stated', section: 'overview', quote: '共34908.37万元' } },
      { label: '支出合计', value: '34908.37', unit: '万元', source: { kind: 'stated', section: 'overview', quote: '共34908.37万元' } },
    ]);
    expect(h.split).toEqual([{ label: '基本支出', value: '6849.73', unit: '万元', source: { kind: 'stated', section: 'overview', quote: '共6849.73万元' }, share: '19.62' }]);
    expect(h.largestClasses).toEqual([]);
  });
});

describe('headline figures in words', () => {
  it('rounds shares to two decimals and says nothing of a share of zero', () => {
    expect(percent('1', '3')).toBe('33.33');
    expect(percent('2', '3')).toBe('66.67');
    expect(percent('5', '0')).toBeUndefined();
  });

  it('says a large amount once more in 亿元', () => {
    expect(inLargerUnit('25332.93', '万元')).toBe('约 2.53 亿元');
    expect(inLargerUnit('9999.99', '万元')).toBeUndefined();
    expect(inLargerUnit('123456', '元')).toBe('约 12.35 万元');
  });

  it('says how a figure changed', () => {
    expect(changeWords({ difference: '1888.65', percent: '8.06', unit: '万元' })).toBe('增加 1888.65 万元（增长 8.06%）');
    expect(changeWords({ difference: '-0.01', percent: '-0.43', unit: '万元' })).toBe('减少 0.01 万元（下降 0.43%）');
    expect(changeWords({ difference: '0.00', unit: '万元' })).toBe('持平');
  });

  it('finds the sentences of every section and subsection, at most four, each once', () => {
    const texts = { 'a.md': '与2023年度相比，总计减少56.95万元。与2023年度相比，总计减少56.95万元。**2023年度**持平；2022年增加1万元', 'b.md': '比2023年增长1%。比2023年下降2%。比2023年上升3%。' };
    const sections = [{ id: 'a', title: 'A', blocks: [{ markdown: 'a.md' }], subsections: [{ id: 'b', title: 'B', blocks: [{ markdown: 'b.md' }] }] }];
    expect(statedChanges({ year: 2024, sections, texts })).toEqual([
      { quote: '与2023年度相比，总计减少56.95万元', section: 'a' },
      { quote: '2023年度持平', section: 'a' },
      { quote: '比2023年增长1%', section: 'b' },
      { quote: '比2023年下降2%', section: 'b' },
    ]);
  });
});

describe('the previous filing of a department', () => {
  it('is the latest earlier year of the same kind, found through a map by department', () => {
    const f = (id: string, code: string, year: number, kind: Filing['kind']) => ({ id, region: { province: '河北省' }, department: { code, name: code, shortName: code, units: [] }, year, kind });
    const filings = [f('a24', '1', 2024, '预算'), f('a22', '1', 2022, '预算'), f('a23j', '1', 2023, '决算'), f('b23', '2', 2023, '预算'), f('a21', '1', 2021, '预算')];
    expect([...previousFilings(filings)].map(([id, p]) => [id, p.id])).toEqual([
      ['a22', 'a21'],
      ['a24', 'a22'],
    ]);
  });
});
