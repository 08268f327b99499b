import { createHash } from 'node:crypto';
import { Decimal, sum } from '../../src/lib/records/decimal.ts';
import { filingId } from '../../src/lib/records/filing-path.ts';
import { INDICATORS_FILE, PROJECTS_FILE, indicatorsCsv, recordYaml, tableCsv } from '../../src/lib/import/record-files.ts';
import type { z } from 'zod';
import type { columnSchema, tableDeclarationSchema } from '../../src/lib/records/schema/table.ts';
import type { StatedFigureKey } from '../../src/lib/records/schema/stated-figures.ts';
import type { Random } from './random.ts';
import {
  BENEFIT_INDICATORS,
  CHINESE_NUMERALS,
  ECONOMIC_CLASSES,
  FUNCTION_CLASSES,
  GLOSSARY,
  PROJECT_PREFIXES,
  PROJECT_SUFFIXES,
  PROSE_FRAGMENTS,
  QUALITY_INDICATORS,
  QUANTITY_INDICATORS,
  SATISFACTION_INDICATORS,
  STAFF_SECTIONS,
  SUMMARY_EXPENDITURE_LINES,
  TIMELINESS_INDICATORS,
  type DepartmentKind,
  type FunctionItem,
  type RegionEntry,
} from './vocabulary.ts';

/** Who and when: the identity of one synthetic filing. */
export interface SynthIdentity {
  region: RegionEntry;
  county: string;
  department: DepartmentKind;
  year: number;
}

/** A generated filing: its id (= folder below the content root) and its files by relative path. */
export interface SynthFiling {
  id: string;
  files: Map<string, string>;
}

type Row = (string | null)[];

/** A table declaration as written in filing.yaml, before zod applies defaults. */
type TableInput = z.input<typeof tableDeclarationSchema>;
type ColumnInput = z.input<typeof columnSchema>;

const money = (d: Decimal): string => d.toFixed(2);
const blankIfZero = (d: Decimal): string | null => (d.isZero() ? null : money(d));

/** Split `total` into `parts` positive-or-zero amounts that add up exactly, in cents. */
function split(random: Random, total: Decimal, parts: number): Decimal[] {
  if (parts === 1) return [total];
  const weights = Array.from({ length: parts }, () => random.int(1, 100));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const cents = total.times(100);
  const shares = weights.map((w) => cents.times(w).dividedToIntegerBy(weightSum));
  const rest = cents.minus(sum(shares.map((s) => s.toString())).toDecimal());
  shares[shares.length - 1] = shares[shares.length - 1]!.plus(rest);
  return shares.map((s) => s.dividedBy(100));
}

/** A random amount in 万元 between min and max, two decimals. */
function amount(random: Random, min: number, max: number): Decimal {
  return new Decimal(random.int(min * 100, max * 100)).dividedBy(100);
}

interface ItemLine {
  classCode: string;
  className: string;
  sectionCode: string;
  sectionName: string;
  item: FunctionItem;
  basic: Decimal;
  project: Decimal;
  carried: Decimal;
}

/** The function-classification rows (合计, 类, 款, 项) with the given amount columns summed at each level. */
function functionRows(lines: ItemLine[], columns: ((l: ItemLine) => Decimal)[]): { code: string | null; name: string; values: Decimal[] }[] {
  const total = (subset: ItemLine[]) => columns.map((col) => subset.reduce((acc, l) => acc.plus(col(l)), new Decimal(0)));
  const rows: { code: string | null; name: string; values: Decimal[] }[] = [{ code: null, name: '合计', values: total(lines) }];
  const classes = [...new Set(lines.map((l) => l.classCode))].sort();
  for (const classCode of classes) {
    const inClass = lines.filter((l) => l.classCode === classCode);
    rows.push({ code: classCode, name: inClass[0]!.className, values: total(inClass) });
    const sections = [...new Set(inClass.map((l) => l.sectionCode))].sort();
    for (const sectionCode of sections) {
      const inSection = inClass.filter((l) => l.sectionCode === sectionCode);
      rows.push({ code: sectionCode, name: inSection[0]!.sectionName, values: total(inSection) });
      for (const l of [...inSection].sort((a, b) => a.item.code.localeCompare(b.item.code))) {
        rows.push({ code: l.item.code, name: l.item.name, values: total([l]) });
      }
    }
  }
  return rows;
}

