import { Decimal, sum } from '../records/decimal.ts';
import type { FilingKind } from '../records/schema/filing.ts';
import type { ClassFigure, FilingFigures } from './filing-figures.ts';

/**
 * Comparisons the portal draws between filings: a figure against last
 * year's, a 决算 against its 预算, a region's departments added up. Every
 * figure is an exact decimal string in 万元; percentages are exact quotients
 * (decimal.js, 20 significant digits) and rounded to two places only when
 * they are written out for a reader.
 */

export interface Change {
  from: string;
  to: string;
  /** to − from, exactly. */
  difference: string;
  /** (to − from) / from × 100; none when `from` is 0, which has no percentage change. */
  percent: string | undefined;
}

export function change(from: string, to: string): Change {
  const difference = new Decimal(to).minus(from);
  return { from, to, difference: difference.toString(), percent: ratio(difference.toString(), from) };
}

/** part / whole × 100, or nothing when either is missing or the whole is 0. */
export function ratio(part: string | undefined, whole: string | undefined): string | undefined {
  if (part === undefined || whole === undefined || new Decimal(whole).isZero()) return undefined;
  return new Decimal(part).times(100).dividedBy(whole).toString();
}

/** 执行率: 决算数 / 预算数 × 100. */
export const executionRate = (budget: string | undefined, final: string | undefined): string | undefined => ratio(final, budget);

/** Two decimals, rounded half up, without a minus sign on a figure that rounds to zero. */
function fixed(value: string): string {
  const text = new Decimal(value).toFixed(2);
  return /^-0\.00$/.test(text) ? '0.00' : text;
}

/** An amount in 万元 as the tables print it: 25332.93 */
export const formatWan = (value: string): string => fixed(value);

/** A percentage as a reader sees it: 98.20% */
export const formatPercent = (value: string): string => `${fixed(value)}%`;

/**
 * A change in words, as a reader says it: 增加 12.34 万元（增长 5.12%）,
 * 减少 5.00 万元（下降 5.00%）, 持平. Words, not signs, so a screen reader
 * and a printout say the same.
 */
export function describeChange(c: Change): string {
  const difference = new Decimal(fixed(c.difference));
  const percent = c.percent === undefined ? undefined : new Decimal(fixed(c.percent));
  if (difference.isZero() && (percent === undefined || percent.isZero())) return '持平';
  const up = new Decimal(c.difference).isPositive();
  const amount = `${up ? '增加' : '减少'} ${fixed(difference.abs().toString())} 万元`;
  return percent === undefined ? amount : `${amount}（${up ? '增长' : '下降'} ${fixed(percent.abs().toString())}%）`;
}

export interface Dated {
  year: number;
  kind: FilingKind;
}

/**
 * The filing of the same kind one year earlier, if the portal has it: a
 * 预算 is compared with last year's 预算 and a 决算 with last year's 决算,
 * never with a year further back called 上年.
 */
export function previousYear<T extends Dated>(filings: readonly T[], filing: Dated): T | undefined {
  return filings.find((f) => f.kind === filing.kind && f.year === filing.year - 1);
}

export interface TrendRow<T> {
  filing: T;
  /** Last year's filing of the same kind; missing when the portal does not have it. */
  previous: T | undefined;
  income: Change | undefined;
  expenditure: Change | undefined;
}

/** Each filing of a department with its change from the year before, in the order given. */
export function departmentTrend<T extends Dated & { figures: FilingFigures }>(filings: readonly T[]): TrendRow<T>[] {
  return filings.map((filing) => {
    const previous = previousYear(filings, filing);
    const between = (key: 'income' | 'expenditure') => {
      const [from, to] = [previous?.figures[key], filing.figures[key]];
      return from === undefined || to === undefined ? undefined : change(from, to);
    };
    return { filing, previous, income: between('income'), expenditure: between('expenditure') };
  });
}

/** A figure added up over the departments that publish it, and how many do. */
export interface Total {
  value: string;
  /** Departments whose filing states this figure. */
  count: number;
}

export interface ClassTotal extends ClassFigure {
  /** Share of the sum of every class, in percent (exact). */
  share: string | undefined;
  count: number;
}

export interface Totals {
  /** Filings added up. */
  filings: number;
  income: Total;
  expenditure: Total;
  threePublic: Total;
  /** Largest first; a class's name is the one most of its departments print. */
  classes: ClassTotal[];
}

function total(values: (string | undefined)[]): Total {
  const present = values.filter((v): v is string => v !== undefined);
  return { value: sum(present).toString(), count: present.length };
}

/** The filings of a region and year (of one kind) added up: totals, 三公 and spending by 功能分类 类. */
export function addUp(figures: readonly FilingFigures[]): Totals {
  const byCode = new Map<string, { amounts: string[]; names: Map<string, number> }>();
  for (const f of figures) {
    for (const c of f.classes) {
      let entry = byCode.get(c.code);
      if (!entry) byCode.set(c.code, (entry = { amounts: [], names: new Map() }));
      entry.amounts.push(c.amount);
      entry.names.set(c.name, (entry.names.get(c.name) ?? 0) + 1);
    }
  }
  const classSum = sum([...byCode.values()].flatMap((e) => e.amounts)).toString();
  const classes = [...byCode].map(([code, entry]) => {
    const amount = sum(entry.amounts).toString();
    const name = [...entry.names].sort((a, b) => b[1] - a[1])[0]![0];
    return { code, name, amount, share: ratio(amount, classSum), count: entry.amounts.length };
  });
  classes.sort((a, b) => new Decimal(b.amount).comparedTo(a.amount) || a.code.localeCompare(b.code));
  return {
    filings: figures.length,
    income: total(figures.map((f) => f.income)),
    expenditure: total(figures.map((f) => f.expenditure)),
    threePublic: total(figures.map((f) => f.threePublic)),
    classes,
  };
}
