import { describe, expect, it } from 'vitest';
import { generateQueries } from '../../scripts/bench-search/queries.ts';
import { candidateTerms, cleanLabel, groupedAmount, proseRuns, type TermSource } from '../../scripts/bench-search/query-terms.ts';

/** Two records in miniature: one with a table, a project and prose, one with nothing but its department. */
const 甲: TermSource = {
  id: '河北省/甲县/财政局/2024-预算',
  department: { name: '甲县财政局' },
  tables: [
    {
      columns: [{ type: 'seq' }, { type: 'code' }, { type: 'text' }, { type: 'amount' }],
      rows: [
        ['1', '2080505', '一、劳务费', '24487.92'],
        ['2', '208', '（二）行政运行', '99.99'],
        ['3', null, '其中：培训费', '1000.00'],
        ['4', '20805', '合  计', '100'],
      ],
    },
  ],
  projectList: [{ name: ' 1.信息化建设项目', indicators: [{ level2: '数量指标', level3: '培训人数' }, { level2: '时效指标' }] }],
  texts: { 'sections/a.md': '# 概况\n本部门2024年**劳务费**支出18010.72万元，较上年增长。' },
};
const 乙: TermSource = { id: '河北省/乙县/财政局/2024-预算', department: { name: '乙县财政局' }, tables: [], projectList: [], texts: {} };

/** What the two records' pages show, for telling made-up words from real ones. */
const SHOWN = '甲县财政局 乙县财政局 劳务费 行政运行 培训费 合计 信息化建设项目 培训人数 时效指标 概况 本部门2024年劳务费支出18010.72万元，较上年增长';
const occurs = (word: string) => SHOWN.includes(word);

describe('query terms', () => {
  it('reads labels and names as a reader types them: without numbering, lead-ins and spaces', () => {
    expect(['一、（一）行政运行', '十二、其他支出', '(3)办公费', '① 培训费', '其中：培训费', '1.5万元补助', ' 2、 信息 化 '].map(cleanLabel)).toEqual(['行政运行', '其他支出', '办公费', '培训费', '培训费', '1.5万元补助', '信息化']);
  });

  it('writes an amount with a thousands separator as readers type it', () => {
    expect(['24487.92', '1234567.00', '100.00', '-1234.50'].map(groupedAmount)).toEqual(['24,487.92', '1,234,567.00', '100.00', '-1,234.50']);
  });

  it('draws every distinct term of each kind from the records, in code-point order', () => {
    expect(candidateTerms([甲, 乙])).toEqual({
      'row-label': ['劳务费', '合计', '培训费', '行政运行'],
      indicator: ['培训人数', '时效指标'],
      project: ['信息化建设项目'],
      department: ['乙县财政局', '甲县财政局'],
      // 208 is left out: three-digit codes are inside most amounts and years.
      code: ['20805', '2080505'],
      // 99.99 is left out: figures under 100 are inside thousands of others.
      amount: ['100.00', '1000.00', '24487.92'],
      'amount-grouped': ['1,000.00', '24,487.92'],
    });
  });

  it('cuts prose into runs of Chinese characters and whole numbers, never across punctuation, markup or a line', () => {
    expect(proseRuns(甲)).toEqual(['概况', '本部门2024年', '劳务费', '支出18010.72万元', '较上年增长']);
  });
});

describe('generateQueries', () => {
  it('shares the queries between the kinds and gives departments their own filings', () => {
    expect(generateQueries([甲, 乙], { count: 18, seed: 7, occurs })).toEqual([
      { kind: 'row-label', text: '劳务费' },
      { kind: 'row-label', text: '行政运行' },
      { kind: 'indicator', text: '培训人数' },
      { kind: 'indicator', text: '时效指标' },
      { kind: 'project', text: '信息化建设项目' },
      { kind: 'department', text: '乙县财政局', own: ['河北省/乙县/财政局/2024-预算'] },
      { kind: 'department', text: '甲县财政局', own: ['河北省/甲县/财政局/2024-预算'] },
      { kind: 'code', text: '20805' },
      { kind: 'code', text: '2080505' },
      { kind: 'amount', text: '1000.00' },
      { kind: 'amount', text: '24487.92' },
      { kind: 'amount-grouped', text: '1,000.00' },
      { kind: 'amount-grouped', text: '24,487.92' },
      { kind: 'phrase', text: '支出18010.72' },
      { kind: 'phrase', text: '出18010.72万' },
      { kind: 'miss', text: '化务财培' },
      { kind: 'miss', text: '费目' },
    ]);
  });

  it('cuts phrases of 2–12 characters from the prose, never inside a figure', () => {
    const phrases = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) => generateQueries([甲, 乙], { count: 90, seed, occurs }).filter((q) => q.kind === 'phrase').map((q) => q.text));
    expect(phrases.length).toBe(80);
    expect(phrases.filter((p) => p.length < 2 || p.length > 12 || !SHOWN.includes(p))).toEqual([]);
    expect(phrases.flatMap((p) => p.match(/\d+(?:\.\d+)?/g) ?? []).filter((n) => n !== '2024' && n !== '18010.72')).toEqual([]);
  });

  it('gives the same queries for the same seed and others for another', () => {
    const texts = (seed: number) => generateQueries([甲, 乙], { count: 18, seed, occurs }).map((q) => `${q.kind}:${q.text}`);
    expect(texts(7)).toEqual(texts(7));
    expect(texts(8)).not.toEqual(texts(7));
  });

  it('makes only words that occur nowhere, and gives up rather than loop when every word occurs', () => {
    const misses = generateQueries([甲, 乙], { count: 90, seed: 3, occurs }).filter((q) => q.kind === 'miss');
    expect(misses.length).toBe(10);
    expect(misses.filter((q) => occurs(q.text))).toEqual([]);
    expect(generateQueries([甲, 乙], { count: 90, seed: 3, occurs: () => true }).filter((q) => q.kind === 'miss')).toEqual([]);
  });
});
