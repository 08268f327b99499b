import { equal } from '../../records/decimal.ts';
import type { Filing } from '../../records/load-filing.ts';
import type { StandardTableKey, Table } from '../../records/schema/table.ts';
import { standardTableNames } from '../../records/schema/table.ts';
import type { CellRef, FindingList, Rule } from '../rule.ts';
import { classified, findAmountColumn, last, standardTable } from '../table-view.ts';
import { carriedRows, grandTotalRow, summarySide, yearTotalRow, type Side } from '../summary-view.ts';
import { normalizeLabel } from '../labels.ts';

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

const tableName = (t: Table) => (t.standard ? standardTableNames[t.standard] : t.title);

/** The 合计 row's cell in the column whose header satisfies `test` (or the first amount column). */
export function totalFigure(filing: Filing, key: StandardTableKey, test: (header: string[]) => boolean, label: string): Figure | undefined {
  const table = standardTable(filing, key);
  if (!table) return undefined;
  const view = classified(table);
  const column = findAmountColumn(table, test);
  if (!view || view.totalRow === undefined || column === undefined) return undefined;
  return figureAt({ table, row: view.totalRow, column }, `${tableName(table)} 合计行 ${label}`);
}

export function sideFigure(side: Side | undefined, row: number | undefined, label: string, column = side?.amountColumns[0]): Figure | undefined {
  if (!side || row === undefined || column === undefined) return undefined;
  return figureAt({ table: side.table, row, column }, `${tableName(side.table)} ${label}`);
}

const isTotal = (h: string[]) => last(h) === '合计';
const lastIs = (name: string) => (h: string[]) => last(h) === name;
const lastHas = (text: string) => (h: string[]) => last(h).includes(text);

/**
 * The same figure printed in two tables must agree: the detail tables'
 * 合计 against the summary tables, 基本支出表 against the 基本支出 column,
 * and each 类 of a detail table against the 类 line of its summary table.
 */
export const crossTable: Rule = {
  id: 'cross-table',
  severity: 'error',
  description: '同一数字在不同表中一致：支出总表/收入总表 与 收支总表；一般公共预算、政府性基金、国有资本经营预算支出表 与 财政拨款收支总表；基本支出表合计 与 基本支出列；收入总表 与 支出总表 各科目',
  check(filing, out) {
    const pairs: [Figure | undefined, Figure | undefined][] = [];
    const summary = standardTable(filing, 'income-expenditure-summary');
    const fiscal = standardTable(filing, 'fiscal-summary');
    const sIn = summary && summarySide(summary, '收入');
    const sOut = summary && summarySide(summary, '支出');
    const fOut = fiscal && summarySide(fiscal, '支出');

    const sYearOut = sOut && yearTotalRow(sOut, '支出');
    pairs.push([sideFigure(sOut, sYearOut, '本年支出合计'), totalFigure(filing, 'expenditure-summary', isTotal, '合计')]);
    pairs.push([sideFigure(sIn, sIn && grandTotalRow(sIn, '收入'), '收入总计'), totalFigure(filing, 'income-summary', (h) => h.length === 1 && h[0] === '合计', '合计')]);
    pairs.push([sideFigure(sIn, sIn && yearTotalRow(sIn, '收入'), '本年收入合计'), totalFigure(filing, 'income-summary', (h) => h.length > 1 && h[0]!.includes('本年收入') && last(h) === '小计', '本年收入/小计')]);
    const carried = sIn ? carriedRows(sIn, '收入') : [];
    if (carried.length === 1) {
      pairs.push([sideFigure(sIn, carried[0], '上年结转'), totalFigure(filing, 'income-summary', (h) => h[0]!.includes('上年结转'), '上年结转')]);
    }

    const fYear = fOut && yearTotalRow(fOut, '支出');
    const fColumn = (test: (h: string[]) => boolean) => (fOut && fiscal ? fOut.amountColumns.find((c) => test(fiscal.columns[c]!.header.map(normalizeLabel))) : undefined);
    const funds: [StandardTableKey, string][] = [
      ['general-budget-expenditure', '一般公共预算'],
      ['government-fund-expenditure', '政府性基金'],
      ['state-capital-expenditure', '国有资本经营'],
    ];
    for (const [key, fund] of funds) {
      const detail = standardTable(filing, key);
      const column = fColumn(lastHas(fund));
      if (!detail || column === undefined) continue;
      const reference = sideFigure(fOut, fYear, `本年支出合计 ${last(fiscal!.columns[column]!.header)}`, column);
      if (!detail.empty) pairs.push([reference, totalFigure(filing, key, isTotal, '合计')]);
      else if (reference && !equal(reference.value, null)) {
        out.table(this, { table: detail }, { expected: reference.value ?? '', found: '空表列示', message: `${tableName(detail)} 为空表，但 ${reference.label} 为 ${reference.value}` });
      }
    }
    pairs.push([totalFigure(filing, 'general-budget-expenditure', lastIs('基本支出'), '基本支出'), totalFigure(filing, 'general-budget-basic-expenditure', (h) => last(h) === '合计', '合计')]);

    for (const [reference, detail] of pairs) compare(this, out, reference, detail);

    categoryLines(this, out, sOut, standardTable(filing, 'expenditure-summary'));
    categoryLines(this, out, fOut, standardTable(filing, 'general-budget-expenditure'), fColumn(lastHas('一般公共预算')));
    sameCodes(this, out, standardTable(filing, 'expenditure-summary'), standardTable(filing, 'income-summary'));
  },
};

