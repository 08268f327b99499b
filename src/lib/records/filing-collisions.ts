import { FILING_FILE } from './schema/filing.ts';
import type { Problem } from './record-error.ts';
import { departmentId, regionPath } from './filing-path.ts';
import { identityKey } from './clean-text.ts';
import type { Filing } from './load-filing.ts';

/**
 * A department-year is the same whether its folder carries the department
 * code or not (`316-人力资源和社会保障局` and `人力资源和社会保障局`): it is
 * known by its region and code, or by its full name, which carries its
 * region (永清县…), within the province, so a record filed under a shorter
 * region path is the same department too. Names, of regions as of
 * departments, are compared as read (clean-text.ts identityKey): without
 * spaces or characters that print nothing, and with look-alike forms
 * (⼈ for 人, full-width letters) folded by NFKC.
 */
export function departmentYearKeys(f: Pick<Filing, 'region' | 'department' | 'year' | 'kind'>): string[] {
  const period = `${f.year}-${f.kind}`;
  const name = identityKey(f.department.name);
  return [`${identityKey(f.region.province)}/${period}#name:${name}`, ...(f.department.code ? [`${[...regionPath(f).map(identityKey), period].join('/')}#code:${f.department.code}`] : [])];
}

/**
 * The problem when this filing's department-year is already in `seen`
 * (department-year key → folder); otherwise records it there.
 */
export function duplicateDepartmentYear(
  f: Pick<Filing, 'region' | 'department' | 'year' | 'kind' | 'dir'>,
  seen: Map<string, string>,
): Problem | undefined {
  const keys = departmentYearKeys(f);
  const previous = keys.map((k) => seen.get(k)).find((d) => d !== undefined);
  if (previous) {
    return {
      file: `${f.dir}/${FILING_FILE}`,
      field: 'department',
      message: `duplicate department-year: ${f.department.name} ${f.year} ${f.kind} is already filed in ${previous}`,
    };
  }
  for (const key of keys) seen.set(key, f.dir);
  return undefined;
}

/**
 * A department's page and a region's page with one address: a short name
 * 永清县 under 廊坊市 with no county is the address of 永清县's own page, and
 * the build keeps one of the two, silently. One problem per department whose
 * address is a region's.
 */
export function addressConflicts(filings: readonly Pick<Filing, 'region' | 'department' | 'dir'>[]): Problem[] {
  const regions = new Set(filings.flatMap((f) => regionPath(f).map((_, i, path) => path.slice(0, i + 1).join('/'))));
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const f of filings) {
    const address = departmentId(f);
    if (!regions.has(address) || reported.has(address)) continue;
    reported.add(address);
    problems.push({
      file: `${f.dir}/${FILING_FILE}`,
      field: 'department.shortName',
      message: `the department's page would have the address /${address}/, which is the page of the region ${address}: give the region its county or city, or the department its code`,
    });
  }
  return problems;
}
