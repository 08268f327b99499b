import type { Filing } from '../records/load-filing.ts';
import type { StatedFigure, StatedFigureKey } from '../records/schema/stated-figures.ts';
import type { Table } from '../records/schema/table.ts';
import { classified, columnLabels, findAmountColumn, last, standardTable } from './table-view.ts';
import { incomeItemRow, lookedFor, summarySide, type Side } from './summary-view.ts';
import { figureAt, isTotalColumn, sideFigure, summaryFigure, totalFigure, type Figure } from './figures.ts';
import { basicTotals, PERSONNEL, PUBLIC_FUNDS } from './basic-view.ts';
import { THREE_PUBLIC_LABELS, threePublicColumns, threePublicRow, type Measure, type ThreePublicItem } from './three-public-view.ts';
import { normalizeLabel } from './labels.ts';
import { statedUnit } from './money.ts';
import { checkable, type Miss } from './rules/unchecked.ts';

/** Income lines of the 收支总表 above 本年收入合计, by a word of their label (一、一般公共预算拨款收入). */
const INCOME_LINES: [StatedFigureKey, string][] = [
  ['income.generalBudget', '一般公共预算'],
  ['income.governmentFund', '政府性基金'],
  ['income.stateCapital', '国有资本经营'],
  ['income.specialAccount', '财政专户'],
  ['income.unitFunds', '单位资金'],
];

/** A 决算's income sources: a line of the 收入支出决算总表, else the 收入决算表 column of that name. */
const INCOME_SOURCES: [StatedFigureKey, string][] = [
  ['income.superior', '上级补助收入'],
  ['income.operations', '事业收入'],
  ['income.business', '经营收入'],
  ['income.affiliated', '附属单位上缴收入'],
  ['income.other', '其他收入'],
];

