import { describe, expect, it } from 'vitest';
import { budgetVsFinal } from '../../src/lib/site/budget-vs-final.ts';
import { budgetSummary, budgetThreePublic, expenditureSummary, filing, finalSummary, finalThreePublic } from './comparisons-records.ts';

const budget = filing('预算', [
  budgetSummary('500.00', '500.00'),
  expenditureSummary('预算', [
    [null, '合计', '500.00'],
    ['208', '社会保障和就业支出', '500.00'],
    ['20801', '人力资源和社会保障管理事务', '400.00'],
    ['2080101', '行政运行', '400.00'],
    ['20805', '行政事业单位养老支出', '100.00'],
  ]),
  budgetThreePublic('4.00', '3.00', '1.00'),
]);
const final = filing('决算', [
  finalSummary('491.00', '491.00'),
  expenditureSummary('决算', [
    [null, '合计', '500.00'],
    ['208', '社会保障和就业支出', '491.00'],
    ['20801', '人力资源和社会保障管理事务', '391.00'],
    ['2080101', '行政运行', '391.00'],
    ['20805', '行政事业单位养老支出', '100.00'],
    ['221', '住房保障支出', '9.00'],
  ]),
  finalThreePublic(['4.00', '3.20'], ['3.00', '2.70'], ['1.00', '0.50']),
]);

describe('a 预算 beside its 决算', () => {
  const tables = budgetVsFinal(budget, final);

  it('compares every standard table both publish, in the templates’ order', () => {
    expect(tables.map((t) => [t.key, t.budgetTitle, t.finalTitle, t.budgetColumn, t.finalColumn])).toEqual([
      ['income-expenditure-summary', '收支总表', '收入支出决算总表', '支出/预算数', '支出/决算数'],
      ['expenditure-summary', '支出总表', '支出决算表', '合计', '本年支出合计'],
      ['three-public', '财政拨款“三公”经费支出表', '财政拨款“三公”经费支出决算表', '预算数', '决算数'],
    ]);
  });

  it('matches 科目 by code in the tree order of the codes, with the execution rate of each (491.00 of 500.00 is 98.2%)', () => {
    expect(tables[1]!.groups).toEqual([
      {
        rows: [
          { label: '合计', budget: '500', final: '500', rate: '100' },
          { code: '208', label: '社会保障和就业支出', budget: '500', final: '491', rate: '98.2' },
          { code: '20801', label: '人力资源和社会保障管理事务', budget: '400', final: '391', rate: '97.75' },
          { code: '2080101', label: '行政运行', budget: '400', final: '391', rate: '97.75' },
          { code: '20805', label: '行政事业单位养老支出', budget: '100', final: '100', rate: '100' },
          { code: '221', label: '住房保障支出', budget: undefined, final: '9', rate: undefined },
        ],
      },
    ]);
  });

  it('matches the 收支总表 items by label, the totals and carried-over lines whatever each template calls them', () => {
    expect(tables[0]!.groups).toEqual([
      {
        label: '收入',
        rows: [
          { label: '一、一般公共预算财政拨款收入', budget: '500', final: '491', rate: '98.2' },
          { label: '本年收入合计', budget: '500', final: '491', rate: '98.2' },
          { label: '年初结转和结余', budget: '0', final: '10', rate: undefined },
          { label: '总计', budget: '500', final: '999.99', rate: '199.998' },
        ],
      },
      {
        label: '支出',
        rows: [
          { label: '八、社会保障和就业支出', budget: '500', final: '491', rate: '98.2' },
          { label: '本年支出合计', budget: '500', final: '491', rate: '98.2' },
          { label: '年末结转和结余', budget: undefined, final: '10', rate: undefined },
          { label: '总计', budget: '500', final: '999.99', rate: '199.998' },
        ],
      },
    ]);
  });

  it('reads the 三公 items of the 预算’s rows and of the 决算’s columns', () => {
    expect(tables[2]!.groups).toEqual([
      {
        rows: [
          { label: '合计', budget: '4', final: '3.2', rate: '80' },
          { label: '因公出国（境）费', budget: '0', final: '0', rate: undefined },
          { label: '公务用车购置及运行费', budget: '3', final: '2.7', rate: '90' },
          { label: '公务接待费', budget: '1', final: '0.5', rate: '50' },
        ],
      },
    ]);
  });

  it('leaves out a table only one of them publishes, or publishes empty', () => {
    const withoutThree = filing('预算', budget.tables.filter((t) => t.standard !== 'three-public'));
    expect(budgetVsFinal(withoutThree, final).map((t) => t.key)).toEqual(['income-expenditure-summary', 'expenditure-summary']);
    const emptySummary = filing('决算', final.tables.map((t) => (t.standard === 'expenditure-summary' ? { ...t, rows: [], empty: true } : t)));
    expect(budgetVsFinal(budget, emptySummary).map((t) => t.key)).toEqual(['income-expenditure-summary', 'three-public']);
  });
});
