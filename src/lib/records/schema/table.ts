import { z } from 'zod';
import { recordPathSchema } from './record-path.ts';
import { classificationKindSchema } from './classification-codes.ts';

/** The nine standard tables of a 部门预算/决算 disclosure, by stable key. */
export const standardTableKeys = [
  'income-expenditure-summary',
  'income-summary',
  'expenditure-summary',
  'fiscal-summary',
  'general-budget-expenditure',
  'general-budget-basic-expenditure',
  'government-fund-expenditure',
  'state-capital-expenditure',
  'three-public',
] as const;
export type StandardTableKey = (typeof standardTableKeys)[number];

/** Names of the standard tables in a 预算 filing, without the 部门预算 prefix issuers add. */
export const standardTableNames: Record<StandardTableKey, string> = {
  'income-expenditure-summary': '收支总表',
  'income-summary': '收入总表',
  'expenditure-summary': '支出总表',
  'fiscal-summary': '财政拨款收支总表',
  'general-budget-expenditure': '一般公共预算财政拨款支出表',
  'general-budget-basic-expenditure': '一般公共预算财政拨款基本支出表',
  'government-fund-expenditure': '政府性基金预算财政拨款支出表',
  'state-capital-expenditure': '国有资本经营预算财政拨款支出表',
  'three-public': '财政拨款“三公”经费支出表',
};

/** Names of the standard tables in a 决算 filing, as the national 部门决算 template prints them. */
export const finalAccountsTableNames: Record<StandardTableKey, string> = {
  'income-expenditure-summary': '收入支出决算总表',
  'income-summary': '收入决算表',
  'expenditure-summary': '支出决算表',
  'fiscal-summary': '财政拨款收入支出决算总表',
  'general-budget-expenditure': '一般公共预算财政拨款支出决算表',
  'general-budget-basic-expenditure': '一般公共预算财政拨款基本支出决算表',
  'government-fund-expenditure': '政府性基金预算财政拨款收入支出决算表',
  'state-capital-expenditure': '国有资本经营预算财政拨款收入支出决算表',
  'three-public': '财政拨款“三公”经费支出决算表',
};

/** The standard table's name for a filing of this kind (预算 or 决算). */
export function standardTableName(key: StandardTableKey, kind: '预算' | '决算'): string {
  return (kind === '决算' ? finalAccountsTableNames : standardTableNames)[key];
}

/**
 * Other titles issuers print for the same tables: 决算 tables with or
 * without 决算 in every name, 明细表, 收支 for 收入支出.
 */
export const standardTableVariants: Record<StandardTableKey, readonly string[]> = {
  'income-expenditure-summary': ['收入支出总表', '收支决算总表', '收入支出决算表'],
  'income-summary': ['收入决算明细表'],
  'expenditure-summary': ['支出决算明细表'],
  'fiscal-summary': ['财政拨款收支决算总表', '财政拨款收入支出总表'],
  'general-budget-expenditure': ['一般公共预算财政拨款支出决算明细表', '一般公共预算支出决算表', '一般公共预算财政拨款支出明细表'],
  'general-budget-basic-expenditure': ['一般公共预算财政拨款基本支出决算明细表', '一般公共预算基本支出决算表', '一般公共预算财政拨款基本支出明细表'],
  'government-fund-expenditure': ['政府性基金预算财政拨款支出决算表', '政府性基金预算财政拨款收入支出表'],
  'state-capital-expenditure': ['国有资本经营预算财政拨款支出决算表', '国有资本经营预算财政拨款收入支出表'],
  'three-public': ['“三公”经费支出决算表', '“三公”经费支出表', '财政拨款“三公”经费支出决算情况表'],
};

/** The money units a table's amounts may be printed in, from the smallest. */
export const moneyUnits = ['元', '千元', '万元', '亿元'] as const;
export type MoneyUnit = (typeof moneyUnits)[number];
export const isMoneyUnit = (unit: string): unit is MoneyUnit => (moneyUnits as readonly string[]).includes(unit);

/**
 * How a column's cells are read and shown:
 * - seq: 序号, a whole number;
 * - code: a classification code (see `classification`);
 * - text: words, kept verbatim;
 * - amount: money in the table's unit, exact decimal;
 * - number: any other figure (a count, an area, a score), exact decimal.
 */
export const columnTypes = ['seq', 'code', 'text', 'amount', 'number'] as const;
export type ColumnType = (typeof columnTypes)[number];

export const columnSchema = z
  .object({
    /** Header path from the outermost header row down: ['本年收入', '小计']. */
    header: z.array(z.string().min(1)).min(1),
    type: z.enum(columnTypes),
    classification: classificationKindSchema.optional(),
    /** A unit for this column when it differs from the table's (数量: 台、辆). */
    unit: z.string().optional(),
  })
  .strict()
  .refine((c) => c.type !== 'code' || c.classification !== undefined, {
    message: 'a code column needs `classification: function` or `classification: economic`',
    path: ['classification'],
  });
export type Column = z.infer<typeof columnSchema>;

/** A column's header path as one label, as the CSV header row spells it: `本年收入/小计`. */
export function headerLabel(column: Pick<Column, 'header'>): string {
  return column.header.join('/');
}

/** A table as declared in filing.yaml; its rows live in the CSV file named by `csv`. */
export const tableDeclarationSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id of letters, digits and hyphens').max(80, 'expected an id of at most 80 characters, as it names the table\'s CSV download'),
    standard: z.enum(standardTableKeys).optional(),
    title: z.string().min(1),
    /**
     * Unit printed in the caption (单位：万元), 万元 when none is written. A
     * table with amount columns is in a money unit (moneyUnits), which the
     * checks convert between; one without (counts, indicators) may print
     * another (个、人) or none ('').
     */
    unit: z.string().default('万元'),
    csv: recordPathSchema({ pattern: /\.csv$/, expected: 'a .csv file' }),
    columns: z.array(columnSchema).min(1),
    /** The source prints a 栏次 row numbering the columns. */
    columnNumbers: z.boolean().default(false),
    /** Published with no rows and the note 空表列示. */
    empty: z.boolean().default(false),
    /** Lines printed with the table: dates, 注 lines. */
    notes: z.array(z.string()).default([]),
    /** Labelled facts printed above the table (截止时间: 2023-12-31). */
    meta: z.record(z.string(), z.string()).default({}),
  })
  .strict()
  .superRefine((table, ctx) => {
    if (isMoneyUnit(table.unit) || !table.columns.some((c) => c.type === 'amount')) return;
    ctx.addIssue({ code: 'custom', path: ['unit'], message: `expected a money unit (${moneyUnits.join(', ')}) for a table with amount columns, found "${table.unit}"` });
  });
export type TableDeclaration = z.infer<typeof tableDeclarationSchema>;

/** A cell after validation: text columns keep their text, figures become canonical decimals. */
export type Cell = string | null;

export type Table = TableDeclaration & {
  rows: Cell[][];
  /** 1-based CSV line of each row, for messages that name the cell. */
  lines: number[];
};
