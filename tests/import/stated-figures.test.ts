import { describe, expect, it } from 'vitest';
import { extractStatedFigures } from '../../src/lib/import/stated-figures.ts';

describe('figures the 情况说明 states', () => {
  it('reads 预算收入 as the income total, and a fund’s 预算收入 (一般公共预算收入) never as it', () => {
    const fundOnly = extractStatedFigures([{ id: 'overview', prose: '2021年一般公共预算收入28908.37万元，政府性基金预算收入6000万元。' }]);
    expect(fundOnly['income.total']).toBeUndefined();
    const total = extractStatedFigures([{ id: 'overview', prose: '2021年预算收入34908.37万元，其中：一般公共预算收入28908.37万元。' }]);
    expect(total['income.total']?.value).toBe('34908.37');
  });
});
