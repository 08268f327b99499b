import type { Cell, StandardTableKey, Table } from '../records/schema/table.ts';
import { standardTableKeys, standardTableName } from '../records/schema/table.ts';
import { grandTotalRow, summarySide, yearTotalRow, type SideName } from '../checks/summary-view.ts';
import type { ThreePublicItem } from '../checks/three-public-view.ts';
import { amountColumns, classified, headerOf, last } from '../checks/table-view.ts';
import { executionRate } from './comparisons.ts';
import { inWan, threePublicAmount, type FiguresSource } from './filing-figures.ts';

/**
 * A department's 预算 and 决算 of one year, standard table by standard
 * table: each row (by 科目编码, or by its label where the table has none)
 * with the 预算数, the 决算数 and the execution rate 决算数 / 预算数.
 */
export interface ExecutionRow {
  /** 科目编码 (208, 20801 …), when the table lists 科目. */
  code?: string;
  label: string;
  budget: string | undefined;
  final: string | undefined;
  rate: string | undefined;
}

export interface ExecutionGroup {
  /** 收入 / 支出 for the two sides of a 收支总表; none for a table of one list. */
  label?: string;
  rows: ExecutionRow[];
}

export interface ExecutionTable {
  key: StandardTableKey;
  /** The 预算 table's name and the 决算 table's, as the national templates print them. */
  budgetTitle: string;
  finalTitle: string;
  /** Which column of each table is compared (合计, 本年支出合计, 决算数 …). */
  budgetColumn: string;
  finalColumn: string;
  groups: ExecutionGroup[];
}

type Entry = { key: string; code?: string; label: string; value: string | undefined };

const row = (label: string, budget: string | undefined, final: string | undefined, code?: string): ExecutionRow => ({
  ...(code === undefined ? {} : { code }),
  label,
  budget,
  final,
  rate: executionRate(budget, final),
});

/**
 * Rows of both tables in one list: the 预算's order, a row only the 决算
 * has placed after the row it follows there. A row with no figure on
 * either side is left out (the templates print every 类, most blank).
 */
function merge(budget: Entry[], final: Entry[], compareKeys?: (a: string, b: string) => number): ExecutionRow[] {
  const keys = budget.map((e) => e.key);
  final.forEach((e, i) => {
    if (keys.includes(e.key)) return;
    const before = i === 0 ? -1 : keys.indexOf(final[i - 1]!.key);
    keys.splice(before + 1, 0, e.key);
  });
  if (compareKeys) keys.sort(compareKeys);
  const find = (entries: Entry[], key: string) => entries.find((e) => e.key === key);
  return keys.flatMap((key) => {
    const [b, f] = [find(budget, key), find(final, key)];
    if (b?.value === undefined && f?.value === undefined) return [];
    const shown = f ?? b!;
    return [row(shown.label, b?.value, f?.value, shown.code)];
  });
}

const wan = (table: Table, value: Cell | undefined) => (value ? inWan(table, value) : undefined);

/** The column a comparison reads: this year's spending (or income) in all, however the template heads it. */
function comparedColumn(table: Table): number | undefined {
  const columns = amountColumns(table);
  const header = (c: number) => headerOf(table, c);
  return (
    columns.find((c) => header(c).includes('本年支出') && ['本年支出', '小计', '合计'].includes(last(header(c)))) ??
    columns.find((c) => ['合计', '本年支出合计', '本年收入合计', '决算数', '预算数'].includes(last(header(c)))) ??
    columns[0]
  );
}

const columnName = (table: Table, column: number | undefined) => (column === undefined ? '' : table.columns[column]!.header.join('/'));

/** A 收支总表's side: totals keyed alike whatever each template calls them (总计 / 收入总计). */
function sideEntries(table: Table, name: SideName): Entry[] {
  const side = summarySide(table, name);
  if (!side) return [];
  const [grand, year] = [grandTotalRow(side, name), yearTotalRow(side, name)];
  return side.items.map((item) => {
    const label = table.rows[item.row]![side.itemColumn]!;
    const key = item.row === grand ? '#总计' : item.row === year ? '#本年合计' : sameItem(item.label);
    return { key, label, value: wan(table, table.rows[item.row]![side.amountColumns[0]!]) };
  });
}

