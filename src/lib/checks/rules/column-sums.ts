import { equal, sum, type Sum } from '../../records/decimal.ts';
import { parentCode, LEVEL_NAMES, codeLevel } from '../../records/schema/classification-codes.ts';
import type { Table } from '../../records/schema/table.ts';
import type { FindingList, Rule } from '../rule.ts';
import { amountColumns, classified, columnLabels, standardTable } from '../table-view.ts';

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
    for (const table of filing.tables) {
      const view = classified(table);
      if (view) checkClassified(this, out, view);
    }
    const threePublic = standardTable(filing, 'three-public');
    if (threePublic) checkThreePublic(this, out, threePublic);
  },
};

function checkClassified(rule: Rule, out: FindingList, view: NonNullable<ReturnType<typeof classified>>): void {
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

/** The 三公 table's fixed rows, by normalised label; each parent is the sum of the children it shows. */
const THREE_PUBLIC_TREE: [parent: string[], children: string[][]][] = [
  [['三公经费小计', '合计'], [['因公出国(境)费'], ['公务用车购置及运维费', '公务用车购置及运行费', '公务用车购置及运行维护费'], ['公务接待费']]],
  [['因公出国(境)费'], [['教学科研人员因公出国(境)费'], ['其他因公出国(境)费']]],
  [['公务用车购置及运维费', '公务用车购置及运行费', '公务用车购置及运行维护费'], [['公务用车购置费'], ['公务用车运行维护费', '公务用车运行费', '公务用车运维费']]],
];

export function threePublicRow(table: Table, labels: string[]): number | undefined {
  const textColumns = table.columns.flatMap((c, i) => (c.type === 'text' ? [columnLabels(table, i)] : []));
  for (const label of labels) {
    const r = table.rows.findIndex((_, row) => textColumns.some((column) => column[row] === label));
    if (r >= 0) return r;
  }
  return undefined;
}

function checkThreePublic(rule: Rule, out: FindingList, table: Table): void {
  const pairs: [number, number[]][] = [];
  for (const [parentLabels, childLabels] of THREE_PUBLIC_TREE) {
    const parent = threePublicRow(table, parentLabels);
    const rows = childLabels.map((labels) => threePublicRow(table, labels));
    // A parent is only checked when the table shows every one of its parts.
    if (parent === undefined || rows.some((r) => r === undefined)) continue;
    pairs.push([parent, rows as number[]]);
  }
  const total = threePublicRow(table, ['合计']);
  const subtotal = threePublicRow(table, ['三公经费小计']);
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
}
