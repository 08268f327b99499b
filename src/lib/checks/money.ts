import { Decimal, equal, sum } from '../records/decimal.ts';
import { isMoneyUnit, type MoneyUnit, type Table } from '../records/schema/table.ts';

/**
 * Figures of different tables and of the 情况说明 may be printed in
 * different units (a table in 元 beside the 万元 of the others, a sentence
 * that says 1234.56元). Within one table figures are summed in its own
 * unit; across tables and text they are compared in 元, exactly.
 */

/** A printed figure and the unit it is printed in. */
export interface Money {
  value: string | null;
  unit: MoneyUnit;
}

const YUAN: Record<MoneyUnit, number> = { 元: 1, 千元: 1_000, 万元: 10_000, 亿元: 100_000_000 };

/** The unit a table's figures are in. The schema holds every table with amount columns to a money unit, 万元 when it writes none. */
export const tableUnit = (table: Table): MoneyUnit => (isMoneyUnit(table.unit) ? table.unit : '万元');

/** The figure in 元, exactly (万元 with two decimals is 元 with none). */
export function inYuan(money: Money, unit: MoneyUnit = money.unit): Decimal {
  return new Decimal(money.value || 0).times(YUAN[unit]);
}

/** How far a figure printed with two decimals may stand from the amount it rounds: half its last digit (0.005 万元 = 50 元), in 元. */
const rounding = (unit: MoneyUnit) => new Decimal(YUAN[unit]).times('0.005');

const total = (figures: readonly Money[]) => figures.reduce((acc, m) => acc.plus(inYuan(m)), new Decimal(0));

/**
 * Whether the figures on the left add up to those on the right. In one unit
 * they must be equal to the last printed digit, as everywhere in the checks.
 * Across units nothing more exact can be asked than the rounding of the
 * coarser figures: a 万元 figure printed with two decimals is any amount
 * within 50 元 of it, so 326.72 万元 agrees with 3267156.34 元 and not with
 * 3267200.01 元. The allowance is the sum of the roundings of every figure
 * printed in a unit coarser than the finest one compared (none when all are
 * in one unit).
 */
export function agree(left: readonly Money[], right: readonly Money[]): boolean {
  const all = [...left, ...right];
  const unit = all[0]?.unit;
  if (all.every((m) => m.unit === unit)) {
    if (left.length === 1 && right.length === 1) return equal(left[0]!.value, right[0]!.value);
    return equal(sum(left.map((m) => m.value)), sum(right.map((m) => m.value)));
  }
  const finest = Math.min(...all.map((m) => YUAN[m.unit]));
  const allowance = all.reduce((acc, m) => (YUAN[m.unit] === finest ? acc : acc.plus(rounding(m.unit))), new Decimal(0));
  return total(left).minus(total(right)).abs().lessThanOrEqualTo(allowance);
}

/** The sum of figures in the finest of their units, exactly: 0.50 万元 + 1234.56 元 = 6234.56 元. */
export function addUp(figures: readonly Money[]): Money & { value: string } {
  const unit = figures.reduce<MoneyUnit>((finest, m) => (YUAN[m.unit] < YUAN[finest] ? m.unit : finest), '亿元');
  return { value: total(figures).dividedBy(YUAN[unit]).toFixed(2), unit };
}

/** 326.71 万元, or （空） for an empty cell. */
export function formatMoney(money: Money): string {
  return money.value === null || money.value === '' ? '（空）' : `${money.value} ${money.unit}`;
}

const NUMBERS = /\d[\d,]*(?:\.\d+)?/g;
/** A unit other than 万元 somewhere in a sentence. */
const ANOTHER_UNIT = /(?<!万)元|[亿千]/;
/** 元, 千元, 万元, 亿元 after a figure, or 万 and 亿 alone (25332.93万). */
const UNIT_AFTER = /^\s*(?:([亿万千]?)元|([亿万]))/;

/**
 * The unit a sentence of the 情况说明 states `value` in: the unit printed
 * after the first number in `quote` equal to it, else `unit` (the
 * filing's, 万元). The loader has made sure the quote states it.
 */
export function statedUnit(quote: string, value: string, unit: MoneyUnit): MoneyUnit {
  // Most sentences print every figure in 万元: no need to find this one.
  if (unit === '万元' && !ANOTHER_UNIT.test(quote)) return unit;
  for (const match of quote.matchAll(NUMBERS)) {
    if (!equal(match[0].replace(/,/g, ''), value)) continue;
    const after = UNIT_AFTER.exec(quote.slice(match.index + match[0].length));
    return after ? (`${after[1] ?? after[2]}元` as MoneyUnit) : unit;
  }
  return unit;
}

/**
 * Whether two figures are the same figure but for the rounding of its
 * printing or a slip of the last digits (within 1% of the larger): what
 * tells the unit the figures of a table are in, beside another table's.
 */
export function near(a: Money, b: Money): boolean {
  const [x, y] = [inYuan(a), inYuan(b)];
  const coarser = YUAN[a.unit] > YUAN[b.unit] ? a.unit : b.unit;
  const allowance = Decimal.max(Decimal.max(x.abs(), y.abs()).dividedBy(100), rounding(coarser));
  return x.minus(y).abs().lessThanOrEqualTo(allowance);
}

/** Whether a figure is zero or empty (it tells nothing of its unit). */
export const isZero = (money: Money): boolean => equal(money.value, null);
