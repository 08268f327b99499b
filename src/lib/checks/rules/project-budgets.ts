import { equal, sum } from '../../records/decimal.ts';
import type { Project } from '../../records/schema/project.ts';
import type { Rule } from '../rule.ts';

const PARTS = { total: '资金总额', fiscal: '财政资金', other: '其他资金' } as const satisfies Record<keyof NonNullable<Project['budget']>, string>;

/**
 * A 项目绩效目标表 prints the project's 预算数 and how it is funded
 * (财政资金, 其他资金): the two parts make the whole, like any row of the
 * standard tables. A form that gives only the total is not checked by the
 * sum, but no amount of it is below zero: a budget is money set aside.
 */
export const projectBudgets: Rule = {
  id: 'project-budget',
  severity: 'error',
  description: '项目绩效目标表的年度资金总额应等于财政资金与其他资金之和，且各项金额不小于零',
  check(filing, out) {
    for (const project of filing.projectList) {
      const budget = project.budget;
      if (!budget) continue;
      const name = `${project.group ? `${project.group} ` : ''}${project.number}`;
      for (const part of Object.keys(PARTS) as (keyof typeof PARTS)[]) {
        const value = budget[part];
        if (!value?.startsWith('-') || equal(value, '0')) continue;
        out.filingLevel(
          projectBudgets,
          `project ${name}:budget.${part}`,
          { expected: '≥ 0', found: value, message: `项目 ${name}（${project.name}）的${PARTS[part]} ${value} 是负数：预算金额不能小于零` },
          filing.projects,
        );
      }
      if (!budget.total || (!budget.fiscal && !budget.other)) continue;
      const parts = sum([budget.fiscal, budget.other]);
      if (equal(budget.total, parts)) continue;
      out.filingLevel(
        projectBudgets,
        `project ${name}:budget`,
        { expected: parts.toFixed(2), found: budget.total, message: `项目 ${name}（${project.name}）的资金总额 不等于 财政资金与其他资金之和` },
        filing.projects,
      );
    }
  },
};
