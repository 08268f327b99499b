import { equal, sum, type Sum } from '../../records/decimal.ts';
import { parentCode, LEVEL_NAMES, codeLevel } from '../../records/schema/classification-codes.ts';
import type { StandardTableKey, Table } from '../../records/schema/table.ts';
import type { FindingList, Rule } from '../rule.ts';
import { amountColumns, classified, columnLabels, standardTable, TOTAL_ROW_LABELS } from '../table-view.ts';
import { checkable, looked, Unchecked, uncheckedRule } from './unchecked.ts';
import { fundingTotalRows } from '../basic-view.ts';
import { THREE_PUBLIC_LABELS, threePublicColumns, threePublicRow } from '../three-public-view.ts';

/** Standard tables whose rows are 科目 (a 科目编码 column and a 合计 row). */
export const CLASSIFIED_TABLES: readonly StandardTableKey[] = [
  'income-summary',
  'expenditure-summary',
  'general-budget-expenditure',
  'general-budget-basic-expenditure',
  'government-fund-expenditure',
  'state-capital-expenditure',
];

const CLASSIFIED_CHECK = '合计 = 各类之和；类 = 所属各款之和；款 = 所属各项之和';
const TOTAL_CHECK = '合计 = 各类之和';

const show = (d: Sum) => d.toFixed(2);

/**
 * 合计 = the sum of the top-level 科目 (the 类); each 科目 = the sum of its
 * children present in the table (类 of its 款, 款 of its 项). A 科目 whose
 * children are not shown is not summed here; `classification-depth` reports it.
 */
export const columnSums: Rule = {
  id: 'column-sum',
  severity: 'error',
  description: '合计 = 各类之和；类 = 所属各款之和；款 = 所属各项之和（功能分类 3/5/7 位，经济分类 3/5 位）；“三公”经费表各项之和',
  check(filing, out) {
    const unchecked = new Unchecked(this, out);
    for (const table of filing.tables) {
      const view = classified(table);
      if (view) checkClassified(this, out, view, unchecked);
      else if (table.standard && CLASSIFIED_TABLES.includes(table.standard)) unchecked.add(table, '科目编码列（type: code）', CLASSIFIED_CHECK);
    }
    const threePublic = standardTable(filing, 'three-public');
    // A 三公 table with 预算数/决算数 columns for its items is summed by `three-public-sum`.
    if (threePublic && !threePublicColumns(threePublic)) checkThreePublic(this, out, threePublic, unchecked);
    unchecked.report();
  },
};

function checkClassified(rule: Rule, out: FindingList, view: NonNullable<ReturnType<typeof classified>>, unchecked: Unchecked): void {
  const { table, codeColumn, rowsByCode, totalRow } = view;
  const children = new Map<string, number[]>();
  const topLevel: number[] = [];
  for (const [code, r] of rowsByCode) {
    const parent = parentCode(code);
    if (parent !== null && rowsByCode.has(parent)) {
      const list = children.get(parent) ?? [];
      list.push(r);
      children.set(parent, list);
    } else topLevel.push(r);
  }
  // A table of the source's own layout may have no 合计 row; a standard table prints one, or (a 决算's
  // 基本支出表) a 人员经费合计 and a 公用经费合计, which `funding-totals` checks.
  const split = Object.keys(fundingTotalRows(table)).length > 0;
  if (totalRow === undefined && topLevel.length > 0 && table.standard && !split) unchecked.add(table, looked(TOTAL_ROW_LABELS, '行'), TOTAL_CHECK);
  for (const column of amountColumns(table)) {
    const value = (r: number) => table.rows[r]![column] ?? null;
    if (totalRow !== undefined && topLevel.length > 0) {
      const expected = sum(topLevel.map(value));
      if (!equal(expected, value(totalRow))) {
        out.cell(rule, { table, row: totalRow, column }, {
          expected: show(expected),
          found: value(totalRow) ?? '',
          message: `合计 不等于 各${LEVEL_NAMES[0]}之和`,
        });
      }
    }
    for (const [code, rows] of children) {
      const r = rowsByCode.get(code)!;
      const expected = sum(rows.map(value));
      if (!equal(expected, value(r))) {
        const level = codeLevel(code);
        out.cell(rule, { table, row: r, column }, {
          expected: show(expected),
          found: value(r) ?? '',
          message: `${LEVEL_NAMES[level]} ${code} ${nameOf(table, r, codeColumn)}不等于 所属各${LEVEL_NAMES[level + 1] ?? ''}之和`,
        });
      }
    }
  }
}

