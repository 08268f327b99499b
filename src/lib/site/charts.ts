import { Decimal } from '../records/decimal.ts';
import { formatWan } from './comparisons.ts';

/**
 * Geometry of the portal's one kind of chart: horizontal bars, one row per
 * item (a year, a 功能分类 类), one bar per series (预算, 决算). Rows stack
 * down the page, so a chart reads on a 360 px phone as at 1280 px: the SVG
 * has no viewBox and is as wide as its box; bars are percentages of that
 * width and text keeps its size, never squeezed. Each bar carries its figure
 * as text after its end, and series differ by fill pattern (solid, hatched),
 * not by colour alone, so the chart holds in greyscale print.
 */

export type Pattern = 'solid' | 'hatched';

export interface ChartSeries {
  name: string;
  pattern: Pattern;
}

export interface ChartRow {
  label: string;
  /** One value per series (万元, exact decimal); undefined where a row has none. */
  values: (string | undefined)[];
}

export interface BarGeometry {
  series: number;
  pattern: Pattern;
  /** Top of the bar, px. */
  y: number;
  /** Width, percent of the chart's width (0 for 0, a negative figure, or none). */
  width: number;
  /** Figure written after the bar: 25332.93, or 预算 25332.93 with several series; 未公开 for none. */
  text: string;
  /** Baseline of that text, px. */
  textY: number;
}

export interface RowGeometry {
  label: string;
  /** Baseline of the row's label, px. */
  labelY: number;
  bars: BarGeometry[];
}

export interface ChartGeometry {
  height: number;
  rows: RowGeometry[];
}

/** The longest bar: the rest of the line is left for its figure. */
export const MAX_BAR_PERCENT = 60;
export const FONT_SIZE = 14;
export const LABEL_HEIGHT = 22;
export const BAR_HEIGHT = 18;
export const BAR_GAP = 6;
export const ROW_GAP = 14;

/** Bar width as a share of the largest value, percent with two decimals; an exact quotient rounded for drawing only. */
export function barPercent(value: string | undefined, max: string): number {
  if (value === undefined || new Decimal(max).lessThanOrEqualTo(0) || new Decimal(value).lessThanOrEqualTo(0)) return 0;
  return new Decimal(value).dividedBy(max).times(MAX_BAR_PERCENT).toDecimalPlaces(2).toNumber();
}

/** What a bar without a value says: a filing that does not publish the figure, or (`未列示`) a table without the row. */
export type Missing = '未公开' | '未列示';

export function barChart(series: readonly ChartSeries[], rows: readonly ChartRow[], missing: Missing = '未公开'): ChartGeometry {
  const values = rows.flatMap((r) => r.values.filter((v): v is string => v !== undefined));
  const max = values.reduce((m, v) => Decimal.max(m, v), new Decimal(0)).toString();
  let y = 0;
  const geometry = rows.map((row) => {
    const labelY = y + FONT_SIZE + 2;
    y += LABEL_HEIGHT;
    const bars = series.map((s, i) => {
      const value = row.values[i];
      const figure = value === undefined ? missing : formatWan(value);
      const bar = { series: i, pattern: s.pattern, y, width: barPercent(value, max), text: series.length > 1 ? `${s.name} ${figure}` : figure, textY: y + BAR_HEIGHT / 2 + FONT_SIZE / 2 - 2 };
      y += BAR_HEIGHT + BAR_GAP;
      return bar;
    });
    y += ROW_GAP - BAR_GAP;
    return { label: row.label, labelY, bars };
  });
  // The last row's gap is below the chart, not in it.
  return { height: Math.max(y - ROW_GAP, 1), rows: geometry };
}

/** What the chart shows, in words, for its <desc>: every row and figure, in the chart's order. */
export function chartDescription(series: readonly ChartSeries[], rows: readonly ChartRow[], missing: Missing = '未公开'): string {
  return rows
    .map((row) => {
      const figures = series.map((s, i) => {
        const value = row.values[i];
        const figure = value === undefined ? missing : `${formatWan(value)}万元`;
        return series.length > 1 ? `${s.name}${figure}` : figure;
      });
      return `${row.label}：${figures.join('，')}`;
    })
    .join('；');
}

/**
 * The largest `count` rows by their first value, and the rest added up in
 * one row labelled `restLabel`, so a chart stays short; its table beside it
 * lists every row.
 */
export function topRows(rows: readonly ChartRow[], count: number, restLabel: string): ChartRow[] {
  if (rows.length <= count + 1) return [...rows];
  const first = (r: ChartRow) => new Decimal(r.values[0] ?? 0);
  const sorted = [...rows].sort((a, b) => first(b).comparedTo(first(a)));
  const rest = sorted.slice(count);
  const values = rows[0]!.values.map((_, i) => {
    const present = rest.map((r) => r.values[i]).filter((v): v is string => v !== undefined);
    return present.length === 0 ? undefined : present.reduce((acc, v) => acc.plus(v), new Decimal(0)).toString();
  });
  return [...sorted.slice(0, count), { label: `${restLabel}（${rest.length}项）`, values }];
}
