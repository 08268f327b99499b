import { siteConfig } from '../site/site-config.ts';
import type { FilingDeclaration } from './schema/filing.ts';

type Identity = Pick<FilingDeclaration, 'region' | 'department' | 'year' | 'kind'>;

/** Region names from the province down, as they appear in URLs and folders. */
export function regionPath(f: Pick<FilingDeclaration, 'region'>): string[] {
  return [f.region.province, f.region.city, f.region.county].filter((s): s is string => Boolean(s));
}

/** Folder and URL segment of a department: `316-人力资源和社会保障局`, or the short name alone when there is no code. */
export function departmentSegment(f: Pick<FilingDeclaration, 'department'>): string {
  return f.department.code ? `${f.department.code}-${f.department.shortName}` : f.department.shortName;
}

/** The name a source document is published under, beside the filing's pages: `source/<file name>`. */
export function sourceFileName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** `2024-预算` */
export function filingSegment(f: Pick<FilingDeclaration, 'year' | 'kind'>): string {
  return `${f.year}-${f.kind}`;
}

/**
 * The path segments of a filing. The same segments name its folder under
 * `content/filings/` and its page URL, so a URL never changes when other
 * filings are added, and a folder that does not match its record is caught.
 */
export function filingSegments(f: Identity): string[] {
  return [...regionPath(f), departmentSegment(f), filingSegment(f)];
}

export function filingId(f: Identity): string {
  return filingSegments(f).join('/');
}

export function departmentId(f: Omit<Identity, 'year' | 'kind'>): string {
  return [...regionPath(f), departmentSegment(f)].join('/');
}

/** URL of a page below the site's base path (content/site.yaml), with a trailing slash; segments are left unencoded for Astro routes. */
export function urlFor(segments: readonly string[]): string {
  return segments.length === 0 ? siteConfig.basePath : `${siteConfig.basePath}${segments.join('/')}/`;
}
