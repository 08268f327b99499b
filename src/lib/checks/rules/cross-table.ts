import { equal } from '../../records/decimal.ts';
import type { Filing } from '../../records/load-filing.ts';
import type { StandardTableKey, Table } from '../../records/schema/table.ts';
import type { CellRef, FindingList, Rule } from '../rule.ts';
import { classified, findAmountColumn, last, standardTable, TOTAL_ROW_LABELS } from '../table-view.ts';
import { carriedRows, grandTotalRow, lookedFor, summarySide, yearTotalRow, type Side, type SideName } from '../summary-view.ts';
import { normalizeLabel } from '../labels.ts';
import { checkable, looked, tableName, Unchecked, type Miss } from './unchecked.ts';

/** A figure read from a cell, with where it stands for the message. */
export interface Figure {
  /** The cell, or nothing for a figure stated in the 情况说明. */
  ref: CellRef | undefined;
  value: string | null;
  /** 收支总表 本年支出合计 */
  label: string;
}

export function figureAt(ref: CellRef, label: string): Figure {
  return { ref, value: ref.table.rows[ref.row]![ref.column] ?? null, label };
}

/**
 * The 合计 row's cell in the column whose header satisfies `test` (the
 * column's `label`). Nothing when the table is absent; `miss` is told what a
 * table that is there to be checked lacks (its 合计 row, that column).
 */
export function totalFigure(filing: Filing, key: StandardTableKey, test: (header: string[]) => boolean, label: string, miss?: Miss): Figure | undefined {
  const table = standardTable(filing, key);
  if (!table) return undefined;
  const view = classified(table);
  const column = findAmountColumn(table, test);
  if (!view || view.totalRow === undefined || column === undefined) {
    if (miss && checkable(table)) {
      if (!view) miss(table, '科目编码列（type: code）');
      else if (view.totalRow === undefined) miss(table, looked(TOTAL_ROW_LABELS, '行'));
      if (column === undefined) miss(table, `“${label}”列`);
    }
    return undefined;
  }
  return figureAt({ table, row: view.totalRow, column }, `${tableName(table)} 合计行 ${label}`);
}

export function sideFigure(side: Side | undefined, row: number | undefined, label: string, column = side?.amountColumns[0]): Figure | undefined {
  if (!side || row === undefined || column === undefined) return undefined;
  return figureAt({ table: side.table, row, column }, `${tableName(side.table)} ${label}`);
}

const SUMMARY_ROWS = {
  year: { find: yearTotalRow, looked: lookedFor.yearTotal, label: (name: SideName) => `本年${name}合计` },
  grand: { find: grandTotalRow, looked: lookedFor.grandTotal, label: (name: SideName) => `${name}总计` },
};

/** 本年收入合计 / 收入总计 … of a summary table (in its first amount column, or `column`); `miss` as for totalFigure. */
export function summaryFigure(table: Table | undefined, name: SideName, which: keyof typeof SUMMARY_ROWS, miss?: Miss, column?: number, label?: string): Figure | undefined {
  if (!table) return undefined;
  const side = summarySide(table, name);
  const row = side && SUMMARY_ROWS[which].find(side, name);
  if (!side || row === undefined) {
    if (miss && checkable(table)) miss(table, side ? SUMMARY_ROWS[which].looked(name) : lookedFor.side(name));
    return undefined;
  }
  return sideFigure(side, row, label ?? SUMMARY_ROWS[which].label(name), column);
}

const isTotal = (h: string[]) => last(h) === '合计';
const lastIs = (name: string) => (h: string[]) => last(h) === name;
const lastHas = (text: string) => (h: string[]) => last(h).includes(text);

type Lookup = (miss: Miss) => Figure | undefined;

/**
 * The same figure printed in two tables must agree: the detail tables'
 * 合计 against the summary tables, 基本支出表 against the 基本支出 column,
 * and each 类 of a detail table against the 类 line of its summary table.
 * Where both tables are there but one lacks the row or column a comparison
 * needs, a warning names it.
 */
