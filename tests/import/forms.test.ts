import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importDocument, type ImportResult } from '../../src/lib/import/import-document.ts';
import { readWordCells } from '../../src/lib/import/read-word-cells.ts';
import { readMarkdownPipes } from '../../src/lib/import/read-markdown-pipes.ts';
import { readTabRows } from '../../src/lib/import/read-tab-rows.ts';
import { headerPaths } from '../../src/lib/import/columns.ts';
import { numericCell } from '../../src/lib/import/text.ts';
import { sourceOf } from './records-from-sources.ts';

const text = (r: ImportResult, path: string) => {
  const v = r.files.get(path);
  if (v === undefined) throw new Error(`no ${path} in the record`);
  return typeof v === 'string' ? v : Buffer.from(v).toString('utf8');
};
const run = async (name: string) => {
  const { sourceFile, bytes } = sourceOf(name);
  return importDocument({ file: sourceFile, bytes });
};
interface Decl {
  tables: { id: string; standard?: string; columns: { header: string[]; type: string }[]; columnNumbers: boolean; empty: boolean; notes: string[]; meta: Record<string, string> }[];
  sections: { id: string; number?: string; title: string; blocks: Record<string, unknown>[]; subsections?: { id: string; number?: string; title: string; blocks: Record<string, unknown>[] }[] }[];
  statedFigures: Record<string, { value: string; quote: string }>;
  department: { code?: string; name: string; units: { code?: string; name: string }[] };
  projectIndicators?: string;
}
interface ProjectOut {
  number: number;
  name: string;
  code?: string;
  group?: string;
  budget?: { total: string | null };
  spendingPlan: { period: string; amount: string | null }[];
  facts: Record<string, string>;
  goals: string[];
}

describe('readers turn each text form into rows and text', async () => {
  it('tab rows: one row per line, a blank line ends the table', async () => {
    const blocks = readTabRows(['标题', '序号\t项目\t金额', '1\t合计\t2.34', '', '注：空表列示。']);
    expect(blocks.map((b) => b.kind)).toEqual(['text', 'table', 'text']);
    expect(blocks[1]!.kind === 'table' && blocks[1]!.rows.map((r) => r.cells)).toEqual([['序号', '项目', '金额'], ['1', '合计', '2.34']]);
  });

  it('word cells: tab-prefixed cells, blank cells, a wrapped cell, a row broken by a page', async () => {
    const blocks = readWordCells(['[bookmark: _Toc1]标题', '\t一级指标', '\t二级', '指标', '\t指标值', '', '\t产出指标', '', '\t数量指标', '\t≥95%', '', '\t', '\t时效指标', '\t12月底']);
    expect(blocks[0]).toEqual({ kind: 'text', text: '标题', line: 1 });
    const table = blocks[1]!;
    expect(table.kind === 'table' && table.rows.map((r) => r.cells)).toEqual([
      ['一级指标', '二级\n指标', '指标值'],
      ['产出指标', '数量指标', '≥95%'],
      ['', '时效指标', '12月底'],
    ]);
  });

  it('markdown pipes: the empty first header row and the separator are not rows', async () => {
    const blocks = readMarkdownPipes(['| | | |', '|---|---|--|', '| 项目编码 | 323-1001 | |', '| 预算数 | 5.00 | |']);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.kind === 'table' && blocks[0]!.rows.map((r) => r.cells.map((c) => c.trim()))).toEqual([['项目编码', '323-1001', ''], ['预算数', '5.00', '']]);
  });

  it('header paths: a blank cell above a label continues the group on its left; a merged cell is widened', async () => {
    expect(headerPaths([['序号', '收入', '', '支出', ''], ['', '项 目', '预算数', '项 目', '预算数']], 5)).toEqual([['序号'], ['收入', '项目'], ['收入', '预算数'], ['支出', '项目'], ['支出', '预算数']]);
    expect(headerPaths([['一级指标', '指标值', '依据'], ['', '符号', '值', '单位', '']], 5)).toEqual([['一级指标'], ['指标值', '符号'], ['指标值', '值'], ['指标值', '单位'], ['依据']]);
  });
});

