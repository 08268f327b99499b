import { equal, sum } from '../../records/decimal.ts';
import type { Rule } from '../rule.ts';

/**
 * A 项目绩效目标表 prints the project's 预算数 and how it is funded
 * (财政资金, 其他资金): the two parts make the whole, like any row of the
 * standard tables. A form that gives only the total is not checked.
 */
export const projectBudgets: Rule = {
  id: 'project-budget',
  severity: 'error',
  description: '项目绩效目标表的年度资金总额应等于财政资金与其他资金之和',
  check(filing, out) {
    for (const project of filing.projectList) {
      const budget = project.budget;
      if (!budget?.total || (!budget.fiscal && !budget.other)) continue;
      const parts = sum([budget.fiscal, budget.other]);
      if (equal(budget.total, parts)) continue;
      const name = `${project.group ? `${project.group} ` : ''}${project.number}`;
      out.filingLevel(
        projectBudgets,
        `project ${name}:budget`,
        { expected: parts.toFixed(2), found: budget.total, message: `项目 ${name}（${project.name}）的资金总额 不等于 财政资金与其他资金之和` },
        filing.projects,
      );
    }
  },
};
