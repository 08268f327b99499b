import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiling } from '../../src/lib/records/load-filing.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { addUp, change, departmentTrend, describeChange, executionRate, formatPercent, formatWan, previousYear } from '../../src/lib/site/comparisons.ts';
import { filingFigures, type FilingFigures } from '../../src/lib/site/filing-figures.ts';
import { budgetSummary, budgetThreePublic, expenditureSummary, filing, finalSummary, finalThreePublic } from './comparisons-records.ts';

const budget = (expenditure: string) => filingFigures(filing('预算', [budgetSummary(expenditure, expenditure)]));

describe('the figures of a filing', () => {
  it('reads a 预算 from its 收支总表 (收入总计, 支出总计), 三公 合计 and 支出总表 类 rows', () => {
    const figures = filingFigures(
      filing('预算', [
        budgetSummary('1200.00', '1200.00', '100.00'),
        budgetThreePublic('3.50', '3.00', '0.50'),
        expenditureSummary('预算', [
          [null, '合计', '1200.00'],
          ['208', '社会保障和就业支出', '1000.00'],
          ['20801', '人力资源和社会保障管理事务', '1000.00'],
          ['221', '住房保障支出', '200.00'],
        ]),
      ]),
    );
    expect(figures).toEqual({
      income: '1200',
      expenditure: '1200',
      threePublic: '3.5',
      classes: [
        { code: '208', name: '社会保障和就业支出', amount: '1000' },
        { code: '221', name: '住房保障支出', amount: '200' },
      ],
    });
  });

  it('reads a 决算 from 本年收入合计 and 本年支出合计, not 总计, and its 三公 决算数', () => {
    const figures = filingFigures(filing('决算', [finalSummary('980.00', '975.50'), finalThreePublic(['4.00', '3.20'], ['3.00', '2.70'], ['1.00', '0.50'])]));
    expect(figures).toEqual({ income: '980', expenditure: '975.5', threePublic: '3.2', classes: [] });
  });

  it('converts a table printed in 元 to 万元 exactly', () => {
    const figures = filingFigures(filing('预算', [expenditureSummary('预算', [['208', '社会保障和就业支出', '1234567.89']], '元')]));
    expect(figures.classes).toEqual([{ code: '208', name: '社会保障和就业支出', amount: '123.456789' }]);
    expect(formatWan(figures.classes[0]!.amount)).toBe('123.46');
  });

  it('leaves out what a filing does not publish, and counts a 三公 table published empty as 0', () => {
    expect(filingFigures(filing('预算', []))).toEqual({ classes: [] });
    const empty = { ...budgetThreePublic('0', '0', '0'), rows: [], empty: true };
    expect(filingFigures(filing('预算', [empty]))).toEqual({ threePublic: '0', classes: [] });
  });
});

describe('the change from last year', () => {
  it('is exact: 100.00 → 112.34 is +12.34 万元 and +12.34%', () => {
    const c = change('100.00', '112.34');
    expect(c).toEqual({ from: '100.00', to: '112.34', difference: '12.34', percent: '12.34' });
    expect(describeChange(c)).toBe('增加 12.34 万元（增长 12.34%）');
  });

  it('says a fall in words: 200.00 → 190.00 is 减少 10.00 万元 (下降 5.00%)', () => {
    const c = change('200.00', '190.00');
    expect(c).toEqual({ from: '200.00', to: '190.00', difference: '-10', percent: '-5' });
    expect(describeChange(c)).toBe('减少 10.00 万元（下降 5.00%）');
  });

  it('rounds only when written out, half up: 3.00 → 1.00 is −66.67%, 0.03 → 0.04 is +33.33%', () => {
    expect(change('3.00', '1.00').percent).toBe('-66.666666666666666667');
    expect(describeChange(change('3.00', '1.00'))).toBe('减少 2.00 万元（下降 66.67%）');
    expect(describeChange(change('0.03', '0.04'))).toBe('增加 0.01 万元（增长 33.33%）');
  });

  it('has no percentage from 0, and says 持平 for no change', () => {
    expect(change('0', '5.00')).toEqual({ from: '0', to: '5.00', difference: '5', percent: undefined });
    expect(describeChange(change('0', '5.00'))).toBe('增加 5.00 万元');
    expect(describeChange(change('7.10', '7.10'))).toBe('持平');
  });

  it('compares each filing with the same kind one year earlier, and with nothing when that year is missing', () => {
    const filings = [
      { year: 2024, kind: '预算' as const, figures: budget('112.34') },
      { year: 2023, kind: '预算' as const, figures: budget('100.00') },
      { year: 2023, kind: '决算' as const, figures: { expenditure: '95.00', classes: [] } satisfies FilingFigures },
      { year: 2021, kind: '预算' as const, figures: budget('80.00') },
    ];
    const trend = departmentTrend(filings);
    expect(trend.map((r) => [r.filing.year, r.filing.kind, r.previous?.year, r.expenditure && describeChange(r.expenditure)])).toEqual([
      [2024, '预算', 2023, '增加 12.34 万元（增长 12.34%）'],
      [2023, '预算', undefined, undefined],
      [2023, '决算', undefined, undefined],
      [2021, '预算', undefined, undefined],
    ]);
    expect(previousYear(filings, { year: 2024, kind: '决算' })).toBe(filings[2]);
    expect(previousYear(filings, { year: 2022, kind: '预算' })).toBe(filings[3]);
  });

  it('has no change where either year does not publish the figure', () => {
    const trend = departmentTrend([
      { year: 2024, kind: '预算' as const, figures: budget('50.00') },
      { year: 2023, kind: '预算' as const, figures: { classes: [] } },
    ]);
    expect(trend[0]).toEqual({ filing: trend[0]!.filing, previous: trend[1]!.filing, income: undefined, expenditure: undefined });
  });
});

