import { z } from 'zod';
import { amountSchema } from './amount.ts';
import { equal } from '../decimal.ts';

/**
 * Figures that the 情况说明 states in prose, kept with the sentence they come
 * from, so that the checks can compare the text against the tables.
 *
 * A 预算 states what is planned; a 决算 states what was spent, and beside it
 * often the 年初预算 (the 三公 budget and actual, `threePublic.budget.*`).
 */
export const statedFigureKeys = [
  /** 收入总计 (预算: 收入预算总计; 决算: 收入支出总计). */
  'income.total',
  /** 本年收入合计 (决算). */
  'income.year',
  'income.generalBudget',
  'income.governmentFund',
  'income.stateCapital',
  'income.specialAccount',
  'income.unitFunds',
  'income.carriedOver',
  /** The income sources of a 决算: 财政拨款收入, 上级补助收入, 事业收入, 经营收入, 附属单位上缴收入, 其他收入. */
  'income.fiscal',
  'income.superior',
  'income.operations',
  'income.business',
  'income.affiliated',
  'income.other',
  /** 本年支出合计. */
  'expenditure.total',
  'expenditure.basic',
  'expenditure.personnel',
  'expenditure.publicFunds',
  'expenditure.project',
  /** 一般公共预算财政拨款支出 (决算). */
  'expenditure.generalBudget',
  /** 财政拨款收入支出总计 (决算). */
  'fiscal.total',
  'operatingCosts',
  'threePublic.total',
  'threePublic.abroad',
  'threePublic.vehicles',
  'threePublic.vehiclePurchase',
  'threePublic.vehicleOperation',
  'threePublic.reception',
  /** The 三公 年初预算 a 决算 states beside what was spent. */
  'threePublic.budget.total',
  'threePublic.budget.abroad',
  'threePublic.budget.vehicles',
  'threePublic.budget.vehiclePurchase',
  'threePublic.budget.vehicleOperation',
  'threePublic.budget.reception',
  'assets.total',
] as const;
export type StatedFigureKey = (typeof statedFigureKeys)[number];

/**
 * A sentence that compares two figures (年初预算为 1560.05 万元，支出决算为
 * 1511.89 万元 … 决算数小于预算数) is kept under `comparison.<n>`, numbered in
 * the order of the text.
 */
export type ComparisonKey = `comparison.${number}`;
const comparisonKeySchema = z.templateLiteral(['comparison.', z.number().int().positive()]);

/**
 * How the sentence says `value` stands to `compared.value`, as printed:
 * 大于/高于/超过 (more), 小于/低于 (less), 等于/持平/相等/一致 (the same),
 * 基本持平/基本一致 (the same within 1%, see docs/checks.md).
 */
export const comparisonWords = ['大于', '高于', '超过', '小于', '低于', '等于', '持平', '相等', '一致', '基本持平', '基本一致'] as const;
export type ComparisonWord = (typeof comparisonWords)[number];

const comparedSchema = z
  .object({
    /** The figure `value` is compared with (the 年初预算 beside a 决算). */
    value: amountSchema,
    /** `value` <relation> `compared.value`: 决算数小于预算数 → 小于. */
    relation: z.enum(comparisonWords),
  })
  .strict();

const NUMBERS = /\d[\d,]*(?:\.\d+)?/g;

export const statedFigureSchema = z
  .object({
    value: amountSchema,
    /** Section id where the sentence stands. */
    section: z.string(),
    /** The sentence as published, for the reader and the checks report. */
    quote: z.string().min(1),
    /** What the figure is of, as the sentence names it: 一般公共服务支出（类）财政事务（款）行政运行（项）. */
    subject: z.string().min(1).optional(),
    compared: comparedSchema.optional(),
  })
  .strict()
  .superRefine((figure, ctx) => {
    // The loader makes sure the quote is in the text and states `value`; the other figure and the word must be in it too.
    if (!figure.compared) return;
    const numbers = (figure.quote.match(NUMBERS) ?? []).map((n) => n.replace(/,/g, ''));
    if (!numbers.some((n) => equal(n, figure.compared!.value))) {
      ctx.addIssue({ code: 'custom', path: ['compared', 'value'], message: `expected the quote to state ${figure.compared.value}, found "${figure.quote}"` });
    }
    if (!figure.quote.replace(/[\s\u3000]/g, '').includes(figure.compared.relation)) {
      ctx.addIssue({ code: 'custom', path: ['compared', 'relation'], message: `expected the quote to say ${figure.compared.relation}, found "${figure.quote}"` });
    }
  });
export type StatedFigure = z.infer<typeof statedFigureSchema>;

export const statedFiguresSchema = z.partialRecord(z.union([z.enum(statedFigureKeys), comparisonKeySchema]), statedFigureSchema);
export type StatedFigures = z.infer<typeof statedFiguresSchema>;