/** 三公 figures: the item, and for a 决算 the measure (决算数 what was spent, 预算数 the 年初预算). */
const THREE_PUBLIC_KEYS: [StatedFigureKey, ThreePublicItem, Measure][] = (['total', 'abroad', 'vehicles', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const).flatMap(
  (item): [StatedFigureKey, ThreePublicItem, Measure][] => [
    [`threePublic.${item}`, item, '决算数'],
    [`threePublic.budget.${item}`, item, '预算数'],
  ],
);

/** A row of the 收支总表's income side, `what` when it is not there (for `miss`, as in totalFigure). */
function incomeFigure(summary: Table | undefined, income: Side | undefined, row: number | undefined, what: string, label: string, miss: Miss): Figure | undefined {
  if (summary && row === undefined && checkable(summary)) miss(summary, income ? what : lookedFor.side('收入'));
  return sideFigure(income, row, label);
}

const lastIs = (name: string) => (h: string[]) => last(h) === name;

/**
 * Where a figure quoted in the 情况说明 stands in the tables. `miss` is
 * told what a table that is there lacks; for a figure with a second place to
 * look, that only matters when the second has nothing either.
 */
export function tableFigure(filing: Filing, key: keyof Filing['statedFigures'], stated: StatedFigure, miss: Miss): Figure | undefined {
  const final = filing.kind === '决算';
  const summary = standardTable(filing, 'income-expenditure-summary');
  const income = summary && summarySide(summary, '收入');
  const basic = () => standardTable(filing, 'general-budget-basic-expenditure');
  switch (key) {
    case 'income.total':
      // A 决算's 收入决算表 adds up to 本年收入合计, not to 总计: only the summary has it.
      if (final) return summaryFigure(summary, '收入', 'grand', miss, undefined, '总计');
      return summaryFigure(summary, '收入', 'grand', miss) ?? totalFigure(filing, 'income-summary', (h) => h.length === 1 && h[0] === '合计', '合计', miss);
    case 'income.year':
      return summaryFigure(summary, '收入', 'year', miss) ?? totalFigure(filing, 'income-summary', (h) => last(h) === '本年收入合计' || (h[0] === '本年收入' && last(h) === '小计'), '本年收入合计', miss);
    case 'income.fiscal':
      return totalFigure(filing, 'income-summary', lastIs('财政拨款收入'), '财政拨款收入', miss) ?? summaryFigure(standardTable(filing, 'fiscal-summary'), '收入', 'year', miss);
    case 'income.carriedOver': {
      const row = income?.items.find((i) => i.label.includes('上年结转') || (i.label.includes('年初') && i.label.includes('结转')))?.row;
      return (
        incomeFigure(summary, income, row, '含“上年结转”（或“年初…结转”）的收入行', '上年结转', miss) ??
        totalFigure(filing, 'income-summary', (h) => h[0]!.includes('上年结转'), '上年结转', miss)
      );
    }
    case 'expenditure.total':
      return summaryFigure(summary, '支出', 'year', miss) ?? totalFigure(filing, 'expenditure-summary', isTotalColumn, '合计', miss);
    case 'expenditure.basic':
      return totalFigure(filing, 'expenditure-summary', lastIs('基本支出'), '基本支出', miss);
    case 'expenditure.project':
      return totalFigure(filing, 'expenditure-summary', lastIs('项目支出'), '项目支出', miss);
    case 'expenditure.generalBudget':
      return totalFigure(filing, 'general-budget-expenditure', isTotalColumn, '合计', miss);
    case 'fiscal.total':
      return summaryFigure(standardTable(filing, 'fiscal-summary'), '收入', 'grand', miss, undefined, '总计');
    case 'expenditure.personnel':
      return fundingFigure(basic(), PERSONNEL, miss);
    case 'expenditure.publicFunds':
      return fundingFigure(basic(), PUBLIC_FUNDS, miss);
    case 'operatingCosts': {
      const table = fundingFigure(basic(), PUBLIC_FUNDS, miss);
      const publicFunds = filing.statedFigures['expenditure.publicFunds'];
      // Without the 基本支出表, the 公用经费 the 情况说明 states is the figure to compare with.
      return table ?? (publicFunds && { ref: undefined, value: publicFunds.value, label: `情况说明中的公用经费（“${publicFunds.quote}”）`, unit: statedUnit(publicFunds.quote, publicFunds.value, filing.unit) });
    }
    case 'assets.total':
      return undefined;
  }
  if (key.startsWith('comparison.')) return subjectFigure(filing, stated, miss);
  const line = INCOME_LINES.find(([k]) => k === key);
  if (line) {
    const row = income && incomeItemRow(income, '收入', (l) => l.includes(line[1]));
    return incomeFigure(summary, income, row, `本年收入合计以上含“${line[1]}”的收入行`, key, miss);
  }
  const source = INCOME_SOURCES.find(([k]) => k === key);
  if (source) {
    const word = source[1];
    const row = income && incomeItemRow(income, '收入', (l) => l.endsWith(word));
    return sideFigure(income, row, word) ?? totalFigure(filing, 'income-summary', lastIs(word), word, miss) ?? incomeFigure(summary, income, row, `“${word}”行`, word, miss);
  }
  const threePublic = THREE_PUBLIC_KEYS.find(([k]) => k === key);
  return threePublic && threePublicFigure(filing, threePublic[1], threePublic[2], miss);
}

/** What a stated comparison's second figure (`compared`, the 年初预算) is in the tables: only the 三公 table prints a 预算数. */
export function comparedFigure(filing: Filing, stated: StatedFigure, miss: Miss): Figure | undefined {
  return stated.subject && normalizeLabel(stated.subject).includes('三公经费') ? threePublicFigure(filing, 'total', '预算数', miss) : undefined;
}

/** 人员经费 or 公用经费 of the 基本支出表, a column of its 合计 row (预算) or its own 合计 row (决算). */
function fundingFigure(table: Table | undefined, name: string, miss: Miss): Figure | undefined {
  if (!table) return undefined;
  const totals = basicTotals(table);
  const ref = totals && (name === PERSONNEL ? totals.personnel : totals.publicFunds);
  if (!ref) {
    if (checkable(table)) miss(table, `“${name}”列（或“${name}合计”行）`);
    return undefined;
  }
  return figureAt(ref, totals.layout === 'rows' ? `${name}合计` : `合计行 ${name}`);
}

/** An item of the 三公 table: its row's 合计 (or 决算数/预算数) column, or in a 决算 its column of that measure. */
function threePublicFigure(filing: Filing, item: ThreePublicItem, measure: Measure, miss: Miss): Figure | undefined {
  const table = standardTable(filing, 'three-public');
  if (!table || table.rows.length === 0) return undefined;
  const labels = item === 'total' ? [...THREE_PUBLIC_LABELS.total, ...THREE_PUBLIC_LABELS.subtotal] : THREE_PUBLIC_LABELS[item];
  const columns = threePublicColumns(table);
  if (columns) {
    const column = columns.column(item, measure);
    if (column === undefined) {
      if (checkable(table)) miss(table, `“${labels[0]}/${measure}”列`);
      return undefined;
    }
    return figureAt({ table, row: columns.rows[0] ?? 0, column }, `${labels[0]} ${measure}`);
  }
  const row = threePublicRow(table, labels, miss);
  const column = findAmountColumn(table, lastIs(measure)) ?? findAmountColumn(table, lastIs('合计'));
  if (column === undefined && checkable(table)) miss(table, '“合计”列');
  if (row === undefined || column === undefined) return undefined;
  const label = table.rows[row]!.find((c, i) => c && table.columns[i]!.type === 'text');
  return figureAt({ table, row, column }, `${label} ${last(table.columns[column]!.header)}`);
}

/** 一般公共服务支出（类）财政事务（款）行政运行（项） → the names of the 类, 款 and 项. */
const SUBJECT_PATH = /^(.+?)（类）(?:(.+?)（款）)?(?:(.+?)（项）)?/;

/**
 * The table figure of what a comparison sentence is about: a 科目 named by
 * 类/款/项 (its row of the 一般公共预算财政拨款支出表), the 一般公共预算财政拨款支出
 * as a whole, or the 三公 经费 (决算数). Another subject is not looked up.
 */
function subjectFigure(filing: Filing, stated: StatedFigure, miss: Miss): Figure | undefined {
  const subject = stated.subject;
  if (!subject) return undefined;
  const path = SUBJECT_PATH.exec(subject.replace(/\(/g, '（').replace(/\)/g, '）'));
  if (path) return itemFigure(standardTable(filing, 'general-budget-expenditure'), path.slice(1).filter((n): n is string => Boolean(n)), subject, miss);
  const words = normalizeLabel(subject);
  if (words.includes('三公经费')) return threePublicFigure(filing, 'total', '决算数', miss);
  if (words.includes('一般公共预算财政拨款支出')) return totalFigure(filing, 'general-budget-expenditure', isTotalColumn, '合计', miss);
  return undefined;
}

/** The row of a 科目 by the names of its 类, 款 and 项, each under the one before. */
function itemFigure(table: Table | undefined, names: string[], subject: string, miss: Miss): Figure | undefined {
  if (!table) return undefined;
  const view = classified(table);
  const column = findAmountColumn(table, isTotalColumn);
  if (!view || view.nameColumn === undefined || column === undefined) {
    if (checkable(table)) miss(table, column === undefined ? '“合计”列' : '科目编码列和科目名称列');
    return undefined;
  }
  const labels = columnLabels(table, view.nameColumn);
  let code = '';
  for (const name of names) {
    const found = [...view.rowsByCode].find(([c, r]) => c.length === code.length + (code ? 2 : 3) && c.startsWith(code) && labels[r] === normalizeLabel(name));
    if (!found) {
      if (checkable(table)) miss(table, `“${subject}”的科目行`);
      return undefined;
    }
    code = found[0];
  }
  const row = view.rowsByCode.get(code)!;
  return figureAt({ table, row, column }, `${code} ${table.rows[row]![view.nameColumn]} ${last(table.columns[column]!.header)}`);
}
