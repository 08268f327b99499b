import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import type { Filing } from '../../src/lib/records/load-filing.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { statedFiguresSchema } from '../../src/lib/records/schema/stated-figures.ts';
import { extractStatedFigures } from '../../src/lib/import/stated-figures.ts';
import { comparisonHolds } from '../../src/lib/checks/rules/stated-comparisons.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests', 'checks', 'fixtures', 'final-accounts');
const putuo = loadAllFilings(PROJECT_ROOT, join(FIXTURE, 'filings')).filings[0]!;

/** Each top-level section's prose as the importer hands it over: the paragraphs of it and its subsections, joined. */
function sectionProse(filing: Filing): { id: string; prose: string }[] {
  const paragraphs = (blocks: Filing['sections'][number]['blocks']) =>
    blocks.flatMap((b) => (b.markdown ? filing.texts[b.markdown]!.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) : []));
  return filing.sections.map((s) => ({ id: s.id, prose: [...paragraphs(s.blocks), ...s.subsections.flatMap((sub) => paragraphs(sub.blocks))].join('') }));
}

describe('figures stated in a 决算 情况说明', () => {
  it('are what the record of the 普陀区财政局 2024 决算 holds, quote for quote', () => {
    expect(extractStatedFigures(sectionProse(putuo))).toEqual(putuo.statedFigures);
  });

  it('include the totals, the sources of income, 三公 预算 and 决算, and thirteen comparisons', () => {
    const figures = extractStatedFigures(sectionProse(putuo));
    expect(Object.fromEntries(Object.entries(figures).map(([key, f]) => [key, f.compared ? `${f.value} ${f.compared.relation} ${f.compared.value} (${f.subject})` : f.value]))).toEqual({
      'income.total': '2995.39',
      'income.year': '2946.25',
      'income.fiscal': '2940.05',
      'income.other': '6.2',
      'expenditure.total': '2940.05',
      'expenditure.basic': '2336.91',
      'expenditure.personnel': '2152.26',
      'expenditure.publicFunds': '184.65',
      'expenditure.project': '603.14',
      'expenditure.generalBudget': '2940.05',
      'fiscal.total': '0.3',
      operatingCosts: '184.65',
      'threePublic.total': '0.00',
      'threePublic.abroad': '0.00',
      'threePublic.vehicles': '0.00',
      'threePublic.reception': '0.00',
      'threePublic.budget.total': '0.95',
      'comparison.1': '2940.05 小于 2993.92 (一般公共预算财政拨款支出)',
      'comparison.2': '1511.89 小于 1560.05 (一般公共服务支出（类）财政事务（款）行政运行（项）)',
      'comparison.3': '10.00 基本持平 10.00 (一般公共服务支出（类）财政事务（款）一般行政管理事务（项）)',
      'comparison.4': '135.25 小于 135.90 (一般公共服务支出（类）财政事务（款）信息化建设（项）)',
      'comparison.5': '449.52 小于 450.52 (一般公共服务支出（类）财政事务（款）财政委托业务支出（项）)',
      'comparison.6': '84.65 小于 85.55 (社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）)',
      'comparison.7': '160.75 小于 161.62 (社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）)',
      'comparison.8': '80.38 小于 80.81 (社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）)',
      'comparison.9': '0.94 基本持平 0.94 (社会保障和就业支出（类）行政事业单位养老支出（款）其他行政事业单位养老支出（项）)',
      'comparison.10': '60.99 小于 62.29 (卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）)',
      'comparison.11': '187.19 小于 187.75 (住房保障支出（类）住房改革支出（款）住房公积金（项）)',
      'comparison.12': '258.50 基本持平 258.50 (住房保障支出（类）住房改革支出（款）购房补贴（项）)',
      'comparison.13': '0.00 小于 0.95 (“三公”经费财政拨款支出)',
    });
  });

  it('a comparison runs from what it is about to the comparison word', () => {
    const text = '其中：1、教育支出（类）普通教育（款）小学教育（项）。主要用于：办学经费。年初预算为 100.00 万元，支出决算为120.50万元。决算数大于预算数的主要原因：追加经费。';
    expect(extractStatedFigures([{ id: 'items', prose: text }])['comparison.1']).toEqual({
      value: '120.50',
      section: 'items',
      quote: '教育支出（类）普通教育（款）小学教育（项）。主要用于：办学经费。年初预算为 100.00 万元，支出决算为120.50万元。决算数大于预算数',
      subject: '教育支出（类）普通教育（款）小学教育（项）',
      compared: { value: '100.00', relation: '大于' },
    });
  });

  it('a pair of figures without a comparison word, or compared with last year, or the other way round, is no comparison', () => {
    const prose = [
      '机关运行经费年初预算为5.00万元，支出决算为4.00万元，完成年初预算的80.00%。',
      '公务接待费年初预算为1.00万元，支出决算为1.00万元。决算数与2023年度持平。',
      '培训费年初预算为2.00万元，支出决算为1.00万元。预算数大于决算数的主要原因：压减培训。',
    ].join('');
    expect(Object.keys(extractStatedFigures([{ id: 'x', prose }])).filter((k) => k.startsWith('comparison.'))).toEqual([]);
  });

  it('a 预算’s wording gives no 决算 figures', () => {
    const prose = '2024年预算收入25332.93万元，其中：一般公共预算收入24487.92万元。2024年，我部门“三公”经费预算安排2.34万元，其中：因公出国（境）费0.00万元；公务用车购置及运维费2.34万元；公务接待费0.00万元。';
    expect(Object.keys(extractStatedFigures([{ id: 'x', prose }]))).toEqual(['income.total', 'income.generalBudget', 'threePublic.total', 'threePublic.abroad', 'threePublic.vehicles', 'threePublic.reception']);
  });
});

describe('a stated comparison in the record', () => {
  const entry = (compared: unknown, quote = '年初预算为 1560.05 万元，支出决算为1511.89万元。 决算数小于预算数') => ({ 'comparison.2': { value: '1511.89', section: 'general-budget', quote, compared } });

  it('states both figures and the word in its quote', () => {
    expect(statedFiguresSchema.safeParse(entry({ value: '1560.05', relation: '小于' })).success).toBe(true);
    const wrong = statedFiguresSchema.safeParse(entry({ value: '1650.05', relation: '大于' }));
    expect(wrong.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['comparison.2.compared.value', 'expected the quote to state 1650.05, found "年初预算为 1560.05 万元，支出决算为1511.89万元。 决算数小于预算数"'],
      ['comparison.2.compared.relation', 'expected the quote to say 大于, found "年初预算为 1560.05 万元，支出决算为1511.89万元。 决算数小于预算数"'],
    ]);
  });

  it('is numbered comparison.<n>', () => {
    expect(statedFiguresSchema.safeParse({ 'comparison.first': { value: '1', section: 's', quote: '1' } }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['comparison.first', 'Invalid key in record']]);
  });

  it('基本持平 holds within 1% of the figure compared with', () => {
    expect([comparisonHolds('基本持平', '10.10', '10.00'), comparisonHolds('基本持平', '9.90', '10.00'), comparisonHolds('基本持平', '10.11', '10.00'), comparisonHolds('基本持平', '0.01', '0.00')]).toEqual([true, true, false, false]);
    expect([comparisonHolds('持平', '10.01', '10.00'), comparisonHolds('小于', '10.00', '10.00'), comparisonHolds('低于', '9.99', '10.00'), comparisonHolds('超过', '10.01', '10.00')]).toEqual([false, false, true, true]);
  });
});
