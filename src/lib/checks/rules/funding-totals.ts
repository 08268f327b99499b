import { equal, sum } from '../../records/decimal.ts';
import type { Table } from '../../records/schema/table.ts';
import type { Rule } from '../rule.ts';
import { classified, standardTable } from '../table-view.ts';
import { basicAmountColumn, basicTotals, fundingTotalRows, PERSONNEL, PUBLIC_FUNDS } from '../basic-view.ts';
import { Unchecked } from './unchecked.ts';

/** 部门经济分类 classes of 人员经费: 工资福利支出 and 对个人和家庭的补助; every other class shown is 公用经费. */
const PERSONNEL_CLASSES = ['301', '303'];

/**
 * A 决算's 基本支出决算表 closes its 人员经费 block (301, 303) with a row
 * 人员经费合计 and its 公用经费 block (302, 310 …) with 公用经费合计: each is
 * the sum of its classes. (Each class = its 款 is `column-sum`'s.) A 预算's
 * table prints 人员经费 and 公用经费 as columns, which `row-sum` adds up.
 */
export const fundingTotals: Rule = {
  id: 'funding-totals',
  severity: 'error',
  description: '基本支出决算表：人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助；公用经费合计 = 302 商品和服务支出 + 310 资本性支出（及所列其他类）',
  kinds: ['决算'],
  check(filing, out) {
    const table = standardTable(filing, 'general-budget-basic-expenditure');
    // Printed as columns beside the 合计 (a 预算's layout, which some 决算 keep), `row-sum` adds them up.
    if (!table || basicTotals(table)?.layout === 'columns') return;
    const unchecked = new Unchecked(this, out);
    const view = classified(table);
    const rows = fundingTotalRows(table);
    const column = basicAmountColumn(table);
    const check = `${PERSONNEL}合计 = 301 + 303；${PUBLIC_FUNDS}合计 = 302 + 310`;
    if (!view) unchecked.add(table, '科目编码列（type: code）', check);
    else if (column === undefined) unchecked.add(table, '“决算数”列', check);
    else {
      const classes = [...view.rowsByCode].filter(([code]) => code.length === 3);
      const parts = { personnel: classes.filter(([c]) => PERSONNEL_CLASSES.includes(c)), publicFunds: classes.filter(([c]) => !PERSONNEL_CLASSES.includes(c)) };
      for (const which of ['personnel', 'publicFunds'] as const) {
        const name = which === 'personnel' ? PERSONNEL : PUBLIC_FUNDS;
        const row = rows[which];
        if (row === undefined) {
          unchecked.add(table, `“${name}合计”行`, check);
          continue;
        }
        const expected = sum(parts[which].map(([, r]) => table.rows[r]![column]));
        const found = table.rows[row]![column] ?? null;
        if (equal(expected, found)) continue;
        out.cell(this, { table, row, column }, {
          expected: expected.toFixed(2),
          found: found ?? '',
          message: `${name}合计 不等于 ${parts[which].map(([code, r]) => `${code} ${nameOf(table, r, view.nameColumn)}`).join(' + ') || '所属各类'}之和`,
        });
      }
    }
    unchecked.report();
  },
};

const nameOf = (table: Table, row: number, column: number | undefined) => (column === undefined ? '' : (table.rows[row]![column] ?? ''));
