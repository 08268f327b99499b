import { Decimal } from '../../src/lib/records/decimal.ts';
import type { z } from 'zod';
import type { columnSchema, tableDeclarationSchema } from '../../src/lib/records/schema/table.ts';
import { CHINESE_NUMERALS, SUMMARY_EXPENDITURE_LINES } from './vocabulary.ts';
import { blankIfZero, money } from './amounts.ts';
import { functionRows, type Budget } from './budget.ts';

export type Row = (string | null)[];

/** A table declaration as written in filing.yaml, before zod applies defaults. */
export type TableInput = z.input<typeof tableDeclarationSchema>;
type ColumnInput = z.input<typeof columnSchema>;

const FUNCTION_COLUMNS: ColumnInput[] = [
  { header: ['序号'], type: 'seq' },
  { header: ['功能分类科目', '科目编码'], type: 'code', classification: 'function' },
  { header: ['功能分类科目', '科目名称'], type: 'text' },
];

/** The nine standard tables of a 部门预算, in the order of the disclosure, from one budget: they agree with each other and add up. */
export function standardTables(budget: Budget): { table: TableInput; rows: Row[] }[] {
  const { lines, basicTotal, publicShare, personnelTotal, economicRows, vehicle, reception, threeTotal, grandTotal, carriedTotal, thisYear } = budget;
  const tables: { table: TableInput; rows: Row[] }[] = [];
  const addTable = (table: TableInput, rows: Row[]) => tables.push({ table, rows });
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
  return tables;
}
