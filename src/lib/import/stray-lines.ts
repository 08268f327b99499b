import { PROJECT_TITLE } from './projects.ts';
import { cellText, isPageFurniture, numericCell } from './text.ts';

/** `一、…`, `第N部分`, `注：…`, or a title ending in 表 (`部门预算支出总表`). */
const OPENS_PART = /^(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十]+部分|注\s*[：:])|^\S.{0,38}表$/;

/** A line that opens a part of the document (a heading, a 注 line, a table's title), never the rest of a cell. */
export function opensPart(text: string): boolean {
  const t = text.trim();
  return OPENS_PART.test(t) || PROJECT_TITLE.test(t);
}

/**
 * A row that a converter made of a line standing outside the table: one
 * filled cell holding a heading, a title, a 注 line or a page number that
 * cannot be a figure (`- 3 -`, `第3页`, `3/25`). Its text, or null for a row
 * of the table. A lone plain number stays a row: it may be an amount.
 */
export function strayRow(cells: readonly string[]): string | null {
  const filled = cells.map(cellText).filter((c) => c !== '');
  if (filled.length !== 1) return null;
  const text = filled[0]!;
  if (opensPart(text)) return text;
  if (isPageFurniture(text) && /\d/.test(text) && numericCell(text) === null) return text;
  return null;
}
