import type { Filing } from '../records/load-filing.ts';
import { tableContext } from './filing-view.ts';

/**
 * A CSS string holding any text: every character but letters, digits and
 * spaces is written as a hex escape, so a name from a record can neither
 * end the string nor the `<style>` element it is in.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} ]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

/**
 * The running head and page numbers of a printed filing: department, year
 * and kind at the top of every page, 第 n 页 共 N 页 at the foot (CSS paged
 * media margin boxes, printed by Chromium since version 131). The table on
 * a page names itself in the header row it repeats (DataTable). Per filing,
 * so it is written into the page.
 */
export function printPageCss(f: Pick<Filing, 'department' | 'year' | 'kind'>): string {
  const head = cssString(tableContext(f));
  return `@media print{@page{@top-left{content:${head}}}}`;
}
