import { equal, sum } from '../../records/decimal.ts';
import type { Filing } from '../../records/load-filing.ts';
import type { StatedFigureKey } from '../../records/schema/stated-figures.ts';
import type { Table } from '../../records/schema/table.ts';
import type { FindingList, Rule } from '../rule.ts';
import { findAmountColumn, last, standardTable } from '../table-view.ts';
import { incomeItemRow, lookedFor, summarySide, type Side } from '../summary-view.ts';
import { figureAt, sideFigure, summaryFigure, totalFigure, type Figure } from './cross-table.ts';
import { THREE_PUBLIC_LABELS, threePublicRow } from './column-sums.ts';
import { checkable, tableName, uncheckedRule, type Miss } from './unchecked.ts';

/** Income lines of the 收支总表 above 本年收入合计, by a word of their label (一、一般公共预算拨款收入). */
const INCOME_LINES: [StatedFigureKey, string][] = [
  ['income.generalBudget', '一般公共预算'],
  ['income.governmentFund', '政府性基金'],
  ['income.stateCapital', '国有资本经营'],
  ['income.specialAccount', '财政专户'],
  ['income.unitFunds', '单位资金'],
];

const THREE_PUBLIC_ROWS: [StatedFigureKey, readonly string[]][] = [
  ['threePublic.total', [...THREE_PUBLIC_LABELS.total, ...THREE_PUBLIC_LABELS.subtotal]],
  ['threePublic.abroad', THREE_PUBLIC_LABELS.abroad],
  ['threePublic.vehicles', THREE_PUBLIC_LABELS.vehicles],
  ['threePublic.vehiclePurchase', THREE_PUBLIC_LABELS.vehiclePurchase],
  ['threePublic.vehicleOperation', THREE_PUBLIC_LABELS.vehicleOperation],
  ['threePublic.reception', THREE_PUBLIC_LABELS.reception],
];

/** A row of the 收支总表's income side, `what` when it is not there (for `miss`, as in totalFigure). */
function incomeFigure(summary: Table | undefined, income: Side | undefined, row: number | undefined, what: string, label: string, miss: Miss): Figure | undefined {
  if (summary && row === undefined && checkable(summary)) miss(summary, income ? what : lookedFor.side('收入'));
  return sideFigure(income, row, label);
}

/**
 * Where each figure quoted in the 情况说明 stands in the tables. `miss` is
 * told what a table that is there lacks; for a figure with a second place to
 * look, that only matters when the second has nothing either.
 */
function tableFigure(filing: Filing, key: StatedFigureKey, miss: Miss): Figure | undefined {
  const summary = standardTable(filing, 'income-expenditure-summary');
  const income = summary && summarySide(summary, '收入');
  switch (key) {
    case 'income.total':
      return summaryFigure(summary, '收入', 'grand', miss) ?? totalFigure(filing, 'income-summary', (h) => h.length === 1 && h[0] === '合计', '合计', miss);
    case 'income.carriedOver': {
      const row = income?.items.find((i) => i.label.includes('上年结转') || (i.label.includes('年初') && i.label.includes('结转')))?.row;
      return (
        incomeFigure(summary, income, row, '含“上年结转”（或“年初…结转”）的收入行', '上年结转', miss) ??
        totalFigure(filing, 'income-summary', (h) => h[0]!.includes('上年结转'), '上年结转', miss)
      );
    }
    case 'expenditure.total':
      return summaryFigure(summary, '支出', 'year', miss) ?? totalFigure(filing, 'expenditure-summary', (h) => last(h) === '合计', '合计', miss);
    case 'expenditure.basic':
      return totalFigure(filing, 'expenditure-summary', (h) => last(h) === '基本支出', '基本支出', miss);
    case 'expenditure.project':
      return totalFigure(filing, 'expenditure-summary', (h) => last(h) === '项目支出', '项目支出', miss);
    case 'expenditure.personnel':
      return totalFigure(filing, 'general-budget-basic-expenditure', (h) => last(h) === '人员经费', '人员经费', miss);
    case 'expenditure.publicFunds':
      return totalFigure(filing, 'general-budget-basic-expenditure', (h) => last(h) === '公用经费', '公用经费', miss);
    case 'operatingCosts': {
      const table = totalFigure(filing, 'general-budget-basic-expenditure', (h) => last(h) === '公用经费', '公用经费', miss);
      const stated = filing.statedFigures['expenditure.publicFunds'];
      // Without the 基本支出表, the 公用经费 the 情况说明 states is the figure to compare with.
      return table ?? (stated && { ref: undefined, value: stated.value, label: `情况说明中的公用经费（“${stated.quote}”）` });
    }
    case 'assets.total':
      return undefined;
    default: {
      const line = INCOME_LINES.find(([k]) => k === key);
      if (line) {
        const word = line[1];
        const row = income && incomeItemRow(income, '收入', (l) => l.includes(word));
        return incomeFigure(summary, income, row, `本年收入合计以上含“${word}”的收入行`, key, miss);
      }
      const labels = THREE_PUBLIC_ROWS.find(([k]) => k === key)?.[1];
      const table = standardTable(filing, 'three-public');
      if (!labels || !table) return undefined;
      const row = threePublicRow(table, labels, miss);
      const column = findAmountColumn(table, (h) => last(h) === '合计');
      if (column === undefined && checkable(table)) miss(table, '“合计”列');
      if (row === undefined || column === undefined) return undefined;
      return figureAt({ table, row, column }, `三公经费表 ${table.rows[row]!.find((c, i) => c && table.columns[i]!.type === 'text')} 合计`);
    }
  }
}

