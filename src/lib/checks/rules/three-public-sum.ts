import { equal, sum } from '../../records/decimal.ts';
import type { Rule } from '../rule.ts';
import { standardTable } from '../table-view.ts';
import { MEASURES, THREE_PUBLIC_LABELS, threePublicColumns, type ThreePublicItem } from '../three-public-view.ts';
import { checkable, Unchecked, uncheckedRule } from './unchecked.ts';

/** Each parent item and its parts; the first is always printed, the breakdowns where the table shows them. */
const TREE: { parent: ThreePublicItem; parts: ThreePublicItem[]; always: boolean }[] = [
  { parent: 'total', parts: ['abroad', 'vehicles', 'reception'], always: true },
  { parent: 'vehicles', parts: ['vehiclePurchase', 'vehicleOperation'], always: false },
  { parent: 'abroad', parts: ['abroadTeaching', 'abroadOther'], always: false },
];

const name = (item: ThreePublicItem) => THREE_PUBLIC_LABELS[item][0]!;

/**
 * The 财政拨款“三公”经费支出决算表 prints each item as a pair of columns,
 * 预算数 and 决算数: for each of the two, 合计 = 因公出国（境）费 + 公务用车购置及运行费
 * (its 小计) + 公务接待费, and 小计 = 公务用车购置费 + 公务用车运行费. A table
 * with the items as rows is summed by `column-sum`.
 */
export const threePublicSum: Rule = {
  id: 'three-public-sum',
  severity: 'error',
  description: '“三公”经费支出决算表：预算数、决算数各自 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；公务用车购置及运行费 = 购置费 + 运行费',
  check(filing, out) {
    const table = standardTable(filing, 'three-public');
    const view = table && threePublicColumns(table);
    if (!table || !view) return;
    const unchecked = new Unchecked(this, out);
    for (const measure of MEASURES) {
      for (const { parent, parts, always } of TREE) {
        const columns = parts.map((item) => view.column(item, measure));
        const total = view.column(parent, measure);
        if (total === undefined || columns.some((c) => c === undefined)) {
          // A breakdown the table does not show at all is not checked; one it shows in part cannot be.
          if (always || columns.some((c) => c !== undefined)) {
            const check = `${name(parent)} = ${parts.map(name).join(' + ')}（${measure}）`;
            if (total === undefined) unchecked.add(table, `“${name(parent)}/${measure}”列`, check);
            parts.forEach((item, i) => columns[i] === undefined && unchecked.add(table, `“${name(item)}/${measure}”列`, check));
          }
          continue;
        }
        for (const row of view.rows) {
          const expected = sum(columns.map((c) => table.rows[row]![c!]));
          const found = table.rows[row]![total] ?? null;
          if (equal(expected, found)) continue;
          out.cell(this, { table, row, column: total }, {
            expected: expected.toFixed(2),
            found: found ?? '',
            message: `${name(parent)}（${measure}）不等于 ${parts.map(name).join(' + ')}`,
          });
        }
      }
    }
    unchecked.report();
    if (!checkable(table)) return;
    // A column under a label that is none of the items, or a second column of one item, is in no sum.
    const items = Object.values(THREE_PUBLIC_LABELS).map((l) => `“${l[0]}”`).join('、');
    for (const { column, seen } of view.unknown) {
      const header = table.columns[column]!.header.join('/');
      const why = seen === undefined ? `不是“三公”经费表的项目（${items}）` : `与“${table.columns[seen]!.header.join('/')}”列是同一项目`;
      out.cell(uncheckedRule(this), { table, row: view.rows[0] ?? 0, column }, {
        expected: '“三公”经费表的项目',
        found: header,
        message: `“${header}”列${why}，该列未核对`,
      });
    }
  },
};