describe('tab-separated rows: 永清县 2024', async () => {
  const r = await run('yongqing-hrss-2024-budget.txt');
  const decl = parse(text(r, 'filing.yaml')) as Decl;
  const projects = parse(text(r, 'projects.yaml')) as ProjectOut[];

  it('reads the department code and name from the page header over the tables', async () => {
    expect(decl.department.code).toBe('316');
    expect(decl.department.name).toBe('永清县人力资源和社会保障局');
  });

  it('finds the nine standard tables, two of them empty with their 注', async () => {
    expect(decl.tables.filter((t) => t.standard).map((t) => t.standard)).toHaveLength(9);
    const fund = decl.tables.find((t) => t.standard === 'government-fund-expenditure')!;
    expect(fund.empty).toBe(true);
    expect(fund.notes).toEqual(['注：无政府基金预算财政拨款预算，空表列示。']);
  });

  it('merges continuation pages and keeps the first header when a later one is shifted', async () => {
    const income = decl.tables.find((t) => t.standard === 'income-summary')!;
    expect(income.columnNumbers).toBe(true);
    expect(income.columns.map((c) => c.header.join('/')).slice(0, 5)).toEqual(['序号', '功能分类科目/科目编码', '功能分类科目/科目名称', '合计', '本年收入/小计']);
    expect(income.columns.at(-1)!.header).toEqual(['上年结转']);
    const csv = text(r, 'tables/income-summary.csv').trim().split('\n');
    expect(csv).toHaveLength(1 + 23);
    expect(csv.at(-1)).toBe('23,2210201,住房公积金,114.92,114.92,114.92,,,,,,,');
    expect(r.report.warnings.some((w) => w.line === 130 && /differs from the first/.test(w.message))).toBe(true);
  });

  it('reads a spending plan cell that carries both the period and the amount', async () => {
    expect(projects[1]!.spendingPlan).toEqual([
      { period: '3月底', amount: null },
      { period: '6月底', amount: null },
      { period: '10月底', amount: null },
      { period: '12月底', amount: '56.28' },
    ]);
    expect(projects).toHaveLength(30);
    expect(projects[0]!.code).toBe('13102323P00723510051N');
  });

  it('keeps a spending plan printed again in the 绩效目标 row as published, and reads the goal under it', async () => {
    const p22 = projects[21]!;
    expect(p22.spendingPlan).toEqual([
      { period: '3月底', amount: '500.00' },
      { period: '6月底', amount: '1000.00' },
      { period: '10月底', amount: '1500.00' },
    ]);
    expect(p22.facts['绩效目标栏']).toBe('3月底 500.00；6月底 1000.00；10月底 1500.00');
    expect(p22.goals[0]).toMatch(/^1\. 通过城乡居民养老保险补贴项目的开展/);
  });

  it('joins a cell broken across a page to the indicator cell it ends, and leaves out the end a converter printed twice', async () => {
    const indicators = text(r, 'project-indicators.csv').trim().split('\n');
    expect(indicators.filter((l) => /^\d+,,,,,,/.test(l))).toEqual([]);
    expect(indicators.filter((l) => l.startsWith('4,')).at(-1)).toBe('4,满意度指标,服务对象满意度指标,群众满意度,群众满意度,≥95%,永财金【2023】16号');
    expect(indicators.filter((l) => l.startsWith('22,')).at(-1)).toBe('22,满意度指标,服务对象满意度指标,城乡参保对象满意度,参保人员满意度,≥95%,冀人社规【2019】2号');
    expect(r.report.entries.filter((e) => e.kind === 'joined').map((e) => e.line)).toEqual([426, 665, 686, 707, 800, 822, 921, 943, 965, 1007, 1030]);
    expect(r.report.warnings.filter((w) => /broken across a page/.test(w.message))).toEqual([]);
  });

  it('keeps a sentence broken across a page as one paragraph', async () => {
    const overview = text(r, 'sections/overview.md').split('\n\n');
    expect(overview.filter((p) => p.includes('1315.17'))).toEqual([
      '收支预算总表支出栏、基本支出表、项目支出表按经济分类和支出功能分类科目编制，反映永清县人力资源和社会保障局年度部门预算中支出预算的总体情况。2024年支出预算25332.93万元，其中基本支出1439.55万元，包括人员经费 1315.17 万元和日常公用经费 124.38 万元；项目支出 23893.38 万元，主要为人社局城乡居民社会养老保险、人社局财政对机关事业单位养老保险的补助',
    ]);
  });

  it('keeps 名词解释 terms without their ** markers and the figures quoted in the prose', async () => {
    const glossary = decl.sections.find((s) => s.id === 'glossary')!.blocks[0]!['glossary'] as { term: string }[];
    expect(glossary[0]!.term).toBe('财政拨款收入');
    expect(decl.statedFigures['expenditure.personnel']!.value).toBe('1315.17');
    expect(decl.statedFigures['assets.total']!.value).toBe('907.80');
  });
});