function checkAgainstTables(rule: Rule, filing: Filing, out: FindingList, keys: (key: StatedFigureKey) => boolean): void {
  const missing: [Table, string][] = [];
  const miss: Miss = (table, what) => void missing.push([table, what]);
  for (const [key, stated] of Object.entries(filing.statedFigures) as [StatedFigureKey, NonNullable<Filing['statedFigures'][StatedFigureKey]>][]) {
    if (!keys(key)) continue;
    missing.length = 0;
    const figure = tableFigure(filing, key, miss);
    if (!figure) {
      // The tables are there but not the row or column of the figure (in any place it is looked for): it went unchecked.
      if (missing.length > 0) {
        const what = [...new Set(missing.map(([table, looked]) => `${tableName(table)} ${looked}`))].join('、');
        out.statedFigure(uncheckedRule(rule), key, {
          expected: what,
          found: '（缺）',
          message: `情况说明“${stated.quote}”中的 ${stated.value} 万元 未与表核对：没有找到${what}`,
        });
      }
      continue;
    }
    if (equal(stated.value, figure.value)) continue;
    out.statedFigure(rule, key, {
      expected: figure.value ?? '0.00',
      found: stated.value,
      message: `情况说明“${stated.quote}”中的 ${stated.value} 万元 与 ${figure.label} ${figure.value ?? '（空）'} 不一致`,
    });
  }
}

/** Figures quoted in the 情况说明 (二、总体情况, 三公) against the tables. */
export const statedFigures: Rule = {
  id: 'stated-figure',
  severity: 'error',
  description: '情况说明中引用的收入、支出、“三公”经费等数字 与 表中数字一致',
  check(filing, out) {
    checkAgainstTables(this, filing, out, (key) => key !== 'operatingCosts');
  },
};

/**
 * 机关运行经费 covers the 公用经费 of 行政单位 and 参公事业单位 only, so a
 * department with other 事业单位 legitimately states less than the table's
 * 公用经费: a difference is published as a warning, not an error.
 */
export const operatingCosts: Rule = {
  id: 'operating-costs',
  severity: 'warning',
  description: '情况说明中的机关运行经费 与 基本支出表 公用经费 合计（包含事业单位时可能合理不同）',
  check(filing, out) {
    checkAgainstTables(this, filing, out, (key) => key === 'operatingCosts');
  },
};

/**
 * A total and its parts as the 情况说明 states them. Where `listed` is set,
 * the sentence names its parts one by one (收入 …，其中：一般公共预算收入 …，
 * 上年结转 …) and any two or more of them are summed; otherwise every part
 * must be stated for the sum to be checked.
 */
const STATED_SUMS: { total: StatedFigureKey; parts: StatedFigureKey[]; listed?: true }[] = [
  { total: 'threePublic.total', parts: ['threePublic.abroad', 'threePublic.vehicles', 'threePublic.reception'] },
  { total: 'threePublic.vehicles', parts: ['threePublic.vehiclePurchase', 'threePublic.vehicleOperation'] },
  { total: 'expenditure.total', parts: ['expenditure.basic', 'expenditure.project'] },
  { total: 'expenditure.basic', parts: ['expenditure.personnel', 'expenditure.publicFunds'] },
  {
    total: 'income.total',
    parts: ['income.generalBudget', 'income.governmentFund', 'income.stateCapital', 'income.specialAccount', 'income.unitFunds', 'income.carriedOver'],
    listed: true,
  },
];

/** The 情况说明's own sums: 收入 and its sources, 三公 total and its parts, 支出 and 基本支出/项目支出, 基本支出 and 人员/公用经费. */
export const statedSums: Rule = {
  id: 'stated-sum',
  severity: 'error',
  description: '情况说明中的合计数 = 其所列各项之和（“三公”经费、支出、基本支出）',
  check(filing, out) {
    const figures = filing.statedFigures;
    for (const { total, parts, listed } of STATED_SUMS) {
      const stated = figures[total];
      const values = parts.flatMap((p) => (figures[p] ? [figures[p].value] : []));
      if (!stated || (listed ? values.length < 2 : values.length < parts.length)) continue;
      const expected = sum(values);
      if (!equal(expected, stated.value)) {
        out.statedFigure(this, total, {
          expected: expected.toFixed(2),
          found: stated.value,
          message: `情况说明中的 ${stated.value} 万元 不等于 其所列各项之和 ${expected.toFixed(2)} 万元（“${stated.quote}”）`,
        });
      }
    }
  },
};