/**
 * One key for the items the two templates name differently: 上年结转结余
 * (预算) is 年初结转和结余 (决算), 年终结转结余 is 年末结转和结余, and
 * 一般公共预算财政拨款收入 is 一般公共预算拨款收入.
 */
function sameItem(label: string): string {
  if (/^(上年|年初).*结转/.test(label)) return '#年初结转';
  if (/^(年终|年末).*结转/.test(label)) return '#年末结转';
  return label.replace('财政拨款', '拨款');
}

function classifiedEntries(table: Table): Entry[] {
  const view = classified(table);
  const column = comparedColumn(table);
  if (!view || column === undefined) return [];
  const entries: Entry[] = [];
  table.rows.forEach((cells, r) => {
    const code = cells[view.codeColumn];
    const label = view.nameColumn === undefined ? null : cells[view.nameColumn];
    if (code) entries.push({ key: code, code, label: label ?? code, value: wan(table, cells[column]) });
    else if (r === view.totalRow) entries.push({ key: '', label: label ?? '合计', value: wan(table, cells[column]) });
  });
  return entries;
}

const THREE_PUBLIC_ROWS: [ThreePublicItem, string][] = [
  ['total', '合计'],
  ['abroad', '因公出国（境）费'],
  ['vehicles', '公务用车购置及运行费'],
  ['vehiclePurchase', '其中：公务用车购置费'],
  ['vehicleOperation', '其中：公务用车运行费'],
  ['reception', '公务接待费'],
];

function threePublicRows(budget: Table, final: Table): ExecutionRow[] {
  return THREE_PUBLIC_ROWS.flatMap(([item, label]) => {
    const [b, f] = [threePublicAmount(budget, item, '预算数'), threePublicAmount(final, item, '决算数')];
    return b === undefined && f === undefined ? [] : [row(label, b, f)];
  });
}

function compareTables(key: StandardTableKey, budget: Table, final: Table): ExecutionTable {
  const base = { key, budgetTitle: standardTableName(key, '预算'), finalTitle: standardTableName(key, '决算') };
  if (key === 'three-public') return { ...base, budgetColumn: '预算数', finalColumn: '决算数', groups: [{ rows: threePublicRows(budget, final) }] };
  if (key === 'income-expenditure-summary' || key === 'fiscal-summary') {
    const groups = (['收入', '支出'] as const).map((name) => ({ label: name, rows: merge(sideEntries(budget, name), sideEntries(final, name)) }));
    const side = (t: Table) => summarySide(t, '支出');
    return { ...base, budgetColumn: columnName(budget, side(budget)?.amountColumns[0]), finalColumn: columnName(final, side(final)?.amountColumns[0]), groups };
  }
  // Codes sort into the tree order of the classification (208, 20801, 2080101, 20802 …); the 合计 row (no code) first.
  const rows = merge(classifiedEntries(budget), classifiedEntries(final), (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { ...base, budgetColumn: columnName(budget, comparedColumn(budget)), finalColumn: columnName(final, comparedColumn(final)), groups: [{ rows }] };
}

/** Every standard table both filings publish (not 空表列示), compared row by row, in the templates' order. */
export function budgetVsFinal(budget: FiguresSource, final: FiguresSource): ExecutionTable[] {
  const find = (f: FiguresSource, key: StandardTableKey) => f.tables.find((t) => t.standard === key && !t.empty && t.rows.length > 0);
  return standardTableKeys.flatMap((key) => {
    const [b, f] = [find(budget, key), find(final, key)];
    if (!b || !f) return [];
    const table = compareTables(key, b, f);
    return table.groups.some((g) => g.rows.length > 0) ? [table] : [];
  });
}
