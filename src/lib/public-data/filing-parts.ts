import { z } from 'zod';
import { filingKinds } from '../records/schema/filing.ts';
import { columnTypes, standardTableKeys } from '../records/schema/table.ts';
import { classificationKinds } from '../records/schema/classification-codes.ts';
import { comparisonWords } from '../records/schema/stated-figures.ts';

/**
 * The parts of the public filing shape (filing-schema.ts). Each is its own
 * schema, separate from the record's: the record may change how it keeps a
 * fact (a file, a path, a default) without changing what is published.
 * Descriptions end up in the published JSON Schema, which documents the
 * shape field by field.
 */

/** An exact decimal as text: money never passes through a binary float. */
export const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/).describe('exact decimal as text, e.g. "24487.92"');

/** A URL relative to the filing's filing.json (and page), percent-encoded. */
const relativeUrl = (example: string) => z.string().regex(/^[^/:?#][^:?#]*$/).describe(`URL relative to the filing's filing.json, e.g. "${example}"`);

export const regionSchema = z
  .object({
    province: z.string().min(1).describe('省级: 河北省'),
    city: z.string().min(1).optional().describe('市级: 廊坊市'),
    county: z.string().min(1).optional().describe('县级: 永清县'),
  })
  .describe('where the department is, from the province down');

export const departmentSchema = z.object({
  code: z.string().regex(/^\d+$/).optional().describe('单位编码 as the source prints it'),
  name: z.string().min(1).describe('full name: 永清县人力资源和社会保障局'),
  shortName: z.string().min(1).describe('name without the region, as in the URL'),
  units: z.array(z.object({ code: z.string().optional(), name: z.string() })).describe('units the filing covers, when the source lists them'),
});

export const kindSchema = z.enum(filingKinds).describe('预算 (budget) or 决算 (final accounts)');

export const sourceSchema = z.object({
  title: z.string().min(1),
  name: z.string().min(1).describe('file name of the published copy'),
  url: relativeUrl('source/yongqing-hrss-2024-budget.txt'),
  mediaType: z.string().min(1).describe('e.g. application/pdf, text/plain; charset=utf-8'),
  format: z.string().min(1).describe('how the record was read from it: pdf, docx, xlsx, tab-rows, word-cells, markdown-pipes …'),
  origin: z.string().min(1).describe('where the document came from, in Chinese'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('digest of the document the record was made from'),
  publishedSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('digest of the file at url: equal to sha256, except for UTF-8 text, published with a byte-order mark (EF BB BF) before the same bytes'),
});

export const columnSchema = z.object({
  name: z.string().min(1).describe('the header path joined by "/": the label of the column in the CSV header row'),
  header: z.array(z.string().min(1)).min(1).describe('header path from the outermost header row down: ["本年收入", "小计"]'),
  type: z.enum(columnTypes).describe('seq: 序号; code: classification code (text, leading zeros kept); text; amount: money in the unit of the table or column; number: any other figure'),
  classification: z.enum(classificationKinds).optional().describe('of a code column: function (支出功能分类) or economic (部门经济分类)'),
  unit: z.string().optional().describe('when the column has its own unit'),
});

export const tableSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('stable within the filing; names the CSV'),
  standard: z.enum(standardTableKeys).optional().describe('which of the nine standard tables it is'),
  title: z.string().min(1).describe('as the source prints it'),
  unit: z.string().min(1).describe('unit of its amounts: 万元'),
  url: relativeUrl('tables/income-summary.csv'),
  columnNumbers: z.boolean().describe('the source prints a 栏次 row numbering the columns'),
  empty: z.boolean().describe('published with no rows (空表列示)'),
  notes: z.array(z.string()).describe('lines printed with the table'),
  meta: z.record(z.string(), z.string()).describe('labelled facts printed above the table'),
  columns: z.array(columnSchema).min(1),
  rows: z.array(z.array(z.string())).describe('every row, one string per column: "" for a blank cell, amounts and numbers as exact decimals'),
});

export const blockSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('markdown'), markdown: z.string().describe('GitHub-flavoured Markdown, as the record holds it') }),
    z.object({ type: z.literal('table'), table: z.string().describe('id of a table of this filing') }),
    z.object({ type: z.literal('projects'), group: z.string().describe('the project group shown here ("*": every project)') }),
    z.object({ type: z.literal('glossary'), entries: z.array(z.object({ term: z.string().min(1), definition: z.string().min(1) })).describe('名词解释') }),
    z.object({
      type: z.literal('goals'),
      goals: z.array(z.object({ title: z.string().min(1), target: z.string().optional(), indicators: z.array(z.string()) })).describe('分项绩效目标'),
    }),
  ])
  .describe('one part of a section, in the order of the page');

