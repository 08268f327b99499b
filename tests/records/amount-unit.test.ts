import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/lib/records/schema/amount.ts';

describe('an amount is read in its table’s unit', () => {
  it('names the unit of the table in its message', () => {
    expect(parseAmount('12.345', { unit: '元', unitSuffix: false })).toEqual({ ok: false, reason: 'expected an amount in 元 with at most 2 decimals, found "12.345"' });
    expect(parseAmount('约100', { unit: '元', unitSuffix: false })).toEqual({ ok: false, reason: 'expected an amount in 元 such as 1234.56, found "约100"' });
    expect(parseAmount('约100')).toEqual({ ok: false, reason: 'expected an amount in 万元 such as 1234.56, found "约100"' });
  });

  it('reads a cell with a long run of spaces in linear time (no backtracking before the unit)', () => {
    const cell = `1${' '.repeat(200_000)}x`;
    const start = performance.now();
    expect(parseAmount(cell).ok).toBe(false);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
