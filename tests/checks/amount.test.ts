import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/lib/records/schema/amount.ts';

describe('parseAmount', () => {
  it.each([
    ['1,234.5万', '1234.5'],
    ['1,234.5 万元', '1234.5'],
    ['0024487.92', '24487.92'],
    ['-3.10', '-3.10'],
    ['1，234．50', '1234.50'],
    ['  6.00\u3000', '6.00'],
    [' 1 234.50 ', '1234.50'],
    ['1 234 567.89', '1234567.89'],
  ])('accepts %j as %s', (raw, value) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value });
  });

  it('reads an empty cell as no amount', () => {
    expect(parseAmount('  ')).toEqual({ ok: true, value: null });
  });

  it.each(['1,23.4', '约100', '100元', '1.2.3', '12,34', '≥95%', '1e3', '9.3 6', '12 34', '1 234,567', '1,234 567'])('rejects %j, quoting it', (raw) => {
    expect(parseAmount(raw)).toEqual({ ok: false, reason: `expected an amount in 万元 such as 1234.56, found "${raw}"` });
  });

  it.each(['12.345', '9.355', '1,234.567万'])('rejects %j: more than two decimals would be shown rounded but summed unrounded', (raw) => {
    expect(parseAmount(raw)).toEqual({ ok: false, reason: `expected an amount in 万元 with at most 2 decimals, found "${raw}"` });
  });

  it('takes more decimals where the caller allows them (counts and ratios, not money)', () => {
    expect(parseAmount('0.125', { decimals: Infinity })).toEqual({ ok: true, value: '0.125' });
  });

  it('refuses 万 where the figure is not in 万元 (a count, or a table in another unit)', () => {
    expect(parseAmount('4万', { decimals: Infinity, unitSuffix: false })).toEqual({ ok: false, reason: 'expected an amount in 万元 such as 1234.56, found "4万"' });
  });
});
