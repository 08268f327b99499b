/**
 * The search page's filters, served by Pagefind (integrations/pagefind.ts):
 * one custom record per filing, with these filters and that meta, named here
 * for the builder and the page alike. This module must not reach Node-only
 * code: the page imports it.
 */

/** The filters, in the order a reader narrows a search. */
export const FILTERS = ['地区', '年度', '类型'] as const;
export type FilterName = (typeof FILTERS)[number];

/** The meta of each record, what a list of filings without a query shows. */
export interface FilterMeta {
  title: string;
  /** The region's names from province to county, separated by spaces. */
  region: string;
  department: string;
  year: string;
  kind: string;
}

/**
 * In the Pagefind bundle's folder: Pagefind's result id of each page of the
 * site's own index, by page number (a JSON array), without the language
 * before its `_` (zh-cn_1a2b3c4 → 1a2b3c4). A result of Pagefind names only
 * its fragment; this lets the page intersect Pagefind's pages with its own
 * index's without fetching a fragment per page.
 */
export const PAGE_IDS_FILE = 'gongkai-pages.json';

/** A Pagefind result id as PAGE_IDS_FILE lists it. */
export const pageIdKey = (id: string): string => id.slice(id.indexOf('_') + 1);
