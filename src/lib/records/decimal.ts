import Decimal from 'decimal.js';

/** Exact decimal arithmetic for amounts; every sum in the project goes through here. */
export { Decimal };

export function sum(values: Iterable<string | null | undefined>): Decimal {
  let total = new Decimal(0);
  for (const value of values) if (value) total = total.plus(value);
  return total;
}

export function equal(a: string | Decimal | null | undefined, b: string | Decimal | null | undefined): boolean {
  return new Decimal(a ?? 0).equals(new Decimal(b ?? 0));
}

/** Display form of an amount in 万元: always two decimals, as the standard tables print them. */
export function formatAmount(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return new Decimal(value).toFixed(2);
}
