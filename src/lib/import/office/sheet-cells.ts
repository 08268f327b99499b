import type { CellObject } from '@e965/xlsx';
import { SSF } from '@e965/xlsx';
import Decimal from 'decimal.js';

/**
 * Significant digits a typed or imported figure can have and still survive
 * a float64 exactly; a stored number whose shortest decimal needs more is
 * the residue of arithmetic (`=A1+A2` giving 0.30000000000000004), not a
 * figure anyone wrote.
 */
const EXACT_DIGITS = 15;
/**
 * A stored number this close (relatively) to what its format shows differs
 * from it only by the residue of sums (25332.929999999993 after many
 * additions); a figure someone typed differs by far more.
 */
const RESIDUE = new Decimal('1e-9');

/**
 * Decimals a number format shows: `#,##0.00` → 2, `0.0%` → 3 (a percentage
 * shows the stored number times 100), `General` → undefined. Only the
 * positive section counts; quoted text and escapes are not digits.
 */
export function formatDecimals(format: string | undefined): number | undefined {
  if (!format || /^general$/i.test(format)) return undefined;
  // A bracket ends at the next `]` or `[`: brackets do not nest, and `[[[…` that no `]` closes was scanned to the end from each `[`.
  const section = format.split(';')[0]!.replace(/"[^"]*"|\\.|\[[^\][]*\]/g, '');
  const match = /[0#?][0#?,]*(?:\.([0#?]*))?/.exec(section);
  if (!match) return undefined;
  const percent = section.includes('%') ? 2 : 0;
  return (match[1]?.length ?? 0) + percent;
}

/**
 * A stored number as its shortest decimal string, never in exponent form,
 * without binary-float residue. Residue goes by rounding to the decimals the
 * cell's format shows (what the document printed) when the number is within
 * RESIDUE of that, else, when the shortest decimal needs more than 15
 * significant digits, to 15 (what a float holds exactly). A figure stored
 * with more decimals than its format shows (0.1234 as `0.0`) stays as stored.
 * Trailing zeros go: the stored value has none.
 */
export function storedNumber(value: number, format?: string): string {
  if (Object.is(value, -0)) return '0';
  const shortest = new Decimal(String(value));
  const decimals = formatDecimals(format);
  let clean = shortest;
  if (decimals !== undefined && shortest.decimalPlaces() > decimals) {
    const shown = shortest.toDecimalPlaces(decimals);
    if (shown.minus(shortest).abs().lte(RESIDUE.times(Decimal.max(1, shortest.abs())))) clean = shown;
  }
  if (clean === shortest && shortest.precision(true) > EXACT_DIGITS) clean = shortest.toSignificantDigits(EXACT_DIGITS);
  return clean.isZero() ? '0' : clean.toFixed();
}

/**
 * One cell as the importer's text: strings as stored (untrimmed), numbers as
 * stored (not as formatted: `2940.05`, not `2,940.05`), dates, booleans and
 * errors as the text Excel shows.
 */
export function cellString(cell: CellObject | undefined): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'n': {
      const format = typeof cell.z === 'string' ? cell.z : undefined;
      if (typeof cell.v !== 'number') return cell.w ?? '';
      if (format && SSF.is_date(format)) return cell.w ?? storedNumber(cell.v);
      return storedNumber(cell.v, format);
    }
    case 'z':
      return '';
    default:
      return cell.w ?? String(cell.v ?? '');
  }
}