function compare(rule: Rule, out: FindingList, reference: Figure | undefined, detail: Figure | undefined): void {
  if (!reference || !detail?.ref || equal(reference.value, detail.value)) return;
  out.cell(rule, detail.ref, { expected: reference.value ?? '', found: detail.value ?? '', message: `${detail.label} 与 ${reference.label} 不一致` });
}

/** Each 类 row of a detail table against the summary's expenditure line of the same name (八、社会保障和就业支出). */
function categoryLines(rule: Rule, out: FindingList, side: Side | undefined, detail: Table | undefined, column = side?.amountColumns[0]): void {
  const view = detail && classified(detail);
  if (!side || !view || column === undefined || view.nameColumn === undefined) return;
  const detailColumn = findAmountColumn(view.table, isTotal);
  if (detailColumn === undefined) return;
  const lines = new Map(side.items.map((i) => [i.label, i.row]));
  for (const [code, row] of view.rowsByCode) {
    if (code.length !== 3) continue;
    const line = lines.get(normalizeLabel(view.table.rows[row]![view.nameColumn]));
    if (line === undefined) continue;
    const name = view.table.rows[row]![view.nameColumn] ?? code;
    compare(rule, out, sideFigure(side, line, `${name}`, column), figureAt({ table: view.table, row, column: detailColumn }, `${tableName(view.table)} ${code} ${name} 合计`));
  }
}

/** 收入总表 by 功能分类 and 支出总表 show the same 科目 with the same 合计. */
function sameCodes(rule: Rule, out: FindingList, expenditure: Table | undefined, income: Table | undefined): void {
  const a = expenditure && classified(expenditure);
  const b = income && classified(income);
  if (!a || !b || a.kind !== b.kind) return;
  const columnA = findAmountColumn(a.table, (h) => h.length === 1 && h[0] === '合计');
  const columnB = findAmountColumn(b.table, (h) => h.length === 1 && h[0] === '合计');
  if (columnA === undefined || columnB === undefined) return;
  for (const [code, rowB] of b.rowsByCode) {
    const rowA = a.rowsByCode.get(code);
    if (rowA === undefined) continue;
    compare(rule, out, figureAt({ table: a.table, row: rowA, column: columnA }, `${tableName(a.table)} ${code} 合计`), figureAt({ table: b.table, row: rowB, column: columnB }, `${tableName(b.table)} ${code} 合计`));
  }
}

