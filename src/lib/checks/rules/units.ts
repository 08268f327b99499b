import type { FindingList, RuleInfo } from '../rule.ts';
import { describe, tableOf } from '../figures.ts';
import { formatMoney } from '../money.ts';
import { tableName, uncheckedRule } from './unchecked.ts';

/**
 * A table whose figures are not in the unit its caption declares: declared
 * 元 with the 万元 figures of the other tables, or 万元 with figures ten
 * thousand times theirs (unit-reading.ts tells which). Reported by the rule
 * that compares across tables (`cross-table`), as a warning naming the table
 * and the two units with one pair of figures as evidence: the comparisons
 * read the table in the unit its figures show, so one wrong caption is not
 * an error at every figure it shares.
 */
export function reportUnits(rule: RuleInfo, out: FindingList): void {
  const kind = out.filing.kind;
  for (const { table, declared, shown, evidence } of out.units.contradictions) {
    const { mine, theirs, theirUnit } = evidence;
    const beside = tableOf(theirs);
    const other = beside ? tableName(beside, kind) : '情况说明';
    out.table(uncheckedRule(rule), { table }, {
      expected: shown,
      found: declared,
      message: `${tableName(table, kind)} 标明单位为${declared}，但其数字按${shown}计才与${other}相符：${describe(mine, kind)} ${formatMoney({ value: mine.value, unit: declared })}，${describe(theirs, kind)} ${formatMoney({ value: theirs.value, unit: theirUnit })}；与其他表和情况说明核对时按${shown}计`,
    });
  }
}
