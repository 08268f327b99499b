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
 * An exact sum of amounts. Amounts of at most two decimals are added as
 * BigInt hundredths and compared as such, which is exact and several
 * times faster than a Decimal for each (the checks sum every cell more
 * than once); a Decimal is built only to print the sum, or when an addend
 * has more decimals.
 */
export class Sum {
  constructor(
    readonly hundredths: bigint,
    /** Addends of more than two decimals, added as Decimals. */
    readonly rest?: Decimal,
  ) {}

  toDecimal(): Decimal {
    const whole = new Decimal(this.hundredths.toString()).dividedBy(100);
    return this.rest ? whole.plus(this.rest) : whole;
  }

  toFixed(digits: number): string {
    return this.toDecimal().toFixed(digits);
  }

  toString(): string {
    return this.toDecimal().toString();
  }
}

export function sum(values: Iterable<string | null | undefined>): Sum {
  let whole = 0n;
  let rest: Decimal | undefined;
  for (const value of values) {
    if (!value) continue;
    const h = hundredths(value);
    if (h === undefined) rest = (rest ?? new Decimal(0)).plus(value);
    else whole += h;
  }
  return new Sum(whole, rest);
}

type Comparable = string | Sum | Decimal | null | undefined;

function exactHundredths(value: Comparable): bigint | undefined {
  if (value === null || value === undefined || value === '') return 0n;
  if (typeof value === 'string') return hundredths(value);
  if (value instanceof Sum) return value.rest ? undefined : value.hundredths;
  return undefined;
}

function toDecimal(value: Comparable): Decimal {
  if (value instanceof Sum) return value.toDecimal();
  return new Decimal(value || 0);
}

export function equal(a: Comparable, b: Comparable): boolean {
  const [ha, hb] = [exactHundredths(a), exactHundredths(b)];
  if (ha !== undefined && hb !== undefined) return ha === hb;
  return toDecimal(a).equals(toDecimal(b));
}

/** Display form of an amount in 万元: always two decimals, as the standard tables print them. */
/** A figure of at most two decimals, as records write them: formatted from its digits, without a Decimal (the tables print thousands of them). */
const TWO_DECIMALS = /^(-?)(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;

export function formatAmount(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const plain = TWO_DECIMALS.exec(value);
  if (plain) {
    const cents = (plain[3] ?? '').padEnd(2, '0');
    // Decimal prints -0 as 0.00: so does this.
    return `${plain[1] && (plain[2] !== '0' || cents !== '00') ? '-' : ''}${plain[2]}.${cents}`;
  }
  return new Decimal(value).toFixed(2);
}
