import { sum } from '../../records/decimal.ts';
import type { Filing } from '../../records/load-filing.ts';
import { standardTableName, type StandardTableKey, type Table } from '../../records/schema/table.ts';
import type { Rule } from '../rule.ts';
import { amountColumns, findAmountColumn, headerOf, last, standardTable } from '../table-view.ts';
import { itemRows, summarySide } from '../summary-view.ts';
import { describe, figureAt, isTotalColumn, summaryFigure, totalFigure, type Figure } from '../figures.ts';
import { basicTotals } from '../basic-view.ts';
import { checkable, tableName, Unchecked, type Miss } from './unchecked.ts';
import { pairing } from './cross-table.ts';
import { formatMoney, tableUnit } from '../money.ts';

const lastIs = (name: string) => (h: string[]) => last(h) === name;

/**
 * What a 决算's tables print twice, beside what `cross-table` compares for
 * both kinds: the 收入决算表's 合计 row against the 收入支出决算总表 (本年收入合计,
 * and each income column against the income line of its name, 财政拨款收入
 * against the lines of the three funds); 财政拨款收入 against the
 * 财政拨款收入支出决算总表's 本年收入合计; the 基本支出决算表's 人员经费合计 +
 * 公用经费合计 against the 基本支出 of the 一般公共预算财政拨款支出决算表; and,
 * where all that was spent is 一般公共预算财政拨款 (the two tables' 合计 agree),
 * the 支出决算表's 基本支出 and 项目支出 against that table's.
 */
export const finalCrossTable: Rule = {
  id: 'final-cross-table',
  severity: 'error',
  description: '决算表之间的同一数字一致：收入决算表 合计行 与 收入支出决算总表 各收入行；财政拨款收入 与 财政拨款收入支出决算总表 本年收入合计；人员经费合计 + 公用经费合计 与 一般公共预算财政拨款基本支出；全部支出为一般公共预算财政拨款时 支出决算表 与 一般公共预算财政拨款支出决算表 的基本支出、项目支出',
  kinds: ['决算'],
  check(filing, out) {
    const unchecked = new Unchecked(this, out);
    const pair = pairing(this, out, unchecked);
    const name = (key: StandardTableKey) => standardTableName(key, filing.kind);
    const summary = standardTable(filing, 'income-expenditure-summary');
    const income = standardTable(filing, 'income-summary');
    const fiscal = standardTable(filing, 'fiscal-summary');

    pair(`${name('income-summary')} 本年收入合计 = ${name('income-expenditure-summary')} 本年收入合计`, (m) => summaryFigure(summary, '收入', 'year', m), (m) => totalFigure(filing, 'income-summary', isTotalColumn, '本年收入合计', m));
    if (income && summary) incomeColumns(filing, pair, summary, income);
    pair(`${name('income-summary')} 财政拨款收入 = ${name('fiscal-summary')} 本年收入合计`, (m) => summaryFigure(fiscal, '收入', 'year', m), (m) => totalFigure(filing, 'income-summary', lastIs('财政拨款收入'), '财政拨款收入', m));

    const basic = standardTable(filing, 'general-budget-basic-expenditure');
    const basicCheck = `${name('general-budget-basic-expenditure')} 人员经费合计 + 公用经费合计 = ${name('general-budget-expenditure')} 基本支出`;
    const reference = checkable(basic) ? totalFigure(filing, 'general-budget-expenditure', lastIs('基本支出'), '基本支出', unchecked.miss(basicCheck)) : undefined;
    if (basic && reference) {
      const totals = basicTotals(basic);
      if (!totals?.personnel || !totals.publicFunds) unchecked.add(basic, '“人员经费合计”和“公用经费合计”行', basicCheck);
      else {
        const parts = [figureAt(totals.personnel, '人员经费合计'), figureAt(totals.publicFunds, '公用经费合计')];
        if (!out.units.agree(parts, [reference])) {
          const total = sum(parts.map((p) => p.value));
          // Printed with their units where the two tables are in different units.
          const mixed = out.units.mixed(parts[0]!, reference);
          const found = mixed ? formatMoney({ value: total.toFixed(2), unit: out.units.unitOf(parts[0]!) }) : total.toFixed(2);
          const expected = mixed ? formatMoney(out.units.money(reference)) : (reference.value ?? '');
          out.table(this, { table: basic, in: 'rows' }, {
            expected,
            found,
            message: `${tableName(basic, filing.kind)} 人员经费合计 + 公用经费合计 ${found} 与 ${describe(reference, filing.kind)}${mixed ? ` ${expected}` : ''} 不一致`,
          });
        }
      }
    }

    // 支出决算表 covers every source of funds; where its 合计 is the 一般公共预算 one, its 基本支出 and 项目支出 are that table's too.
    const whole = totalFigure(filing, 'expenditure-summary', isTotalColumn, '本年支出合计');
    const fiscalPart = totalFigure(filing, 'general-budget-expenditure', isTotalColumn, '合计');
    if (whole && fiscalPart && out.units.agree([whole], [fiscalPart], false)) {
      for (const column of ['基本支出', '项目支出']) {
        const check = `${name('general-budget-expenditure')} ${column} = ${name('expenditure-summary')} ${column}`;
        pair(check, (m) => totalFigure(filing, 'expenditure-summary', lastIs(column), column, m), (m) => totalFigure(filing, 'general-budget-expenditure', lastIs(column), column, m));
      }
    }
    unchecked.report();
  },
};

type Pair = ReturnType<typeof pairing>;

/**
 * Each income column of the 收入决算表 (财政拨款收入, 上级补助收入 … 其他收入)
 * = the 收入支出决算总表's income line of that name; 财政拨款收入 = its lines
 * of the three funds (一、一般公共预算财政拨款收入 …) when it prints no line of its own.
 */
function incomeColumns(filing: Filing, pair: Pair, summary: Table, income: Table): void {
  const side = summarySide(summary, '收入');
  const items = side ? itemRows(side, '收入').map((row) => ({ row, label: side.items.find((i) => i.row === row)!.label })) : [];
  const yearColumn = findAmountColumn(income, isTotalColumn);
  for (const column of amountColumns(income)) {
    if (column === yearColumn) continue;
    const label = last(headerOf(income, column));
    const check = `${tableName(income, filing.kind)} ${label} = ${tableName(summary, filing.kind)} ${label}行`;
    const own = items.filter((i) => i.label === label);
    const lines = own.length > 0 || label !== '财政拨款收入' ? own : items.filter((i) => i.label.includes('财政拨款'));
    const reference = (miss: Miss): Figure | undefined => {
      if (!side || lines.length === 0) {
        if (checkable(summary)) miss(summary, `“${label}”行`);
        return undefined;
      }
      const amount = side.amountColumns[0]!;
      if (lines.length === 1) return figureAt({ table: summary, row: lines[0]!.row, column: amount }, summary.rows[lines[0]!.row]![side.itemColumn]!);
      const value = sum(lines.map((l) => summary.rows[l.row]![amount])).toFixed(2);
      return { ref: undefined, value, label: `${tableName(summary, filing.kind)} ${lines.map((l) => summary.rows[l.row]![side.itemColumn]).join(' + ')}`, unit: tableUnit(summary), table: summary };
    };
    // The column itself, not the first of its name: a template may print one label twice.
    pair(check, reference, (m) => totalFigure(filing, 'income-summary', (h) => h === headerOf(income, column), label, m));
  }
}
