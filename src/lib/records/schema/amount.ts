import { z } from 'zod';

/**
 * Amounts are kept as canonical decimal strings ("24487.92") so that no binary
 * float ever touches money; arithmetic goes through `decimal.ts`.
 *
 * Hand-edited spreadsheets bring thousands separators and unit suffixes.
 * What is unambiguous is accepted (`1,234.5万` in a 万元 table is 1234.5);
 * anything else (misplaced commas, other units, words) is rejected.
 */
const CANONICAL = /^-?\d+(\.\d+)?$/;
/** Thousands grouped by commas or by spaces, the same separator throughout: 1,234,567.89 or 1 234 567.89. */
const GROUPED = /^-?\d{1,3}([,\s])\d{3}(?:\1\d{3})*(\.\d+)?$/;

export type AmountParse = { ok: true; value: string | null } | { ok: false; reason: string };

/** What the importer writes: no sign or a minus, no leading zero, at most two decimals. Most cells are like this. */
const PLAIN = /^-?(?:0|[1-9]\d*)(?:\.\d{1,2})?$/;

/**
 * Read an amount in 万元 (or the `unit` a message names). Spaces are taken only around the figure and
 * between groups of thousands: `9.3 6` or `12 34` could be two figures run
 * together, and an amount with more than `decimals` places (two for 万元,
 * to the hundred yuan as the tables print them) would be shown rounded while
 * its sum used the unrounded figure. With `unitSuffix: false` (a count, or
 * a table in another unit) a trailing 万 is refused: `4万` read as 4 would
 * lose a factor of ten thousand.
 */
export function parseAmount(raw: string, options: { decimals?: number; unitSuffix?: boolean; unit?: string } = {}): AmountParse {
  const unitName = options.unit ?? '万元';
  if (PLAIN.test(raw)) return { ok: true, value: raw };
  let text = raw.trim();
  if (text === '') return { ok: true, value: null };
  text = text.replace(/，/g, ',').replace(/．/g, '.');
  // The unit is found at the end and the spaces before it trimmed apart: `\s*(万元|万)$` took quadratic time on a long run of spaces.
  const unit = options.unitSuffix === false ? null : /(?:万元|万)$/.exec(text);
  if (unit) text = text.slice(0, unit.index).trimEnd();
  const body = CANONICAL.test(text) ? text : GROUPED.test(text) ? text.replace(/[,\s]/g, '') : undefined;
  if (body === undefined) return { ok: false, reason: `expected an amount in ${unitName} such as 1234.56, found "${raw}"` };
  const decimals = options.decimals ?? 2;
  if ((body.split('.')[1]?.length ?? 0) > decimals) {
    return { ok: false, reason: `expected an amount in ${unitName} with at most ${decimals} decimals, found "${raw}"` };
  }
  return { ok: true, value: normalise(body) };
}

function normalise(text: string): string {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [int = '0', frac] = body.split('.');
  const trimmedInt = int.replace(/^0+(?=\d)/, '');
  return `${negative ? '-' : ''}${trimmedInt}${frac === undefined ? '' : `.${frac}`}`;
}

/** A required amount: a number, `null` is not allowed. */
export const amountSchema = z.union([z.string(), z.number()]).transform((input, ctx) => {
  const parsed = parseAmount(String(input));
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }
  if (parsed.value === null) {
    ctx.addIssue({ code: 'custom', message: 'expected an amount, found an empty value' });
    return z.NEVER;
  }
  return parsed.value;
});

/** An amount that may be blank (an empty cell in a published table). */
export const optionalAmountSchema = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((input, ctx) => {
    if (input === null || input === undefined) return null;
    const parsed = parseAmount(String(input));
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.reason });
      return z.NEVER;
    }
    return parsed.value;
  });
