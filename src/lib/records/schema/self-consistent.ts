import type { z } from 'zod';
import type { FilingKind } from './filing.ts';

/**
 * A record that says one thing in its fields and another in its title: a
 * filing declared 决算 whose title (or a standard table's title) says 预算,
 * or a year that is not the title's. Such a record would be published under
 * the wrong address and compared with the wrong filings, so it is refused.
 */

/** The kind a title names: 部门预算, 2024年度决算, 预算公开 … (not 一般公共预算, which is a fund). */
const TITLE_KIND = /(?:部门|年度?|单位)\s*(预算|决算)|(预算|决算)\s*(?:信息)?公开/;
/** A standard table's title names its kind before 表 (收入支出决算总表, 部门预算收支总表). */
const TABLE_KIND = /(?:部门(预算|决算))|(决算)(?:明细)?总?表$/;
const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;

interface Declared {
  title: string;
  kind: FilingKind;
  year: number;
  tables: { standard?: string | undefined; title: string }[];
}

function kindOf(match: RegExpExecArray | null): string | undefined {
  return match?.slice(1).find((g) => g !== undefined);
}

export function selfConsistent(payload: z.core.ParsePayload<Declared>): void {
  if (payload.issues.length > 0) return;
  const { title, kind, year, tables } = payload.value;
  const titleKind = kindOf(TITLE_KIND.exec(title));
  if (titleKind && titleKind !== kind) {
    payload.issues.push({ code: 'custom', path: ['kind'], input: kind, message: `expected ${titleKind}, as the title "${title}" says, found ${kind}: correct the kind or the title` });
  }
  const titleYear = TITLE_YEAR.exec(title)?.[1];
  if (titleYear && Number(titleYear) !== year) {
    payload.issues.push({ code: 'custom', path: ['year'], input: year, message: `expected ${titleYear}, as the title "${title}" says, found ${year}: correct the year or the title` });
  }
  tables.forEach((table, i) => {
    const tableKind = table.standard ? kindOf(TABLE_KIND.exec(table.title)) : undefined;
    if (tableKind && tableKind !== kind) {
      payload.issues.push({ code: 'custom', path: ['tables', i, 'title'], input: table.title, message: `expected a ${kind} table, found "${table.title}", a ${tableKind} table, in a filing declared ${kind}` });
    }
  });
}