const sectionFields = {
  id: z.string().min(1),
  number: z.string().optional().describe('the source numbering: 一, 二 … 第一部分'),
  title: z.string().min(1),
  blocks: z.array(blockSchema),
};

export const sectionSchema = z.object({ ...sectionFields, subsections: z.array(z.object(sectionFields)) });

export const indicatorSchema = z.object({
  level1: z.string().optional().describe('一级指标'),
  level2: z.string().optional().describe('二级指标'),
  level3: z.string().optional().describe('三级指标'),
  description: z.string().optional().describe('绩效指标描述'),
  value: z.string().optional().describe('指标值 as published: ≥95%'),
  basis: z.string().optional().describe('指标值确定依据'),
  score: z.string().optional().describe('分值'),
  unit: z.string().optional().describe('度量单位'),
  comparison: z.string().optional().describe('比较符'),
});

export const projectSchema = z.object({
  number: z.number().int().positive().describe('position in its group (项目序号)'),
  group: z.string().optional().describe('which list of the source it is in (项目分组)'),
  title: z.string().min(1).describe('title of the form as printed'),
  name: z.string().min(1).describe('项目名称'),
  code: z.string().optional().describe('项目编码'),
  unit: z.string().min(1),
  facts: z.record(z.string(), z.string()).describe('labelled facts: 主管部门, 实施单位 …'),
  budget: z
    .object({ total: decimalText.nullable().describe('预算数'), fiscal: decimalText.nullable().describe('其中：财政资金'), other: decimalText.nullable().describe('其他资金') })
    .optional(),
  purpose: z.string().optional().describe('资金用途 / 项目概况'),
  spendingPlan: z.array(z.object({ period: z.string().min(1), amount: decimalText.nullable() })).describe('资金支出计划 by period, as printed'),
  goals: z.array(z.string()).describe('绩效目标 lines'),
  indicators: z.array(indicatorSchema).describe('rows of the indicator table, in order'),
});

export const statedFigureSchema = z.object({
  key: z.string().min(1).describe('what the figure is: income.total, threePublic.vehicles, comparison.1 …'),
  value: decimalText,
  section: z.string().min(1).describe('id of the section whose text states it'),
  quote: z.string().min(1).describe('the sentence as published'),
  subject: z.string().optional(),
  compared: z.object({ value: decimalText, relation: z.enum(comparisonWords) }).optional().describe('the figure the sentence compares it with, and how'),
});

export const findingSchema = z.object({
  rule: z.string().min(1).describe('id of the check: column-sum, cross-table, stated-figure …'),
  severity: z.enum(['error', 'warning']),
  at: z.string().min(1).describe('where, as acknowledgments name it: income-summary:row 5:合计'),
  table: z.string().optional().describe('table id, when the finding is in a table'),
  row: z.number().int().positive().optional().describe('1-based data row of that table'),
  column: z.string().optional().describe('column name (header path joined by "/")'),
  expected: z.string().optional(),
  found: z.string().optional(),
  message: z.string().min(1).describe('one sentence in Chinese, as the page shows it'),
  acknowledged: z.boolean().describe('the published source itself contains this inconsistency, and the record keeps it as published'),
  note: z.string().optional().describe('the reviewer note of an acknowledged finding'),
});
