import { finalAccountsTableNames, standardTableKeys, standardTableNames, standardTableVariants, type StandardTableKey } from '../records/schema/table.ts';
import { compact } from './text.ts';

const quoteFold = (s: string) => compact(s).replace(/[“”"「」『』‘’']/g, '"');

const STANDARD_NAMES = standardTableKeys
  .flatMap((key) => [standardTableNames[key], finalAccountsTableNames[key], ...standardTableVariants[key]].map((name) => ({ key, name: quoteFold(name) })))
  .sort((a, b) => b.name.length - a.name.length);

/** `部门预算收支总表`, `收入支出决算总表` → income-expenditure-summary; names vary by a prefix, never by the core. */
export function standardTableKey(text: string): StandardTableKey | null {
  const c = quoteFold(text);
  if (c.length > 30) return null;
  for (const { key, name } of STANDARD_NAMES) if (c.endsWith(name) || c.endsWith(`${name}(空表)`)) return key;
  return null;
}
