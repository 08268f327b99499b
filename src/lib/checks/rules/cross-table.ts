import { equal } from '../../records/decimal.ts';
import { standardTableName, type StandardTableKey, type Table } from '../../records/schema/table.ts';
import type { FindingList, Rule } from '../rule.ts';
import { classified, findAmountColumn, last, standardTable } from '../table-view.ts';
import { carriedRows, lookedFor, summarySide, type Side } from '../summary-view.ts';
import { describe, figureAt, isTotalColumn, sideFigure, summaryFigure, totalFigure, type Figure } from '../figures.ts';
import { normalizeLabel } from '../labels.ts';
import { formatMoney } from '../money.ts';
import { reportUnits } from './units.ts';
import { checkable, tableName, Unchecked, type Miss } from './unchecked.ts';

const lastIs = (name: string) => (h: string[]) => last(h) === name;
const lastHas = (text: string) => (h: string[]) => last(h).includes(text);

type Lookup = (miss: Miss) => Figure | undefined;

/**
 * Compares pairs of figures; where both tables are there but one lacks the
 * row or column a comparison needs, `unchecked` is told what was missing.
 */
export function pairing(rule: Rule, out: FindingList, unchecked: Unchecked): (check: string, reference: Lookup, detail: Lookup) => void {
  return (check, reference, detail) => {
    const misses: [Table, string][] = [];
    const a = reference((t, what) => misses.push([t, what]));
    const aMissed = misses.length;
    const b = detail((t, what) => misses.push([t, what]));
    // A figure not found with nothing missed: its table is absent or empty, which other rules report.
    if ((!a && aMissed === 0) || (!b && misses.length === aMissed)) return;
    if (a && b) compare(rule, out, a, b);
    else for (const [table, what] of misses) unchecked.add(table, what, check);
  };
}

/**
 * The same figure printed in two tables must agree: the detail tables'
 * 合计 against the summary tables, 基本支出表 against the 基本支出 column,
 * and each 类 of a detail table against the 类 line of its summary table.
 * A 预算's 收入总表 also adds up to 收入总计 and shows each 科目 with the
 * 合计 of the 支出总表; a 决算's income by 科目 need not equal what was spent
 * (the rest is carried over), and its own comparisons are `final-cross-table`.
 */
