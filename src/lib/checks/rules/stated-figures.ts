import type { Filing } from '../../records/load-filing.ts';
import type { StatedFigure, StatedFigureKey } from '../../records/schema/stated-figures.ts';
import type { Table } from '../../records/schema/table.ts';
import type { FindingList, Rule, RuleInfo } from '../rule.ts';
import { describe, type Figure } from '../figures.ts';
import { comparedFigure, tableFigure } from '../stated-figure-sources.ts';
import { proseFigures, proseTableFigure } from '../prose-figures.ts';
import { tableName, uncheckedRule, type Miss } from './unchecked.ts';
import { addUp, agree, formatMoney, statedUnit, type Money } from '../money.ts';

type Key = keyof Filing['statedFigures'];
type Detail = Parameters<FindingList['statedFigure']>[2];
/** Where a finding about one figure goes: its statedFigures entry, or the line of the text it is printed on. */
type Report = (rule: RuleInfo, detail: Detail) => void;

/**
 * Each stated figure (and the figure a sentence compares it with) against
 * where it stands in the tables, in the unit the sentence states it in; then
 * each figure the text prints next to a known label without a statedFigures
 * entry (prose-figures.ts), the same way, once. `same`: the two are one
 * figure printed twice, which tells the unit a table's figures are in
 * (unit-reading.ts); 机关运行经费 is not 公用经费.
 */
function checkAgainstTables(rule: Rule, filing: Filing, out: FindingList, keys: (key: string) => boolean, same: boolean): void {
  for (const [key, stated] of Object.entries(filing.statedFigures) as [Key, StatedFigure][]) {
    if (!keys(key)) continue;
    const report = (at: string) => (r: RuleInfo, detail: Detail) => out.statedFigure(r, at, detail);
    checkFigure(rule, filing, out, report(key), stated, stated.value, (miss) => tableFigure(filing, key, stated, miss), same);
    if (stated.compared) checkFigure(rule, filing, out, report(`${key}.compared`), stated, stated.compared.value, (miss) => comparedFigure(filing, stated, miss), same);
  }
  for (const figure of proseFigures(filing)) {
    if (!keys(figure.key)) continue;
    const report: Report = (r, detail) => out.text(r, figure.key, figure, { ...detail, message: `${detail.message}（正文中的数字，statedFigures 未列出）` });
    checkFigure(rule, filing, out, report, figure.stated, figure.stated.value, (miss) => proseTableFigure(filing, figure, miss), same);
  }
}

function checkFigure(rule: Rule, filing: Filing, out: FindingList, report: Report, stated: StatedFigure, value: string, find: (miss: Miss) => Figure | undefined, same: boolean): void {
  const said: Figure = { ref: undefined, value, label: `情况说明“${stated.quote}”`, unit: statedUnit(stated.quote, value, filing.unit) };
  const missing: [Table, string][] = [];
  const figure = find((table, what) => void missing.push([table, what]));
  if (!figure) {
    // The tables are there but not the row or column of the figure (in any place it is looked for): it went unchecked.
    if (missing.length > 0) {
      const what = [...new Set(missing.map(([table, looked]) => `${tableName(table, filing.kind)} ${looked}`))].join('、');
      report(uncheckedRule(rule), {
        expected: what,
        found: '（缺）',
        message: `情况说明“${stated.quote}”中的 ${value} ${said.unit} 未与表核对：没有找到${what}`,
      });
    }
    return;
  }
  if (out.units.agree([said], [figure], same)) return;
  // Figures in different units are given each in its own.
  const mixed = out.units.mixed(said, figure);
  const inTable = mixed ? formatMoney(out.units.money(figure)) : figure.value;
  report(rule, {
    expected: inTable ?? '0.00',
    found: mixed ? formatMoney(out.units.money(said)) : value,
    message: `情况说明“${stated.quote}”中的 ${value} ${said.unit} 与 ${describe(figure, filing.kind)} ${inTable ?? '（空）'} 不一致`,
  });
}

/** Figures quoted in the 情况说明 (二、总体情况, 三公) against the tables. */
export const statedFigures: Rule = {
  id: 'stated-figure',
  severity: 'error',
  description: '情况说明中引用的收入、支出、“三公”经费等数字 与 表中数字一致',
  check(filing, out) {
    checkAgainstTables(this, filing, out, (key) => key !== 'operatingCosts', true);
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
    checkAgainstTables(this, filing, out, (key) => key === 'operatingCosts', false);
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
  { total: 'threePublic.budget.total', parts: ['threePublic.budget.abroad', 'threePublic.budget.vehicles', 'threePublic.budget.reception'] },
  { total: 'threePublic.budget.vehicles', parts: ['threePublic.budget.vehiclePurchase', 'threePublic.budget.vehicleOperation'] },
  { total: 'expenditure.total', parts: ['expenditure.basic', 'expenditure.project'] },
  { total: 'expenditure.basic', parts: ['expenditure.personnel', 'expenditure.publicFunds'] },
  {
    total: 'income.total',
    parts: ['income.generalBudget', 'income.governmentFund', 'income.stateCapital', 'income.specialAccount', 'income.unitFunds', 'income.carriedOver'],
    listed: true,
  },
  {
    total: 'income.year',
    parts: ['income.fiscal', 'income.superior', 'income.operations', 'income.business', 'income.affiliated', 'income.other'],
    listed: true,
  },
];

/** The 情况说明's own sums: 收入 and its sources, 三公 total and its parts, 支出 and 基本支出/项目支出, 基本支出 and 人员/公用经费. */
export const statedSums: Rule = {
  id: 'stated-sum',
  severity: 'error',
  description: '情况说明中的合计数 = 其所列各项之和（收入、“三公”经费、支出、基本支出）',
  check(filing, out) {
    const figures = filing.statedFigures;
    const money = (figure: StatedFigure): Money => ({ value: figure.value, unit: statedUnit(figure.quote, figure.value, filing.unit) });
    for (const { total, parts, listed } of STATED_SUMS) {
      const stated = figures[total];
      const values = parts.flatMap((p) => (figures[p] ? [money(figures[p])] : []));
      if (!stated || (listed ? values.length < 2 : values.length < parts.length)) continue;
      const said = money(stated);
      if (agree(values, [said])) continue;
      // Parts in different units are added in the finest of them; the values then carry their units.
      const expected = addUp(values);
      const mixed = values.some((m) => m.unit !== said.unit);
      out.statedFigure(this, total, {
        expected: mixed ? formatMoney(expected) : expected.value,
        found: mixed ? formatMoney(said) : stated.value,
        message: `情况说明中的 ${stated.value} ${said.unit} 不等于 其所列各项之和 ${formatMoney(expected)}（“${stated.quote}”）`,
      });
    }
  },
};
