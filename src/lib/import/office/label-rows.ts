import { cellText } from '../text.ts';

/** `单位：万元`, `部门：316 永清县人力资源和社会保障局`, `预算年度：2024`: a label, a colon, a value. */
const LABELLED = /^[^\s：:]{1,10}\s*[：:]\s*\S/;

/**
 * A table whose every filled cell is a `label：value` line is the page
 * header printed above a table (部门 on the left, 单位 on the right, laid out
 * with a borderless table or two cells of one row), not a table: its cells
 * are lines of text, left to right, top to bottom. No table's header or
 * body cells read that way.
 */
export function labelLines(rows: readonly (readonly string[])[]): string[] | null {
  const filled = rows.map((cells) => cells.filter((c) => cellText(c) !== ''));
  if (filled.every((cells) => cells.length > 0 && cells.every((c) => LABELLED.test(cellText(c))))) return filled.flat();
  return null;
}
