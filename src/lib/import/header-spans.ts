import type { TableBlock, TableRow } from './blocks.ts';
import { cellText, compact, numericCell } from './text.ts';

/**
 * A table's header where the reader knows its merged cells (PDF rulings,
 * Word gridSpan/vMerge, Excel merges). Text forms write a merged label once
 * and leave blanks that the header reading has to guess about (does a blank
 * continue the label above, or the group on its left?); here nothing is
 * guessed: each covered cell takes its merged cell's label, and the header
 * is written back in the one form the header reading takes without doubt.
 */

const TOTAL = /^(合计|总计)$/;

/** The first row of the table body: a figure (not the 栏次 row), or a 合计 / 总计 row of an empty table. */
function isBodyRow(row: TableRow): boolean {
  const cells = row.cells.map((c) => compact(c));
  if (cells[0] === '栏次') return false;
  const first = cells.find((c) => c !== '');
  return cells.some((c) => numericCell(c) !== null) || (first !== undefined && TOTAL.test(first));
}

/** How many rows the header of a table's first page has. */
export function headerDepth(rows: readonly TableRow[]): number {
  const body = rows.findIndex(isBodyRow);
  return body < 0 ? rows.length : body;
}

const key = (row: TableRow) => row.cells.map((c) => compact(c)).join('|');

/** A continuation page that repeats the first page's header has it dropped: the first page's header is the table's. */
export function dropRepeatedHeaders(pages: readonly TableBlock[]): TableBlock[] {
  const [first, ...rest] = pages;
  if (!first) return [];
  const depth = headerDepth(first.rows);
  const header = first.rows.slice(0, depth).map(key);
  return [
    first,
    ...rest.map((page) => (depth > 0 && page.rows.length > depth && header.every((k, i) => key(page.rows[i]!) === k) ? { ...page, rows: page.rows.slice(depth), line: page.rows[depth]!.line } : page)),
  ];
}

/** Every covered cell of the first page's header takes the label of the merged cell covering it. */
export function resolveHeaderSpans(pages: readonly TableBlock[]): TableBlock[] {
  const [first, ...rest] = pages;
  if (!first) return [];
  const depth = headerDepth(first.rows);
  const rows = first.rows.map((row, r) => {
    const { coveredBy, ...plain } = row;
    if (r >= depth || !coveredBy) return plain;
    return { ...plain, cells: row.cells.map((c, k) => (cellText(c) === '' ? (coveredBy[k] ?? '') : c)) };
  });
  return [{ ...first, rows }, ...rest.map((p) => ({ ...p, rows: p.rows.map(({ coveredBy: _, ...plain }) => plain) }))];
}

/**
 * The header rewritten from its column paths: at each level a label stands
 * once, at the first column of the run of columns it heads, with blanks to
 * its right; a column whose path is shorter has blanks below its last label.
 */
export function canonicalHeader(pages: readonly TableBlock[]): TableBlock[] {
  const [first, ...rest] = pages;
  if (!first) return [];
  const depth = headerDepth(first.rows);
  // The 栏次 row numbers the columns: it stays below the header as printed.
  const lanes = first.rows.slice(0, depth).findIndex((r) => compact(r.cells[0] ?? '') === '栏次');
  const header = first.rows.slice(0, lanes >= 0 ? lanes : depth);
  if (header.length === 0) return [...pages];
  const width = header[0]!.cells.length;
  const paths = Array.from({ length: width }, (_, c) => {
    const path: string[] = [];
    for (const row of header) {
      const label = cellText(row.cells[c] ?? '');
      if (label !== '' && path[path.length - 1] !== label) path.push(label);
    }
    return path;
  });
  const levels = Math.max(1, ...paths.map((p) => p.length));
  const prefix = (c: number, level: number) => paths[c]!.slice(0, level + 1).join('\u0000');
  const rows: TableRow[] = Array.from({ length: levels }, (_, level) => ({
    ...header[Math.min(level, header.length - 1)]!,
    cells: paths.map((path, c) => {
      const label = path[level];
      if (label === undefined) return '';
      return c > 0 && paths[c - 1]!.length > level && prefix(c - 1, level) === prefix(c, level) ? '' : label;
    }),
  }));
  return [{ ...first, rows: [...rows, ...first.rows.slice(header.length)] }, ...rest];
}
