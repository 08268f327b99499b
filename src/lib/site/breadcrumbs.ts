import { regionPath, urlFor } from '../records/filing-path.ts';
import type { FilingDeclaration } from '../records/schema/filing.ts';
import { HOME_URL, departmentUrl } from './urls.ts';

export interface Crumb {
  label: string;
  /** Omitted for the current page. */
  href?: string | undefined;
}

export const HOME_CRUMB: Crumb = { label: '首页', href: HOME_URL };

/** 首页 › 河北省 › 廊坊市 › 永清县; the last region is the current page unless `linkLast`. */
export function regionCrumbs(segments: readonly string[], linkLast = false): Crumb[] {
  return [
    HOME_CRUMB,
    ...segments.map((label, i) => (i < segments.length - 1 || linkLast ? { label, href: urlFor(segments.slice(0, i + 1)) } : { label })),
  ];
}

export function filingCrumbs(filing: Pick<FilingDeclaration, 'region' | 'department' | 'year' | 'kind'>): Crumb[] {
  return [...regionCrumbs(regionPath(filing), true), { label: filing.department.name, href: departmentUrl(filing) }, { label: `${filing.year}年${filing.kind}` }];
}