export const crossTable: Rule = {
  id: 'cross-table',
  severity: 'error',
  description: '同一数字在不同表中一致：支出总表/收入总表 与 收支总表；一般公共预算、政府性基金、国有资本经营预算支出表 与 财政拨款收支总表；基本支出表合计 与 基本支出列；收入总表 与 支出总表 各科目。单位不同的表换算为元比较；一表标明的单位与其数字不符（数字只有换成另一单位才与其他表、情况说明相符）时提示，并按该单位核对',
  check(filing, out) {
    reportUnits(this, out);
    const unchecked = new Unchecked(this, out);
    const pair = pairing(this, out, unchecked);
    const budget = filing.kind === '预算';
    const name = (key: StandardTableKey) => standardTableName(key, filing.kind);
    const summary = standardTable(filing, 'income-expenditure-summary');
    const fiscal = standardTable(filing, 'fiscal-summary');
    const sIn = summary && summarySide(summary, '收入');
    const sOut = summary && summarySide(summary, '支出');
    const fOut = fiscal && summarySide(fiscal, '支出');

    pair(`${name('expenditure-summary')} 合计 = ${name('income-expenditure-summary')} 本年支出合计`, (m) => summaryFigure(summary, '支出', 'year', m), (m) => totalFigure(filing, 'expenditure-summary', isTotalColumn, '合计', m));
    if (budget) {
      pair('收入总表 合计 = 收支总表 收入总计', (m) => summaryFigure(summary, '收入', 'grand', m), (m) => totalFigure(filing, 'income-summary', (h) => h.length === 1 && h[0] === '合计', '合计', m));
      pair('收入总表 本年收入/小计 = 收支总表 本年收入合计', (m) => summaryFigure(summary, '收入', 'year', m), (m) => totalFigure(filing, 'income-summary', (h) => h.length > 1 && h[0]!.includes('本年收入') && last(h) === '小计', '本年收入/小计', m));
      const carried = sIn ? carriedRows(sIn, '收入') : [];
      if (carried.length === 1) {
        const reference = sideFigure(sIn, carried[0], '上年结转');
        // A 收入总表 without a 上年结转 column is only wanting when the 收支总表 shows a 结转.
        const wanting = reference !== undefined && !equal(reference.value, null);
        pair('收入总表 上年结转 = 收支总表 上年结转', () => reference, (m) => totalFigure(filing, 'income-summary', (h) => h[0]!.includes('上年结转'), '上年结转', wanting ? m : undefined));
      }
    }

    const fColumn = fundColumn(fiscal, fOut);
    const funds: [StandardTableKey, string][] = [
      ['general-budget-expenditure', '一般公共预算'],
      ['government-fund-expenditure', '政府性基金'],
      ['state-capital-expenditure', '国有资本经营'],
    ];
    for (const [key, fund] of funds) {
      const detail = standardTable(filing, key);
      if (!detail || !fiscal) continue;
      const column = fColumn(fund);
      const check = `${name(key)} 合计 = ${name('fiscal-summary')} 本年支出合计 ${fund}列`;
      if (column === undefined) {
        // An empty detail table and no column for its fund: nothing to compare.
        if (checkable(detail)) unchecked.add(fiscal, fOut ? `支出下含“${fund}”的金额列` : lookedFor.side('支出'), check);
        continue;
      }
      const label = `本年支出合计 ${last(fiscal.columns[column]!.header)}`;
      // A 决算's fund table shows 本年支出 beside what was carried over: its 合计 is the 小计 of 本年支出.
      const spent = (h: string[]) => isTotalColumn(h) || (h[0]!.includes('本年支出') && last(h) === '小计');
      if (!detail.empty) pair(check, (m) => summaryFigure(fiscal, '支出', 'year', m, column, label), (m) => totalFigure(filing, key, spent, '合计', m));
      else {
        const reference = summaryFigure(fiscal, '支出', 'year', undefined, column, label);
        if (reference && !equal(reference.value, null)) {
          const said = describe(reference, filing.kind);
          out.table(this, { table: detail }, { expected: reference.value ?? '', found: '空表列示', message: `${tableName(detail, filing.kind)} 为空表，但 ${said} 为 ${reference.value}` });
        }
      }
    }
    if (budget) pair('基本支出表 合计 = 一般公共预算财政拨款支出表 基本支出', (m) => totalFigure(filing, 'general-budget-expenditure', lastIs('基本支出'), '基本支出', m), (m) => totalFigure(filing, 'general-budget-basic-expenditure', (h) => last(h) === '合计', '合计', m));

    categoryLines(this, out, unchecked, summary, sOut, standardTable(filing, 'expenditure-summary'));
    categoryLines(this, out, unchecked, fiscal, fOut, standardTable(filing, 'general-budget-expenditure'), fColumn('一般公共预算'));
    if (budget) sameCodes(this, out, unchecked, standardTable(filing, 'expenditure-summary'), standardTable(filing, 'income-summary'));
    unchecked.report();
  },
};

/** The 财政拨款收支总表's 支出 column of a fund (一般公共预算 …). */
export function fundColumn(fiscal: Table | undefined, side: Side | undefined): (fund: string) => number | undefined {
  return (fund) => (side && fiscal ? side.amountColumns.find((c) => lastHas(fund)(fiscal.columns[c]!.header.map(normalizeLabel))) : undefined);
}

/**
 * A finding on the detail figure when it differs from the reference (the
 * summary table's); nothing when either is missing. Figures in different
 * units are compared in 元 (money.ts) and the finding gives each in its own.
 */