describe('one cell per line: 广阳区 2020 and 霸州市 2021', async () => {
  const guangyang = await run('guangyang-hrss-2020-budget.txt');
  const bazhou = await run('bazhou-hrss-2021-budget.txt');

  it('leaves out the tail that repeats the opening pages, and says so', async () => {
    const dropped = guangyang.report.entries.find((e) => /repeat earlier pages/.test(e.text));
    expect(dropped?.line).toBe(1055);
    expect(text(guangyang, 'filing.yaml')).not.toContain('- 1 -');
  });

  it('has no standard tables, and groups the project tables by the part they stand in', async () => {
    const decl = parse(text(guangyang, 'filing.yaml')) as Decl;
    expect(decl.tables.filter((t) => t.standard)).toEqual([]);
    const performance = decl.sections.find((s) => s.number === '五')!;
    expect(performance.subsections!.map((s) => s.number)).toEqual(['第一部分', '第二部分', '第三部分']);
    const projects = parse(text(guangyang, 'projects.yaml')) as ProjectOut[];
    expect(projects.map((p) => p.group)).toEqual([...Array(8).fill('专项资金绩效目标'), ...Array(7).fill('预算项目绩效目标')]);
  });

  it('widens merged header cells of the 部门整体支出绩效指标 table', async () => {
    const decl = parse(text(bazhou, 'filing.yaml')) as Decl;
    const indicators = decl.tables.find((t) => t.id === 'performance-indicators')!;
    expect(indicators.columns.map((c) => c.header.join('/'))).toEqual(['一级指标', '二级指标', '三级指标', '评（扣）分标准', '绩效指标描述', '指标值/符号', '指标值/值', '指标值/单位', '指标值确定依据']);
  });

  it('puts the two tables under 上年结转 in their own group', async () => {
    const projects = parse(text(bazhou, 'projects.yaml')) as ProjectOut[];
    expect(projects).toHaveLength(30);
    expect(projects.filter((p) => p.group === '上年结转').map((p) => p.number)).toEqual([1, 2]);
  });

  it('reads the procurement table with its per-unit subtotal rows', async () => {
    const csv = text(bazhou, 'tables/procurement.csv').trim().split('\n');
    expect(csv[1]!.startsWith('合  计,')).toBe(true);
    expect(csv[2]).toContain('霸州市人力资源和社会保障局本级小计');
  });
});

