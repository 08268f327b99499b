import { describe, expect, it } from 'vitest';
import { Decimal, equal, formatAmount, sum } from '../../src/lib/records/decimal.ts';

describe('exact decimal arithmetic for amounts', () => {
  it('adds without binary rounding', () => {
    expect(sum(['0.1', '0.2']).toString()).toBe('0.3');
    expect(sum(Array.from({ length: 1000 }, () => '0.01')).toFixed(2)).toBe('10.00');
    // The 永清县 2024 基本支出表 商品和服务支出 款 rows: the source prints 124.38 for their sum.
    expect(sum(['6.05', '3.63', '1.52', '4.04', '0.44', '12.12', '2.18', '0.96', '3.46', '71.94', '8.20', '2.34', '7.51']).toFixed(2)).toBe('124.39');
  });

  it('treats blank cells as zero in sums and comparisons', () => {
    expect(sum([null, undefined, '', '5.00']).toFixed(2)).toBe('5.00');
    expect(equal(null, '0.00')).toBe(true);
    expect(equal('24487.92', '24487.920')).toBe(true);
    expect(equal('24487.92', '24487.93')).toBe(false);
  });

  it('adds negative amounts and amounts of more than two decimals exactly, mixed with ordinary ones', () => {
    expect(sum(['-1.50', '2', '0.005', '0.001']).toString()).toBe('0.506');
    expect(sum(['-3.25', '-0.75']).toFixed(2)).toBe('-4.00');
    expect(equal('-0.10', '-0.1')).toBe(true);
    expect(equal('1.005', '1.00')).toBe(false);
    expect(equal(sum(['1.004', '0.006']), '1.01')).toBe(true);
    expect(equal(sum(['1.50', '2.25']), '3.75')).toBe(true);
    expect(equal(sum(['1.50', '2.25']), '3.76')).toBe(false);
    expect(equal(sum([]), null)).toBe(true);
  });

  it('keeps large amounts exact', () => {
    expect(sum(['9007199254740993.01', '0.01']).toFixed(2)).toBe('9007199254740993.02');
  });

  it('prints amounts with two decimals and blanks as blank', () => {
    expect(formatAmount('6')).toBe('6.00');
    expect(formatAmount('845.0100')).toBe('845.01');
    expect(formatAmount(null)).toBe('');
    expect(formatAmount('')).toBe('');
  });

  it('formats every form a record writes as decimal.js does, signs and zeros included', () => {
    const forms = ['0', '-0', '0.0', '-0.00', '-0.01', '7', '-7', '7.5', '-7.5', '7.05', '1234567890123456789.12', '0.10', '10', '-10.00', '845.0100', '1.005', '-0.004', '12.3456'];
    expect(forms.map(formatAmount)).toEqual(forms.map((v) => new Decimal(v).toFixed(2)));
  });
});
