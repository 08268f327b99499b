import type { FilingKind } from '../../records/schema/filing.ts';
import type { Rule } from '../rule.ts';
import { columnSums } from './column-sums.ts';
import { rowSums } from './row-sums.ts';
import { threePublicSum } from './three-public-sum.ts';
import { fundingTotals } from './funding-totals.ts';
import { balance } from './balance.ts';
import { finalBalance } from './final-balance.ts';
import { crossTable } from './cross-table.ts';
import { finalCrossTable } from './final-cross-table.ts';
import { operatingCosts, statedFigures, statedSums } from './stated-figures.ts';
import { statedComparisons } from './stated-comparisons.ts';
import { codeHierarchy, codeNames } from './codes.ts';
import { classificationDepth, emptyTables, listedTables, noStandardTables, requiredTables } from './completeness.ts';
import { numbering } from './numbering.ts';
import { unreadRows } from './unread-rows.ts';
import { projectBudgets } from './project-budgets.ts';

/** Every rule, in the order their findings are listed. */
export const rules: readonly Rule[] = [
  requiredTables,
  listedTables,
  noStandardTables,
  emptyTables,
  codeHierarchy,
  unreadRows,
  classificationDepth,
  codeNames,
  columnSums,
  rowSums,
  threePublicSum,
  fundingTotals,
  balance,
  finalBalance,
  crossTable,
  finalCrossTable,
  statedFigures,
  statedSums,
  statedComparisons,
  operatingCosts,
  projectBudgets,
  numbering,
];

/** The rules that check a filing of `kind`, in order. */
export function rulesFor(kind: FilingKind): Rule[] {
  return rules.filter((rule) => !rule.kinds || rule.kinds.includes(kind));
}