describe('PDF → Markdown pipe tables: 抚宁区 2020', async () => {
  const r = await run('funing-hrss-2020-performance.txt');
  const decl = parse(text(r, 'filing.yaml')) as Decl;
  const projects = parse(text(r, 'projects.yaml')) as ProjectOut[];

  it('is a filing with project tables and no budget tables', async () => {
    expect(decl.tables).toEqual([]);
    expect(projects.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(decl.department.units.map((u) => u.code)).toEqual(['323002', '323003', '323004', '323006']);
    expect(projects[2]!.facts).toEqual({ 部门: '323003 秦皇岛市抚宁区就业服务中心' });
  });

  it('pairs a period label with the amount that spilled into the next cell', async () => {
    expect(projects[4]!.spendingPlan.at(-1)).toEqual({ period: '12月底', amount: '100' });
    expect(projects[4]!.goals).toEqual(['1、确保 2020 年企业养老保险征缴的扩面任务的完成']);
  });

  it('joins the sentences a page broke, in the 工作保障措施 and in two 绩效指标, and says so', async () => {
    expect(text(r, 'sections/safeguards.md').split('\n\n')[2]).toBe('（三）加强绩效运行监控。按照部门预算的要求，认真编制预算，对支出实行分类管理，要有支出标准、有制度依据，严格按照绩效目标的要求，监控项目经费的使用，确保项目经费使用达到指标要求。');
    expect(r.report.entries.filter((e) => e.kind === 'joined').map((e) => e.text)).toEqual([
      'line 58 continues the sentence of line 56 broken by a page ("…统、短信、电" + "话等方式对未…"): one paragraph',
      'line 74 continues the sentence of line 72 broken by a page ("…做好事业单位" + "工资调整、审…"): one paragraph',
      'line 98 continues the sentence of line 96 broken by a page ("…目标的要求，" + "监控项目经费…"): one paragraph',
    ]);
  });

  it('reads the 分项绩效目标 with their numbered indicators', async () => {
    const part = decl.sections.find((s) => s.number === '第一部分')!;
    expect(part.subsections!.map((s) => `${s.number}、${s.title}`)).toEqual(['一、总体绩效目标', '二、分项绩效目标', '三、工作保障措施']);
    const goals = part.subsections![1]!.blocks.find((b) => 'goals' in b)!['goals'] as { title: string; target: string; indicators: string[] }[];
    expect(goals.map((g) => g.target)[0]).toBe('突出就业优先，全力稳定就业形势');
    expect(goals[0]!.indicators).toHaveLength(4);
  });
});

describe('a document of another department and year in the same form', async () => {
  const page = ['', '501 香河县民政局', '', '预算年度：2025', '', '单位：万元', ''];
  const header = ['序号\t收入\t\t支出\t', '\t项 目\t预算数\t项 目\t预算数', '栏次\t1\t2\t3\t4'];
  const doc = [
    '香河县民政局 2025 年部门预算信息公开情况说明',
    '',
    '部门预算收支总表',
    ...page,
    ...header,
    '1\t一、一般公共预算拨款收入\t1,200.50\t一、一般公共服务支出\t',
    '2\t二、政府性基金预算拨款收入\t\t二、社会保障和就业支出\t1200.50',
    ...page,
    ...header,
    '3\t本年收入合计\t1200.50\t本年支出合计\t1200.50',
    '',
    '一、部门职责及机构设置情况',
    '',
    '负责全县民政工作。',
    '',
    '二、部门预算安排的总体情况',
    '',
    '2025年预算收入1200.50万元，其中：一般公共预算收入1200.50万元。',
    '',
    '三、部门项目预算安排情况及绩效目标',
    '',
    '1、低保资金绩效目标表',
    '',
    '单位：万元',
    '',
    '项目编码\tP001\t\t项目名称\t低保资金\t\t',
    '预算规模及资金用途\t预算数\t800.00\t其中：财政资金\t800.00\t其他资金\t',
    '\t保障困难群众基本生活\t\t\t\t\t',
    '资金支出计划（%）\t3月底\t\t6月底\t\t10月底\t12月底',
    '\t200.00\t\t400.00\t\t600.00\t800.00',
    '绩效目标\t1. 按月足额发放\t\t\t\t\t',
    '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t',
    '产出指标\t数量指标\t保障人数\t保障人数\t≥1200人\t县民政局文件\t',
    '',
  ].join('\n');
  const r = await importDocument({ file: 'in/xianghe-mz-2025.txt', bytes: new TextEncoder().encode(doc) });
  const decl = parse(text(r, 'filing.yaml')) as Decl;

  it('reads identity, region and code from the document', async () => {
    expect(r.id).toBe('河北省/廊坊市/香河县/501-民政局/2025-预算');
  });

  it('merges the two pages of the 收支总表 and keeps figures as printed, thousands separator removed', async () => {
    expect(text(r, 'tables/income-expenditure-summary.csv')).toBe(
      '序号,收入/项目,收入/预算数,支出/项目,支出/预算数\n1,一、一般公共预算拨款收入,1200.50,一、一般公共服务支出,\n2,二、政府性基金预算拨款收入,,二、社会保障和就业支出,1200.50\n3,本年收入合计,1200.50,本年支出合计,1200.50\n',
    );
    expect(decl.tables[0]!.meta).toEqual({ 部门: '501 香河县民政局', 预算年度: '2025' });
  });

  it('reads the project table and the stated income', async () => {
    const projects = parse(text(r, 'projects.yaml')) as ProjectOut[];
    expect(projects[0]).toMatchObject({ number: 1, name: '低保资金', code: 'P001', budget: { total: '800.00' }, goals: ['1. 按月足额发放'] });
    expect(projects[0]!.spendingPlan.map((s) => `${s.period}:${s.amount}`)).toEqual(['3月底:200.00', '6月底:400.00', '10月底:600.00', '12月底:800.00']);
    expect(projects[0]).not.toHaveProperty('indicators');
    expect(decl.projectIndicators).toBe('project-indicators.csv');
    expect(text(r, 'project-indicators.csv')).toBe('项目序号,一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n1,产出指标,数量指标,保障人数,保障人数,≥1200人,县民政局文件\n');
    expect(decl.statedFigures['income.total']!.value).toBe('1200.50');
  });
});

describe('figures in cells', async () => {
  it('are read without spaces, thousands separators, full-width digits or the 万元 unit', async () => {
    expect(['1315.17 万元', ' 24 487.92 ', '1,234.50', '１２.５', '≥95%', '12月底 56.28'].map(numericCell)).toEqual(['1315.17', '24487.92', '1234.50', '12.5', null, null]);
  });
});

describe('a document in the one-cell-per-line form with a standard table', async () => {
  const doc = [
    '2025年香河县人力资源和社会保障局部门预算信息公开',
    '部门预算财政拨款“三公”经费支出表',
    '\t402香河县人力资源和社会保障局',
    '\t单位：万元',
    '',
    '\t序号',
    '\t项 目',
    '\t资 金 性 质',
    '',
    '\t',
    '\t',
    '\t合计',
    '\t一般公共预算 财政拨款',
    '',
    '\t栏次',
    '\t1',
    '\t2',
    '\t3',
    '',
    '\t1',
    '\t合计',
    '\t2.34',
    '\t2.34',
    '',
    '一、部门职责及机构设置情况',
    '负责全县人力资源和社会保障工作。',
  ].join('\n');
  const r = await importDocument({ file: 'in/xianghe-2025.txt', bytes: new TextEncoder().encode(doc) });

  it('reads the department after the year, the page header inside the table, and the header block', async () => {
    expect(r.id).toBe('河北省/廊坊市/香河县/402-人力资源和社会保障局/2025-预算');
    const decl = parse(text(r, 'filing.yaml')) as Decl;
    expect(decl.tables[0]).toMatchObject({ id: 'three-public', standard: 'three-public', columnNumbers: true, meta: { 部门: '402香河县人力资源和社会保障局' } });
    expect(text(r, 'tables/three-public.csv')).toBe('序号,项目,资金性质/合计,资金性质/一般公共预算财政拨款\n1,合计,2.34,2.34\n');
  });
});
