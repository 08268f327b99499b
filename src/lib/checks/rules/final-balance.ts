import type { Rule } from '../rule.ts';
import { standardTable } from '../table-view.ts';
import { checkSummary, SUMMARIES, type SummaryWords } from './balance.ts';
import { Unchecked } from './unchecked.ts';

/** What a 决算's summaries print between 本年合计 and 总计, in the template's words. */
const CARRIED: Record<(typeof SUMMARIES)[number], { 收入: string; 支出: string }> = {
  'income-expenditure-summary': { 收入: '使用非财政拨款结余 + 年初结转和结余', 支出: '结余分配 + 年末结转和结余' },
  'fiscal-summary': { 收入: '年初财政拨款结转和结余', 支出: '年末财政拨款结转和结余' },
};

const wordsFor = (key: (typeof SUMMARIES)[number]): SummaryWords => ({
  // Both columns print 总计: the messages say which side's.
  grand: (name) => `${name}栏总计`,
  carried: (name) => CARRIED[key][name],
  carriedFound: (_, labels) => labels.join(' + '),
});

/**
 * A 决算's 收入支出决算总表: 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余
 * = 总计 = 本年支出合计 + 结余分配 + 年末结转和结余, the two 总计 equal, and
 * each 本年合计 the sum of the lines above it. Its 财政拨款收入支出决算总表:
 * 本年收入合计 + 年初财政拨款结转和结余 = 总计 = 本年支出合计 + 年末财政拨款结转和结余
 * in every fund's column, 年初财政拨款结转和结余 = its breakdown by fund.
 * The rows between 本年合计 and 总计 are those the table prints there, so a
 * template with one more (用事业基金弥补收支差额) is summed as printed.
 */
export const finalBalance: Rule = {
  id: 'final-balance',
  severity: 'error',
  description: '收入支出决算总表、财政拨款收入支出决算总表：收入、支出两栏总计相等；本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 总计 = 本年支出合计 + 结余分配 + 年末结转和结余；本年合计 = 所列各项之和；年初结转和结余 = 其下分项之和',
  kinds: ['决算'],
  check(filing, out) {
    const unchecked = new Unchecked(this, out);
    for (const key of SUMMARIES) {
      const table = standardTable(filing, key);
      if (table) checkSummary(this, out, table, unchecked, wordsFor(key));
    }
    unchecked.report();
  },
};
