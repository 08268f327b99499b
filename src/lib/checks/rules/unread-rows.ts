import type { Table } from '../../records/schema/table.ts';
import type { FindingList, Rule } from '../rule.ts';
import { classified, TOTAL_ROW_LABELS, type ClassifiedTable } from '../table-view.ts';
import { fundingTotalRows } from '../basic-view.ts';
import { normalizeLabel } from '../labels.ts';

/**
 * The labels of a table's totals, each read once by the rules that compare
 * it (the first found): a second row with one of them in the same column
 * is published beside checked figures, while nothing reads it.
 */
const TOTALS = new Set([...TOTAL_ROW_LABELS, '收入总计', '支出总计', '本年收入合计', '本年支出合计', '三公经费合计', '三公经费小计']);

/** Rows of a table of 科目 without a code that a rule reads: its totals, and the 人员经费合计 / 公用经费合计 of a 决算's 基本支出表. */
const TOTAL_WITHOUT_CODE = new Set([...TOTAL_ROW_LABELS, '小计']);

/**
 * Every row of a table is read by some rule, or it is reported: the rules
 * find rows by their 科目编码 and totals by their labels, so a row without a
 * code in a table of 科目 (other than its totals) and a second 合计 row
 * would be shown on the page as though checked while no rule compares them.
 */
export const unreadRows: Rule = {
  id: 'unread-row',
  severity: 'error',
  description: '表中每一行都参与核对：科目表中没有科目编码的行（合计、小计、人员经费合计、公用经费合计除外），和同一表中第二个合计行，其数字不与任何数字核对',
  check(filing, out) {
    for (const table of filing.tables) {
      const view = classified(table);
      if (!table.standard && !view) continue;
      secondTotals(this, out, table);
      if (view) rowsWithoutCode(this, out, view);
    }
  },
};

/** A total label printed a second time in one column: the rules read the first. */
function secondTotals(rule: Rule, out: FindingList, table: Table): void {
  table.columns.forEach((column, c) => {
    if (column.type !== 'text') return;
    const first = new Map<string, number>();
    table.rows.forEach((row, r) => {
      // Every total label has 计: the other cells are not put in normal form, which would cost most of the rule's time.
      const label = row[c]?.includes('计') ? normalizeLabel(row[c]) : '';
      if (!TOTALS.has(label)) return;
      // 合计 and 总计 are one total to the rules that read a table of 科目 (its first row of either).
      const key = TOTAL_ROW_LABELS.includes(label) ? TOTAL_ROW_LABELS[0]! : label;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, r);
        return;
      }
      const printed = table.rows[r]![c]!;
      out.cell(rule, { table, row: r, column: c }, {
        expected: `（只有第 ${earlier + 1} 行）`,
        found: printed,
        message: `第 ${earlier + 1} 行已是“${table.rows[earlier]![c]}”行，此处又有一行“${printed}”：核对只读第一行，此行的数字未核对；删去该行，或写出它的本来名称`,
      });
    });
  });
}

/** A row without a 科目编码 that is none of the table's totals: no sum of 类, 款 or 项 includes it. */
function rowsWithoutCode(rule: Rule, out: FindingList, view: ClassifiedTable): void {
  const { table, codeColumn, nameColumn } = view;
  const funding = fundingTotalRows(table);
  const read = new Set([funding.personnel, funding.publicFunds]);
  table.rows.forEach((row, r) => {
    if (row[codeColumn] || read.has(r)) return;
    const texts = row.filter((cell, c) => cell && c !== codeColumn && table.columns[c]!.type === 'text');
    const labelled = nameColumn === undefined ? texts.map((t) => normalizeLabel(t)) : [normalizeLabel(row[nameColumn])];
    if (labelled.some((l) => TOTAL_WITHOUT_CODE.has(l))) return;
    // A table whose 合计 row is printed under another name (支出合计): column-sum warns that it found no 合计 row to check.
    if (view.totalRow === undefined && labelled.some((l) => /(?:合计|总计)$/.test(l))) return;
    const name = (nameColumn === undefined ? texts[0] : row[nameColumn]) ?? '';
    out.cell(rule, { table, row: r, column: codeColumn }, {
      expected: '科目编码',
      found: '',
      message: `${name ? `“${name}”` : '没有科目名称的'}一行没有科目编码，不在任何类、款、项之和中，其数字未核对：填上科目编码，或删去该行`,
    });
  });
}
