import { Decimal } from '../records/decimal.ts';
import type { Filing } from '../records/load-filing.ts';
import type { FilingKind } from '../records/schema/filing.ts';
import type { StandardTableKey, Table } from '../records/schema/table.ts';
import { grandTotalRow, summarySide, yearTotalRow, type SideName } from '../checks/summary-view.ts';
import { THREE_PUBLIC_LABELS, threePublicColumns, threePublicRow, type Measure, type ThreePublicItem } from '../checks/three-public-view.ts';
import { amountColumns, classified, headerOf, last } from '../checks/table-view.ts';

/**
 * The few figures of a filing that the department, region and home pages
 * compare and add up, in 万元 whatever unit a table prints, as exact decimal
 * strings. A figure the filing does not publish is left out, never taken as 0.
 */
export interface FilingFigures {
  /** 预算: 收入总计; 决算: 本年收入合计 (收入支出决算总表). */
  income?: string;
  /** 预算: 支出总计; 决算: 本年支出合计. */
  expenditure?: string;
  /** 财政拨款“三公”经费: the 合计 of a 预算, the 决算数 of a 决算; 0 for a table published empty (空表列示). */
  threePublic?: string;
  /** Spending by 支出功能分类 类 (three-digit codes) from the 支出总表 / 支出决算表, in table order. */
  classes: ClassFigure[];
}

export interface ClassFigure {
  /** 类 code: 208 */
  code: string;
  /** As the table names it: 社会保障和就业支出 */
  name: string;
  amount: string;
}

export type FiguresSource = Pick<Filing, 'kind' | 'tables'>;

/** How many 万元 one unit of a table is: the checks allow these money units (schema/table.ts). */
const IN_WAN: Record<string, string> = { 元: '0.0001', 千元: '0.1', 万元: '1', 亿元: '10000' };

/** A cell of a table in 万元, exactly; undefined for a table in a unit that is not money. */
export function inWan(table: Pick<Table, 'unit'>, value: string): string | undefined {
  const factor = IN_WAN[table.unit || '万元'];
  return factor === undefined ? undefined : new Decimal(value).times(factor).toString();
}

/** 收入/支出 totals of a kind: a 预算 counts 上年结转 in its 总计, a 决算's 本年合计 is the year's own money. */
function summaryTotal(table: Table | undefined, name: SideName, kind: FilingKind): string | undefined {
  if (!table) return undefined;
  const side = summarySide(table, name);
  if (!side) return undefined;
  const row = kind === '决算' ? yearTotalRow(side, name) : grandTotalRow(side, name);
  const value = row === undefined ? null : table.rows[row]![side.amountColumns[0]!];
  return value ? inWan(table, value) : undefined;
}

/** The 合计 column of a table that lists its items as rows, or its only amount column. */
function totalColumn(table: Table): number | undefined {
  const columns = amountColumns(table);
  return columns.find((c) => ['合计', '小计'].includes(last(headerOf(table, c)))) ?? columns[0];
}

/**
 * One item of the 三公 table, read in either layout the tables are printed
 * in (three-public-view.ts): a 决算's item/预算数|决算数 columns, or a
 * 预算's item rows with a 合计 column. A blank cell of a printed row is 0.
 */
export function threePublicAmount(table: Table, item: ThreePublicItem, measure: Measure): string | undefined {
  if (table.empty) return '0';
  const columns = threePublicColumns(table);
  if (columns) {
    const column = columns.column(item, measure);
    const row = columns.rows[0] ?? (table.rows.length > 0 ? 0 : undefined);
    if (column === undefined || row === undefined) return undefined;
    return inWan(table, table.rows[row]![column] ?? '0');
  }
  // A 预算 prints 预算数 only: its rows say nothing of a 决算数.
  if (measure === '决算数' && !amountColumns(table).some((c) => last(headerOf(table, c)) === '决算数')) return undefined;
  const row = threePublicRow(table, THREE_PUBLIC_LABELS[item]);
  const column = amountColumns(table).find((c) => last(headerOf(table, c)) === measure) ?? totalColumn(table);
  if (row === undefined || column === undefined) return undefined;
  return inWan(table, table.rows[row]![column] ?? '0');
}

/** 类 rows of the 支出总表 with a figure in its first amount column (合计 / 本年支出合计). */
function classFigures(table: Table | undefined): ClassFigure[] {
  const view = table && classified(table);
  const column = table && amountColumns(table)[0];
  if (!table || !view || column === undefined) return [];
  return table.rows.flatMap((row) => {
    const code = row[view.codeColumn];
    const value = row[column];
    if (!code || code.length !== 3 || !value) return [];
    const amount = inWan(table, value);
    const name = view.nameColumn === undefined ? code : (row[view.nameColumn] ?? code);
    return amount === undefined ? [] : [{ code, name, amount }];
  });
}

/** The figures of one filing, read from its standard tables. */
export function filingFigures(filing: FiguresSource): FilingFigures {
  const table = (key: StandardTableKey) => filing.tables.find((t) => t.standard === key);
  const summary = table('income-expenditure-summary');
  const threePublicTable = table('three-public');
  const income = summaryTotal(summary, '收入', filing.kind);
  const expenditure = summaryTotal(summary, '支出', filing.kind);
  const threePublic = threePublicTable && threePublicAmount(threePublicTable, 'total', filing.kind === '决算' ? '决算数' : '预算数');
  return {
    ...(income === undefined ? {} : { income }),
    ...(expenditure === undefined ? {} : { expenditure }),
    ...(threePublic === undefined ? {} : { threePublic }),
    classes: classFigures(table('expenditure-summary')),
  };
}
