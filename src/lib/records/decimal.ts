import Decimal from 'decimal.js';

/** Exact decimal arithmetic for amounts; every sum in the project goes through here. */
export { Decimal };

/** An amount as records keep it (at most two decimals), read as a whole number of hundredths. */
const HUNDREDTHS = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

function hundredths(value: string): bigint | undefined {
  const match = HUNDREDTHS.exec(value);
  if (!match) return undefined;
  const magnitude = BigInt(match[2]! + (match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -magnitude : magnitude;
}

/**
 * The exact sum of amounts. Amounts of at most two decimals are added as
 * BigInt hundredths, which is exact and several times faster than parsing
 * each into a Decimal (the checks sum every cell more than once); any other
 * value goes through Decimal.
 */
export function sum(values: Iterable<string | null | undefined>): Decimal {
  let whole = 0n;
  let rest: Decimal | undefined;
  for (const value of values) {
    if (!value) continue;
    const h = hundredths(value);
    if (h === undefined) rest = (rest ?? new Decimal(0)).plus(value);
    else whole += h;
  }
  const total = new Decimal(whole.toString()).dividedBy(100);
  return rest ? total.plus(rest) : total;
}

export function equal(a: string | Decimal | null | undefined, b: string | Decimal | null | undefined): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    const [ha, hb] = [hundredths(a), hundredths(b)];
    if (ha !== undefined && hb !== undefined) return ha === hb;
  }
  return new Decimal(a ?? 0).equals(b ?? 0);
}

/** Display form of an amount in 万元: always two decimals, as the standard tables print them. */
export function formatAmount(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return new Decimal(value).toFixed(2);
}
