import { Decimal, sum } from '../../src/lib/records/decimal.ts';
import type { Random } from './random.ts';

/** A table cell or a record figure: two decimals, as the records write 万元. */
export const money = (d: Decimal): string => d.toFixed(2);
export const blankIfZero = (d: Decimal): string | null => (d.isZero() ? null : money(d));

/** Split `total` into `parts` positive-or-zero amounts that add up exactly, in cents. */
export function split(random: Random, total: Decimal, parts: number): Decimal[] {
  if (parts === 1) return [total];
  const weights = Array.from({ length: parts }, () => random.int(1, 100));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const cents = total.times(100);
  const shares = weights.map((w) => cents.times(w).dividedToIntegerBy(weightSum));
  const rest = cents.minus(sum(shares.map((s) => s.toString())).toDecimal());
  shares[shares.length - 1] = shares[shares.length - 1]!.plus(rest);
  return shares.map((s) => s.dividedBy(100));
}

/** A random amount in 万元 between min and max, two decimals. */
export function amount(random: Random, min: number, max: number): Decimal {
  return new Decimal(random.int(min * 100, max * 100)).dividedBy(100);
}
