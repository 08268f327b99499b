import { describe, expect, it } from 'vitest';
import { BAR_GAP, BAR_HEIGHT, LABEL_HEIGHT, MAX_BAR_PERCENT, ROW_GAP, barChart, barPercent, chartDescription, topRows } from '../../src/lib/site/charts.ts';

const one = [{ name: '预算', pattern: 'solid' as const }];
const two = [
  { name: '预算', pattern: 'solid' as const },
  { name: '决算', pattern: 'hatched' as const },
];

describe('bar widths', () => {
  it('are shares of the largest value, the largest drawn at MAX_BAR_PERCENT, rounded to two places for drawing only', () => {
    expect(MAX_BAR_PERCENT).toBe(60);
    expect(barPercent('25332.93', '25332.93')).toBe(60);
    expect(barPercent('1', '3')).toBe(20);
    expect(barPercent('2', '3')).toBe(40);
    expect(barPercent('0.01', '25332.93')).toBe(0);
  });

  it('draw nothing for 0, a negative figure, a missing one, or when every figure is 0', () => {
    expect(barPercent('0', '10')).toBe(0);
    expect(barPercent('-5', '10')).toBe(0);
    expect(barPercent(undefined, '10')).toBe(0);
    expect(barPercent('0', '0')).toBe(0);
  });
});

describe('a bar chart', () => {
  it('stacks rows down the page: a label line, then one bar per series with its figure after it', () => {
    const geometry = barChart(two, [
      { label: '2023年', values: ['100.00', undefined] },
      { label: '2024年', values: ['120.00', '60.50'] },
    ]);
    const rowHeight = LABEL_HEIGHT + 2 * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + ROW_GAP;
    expect(geometry).toEqual({
      height: 2 * rowHeight - ROW_GAP,
      rows: [
        {
          label: '2023年',
          labelY: 16,
          bars: [
            { series: 0, pattern: 'solid', y: 22, width: 50, text: '预算 100.00', textY: 36 },
            { series: 1, pattern: 'hatched', y: 46, width: 0, text: '决算 未公开', textY: 60 },
          ],
        },
        {
          label: '2024年',
          labelY: rowHeight + 16,
          bars: [
            { series: 0, pattern: 'solid', y: rowHeight + 22, width: 60, text: '预算 120.00', textY: rowHeight + 36 },
            { series: 1, pattern: 'hatched', y: rowHeight + 46, width: 30.25, text: '决算 60.50', textY: rowHeight + 60 },
          ],
        },
      ],
    });
  });

  it('writes a lone series’ figures without its name, and says 未列示 for a row a table lacks when asked', () => {
    const geometry = barChart(one, [{ label: '住房保障支出', values: [undefined] }], '未列示');
    expect(geometry.rows[0]!.bars.map((b) => b.text)).toEqual(['未列示']);
  });

  it('is described in words, every figure with its unit', () => {
    expect(
      chartDescription(two, [
        { label: '2023年', values: ['100', undefined] },
        { label: '2024年', values: ['120.5', '60.499'] },
      ]),
    ).toBe('2023年：预算100.00万元，决算未公开；2024年：预算120.50万元，决算60.50万元');
    expect(chartDescription(one, [{ label: '社会保障和就业支出', values: ['21761.27'] }])).toBe('社会保障和就业支出：21761.27万元');
  });
});

describe('the largest rows of a chart', () => {
  const rows = ['5', '40', '1', '30', '2.25'].map((v, i) => ({ label: `类${i + 1}`, values: [v, undefined] }));

  it('keeps the largest and adds up the rest, exactly, in one row', () => {
    expect(topRows(rows, 2, '其他各类')).toEqual([
      { label: '类2', values: ['40', undefined] },
      { label: '类4', values: ['30', undefined] },
      { label: '其他各类（3项）', values: ['8.25', undefined] },
    ]);
  });

  it('leaves a short list as it is: a rest of one row would say no more than the row', () => {
    expect(topRows(rows, 4, '其他各类')).toEqual(rows);
  });
});
