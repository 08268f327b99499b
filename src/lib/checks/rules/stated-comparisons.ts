import { Decimal } from '../../records/decimal.ts';
import type { Filing } from '../../records/load-filing.ts';
import type { ComparisonWord, StatedFigure } from '../../records/schema/stated-figures.ts';
import type { MoneyUnit } from '../../records/schema/table.ts';
import type { Rule } from '../rule.ts';
import { agree, inYuan, statedUnit, type Money } from '../money.ts';

type Order = 'more' | 'less' | 'same' | 'about';

const MEANING: Record<ComparisonWord, Order> = {
  大于: 'more',
  高于: 'more',
  超过: 'more',
  小于: 'less',
  低于: 'less',
  等于: 'same',
  持平: 'same',
  相等: 'same',
  一致: 'same',
  基本持平: 'about',
  基本一致: 'about',
};

/** 基本持平: within this share of the figure compared with (the 年初预算). */
export const ABOUT_SHARE = new Decimal('0.01');

/**
 * Whether `a <word> b` holds, the two in the units the sentence states
 * (万元 unless given): compared in 元, and 等于 across units within the
 * rounding of the coarser (money.ts).
 */
export function comparisonHolds(word: ComparisonWord, a: string, b: string, units: [MoneyUnit, MoneyUnit] = ['万元', '万元']): boolean {
  const ma: Money = { value: a, unit: units[0] };
  const mb: Money = { value: b, unit: units[1] };
  const [x, y] = [inYuan(ma), inYuan(mb)];
  switch (MEANING[word]) {
    case 'more':
      return x.greaterThan(y);
    case 'less':
      return x.lessThan(y);
    case 'same':
      return agree([ma], [mb]);
    case 'about':
      return x.minus(y).abs().lessThanOrEqualTo(y.abs().times(ABOUT_SHARE));
  }
}

/** How the two figures do compare, in words: 大于, 小于 or 等于. */
function actualWord(a: Money, b: Money): ComparisonWord {
  if (agree([a], [b])) return '等于';
  return inYuan(a).greaterThan(inYuan(b)) ? '大于' : '小于';
}

/**
 * A sentence that compares two figures it states (年初预算为 1560.05 万元，
 * 支出决算为 1511.89 万元 … 决算数小于预算数) says so rightly: 大于/高于/超过
 * a larger figure, 小于/低于 a smaller one, 等于/持平/相等/一致 the same,
 * 基本持平/基本一致 the same within 1% of the figure compared with. The two
 * figures themselves are checked against the tables by `stated-figure`.
 */
export const statedComparisons: Rule = {
  id: 'stated-comparison',
  severity: 'error',
  description: '情况说明中比较两个数字的说法（决算数大于/小于预算数、持平、基本持平）与这两个数字相符（基本持平：相差不超过预算数的 1%）',
  check(filing, out) {
    for (const [key, stated] of Object.entries(filing.statedFigures) as [keyof Filing['statedFigures'], StatedFigure][]) {
      const compared = stated.compared;
      if (!compared) continue;
      const units: [MoneyUnit, MoneyUnit] = [statedUnit(stated.quote, stated.value, filing.unit), statedUnit(stated.quote, compared.value, filing.unit)];
      if (comparisonHolds(compared.relation, stated.value, compared.value, units)) continue;
      const actual = actualWord({ value: stated.value, unit: units[0] }, { value: compared.value, unit: units[1] });
      const off = MEANING[compared.relation] === 'about' && actual !== '等于' ? `，相差超过 ${compared.value} ${units[1]}的 1%` : '';
      out.statedFigure(this, key, {
        expected: actual,
        found: compared.relation,
        message: `情况说明“${stated.quote}”说 ${stated.value} ${units[0]}${compared.relation} ${compared.value} ${units[1]}，实为${actual}${off}`,
      });
    }
  },
};