const FUNCTION_COLUMNS: ColumnInput[] = [
  { header: ['序号'], type: 'seq' },
  { header: ['功能分类科目', '科目编码'], type: 'code', classification: 'function' },
  { header: ['功能分类科目', '科目名称'], type: 'text' },
];

/**
 * One synthetic filing whose nine tables agree with each other and add up
 * (so the checks pass), with 20–40 项目绩效目标表 and the usual 情况说明.
 */
export function generateFiling(random: Random, who: SynthIdentity, seed: number): SynthFiling {
  const { region, county, department: dept, year } = who;
  const deptName = `${county}${dept.shortName}`;
  const prefix = county.replace(/(县|区|市|回族自治县|满族自治县)$/, '').slice(0, 2);

  // Function classification items with money: the department's own branches plus staff branches.
  const own = dept.sections.flatMap((sectionCode) => {
    const cls = FUNCTION_CLASSES[sectionCode.slice(0, 3)]!;
    const section = cls.sections.find((s) => s.code === sectionCode)!;
    const items = random.sample(section.items, random.int(1, section.items.length));
    return items.map((it) => ({ cls, section, item: it }));
  });
  const staff = STAFF_SECTIONS.flatMap(({ class: cls, section }) => random.sample(section.items, random.int(1, section.items.length)).map((it) => ({ cls, section, item: it })));
  const chosen = [...own, ...staff];
  if (!chosen.some((c) => c.item.basic)) chosen[0] = { ...chosen[0]!, item: { ...chosen[0]!.item, basic: true } };

  // Basic expenditure by economic classification: 人员经费 (301, 303) and 公用经费 (302).
  const basicTotal = amount(random, 300, 3000);
  const publicShare = basicTotal.times(random.int(5, 15)).dividedToIntegerBy(100);
  const welfareShare = basicTotal.times(random.int(2, 8)).dividedToIntegerBy(100);
  const economicTotals: Record<string, Decimal> = { '301': basicTotal.minus(publicShare).minus(welfareShare), '302': publicShare, '303': welfareShare };
  const economic = ECONOMIC_CLASSES.map((cls) => {
    const picked = cls.code === '302' ? random.sample(cls.sections.filter(([c]) => c !== '30231' && c !== '30217'), random.int(6, 12)) : random.sample(cls.sections, random.int(2, cls.sections.length));
    return { cls, picked };
  });
  // Vehicle running costs and reception: they are also the 三公 figures.
  const vehicle = random.chance(0.8) ? amount(random, 1, 12) : new Decimal(0);
  const reception = random.chance(0.5) ? amount(random, 0.2, 3) : new Decimal(0);
  const publicRest = publicShare.minus(vehicle).minus(reception);
  const economicRows: { code: string; name: string; personnel: Decimal; public: Decimal }[] = [];
  for (const { cls, picked } of economic) {
    const total = economicTotals[cls.code]!;
    const specials: [string, string, Decimal][] = [];
    if (cls.code === '302') {
      if (!vehicle.isZero()) specials.push(['30231', '公务用车运行维护费', vehicle]);
      if (!reception.isZero()) specials.push(['30217', '公务接待费', reception]);
    }
    const shares = split(random, cls.code === '302' ? publicRest : total, picked.length);
    const sections = [...picked.map(([code, name], i) => [code, name, shares[i]!] as [string, string, Decimal]), ...specials].sort((a, b) => a[0].localeCompare(b[0]));
    const at = (d: Decimal) => (cls.personnel ? { personnel: d, public: new Decimal(0) } : { personnel: new Decimal(0), public: d });
    economicRows.push({ code: cls.code, name: cls.name, ...at(total) });
    for (const [code, name, value] of sections) economicRows.push({ code, name, ...at(value) });
  }
  const personnelTotal = economicTotals['301']!.plus(economicTotals['303']!);

  // Spread basic over the basic items, project money over the others.
  const basicItems = chosen.filter((c) => c.item.basic);
  const basicShares = split(random, basicTotal, basicItems.length);
  const lines: ItemLine[] = chosen.map((c) => {
    const basicIndex = basicItems.indexOf(c);
    const basic = basicIndex >= 0 ? basicShares[basicIndex]! : new Decimal(0);
    const project = basicIndex >= 0 && random.chance(0.7) ? new Decimal(0) : amount(random, 3, 4000);
    const carried = !project.isZero() && random.chance(0.2) ? project.times(random.int(5, 60)).dividedToIntegerBy(100) : new Decimal(0);
    return { classCode: c.cls.code, className: c.cls.name, sectionCode: c.section.code, sectionName: c.section.name, item: c.item, basic, project, carried };
  });
  const projectTotal = lines.reduce((a, l) => a.plus(l.project), new Decimal(0));
  const grandTotal = basicTotal.plus(projectTotal);
  const carriedTotal = lines.reduce((a, l) => a.plus(l.carried), new Decimal(0));
  const thisYear = grandTotal.minus(carriedTotal);

  const files = new Map<string, string>();
  const tables: TableInput[] = [];
  const addTable = (t: TableInput, rows: Row[]) => {
    tables.push(t);
    files.set(t.csv, tableCsv(t.columns, rows));
  };
  const seqRows = (rows: Row[]): Row[] => rows.map((r, i) => [String(i + 1), ...r]);

  // 收支总表
  const byClass = new Map(functionRows(lines, [(l) => l.basic.plus(l.project)]).filter((r) => r.code?.length === 3).map((r) => [r.code!, r.values[0]!]));
  const incomeLabels = ['一、一般公共预算拨款收入', '二、政府性基金预算拨款收入', '三、国有资本经营预算拨款收入', '四、财政专户管理资金收入', '五、单位资金'];
  const summaryRows: Row[] = SUMMARY_EXPENDITURE_LINES.map((line, i) => [
    incomeLabels[i] ?? null,
    i === 0 ? money(thisYear) : null,
    `${CHINESE_NUMERALS[i]}、${line.label}`,
    line.code && byClass.has(line.code) ? money(byClass.get(line.code)!) : null,
  ]);
  summaryRows.push(['本年收入合计', money(thisYear), '本年支出合计', money(grandTotal)]);
  summaryRows.push(['上年结转结余', blankIfZero(carriedTotal), '年终结转结余', null]);
  summaryRows.push(['收入总计', money(grandTotal), '支出总计', money(grandTotal)]);
  addTable(
    {
      id: 'income-expenditure-summary',
      standard: 'income-expenditure-summary',
      title: '部门预算收支总表',
      csv: 'tables/income-expenditure-summary.csv',
      columnNumbers: true,
      columns: [
        { header: ['序号'], type: 'seq' },
        { header: ['收入', '项目'], type: 'text' },
        { header: ['收入', '预算数'], type: 'amount' },
        { header: ['支出', '项目'], type: 'text' },
        { header: ['支出', '预算数'], type: 'amount' },
      ],
    },
    seqRows(summaryRows),
  );

  // 收入总表
  const incomeColumns = ['小计', '财政拨款收入', '财政专户收入', '事业收入', '经营收入', '上级补助收入', '附属单位上缴收入', '其他收入'];
  addTable(
    {
      id: 'income-summary',
      standard: 'income-summary',
      title: '部门预算收入总表',
      csv: 'tables/income-summary.csv',
      columnNumbers: true,
      columns: [...FUNCTION_COLUMNS, { header: ['合计'], type: 'amount' }, ...incomeColumns.map((h) => ({ header: ['本年收入', h], type: 'amount' as const })), { header: ['上年结转'], type: 'amount' }],
    },
    seqRows(
      functionRows(lines, [(l) => l.basic.plus(l.project), (l) => l.basic.plus(l.project).minus(l.carried), (l) => l.carried]).map((r) => {
        const [total, current, carried] = r.values as [Decimal, Decimal, Decimal];
        return [r.code, r.name, money(total), blankIfZero(current), blankIfZero(current), null, null, null, null, null, null, blankIfZero(carried)];
      }),
    ),
  );

  // 支出总表
  addTable(
    {
      id: 'expenditure-summary',
      standard: 'expenditure-summary',
      title: '部门预算支出总表',
      csv: 'tables/expenditure-summary.csv',
      columnNumbers: true,
      columns: [...FUNCTION_COLUMNS, ...['合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'].map((h) => ({ header: [h], type: 'amount' as const }))],
    },
    seqRows(
      functionRows(lines, [(l) => l.basic.plus(l.project), (l) => l.basic, (l) => l.project]).map((r) => {
        const [total, basic, project] = r.values as [Decimal, Decimal, Decimal];
        return [r.code, r.name, money(total), blankIfZero(basic), blankIfZero(project), null, null, null];
      }),
    ),
  );

  // 财政拨款收支总表
  const fiscalRows: Row[] = SUMMARY_EXPENDITURE_LINES.map((line, i) => {
    const value = line.code && byClass.has(line.code) ? money(byClass.get(line.code)!) : null;
    return [
      ['一、一般公共预算拨款', '二、政府性基金预算拨款', '三、国有资本经营预算拨款'][i] ?? null,
      i === 0 ? money(thisYear) : null,
      `${CHINESE_NUMERALS[i]}、${line.label}`,
      value,
      value,
      null,
      null,
    ];
  });
  fiscalRows.push(['本年收入合计', money(thisYear), '本年支出合计', money(grandTotal), money(grandTotal), null, null]);
  fiscalRows.push(['年初财政拨款结转和结余', blankIfZero(carriedTotal), '年末财政拨款结转和结余', null, null, null, null]);
  fiscalRows.push(['一、一般公共预算拨款', blankIfZero(carriedTotal), null, null, null, null, null]);
  fiscalRows.push(['二、政府性基金预算拨款', null, null, null, null, null, null]);
  fiscalRows.push(['三、国有资本经营预算拨款', null, null, null, null, null, null]);
  fiscalRows.push(['收入总计', money(grandTotal), '支出总计', money(grandTotal), money(grandTotal), null, null]);
  addTable(
    {
      id: 'fiscal-summary',
      standard: 'fiscal-summary',
      title: '部门预算财政拨款收支总表',
      csv: 'tables/fiscal-summary.csv',
      columnNumbers: true,
      columns: [
        { header: ['序号'], type: 'seq' },
        { header: ['收入', '项目'], type: 'text' },
        { header: ['收入', '金额'], type: 'amount' },
        { header: ['支出', '项目'], type: 'text' },
        ...['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'].map((h) => ({ header: ['支出', h], type: 'amount' as const })),
      ],
    },
    seqRows(fiscalRows),
  );

  // 一般公共预算财政拨款支出表, and the two empty fund tables.
  const threeColumns = [...FUNCTION_COLUMNS, ...['合计', '基本支出', '项目支出'].map((h) => ({ header: [h], type: 'amount' as const }))];
  addTable(
    { id: 'general-budget-expenditure', standard: 'general-budget-expenditure', title: '部门预算一般公共预算财政拨款支出表', csv: 'tables/general-budget-expenditure.csv', columnNumbers: true, columns: threeColumns },
    seqRows(
      functionRows(lines, [(l) => l.basic.plus(l.project), (l) => l.basic, (l) => l.project]).map((r) => {
        const [total, basic, project] = r.values as [Decimal, Decimal, Decimal];
        return [r.code, r.name, money(total), blankIfZero(basic), blankIfZero(project)];
      }),
    ),
  );
  addTable(
    {
      id: 'general-budget-basic-expenditure',
      standard: 'general-budget-basic-expenditure',
      title: '部门预算一般公共预算财政拨款基本支出表',
      csv: 'tables/general-budget-basic-expenditure.csv',
      columnNumbers: true,
      columns: [
        { header: ['序号'], type: 'seq' },
        { header: ['支出部门经济分类科目', '科目编码'], type: 'code', classification: 'economic' },
        { header: ['支出部门经济分类科目', '科目名称'], type: 'text' },
        ...['合计', '人员经费', '公用经费'].map((h) => ({ header: ['一般公共预算基本支出', h], type: 'amount' as const })),
      ],
    },
    seqRows([
      [null, '合计', money(basicTotal), money(personnelTotal), money(publicShare)],
      ...economicRows.map((r) => [r.code, r.name, money(r.personnel.plus(r.public)), blankIfZero(r.personnel), blankIfZero(r.public)]),
    ]),
  );
  for (const [id, title, note] of [
    ['government-fund-expenditure', '部门预算政府性基金预算财政拨款支出表', '注：无政府性基金预算财政拨款预算，空表列示。'],
    ['state-capital-expenditure', '部门预算国有资本经营预算财政拨款支出表', '注：无国有资本经营预算财政拨款预算，空表列示。'],
  ] as const) {
    addTable({ id, standard: id, title, csv: `tables/${id}.csv`, columnNumbers: true, empty: true, notes: [note], columns: threeColumns }, []);
  }

  // 三公
  const threeTotal = vehicle.plus(reception);
  const pair = (d: Decimal): Row => [blankIfZero(d), blankIfZero(d), null, null];
  addTable(
    {
      id: 'three-public',
      standard: 'three-public',
      title: '部门预算财政拨款“三公”经费支出表',
      csv: 'tables/three-public.csv',
      columnNumbers: true,
      columns: [
        { header: ['序号'], type: 'seq' },
        { header: ['项目'], type: 'text' },
        ...['合计', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款'].map((h) => ({ header: ['资金性质', h], type: 'amount' as const })),
      ],
    },
    seqRows([
      ['合计', ...pair(threeTotal)],
      ['“三公”经费小计', ...pair(threeTotal)],
      ['一、因公出国（境）费', ...pair(new Decimal(0))],
      ['其中：教学科研人员因公出国（境）费', ...pair(new Decimal(0))],
      ['其他因公出国（境）费', ...pair(new Decimal(0))],
      ['二、公务用车购置及运维费', ...pair(vehicle)],
      ['其中：公务用车购置费', ...pair(new Decimal(0))],
      ['公务用车运行维护费', ...pair(vehicle)],
      ['三、公务接待费', ...pair(reception)],
    ]),
  );

  // 机构设置
  const units = [`${deptName}本级`, ...random.sample([`${county}${dept.shortName.replace(/局$/, '')}服务中心`, `${county}${dept.shortName.replace(/局$/, '')}事务所`, `${county}${dept.shortName.replace(/局$/, '')}综合执法大队`], random.int(0, 3))];
  addTable(
    {
      id: 'organisation',
      title: '部门机构设置情况',
      csv: 'tables/organisation.csv',
      columns: ['单位名称', '单位性质', '单位规格', '经费保障形式'].map((h) => ({ header: [h], type: 'text' as const })),
    },
    units.map((u, i) => [u, i === 0 ? '行政' : '事业', i === 0 ? '正科级' : random.pick(['副科级', '股级']), i === 0 ? '财政拨款' : random.pick(['财政拨款', '财政性资金基本保证'])]),
  );

  // 项目绩效目标表
  const projectCount = random.int(20, 40);
  const projectBudgets = split(random, projectTotal.isZero() ? new Decimal(projectCount) : projectTotal, projectCount);
  const documentNo = (n: number) => `${prefix}财${random.pick(['社', '预', '农', '教', '行'])}【${year - 1}】${n}号`;
  const codes = new Set<string>();
  const topicOrder = random.shuffle(dept.topics);
  const projects = projectBudgets.map((budget, i) => {
    const topic = topicOrder[i % topicOrder.length]!;
    const round = Math.floor(i / topicOrder.length);
    const name = `${random.pick(PROJECT_PREFIXES)}${dept.shortName.replace(/(局|办公室|分局)$/, '')}${topic}${random.pick(PROJECT_SUFFIXES)}${round > 0 ? `（${CHINESE_NUMERALS[round]}期）` : ''}`;
    let code: string;
    do code = `${region.code.slice(0, 4)}${String(random.int(10, 99))}${String(year).slice(2)}P${dept.code.padStart(6, '0')}${String(random.int(100000, 999999))}`;
    while (codes.has(code));
    codes.add(code);
    const basis = documentNo(random.int(1, 120));
    const [quantity, unitWord] = random.pick(QUANTITY_INDICATORS);
    const indicators = [
      { level1: '产出指标', level2: '数量指标', level3: quantity, description: quantity, value: `≥${random.int(10, 5000)}${unitWord}`, basis },
      ...[random.pick(QUALITY_INDICATORS)].map((quality) => ({ level1: '产出指标', level2: '质量指标', level3: quality, description: quality, value: `≥${random.int(85, 100)}%`, basis })),
      ...(random.chance(0.8) ? [{ level1: '产出指标', level2: '时效指标', level3: random.pick(TIMELINESS_INDICATORS), description: '按计划完成', value: random.pick(['12月底', '10月底', '≥95%']), basis }] : []),
      { level1: '产出指标', level2: '成本指标', level3: '总成本', description: '总成本', value: `≤${money(budget)}万元`, basis },
      ...random.sample(BENEFIT_INDICATORS, random.int(1, 3)).map(([level2, level3]) => ({ level1: '效益指标', level2, level3, description: `${level3}，${random.pick(PROSE_FRAGMENTS)}`, value: random.pick(['有效', '明显提升', '持续改善', '长期']), basis: '年度工作计划' })),
      { level1: '满意度指标', level2: '服务对象满意度指标', level3: random.pick(SATISFACTION_INDICATORS), description: '满意度调查', value: `≥${random.int(85, 98)}%`, basis: '调查问卷' },
    ];
    const half = budget.times(random.int(20, 60)).dividedToIntegerBy(100);
    return {
      number: i + 1,
      title: `${name}绩效目标表`,
      name,
      code,
      budget: { total: money(budget), fiscal: money(budget), other: null },
      purpose: `${topic}，${random.pick(PROSE_FRAGMENTS)}`,
      spendingPlan: [
        { period: '3月底', amount: null },
        { period: '6月底', amount: random.chance(0.4) ? money(half) : null },
        { period: '10月底', amount: null },
        { period: '12月底', amount: money(budget) },
      ],
      goals: [`1. ${topic}按时足额落实，${random.pick(PROSE_FRAGMENTS)}`],
      indicators,
    };
  });
  files.set(PROJECTS_FILE, recordYaml(projects.map(({ indicators: _, ...form }) => form)));
  files.set(INDICATORS_FILE, indicatorsCsv(projects));

  // 情况说明
  const stated: Partial<Record<StatedFigureKey, { value: string; section: string; quote: string }>> = {};
  const state = (key: StatedFigureKey, section: string, value: Decimal, quote: string) => {
    stated[key] = { value: money(value), section, quote };
    return quote;
  };
  const duties = random.sample(dept.duties, random.int(2, dept.duties.length));
  files.set(
    'sections/duties.md',
    `根据《${deptName}职能配置、内设机构和人员编制规定》，${deptName}的主要职责是：\n\n${duties.map((d, i) => `（${CHINESE_NUMERALS[i]}）${d}。`).join('\n\n')}\n`,
  );
  const incomeSentence = state('income.total', 'overview', grandTotal, `${year}年预算收入${money(grandTotal)}万元`);
  const generalSentence = state('income.generalBudget', 'overview', thisYear, `一般公共预算收入${money(thisYear)}万元`);
  const carriedSentence = state('income.carriedOver', 'overview', carriedTotal, `上年结转结余${money(carriedTotal)}万元`);
  const expenditureSentence = state('expenditure.total', 'overview', grandTotal, `${year}年支出预算${money(grandTotal)}万元`);
  const basicSentence = state('expenditure.basic', 'overview', basicTotal, `其中基本支出${money(basicTotal)}万元`);
  const personnelSentence = state('expenditure.personnel', 'overview', personnelTotal, `人员经费${money(personnelTotal)}万元`);
  const publicSentence = state('expenditure.publicFunds', 'overview', publicShare, `日常公用经费${money(publicShare)}万元`);
  const projectSentence = state('expenditure.project', 'overview', projectTotal, `项目支出${money(projectTotal)}万元`);
  files.set(
    'sections/overview.md',
    [
      `按照预算管理有关规定，目前部门预算的编制实行综合预算管理，即全部收入和支出都反映在预算中。${deptName}机关及所属事业单位的收支包含在部门预算中。`,
      `1、收入说明\n\n反映本部门当年全部收入。${incomeSentence}，其中：${generalSentence}，基金预算收入0.00万元，国有资本经营预算收入0.00万元，财政专户核拨收入0.00万元，单位资金收入0.00万元，${carriedSentence}。`,
      `2、支出说明\n\n${expenditureSentence}，${basicSentence}，包括${personnelSentence}和${publicSentence}；${projectSentence}，主要为${projects
        .slice(0, 3)
        .map((p) => p.name)
        .join('、')}等。`,
      `3、比上年增减情况\n\n${year}年预算收支安排${money(grandTotal)}万元，较${year - 1}年预算${random.pick(['增加', '减少'])}${money(amount(random, 1, 900))}万元，主要原因是${random.pick(PROSE_FRAGMENTS)}。`,
    ].join('\n\n') + '\n',
  );
  files.set('sections/operating-costs.md', `${state('operatingCosts', 'operating-costs', publicShare, `${year}年，我部门机关运行经费共计安排${money(publicShare)}万元`)}，主要用于办公、水电、取暖、物业管理等日常运行支出。\n`);
  const threeQuote = state('threePublic.total', 'three-public', threeTotal, `${year}年，我部门财政拨款“三公”经费预算安排${money(threeTotal)}万元`);
  state('threePublic.vehicleOperation', 'three-public', vehicle, `公务用车运维费${money(vehicle)}万元`);
  state('threePublic.reception', 'three-public', reception, `公务接待费${money(reception)}万元`);
  files.set(
    'sections/three-public.md',
    `${threeQuote}，其中因公出国（境）费0.00万元；公务用车购置及运维费${money(vehicle)}万元（其中：公务用车购置费为0.00万元，公务用车运维费${money(vehicle)}万元）；公务接待费${money(reception)}万元。主要原因是${random.pick(PROSE_FRAGMENTS)}。\n`,
  );
  files.set('sections/overall-goals.md', `${random.shuffle(PROSE_FRAGMENTS).slice(0, 3).join('；')}。${duties.map((d) => `${d}。`).join('')}\n`);
  files.set('sections/procurement.md', random.chance(0.5) ? `${year}年本部门无政府采购预算。\n` : `${year}年本部门政府采购预算${money(amount(random, 1, 80))}万元，主要用于办公设备和服务采购。\n`);
  files.set('sections/assets.md', `截至${year - 1}年12月31日，本部门共有车辆${random.int(0, 6)}辆，单位价值50万元以上通用设备${random.int(0, 3)}台（套），单位价值100万元以上专用设备${random.int(0, 2)}台（套）。\n`);
  files.set('sections/other.md', random.chance(0.5) ? '无。\n' : `本部门${year}年无其他需要说明的事项。表中金额合计数与分项之和的尾差系四舍五入所致。\n`);

  const goals = random.sample(projects, Math.min(projects.length, random.int(3, 8))).map((p) => ({ title: p.name, target: p.goals[0]!.replace(/^1\. /, ''), indicators: [p.indicators[0]!.description] }));
  const sections = [
    { id: 'duties', number: '一', title: '部门职责及机构设置情况', blocks: [{ markdown: 'sections/duties.md' }, { table: 'organisation' }] },
    { id: 'overview', number: '二', title: '部门预算安排的总体情况', blocks: [{ markdown: 'sections/overview.md' }] },
    { id: 'operating-costs', number: '三', title: '机关运行经费安排情况', blocks: [{ markdown: 'sections/operating-costs.md' }] },
    { id: 'three-public', number: '四', title: '财政拨款“三公”经费预算情况及增减变化原因', blocks: [{ markdown: 'sections/three-public.md' }] },
    { id: 'overall-goals', number: '五', title: '部门整体绩效目标', blocks: [{ markdown: 'sections/overall-goals.md' }, { goals }] },
    { id: 'projects', number: '六', title: '部门项目预算安排情况及绩效目标', blocks: [{ projects: '*' }] },
    { id: 'procurement', number: '七', title: '政府采购预算情况', blocks: [{ markdown: 'sections/procurement.md' }] },
    { id: 'assets', number: '八', title: '国有资产信息', blocks: [{ markdown: 'sections/assets.md' }] },
    { id: 'glossary', number: '九', title: '名词解释', blocks: [{ glossary: random.sample(GLOSSARY, random.int(4, GLOSSARY.length)).map(([term, definition]) => ({ term, definition })) }] },
    { id: 'other', number: '十', title: '其他需要说明的事项', blocks: [{ markdown: 'sections/other.md' }] },
  ];

  const source = `合成数据：${deptName}${year}年部门预算（scripts/synth，seed ${seed}）。\n本文件不是公开文件，只用于性能测试。\n`;
  files.set('source/synthetic.txt', source);
  const identity = { region: { province: region.province, city: region.city, county }, department: { code: dept.code, name: deptName, shortName: dept.shortName, units: [] }, year, kind: '预算' as const };
  const declaration = {
    schemaVersion: 1,
    title: `${deptName}${year}年部门预算信息公开`,
    kind: identity.kind,
    year,
    region: identity.region,
    department: { code: dept.code, name: deptName, shortName: dept.shortName },
    sources: [{ file: 'source/synthetic.txt', title: `${deptName}${year}年部门预算（合成）`, format: 'synthetic', sha256: createHash('sha256').update(source).digest('hex'), origin: `scripts/synth 生成的合成数据，seed ${seed}，不是真实公开文件` }],
    tables,
    projects: PROJECTS_FILE,
    projectIndicators: INDICATORS_FILE,
    statedFigures: stated,
    sections,
  };
  files.set('filing.yaml', `# Synthetic filing for benchmarks (scripts/synth, seed ${seed}): invented figures.\n${recordYaml(declaration)}`);
  return { id: filingId(identity), files };
}