export function compare(rule: Rule, out: FindingList, reference: Figure | undefined, detail: Figure | undefined): void {
  if (!reference || !detail?.ref || out.units.agree([reference], [detail])) return;
  const kind = out.filing.kind;
  if (!out.units.mixed(reference, detail)) {
    out.cell(rule, detail.ref, { expected: reference.value ?? '', found: detail.value ?? '', message: `${describe(detail, kind)} 与 ${describe(reference, kind)} 不一致` });
    return;
  }
  const [r, d] = [out.units.money(reference), out.units.money(detail)];
  out.cell(rule, detail.ref, {
    expected: formatMoney(r),
    found: formatMoney(d),
    message: `${describe(detail, kind)} ${formatMoney(d)} 与 ${describe(reference, kind)} ${formatMoney(r)} 不一致`,
  });
}

/** Each 类 row of a detail table against the summary's expenditure line of the same name (八、社会保障和就业支出). */
function categoryLines(rule: Rule, out: FindingList, unchecked: Unchecked, summary: Table | undefined, side: Side | undefined, detail: Table | undefined, column = side?.amountColumns[0]): void {
  if (!summary || !detail) return;
  const kind = out.filing.kind;
  const check = `${tableName(detail, kind)} 各类 = ${tableName(summary, kind)} 同名支出行`;
  // Only said when both tables are there to be compared.
  const miss = (table: Table, what: string) => checkable(summary) && checkable(detail) && unchecked.add(table, what, check);
  const view = classified(detail);
  if (!side || column === undefined) miss(summary, lookedFor.side('支出'));
  if (!view) miss(detail, '科目编码列（type: code）');
  else if (view.nameColumn === undefined) miss(detail, '科目名称列');
  const detailColumn = findAmountColumn(detail, isTotalColumn);
  if (detailColumn === undefined) miss(detail, '“合计”列');
  if (!side || column === undefined || !view || view.nameColumn === undefined || detailColumn === undefined) return;
  const lines = new Map(side.items.map((i) => [i.label, i.row]));
  for (const [code, row] of view.rowsByCode) {
    if (code.length !== 3) continue;
    const name = view.table.rows[row]![view.nameColumn] ?? code;
    const line = lines.get(normalizeLabel(view.table.rows[row]![view.nameColumn]));
    if (line === undefined) {
      miss(summary, `“${normalizeLabel(name)}”行（${tableName(detail, kind)} 类 ${code}）`);
      continue;
    }
    compare(rule, out, sideFigure(side, line, `${name}`, column), figureAt({ table: view.table, row, column: detailColumn }, `${code} ${name} 合计`));
  }
}

/** 收入总表 by 功能分类 and 支出总表 show the same 科目 with the same 合计. */
function sameCodes(rule: Rule, out: FindingList, unchecked: Unchecked, expenditure: Table | undefined, income: Table | undefined): void {
  const a = expenditure && classified(expenditure);
  const b = income && classified(income);
  if (!a || !b || a.kind !== b.kind) return;
  const isOwnTotal = (h: string[]) => h.length === 1 && h[0] === '合计';
  const columnA = findAmountColumn(a.table, isOwnTotal);
  const columnB = findAmountColumn(b.table, isOwnTotal);
  if (columnA === undefined || columnB === undefined) {
    const check = '收入总表 与 支出总表 各科目合计';
    // Both tables must be there to be compared (Unchecked.add ignores an empty one).
    if (checkable(a.table) && checkable(b.table)) {
      if (columnA === undefined) unchecked.add(a.table, '“合计”列', check);
      if (columnB === undefined) unchecked.add(b.table, '“合计”列', check);
    }
    return;
  }
  for (const [code, rowB] of b.rowsByCode) {
    const rowA = a.rowsByCode.get(code);
    if (rowA === undefined) continue;
    compare(rule, out, figureAt({ table: a.table, row: rowA, column: columnA }, `${code} 合计`), figureAt({ table: b.table, row: rowB, column: columnB }, `${code} 合计`));
  }
}