function nameOf(table: Table, row: number, codeColumn: number): string {
  const name = table.rows[row]!.find((c, i) => i !== codeColumn && table.columns[i]!.type === 'text' && c);
  return name ? `${name} ` : '';
}

const THREE_PUBLIC = THREE_PUBLIC_LABELS;

/**
 * Each parent is the sum of its parts. The table always shows the first (the
 * 小计 of the three kinds of expense, or the 合计 where it prints no 小计), so
 * a row of it that is not found is reported; the breakdowns of 因公出国（境）费
 * and 公务用车 are checked where the table shows them, and reported only
 * where it shows them in part.
 */
const THREE_PUBLIC_TREE: { parent: readonly string[]; children: (readonly string[])[]; always: boolean }[] = [
  { parent: [...THREE_PUBLIC.subtotal, ...THREE_PUBLIC.total], children: [THREE_PUBLIC.abroad, THREE_PUBLIC.vehicles, THREE_PUBLIC.reception], always: true },
  { parent: THREE_PUBLIC.abroad, children: [THREE_PUBLIC.abroadTeaching, THREE_PUBLIC.abroadOther], always: false },
  { parent: THREE_PUBLIC.vehicles, children: [THREE_PUBLIC.vehiclePurchase, THREE_PUBLIC.vehicleOperation], always: false },
];

const KNOWN_THREE_PUBLIC_LABELS = new Set<string>(Object.values(THREE_PUBLIC).flat());

const sumText = (parent: readonly string[], children: (readonly string[])[]) => `${parent[0]} = ${children.map((c) => c[0]).join(' + ')}`;

function checkThreePublic(rule: Rule, out: FindingList, table: Table, unchecked: Unchecked): void {
  const pairs: [number, number[]][] = [];
  for (const { parent: parentLabels, children: childLabels, always } of THREE_PUBLIC_TREE) {
    const parent = threePublicRow(table, parentLabels);
    const rows = childLabels.map((labels) => threePublicRow(table, labels));
    // A breakdown the table does not show at all is not checked; one it shows in part cannot be.
    if (parent !== undefined && rows.every((r) => r !== undefined)) pairs.push([parent, rows as number[]]);
    else if (always || rows.some((r) => r !== undefined)) {
      const check = sumText(parentLabels, childLabels);
      if (parent === undefined) unchecked.add(table, looked(parentLabels, '行'), check);
      childLabels.forEach((labels, i) => rows[i] === undefined && unchecked.add(table, looked(labels, '行'), check));
    }
  }
  const total = threePublicRow(table, THREE_PUBLIC.total);
  const subtotal = threePublicRow(table, THREE_PUBLIC.subtotal);
  if (total !== undefined && subtotal !== undefined && total !== subtotal) pairs.push([total, [subtotal]]);
  for (const column of amountColumns(table)) {
    for (const [parent, rows] of pairs) {
      const expected = sum(rows.map((r) => table.rows[r]![column]));
      const found = table.rows[parent]![column] ?? null;
      if (!equal(expected, found)) {
        const labels = table.rows[parent]!.filter((_, i) => table.columns[i]!.type === 'text').join('');
        out.cell(rule, { table, row: parent, column }, {
          expected: show(expected),
          found: found ?? '',
          message: `${labels} 不等于 所列各项之和`,
        });
      }
    }
  }
  unknownThreePublicRows(rule, out, table);
}

/**
 * A row of the 三公 table whose label is none of the table's fixed rows
 * (三公经费合计 for 合计) is in no sum: each is reported, pointing at its label.
 */
function unknownThreePublicRows(rule: Rule, out: FindingList, table: Table): void {
  if (!checkable(table)) return;
  const textColumns = table.columns.flatMap((c, i) => (c.type === 'text' ? [i] : []));
  const amounts = amountColumns(table);
  if (textColumns.length === 0) return;
  const warning = uncheckedRule(rule);
  const known = Object.values(THREE_PUBLIC).map((labels) => `“${labels[0]}”`).join('、');
  table.rows.forEach((row, r) => {
    if (amounts.every((c) => row[c] === null)) return;
    if (textColumns.some((c) => KNOWN_THREE_PUBLIC_LABELS.has(columnLabels(table, c)[r]!))) return;
    const column = textColumns.find((c) => row[c]) ?? textColumns[0]!;
    const label = row[column] ?? '';
    out.cell(warning, { table, row: r, column }, {
      expected: '“三公”经费表的项目',
      found: label,
      message: `${label ? `“${label}”` : '没有项目名称的一行'}不是“三公”经费表的项目（${known}），该行未核对`,
    });
  });
}
