import { departmentSegment, filingSegments, regionPath, sourceFileName, urlFor } from '../records/filing-path.ts';
import type { FilingDeclaration } from '../records/schema/filing.ts';

type Identity = Pick<FilingDeclaration, 'region' | 'department' | 'year' | 'kind'>;

/** `/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/` */
export function filingUrl(f: Identity): string {
  return urlFor(filingSegments(f));
}

/** `/河北省/廊坊市/永清县/316-人力资源和社会保障局/` */
export function departmentUrl(f: Pick<FilingDeclaration, 'region' | 'department'>): string {
  return urlFor([...regionPath(f), departmentSegment(f)]);
}

export function printUrl(f: Identity): string {
  return `${filingUrl(f)}print/`;
}

/** The whole record as JSON (src/pages/[...filing]/filing.json.ts). */
export function jsonUrl(f: Identity): string {
  return `${filingUrl(f)}filing.json`;
}

/** One table as CSV, written by integrations/exports.ts. */
export function csvUrl(f: Identity, tableId: string): string {
  return `${filingUrl(f)}tables/${tableId}.csv`;
}

/** A source document, copied by integrations/exports.ts under source/ by its file name, whatever folder the record keeps it in. */
export function sourceUrl(f: Identity, file: string): string {
  return `${filingUrl(f)}source/${sourceFileName(file)}`;
}


export const SEARCH_URL = '/search/';
export const GLOSSARY_URL = '/glossary/';