describe('the execution rate', () => {
  it('is 决算数 / 预算数: 491.00 of 500.00 is 98.20%', () => {
    expect(executionRate('500.00', '491.00')).toBe('98.2');
    expect(formatPercent(executionRate('500.00', '491.00')!)).toBe('98.20%');
    expect(executionRate('0', '5.00')).toBe(undefined);
    expect(executionRate(undefined, '5.00')).toBe(undefined);
  });
});

describe('a region-year added up', () => {
  it('sums each figure over the departments that publish it, and 类 by code, largest first', () => {
    const totals = addUp([
      { income: '100.10', expenditure: '100.10', threePublic: '1.25', classes: [{ code: '208', name: '社会保障和就业支出', amount: '80.10' }, { code: '221', name: '住房保障支出', amount: '20.00' }] },
      { income: '50.05', expenditure: '40.00', classes: [{ code: '221', name: '住房保障支出', amount: '40.00' }] },
      { expenditure: '9.90', threePublic: '0.75', classes: [{ code: '208', name: '社会保障和就业', amount: '9.90' }] },
    ]);
    expect(totals).toEqual({
      filings: 3,
      income: { value: '150.15', count: 2 },
      expenditure: { value: '150', count: 3 },
      threePublic: { value: '2', count: 2 },
      classes: [
        { code: '208', name: '社会保障和就业支出', amount: '90', share: '60', count: 2 },
        { code: '221', name: '住房保障支出', amount: '60', share: '40', count: 2 },
      ],
    });
  });

  it('is empty for no filings', () => {
    expect(addUp([])).toEqual({ filings: 0, income: { value: '0', count: 0 }, expenditure: { value: '0', count: 0 }, threePublic: { value: '0', count: 0 }, classes: [] });
  });
});

describe('the figures of the demo records', () => {
  const read = (id: string) => filingFigures(loadFiling(join(PROJECT_ROOT, 'content', 'filings', id), { root: PROJECT_ROOT }));

  it('永清县 2024 预算: 收入总计 and 支出总计 25332.93, 三公 2.34', () => {
    const figures = read('河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算');
    expect({ ...figures, classes: figures.classes.map((c) => `${c.code} ${c.name} ${c.amount}`) }).toEqual({
      income: '25332.93',
      expenditure: '25332.93',
      threePublic: '2.34',
      classes: ['208 社会保障和就业支出 24901.46', '213 农林水支出 316.55', '221 住房保障支出 114.92'],
    });
  });

  it('普陀区 2024 决算: 本年收入合计 2946.25, 本年支出合计 2940.05, 三公 决算数 blank (0)', () => {
    const figures = read('上海市/普陀区/财政局/2024-决算');
    expect({ ...figures, classes: figures.classes.map((c) => `${c.code} ${c.name} ${c.amount}`) }).toEqual({
      income: '2946.25',
      expenditure: '2940.05',
      threePublic: '0',
      classes: ['201 一般公共服务支出 2106.66', '208 社会保障和就业支出 326.72', '210 卫生健康支出 60.99', '221 住房保障支出 445.69'],
    });
  });

  it('霸州市 2021 预算 publishes no standard table: no figure at all', () => {
    expect(read('河北省/廊坊市/霸州市/805-人力资源和社会保障局/2021-预算')).toEqual({ classes: [] });
  });
});
