import type { Rule } from '../rule.ts';
import { columnSums } from './column-sums.ts';

/** Every rule, in the order their findings are listed. */
export const rules: readonly Rule[] = [columnSums];
