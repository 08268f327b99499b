import { z } from 'zod';
import { optionalAmountSchema } from './amount.ts';
import { noBidiControls } from '../clean-text.ts';

/** One row of a performance indicator tree (一级/二级/三级指标). */
export const indicatorSchema = z
  .object({
    level1: z.string().optional(),
    level2: z.string().optional(),
    level3: z.string().optional(),
    /** 绩效指标描述 / 指标内容 */
    description: z.string().optional(),
    /** 指标值 as published: ≥95%, ≤9.36万元, 12月底 */
    value: z.string().optional(),
    /** 指标值确定依据 */
    basis: z.string().optional(),
    /** 分值 / 权重 where the source gives scores */
    score: z.string().optional(),
    /** 度量单位 where the source has its own column for it */
    unit: z.string().optional(),
    /** 比较符 (≥ ≤ =) where the source has its own column for it */
    comparison: z.string().optional(),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;

export const spendingPlanSchema = z
  .object({
    /** 3月底, 6月底, 10月底, 12月底 */
    period: z.string().min(1),
    amount: optionalAmountSchema,
  })
  .strict();

/** 项目绩效目标表 / 专项资金绩效目标表: one per project. */
export const projectSchema = z
  .object({
    /** Position in the source's list (1、2、…) */
    number: z.number().int().positive(),
    /** Title exactly as the source prints it, e.g. ……绩效目标表 */
    title: z.string().min(1),
    name: z.string().min(1),
    /** 项目编码 */
    code: z.string().optional(),
    unit: z.string().default('万元'),
    /** Which list of the source it belongs to: 项目, 专项资金, 上年结转 … */
    group: z.string().optional(),
    /** 主管部门 / 实施单位 and similar labelled facts */
    facts: z.record(z.string(), z.string()).default({}),
    budget: z
      .object({
        total: optionalAmountSchema,
        fiscal: optionalAmountSchema,
        other: optionalAmountSchema,
      })
      .strict()
      .optional(),
    /** 资金用途 / 项目概况 */
    purpose: z.string().optional(),
    /** 资金支出计划（%） by period */
    spendingPlan: z.array(spendingPlanSchema).default([]),
    /** 绩效目标 lines */
    goals: z.array(z.string()).default([]),
    indicators: z.array(indicatorSchema).default([]),
  })
  .strict();
export type Project = z.infer<typeof projectSchema>;

/**
 * A project as projects.yaml keeps it: the form without its indicator rows.
 * The rows are a grid, so they live in a CSV (`projectIndicators` in
 * filing.yaml) that a spreadsheet opens and that reads ten times faster
 * than the same rows in YAML, which decides how long checks take at
 * thousands of filings.
 */
export const projectFormSchema = projectSchema.omit({ indicators: true });
export const projectsFileSchema = z.array(projectFormSchema).check(noBidiControls);

/** Header labels of the project indicators CSV, by indicator field; a file has the columns its source has. */
export const indicatorColumns = {
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  description: '绩效指标描述',
  value: '指标值',
  basis: '指标值确定依据',
  score: '分值',
  unit: '度量单位',
  comparison: '比较符',
} as const satisfies Record<keyof Indicator, string>;

/** The columns that name the project a row belongs to: its group (when the filing has groups) and its number there. */
export const indicatorKeyColumns = { group: '项目分组', number: '项目序号' } as const;
