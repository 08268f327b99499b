import { Decimal } from '../records/decimal.ts';
import { COMPARABLE, percent, type Comparable, type Headline, type HeadlineFigure } from './headline.ts';

/** A headline figure beside the same figure of the department's previous filing of the same kind. */
export interface HeadlineChange {
  label: string;
  unit: string;
  previous: string;
  current: string;
  /** current − previous, exact, two decimals, signed. */
  difference: string;
  /** The difference as a percent of the previous figure, two decimals; nothing when that was zero. */
  percent?: string;
}

type Compared = Pick<HeadlineFigure, 'label' | 'value' | 'unit'>;

/** What a filing keeps of its headline for the next year's page: small, so a build can hold it for every filing. */
export interface HeadlineFigures extends Pick<Headline, 'year' | 'kind'> {
  comparable: Partial<Record<Comparable, Compared>>;
}

/** The figures of a headline that a later filing is compared with, without where they stand. */
export function headlineFigures(h: Headline): HeadlineFigures {
  const comparable: HeadlineFigures['comparable'] = {};
  for (const what of COMPARABLE) {
    const figure = h.comparable[what];
    if (figure) comparable[what] = { label: figure.label, value: figure.value, unit: figure.unit };
  }
  return { year: h.year, kind: h.kind, comparable };
}

const same = (a: Compared, b: Compared) => a.label === b.label && a.unit === b.unit;

/**
 * The change of each figure both filings have under the same name and unit
 * (a 预算's 收入总计 with the previous 预算's 收入总计, never a 决算's), in
 * headline order.
 */
export function changes(current: HeadlineFigures, previous: HeadlineFigures): HeadlineChange[] {
  if (current.kind !== previous.kind || previous.year >= current.year) return [];
  return COMPARABLE.flatMap((what) => {
    const now = current.comparable[what];
    const then = previous.comparable[what];
    if (!now || !then || !same(now, then)) return [];
    const difference = new Decimal(now.value).minus(then.value);
    const share = percent(difference.toString(), then.value);
    return [{ label: now.label, unit: now.unit, previous: then.value, current: now.value, difference: difference.toFixed(2), ...(share === undefined ? {} : { percent: share }) }];
  });
}

/** The change in words: 增加 1888.65 万元（增长 8.06%）, 减少 0.01 万元, 持平. */
export function changeWords(change: Pick<HeadlineChange, 'difference' | 'percent' | 'unit'>): string {
  const difference = new Decimal(change.difference);
  if (difference.isZero()) return '持平';
  const more = difference.isPositive();
  const percentText = change.percent === undefined ? '' : `（${more ? '增长' : '下降'} ${new Decimal(change.percent).abs().toFixed(2)}%）`;
  return `${more ? '增加' : '减少'} ${difference.abs().toFixed(2)} ${change.unit}${percentText}`;
}
