import type { Cell, Column } from './schema/table.ts';
import { parseAmount } from './schema/amount.ts';
import { codeProblem } from './schema/classification-codes.ts';

/** A CSV cell read by its column's type: the value the checks and the page use, or what is wrong with it. */
export function validateCell(raw: string, column: Column, unit: string): { value: Cell } | { problem: string } {
  const text = raw.trim();
  switch (column.type) {
    case 'text':
      return { value: text === '' ? null : text };
    case 'seq':
      return text === '' || /^\d+$/.test(text) ? { value: text === '' ? null : text } : { problem: `expected a 序号 (whole number), found "${raw}"` };
    case 'code': {
      if (text === '') return { value: null };
      const problem = codeProblem(text, column.classification ?? 'function');
      return problem ? { problem } : { value: text };
    }
    case 'amount':
    case 'number': {
      // Counts and ratios are not money: only amounts are held to two decimals, and only amounts in a 万元 table may say 万.
      const parsed = parseAmount(text, column.type === 'number' ? { decimals: Infinity, unitSuffix: false } : { unitSuffix: unit === '万元', unit });
      if (!parsed.ok) return { problem: column.type === 'number' ? parsed.reason.replace('an amount in 万元', 'a number') : parsed.reason };
      return { value: parsed.value };
    }
  }
}
