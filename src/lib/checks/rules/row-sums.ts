import { equal, sum } from '../../records/decimal.ts';
import type { Table } from '../../records/schema/table.ts';
import type { FindingList, Rule } from '../rule.ts';
import { amountColumns, headerOf, last } from '../table-view.ts';
import { isOfWhich, isTotalLabel } from '../labels.ts';
import { Unchecked } from './unchecked.ts';

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
    const unchecked = new Unchecked(this, out);
    for (const table of filing.tables) {
      for (const plan of sumPlans(table)) checkRows(this, out, table, plan);
      // The standard tables print a 合计 (or 小计) beside each group of amounts; without one, a total
      // printed under another name (总额) would be taken for one more column and go unchecked.
      if (table.standard) {
        for (const group of groupsWithoutTotal(table)) {
          const prefix = group.prefix.length ? `${group.prefix.join('/')}/` : '';
          unchecked.add(table, `“${prefix}合计”（或“${prefix}小计”“${prefix}总计”）列`, `${prefix}合计列 = 同级各列之和（${group.columns.join('、')}）`);
        }
      }
    }
    unchecked.report();
  },
};

/**
 * Groups of two or more sibling amount columns (the same parent header, at
 * least one a column of its own, not a header over others) with no 合计,
 * 小计 or 总计 among them, e.g. 基本支出 + 项目支出 with no 合计 beside them.
 * 其中 columns and the columns under them are parts, not siblings. (Headers
 * are in normal form, without spaces, so 其中 is a plain prefix.)
 */
export function groupsWithoutTotal(table: Table): { prefix: string[]; columns: string[] }[] {
  const columns = amountColumns(table);
  const headers = columns.map((i) => headerOf(table, i));
  const out: { prefix: string[]; columns: string[] }[] = [];
  const seen = new Set<string>();
  for (let a = 0; a < headers.length; a++) {
    const h = headers[a]!;
    for (let k = 0; k < h.length; k++) {
      if (k > 0 && h[k - 1]!.startsWith('其中')) break;
      const key = k === 0 ? '' : h.slice(0, k).join('/');
      if (seen.has(key)) continue;
      seen.add(key);
      // Columns before `a` under this prefix would have seen it first, so the group starts at `a`.
      const nodes: string[] = [];
      const printed: string[] = [];
      let leaf = false;
      let total = false;
      for (let b = a; b < headers.length; b++) {
        const g = headers[b]!;
        if (g.length <= k || (k > 0 && !samePrefix(g, h, k))) continue;
        const node = g[k]!;
        if (node.startsWith('其中')) continue;
        if (g.length === k + 1) {
          leaf = true;
          if (isColumnTotal(node)) total = true;
        }
        if (!nodes.includes(node)) {
          nodes.push(node);
          printed.push(table.columns[columns[b]!]!.header[k] ?? node);
        }
      }
      if (nodes.length >= 2 && leaf && !total && !notAddends(nodes)) out.push({ prefix: table.columns[columns[a]!]!.header.slice(0, k), columns: printed });
    }
  }
  return out;
}

/** 合计, 小计, 总计, or a 决算's 本年收入合计 / 本年支出合计 heading the columns it adds up. */
const isColumnTotal = (label: string) => isTotalLabel(label) || label === '本年收入合计' || label === '本年支出合计';

/**
 * Sibling columns that are no parts of a whole: a 预算数 beside its 决算数
 * (the 三公 决算 table), and 年初结转和结余, 本年收入, 本年支出, 年末结转和结余
 * (a 决算's fund tables, where the balance carries forward rather than adds up).
 */
function notAddends(nodes: string[]): boolean {
  if (nodes.every((n) => n === '预算数' || n === '决算数')) return true;
  return nodes.some((n) => n.startsWith('年初')) && nodes.some((n) => n.startsWith('年末'));
}

function samePrefix(a: string[], b: string[], length: number): boolean {
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A total column and the columns (or column groups, by their 小计) that add up to it. */
interface SumPlan {
  total: number;
  addends: number[][];
}

export function sumPlans(table: Table): SumPlan[] {
  const columns = amountColumns(table).map((index) => ({ index, header: headerOf(table, index) }));
  const plans: SumPlan[] = [];
  for (const total of columns) {
    if (!isColumnTotal(last(total.header))) continue;
    const prefix = total.header.slice(0, -1);
    const under = columns.filter(
      (c) => c.index !== total.index && c.header.length > prefix.length && prefix.every((p, i) => c.header[i] === p),
    );
    const groups = new Map<string, typeof under>();
    for (const c of under) {
      const node = c.header[prefix.length]!;
      if (isOfWhich(node) || isColumnTotal(node)) continue;
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

