import type { FilingSummary } from '../records/filing-loader.ts';
import { departmentId } from '../records/filing-path.ts';

type Identity = Pick<FilingSummary, 'id' | 'region' | 'department' | 'year' | 'kind'>;

/**
 * For each filing, the same department's latest earlier filing of the same
 * kind (the 2023 预算 for the 2024 预算), by filing id. One pass over the
 * portal's filings with a map by department: cheap at 10,000 filings.
 */
export function previousFilings<T extends Identity>(filings: readonly T[]): Map<string, T> {
  const byDepartment = new Map<string, T[]>();
  for (const f of filings) {
    const key = `${departmentId(f)}\u0000${f.kind}`;
    const list = byDepartment.get(key);
    if (list) list.push(f);
    else byDepartment.set(key, [f]);
  }
  const previous = new Map<string, T>();
  for (const list of byDepartment.values()) {
    list.sort((a, b) => a.year - b.year);
    list.forEach((f, i) => {
      const before = list.slice(0, i).findLast((p) => p.year < f.year);
      if (before) previous.set(f.id, before);
    });
  }
  return previous;
}