export const crossTable: Rule = {
  id: 'cross-table',
  severity: 'error',
  description: '同一数字在不同表中一致：支出总表/收入总表 与 收支总表；一般公共预算、政府性基金、国有资本经营预算支出表 与 财政拨款收支总表；基本支出表合计 与 基本支出列；收入总表 与 支出总表 各科目',
  check(filing, out) {
    const unchecked = new Unchecked(this, out);
    const pairs: (() => void)[] = [];
    /** Compare two figures; if either is not found in a table that is there, say what was missing. */
    const pair = (check: string, reference: Lookup, detail: Lookup) => pairs.push(() => {
      const misses: [Table, string][] = [];
      const a = reference((t, what) => misses.push([t, what]));
      const aMissed = misses.length;
      const b = detail((t, what) => misses.push([t, what]));
      // A figure not found with nothing missed: its table is absent or empty, which other rules report.
      if ((!a && aMissed === 0) || (!b && misses.length === aMissed)) return;
      if (a && b) compare(this, out, a, b);
      else for (const [table, what] of misses) unchecked.add(table, what, check);
    });
    const summary = standardTable(filing, 'income-expenditure-summary');
    const fiscal = standardTable(filing, 'fiscal-summary');
    const sIn = summary && summarySide(summary, '收入');
    const sOut = summary && summarySide(summary, '支出');
    const fOut = fiscal && summarySide(fiscal, '支出');

    pair('支出总表 合计 = 收支总表 本年支出合计', (m) => summaryFigure(summary, '支出', 'year', m), (m) => totalFigure(filing, 'expenditure-summary', isTotal, '合计', m));
    pair('收入总表 合计 = 收支总表 收入总计', (m) => summaryFigure(summary, '收入', 'grand', m), (m) => totalFigure(filing, 'income-summary', (h) => h.length === 1 && h[0] === '合计', '合计', m));
    pair('收入总表 本年收入/小计 = 收支总表 本年收入合计', (m) => summaryFigure(summary, '收入', 'year', m), (m) => totalFigure(filing, 'income-summary', (h) => h.length > 1 && h[0]!.includes('本年收入') && last(h) === '小计', '本年收入/小计', m));
    const carried = sIn ? carriedRows(sIn, '收入') : [];
    if (carried.length === 1) {
      const reference = sideFigure(sIn, carried[0], '上年结转');
      // A 收入总表 without a 上年结转 column is only wanting when the 收支总表 shows a 结转.
      const wanting = reference !== undefined && !equal(reference.value, null);
      pair('收入总表 上年结转 = 收支总表 上年结转', () => reference, (m) => totalFigure(filing, 'income-summary', (h) => h[0]!.includes('上年结转'), '上年结转', wanting ? m : undefined));
    }

    const fColumn = (test: (h: string[]) => boolean) => (fOut && fiscal ? fOut.amountColumns.find((c) => test(fiscal.columns[c]!.header.map(normalizeLabel))) : undefined);
    const funds: [StandardTableKey, string][] = [
      ['general-budget-expenditure', '一般公共预算'],
      ['government-fund-expenditure', '政府性基金'],
      ['state-capital-expenditure', '国有资本经营'],
    ];
    for (const [key, fund] of funds) {
      const detail = standardTable(filing, key);
      if (!detail || !fiscal) continue;
      const column = fColumn(lastHas(fund));
      const check = `${tableName(detail)} 合计 = 财政拨款收支总表 本年支出合计 ${fund}列`;
      if (column === undefined) {
        // An empty detail table and no column for its fund: nothing to compare.
        if (checkable(detail)) unchecked.add(fiscal, fOut ? `支出下含“${fund}”的金额列` : lookedFor.side('支出'), check);
        continue;
      }
      const label = `本年支出合计 ${last(fiscal.columns[column]!.header)}`;
      if (!detail.empty) pair(check, (m) => summaryFigure(fiscal, '支出', 'year', m, column, label), (m) => totalFigure(filing, key, isTotal, '合计', m));
      else {
        const reference = summaryFigure(fiscal, '支出', 'year', undefined, column, label);
        if (reference && !equal(reference.value, null)) {
          out.table(this, { table: detail }, { expected: reference.value ?? '', found: '空表列示', message: `${tableName(detail)} 为空表，但 ${reference.label} 为 ${reference.value}` });
        }
      }
    }
    pair('基本支出表 合计 = 一般公共预算财政拨款支出表 基本支出', (m) => totalFigure(filing, 'general-budget-expenditure', lastIs('基本支出'), '基本支出', m), (m) => totalFigure(filing, 'general-budget-basic-expenditure', (h) => last(h) === '合计', '合计', m));
    for (const run of pairs) run();

    categoryLines(this, out, unchecked, summary, sOut, standardTable(filing, 'expenditure-summary'));
    categoryLines(this, out, unchecked, fiscal, fOut, standardTable(filing, 'general-budget-expenditure'), fColumn(lastHas('一般公共预算')));
    sameCodes(this, out, unchecked, standardTable(filing, 'expenditure-summary'), standardTable(filing, 'income-summary'));
    unchecked.report();
  },
};

function compare(rule: Rule, out: FindingList, reference: Figure | undefined, detail: Figure | undefined): void {
  if (!reference || !detail?.ref || equal(reference.value, detail.value)) return;
  out.cell(rule, detail.ref, { expected: reference.value ?? '', found: detail.value ?? '', message: `${detail.label} 与 ${reference.label} 不一致` });
}

/** Each 类 row of a detail table against the summary's expenditure line of the same name (八、社会保障和就业支出). */
function categoryLines(rule: Rule, out: FindingList, unchecked: Unchecked, summary: Table | undefined, side: Side | undefined, detail: Table | undefined, column = side?.amountColumns[0]): void {
  if (!summary || !detail) return;
  const check = `${tableName(detail)} 各类 = ${tableName(summary)} 同名支出行`;
  // Only said when both tables are there to be compared.
  const miss = (table: Table, what: string) => checkable(summary) && checkable(detail) && unchecked.add(table, what, check);
  const view = classified(detail);
  if (!side || column === undefined) miss(summary, lookedFor.side('支出'));
  if (!view) miss(detail, '科目编码列（type: code）');
  else if (view.nameColumn === undefined) miss(detail, '科目名称列');
  const detailColumn = findAmountColumn(detail, isTotal);
  if (detailColumn === undefined) miss(detail, '“合计”列');
  if (!side || column === undefined || !view || view.nameColumn === undefined || detailColumn === undefined) return;
  const lines = new Map(side.items.map((i) => [i.label, i.row]));
  for (const [code, row] of view.rowsByCode) {
    if (code.length !== 3) continue;
    const name = view.table.rows[row]![view.nameColumn] ?? code;
    const line = lines.get(normalizeLabel(view.table.rows[row]![view.nameColumn]));
    if (line === undefined) {
      miss(summary, `“${normalizeLabel(name)}”行（${tableName(detail)} 类 ${code}）`);
      continue;
    }
    compare(rule, out, sideFigure(side, line, `${name}`, column), figureAt({ table: view.table, row, column: detailColumn }, `${tableName(view.table)} ${code} ${name} 合计`));
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
    compare(rule, out, figureAt({ table: a.table, row: rowA, column: columnA }, `${tableName(a.table)} ${code} 合计`), figureAt({ table: b.table, row: rowB, column: columnB }, `${tableName(b.table)} ${code} 合计`));
  }
}
