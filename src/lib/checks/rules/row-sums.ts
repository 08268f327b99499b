import { equal, sum } from '../../records/decimal.ts';
import type { Table } from '../../records/schema/table.ts';
import type { FindingList, Rule } from '../rule.ts';
import { amountColumns, headerOf, last } from '../table-view.ts';
import { isOfWhich, isTotalLabel } from '../labels.ts';

/**
 * A column headed 合计 or 小计 is the sum of its sibling columns under the same
 * parent header: 合计 = 基本支出 + 项目支出 + …; 本年收入/小计 = 财政拨款收入 + …;
 * 合计 = 本年收入 (its 小计) + 上年结转. A group of columns that has its own
 * 小计 counts as that 小计; 其中 columns are parts, not addends.
 */
export const rowSums: Rule = {
  id: 'row-sum',
  severity: 'error',
  description: '合计列 = 同级各列之和（合计 = 基本支出 + 项目支出 + …；本年收入各列之和 = 小计；合计 = 小计 + 上年结转）',
  check(filing, out) {
    for (const table of filing.tables) {
      for (const plan of sumPlans(table)) checkRows(this, out, table, plan);
    }
  },
};

/** A total column and the columns (or column groups, by their 小计) that add up to it. */
interface SumPlan {
  total: number;
  addends: number[][];
}

export function sumPlans(table: Table): SumPlan[] {
  const columns = amountColumns(table).map((index) => ({ index, header: headerOf(table, index) }));
  const plans: SumPlan[] = [];
  for (const total of columns) {
    if (!isTotalLabel(last(total.header))) continue;
    const prefix = total.header.slice(0, -1);
    const under = columns.filter(
      (c) => c.index !== total.index && c.header.length > prefix.length && prefix.every((p, i) => c.header[i] === p),
    );
    const groups = new Map<string, typeof under>();
    for (const c of under) {
      const node = c.header[prefix.length]!;
      if (isOfWhich(node) || isTotalLabel(node)) continue;
      groups.set(node, [...(groups.get(node) ?? []), c]);
    }
    const addends: number[][] = [];
    for (const [, members] of groups) {
      const own = members.find((m) => m.header.length === prefix.length + 2 && isTotalLabel(last(m.header)));
      if (own) addends.push([own.index]);
      else addends.push(members.filter((m) => !m.header.slice(prefix.length + 1).some(isOfWhich)).map((m) => m.index));
    }
    if (addends.length > 0) plans.push({ total: total.index, addends });
  }
  return plans;
}

function checkRows(rule: Rule, out: FindingList, table: Table, plan: SumPlan): void {
  const addendColumns = plan.addends.flat();
  table.rows.forEach((row, r) => {
    const found = row[plan.total] ?? null;
    if (found === null && addendColumns.every((c) => row[c] === null)) return;
    const expected = sum(addendColumns.map((c) => row[c]));
    if (!equal(expected, found)) {
      out.cell(rule, { table, row: r, column: plan.total }, {
        expected: expected.toFixed(2),
        found: found ?? '',
        message: `${table.columns[plan.total]!.header.join('/')} 不等于 ${addendColumns.map((c) => last(table.columns[c]!.header)).join(' + ')}`,
      });
    }
  });
}

