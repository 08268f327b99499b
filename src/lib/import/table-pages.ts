import type { TableBlock, TableRow } from './blocks.ts';
import type { ColumnDraft } from './columns.ts';
import { chooseHeaderReading } from './header-check.ts';
import { headerReadings } from './header-readings.ts';
import { ImportError, type ImportReport } from './report.ts';
import { cellText, compact, numericCell } from './text.ts';

export interface MergedTable {
  columns: ColumnDraft[];
  columnNumbers: boolean;
  rows: string[][];
}

/** Header rows: through the 栏次 row when there is one, else the rows above the first row that holds a figure or a 序号. */
function headerCount(rows: readonly TableRow[]): { count: number; columnNumbers: boolean } {
  const lanes = rows.findIndex((r) => compact(r.cells[0] ?? '') === '栏次');
  if (lanes >= 0 && lanes < 6) return { count: lanes + 1, columnNumbers: true };
  let count = 1;
  while (count < rows.length) {
    const above = rows[count - 1]!.cells.map(cellText);
    const row = rows[count]!.cells.map(cellText);
    const isData = /^\d+$/.test(compact(row[0] ?? '')) || row.some((c) => numericCell(c) !== null);
    const fillsGap = above.some((c, k) => c === '' && (row[k] ?? '') !== '') || row.length > above.length;
    if (isData || !fillsGap) break;
    count++;
  }
  return { count, columnNumbers: false };
}

const rowKey = (rows: readonly TableRow[]) => rows.map((r) => r.cells.map((c) => compact(c)).join('|')).join('\n');

/**
 * One table from the pages it is printed on. The first page's header block
 * gives the columns; a later page that starts with the header again has it
 * skipped (the first header is trusted, a different one is reported), a page
 * without one continues the rows. Blank rows are dropped and reported; a row
 * with fewer cells than the header has a missing column, which stops the import.
 */
export function mergeTablePages(file: string, title: string, line: number, pages: readonly TableBlock[], money: boolean, report: ImportReport): MergedTable {
  const [first, ...rest] = pages;
  if (!first) throw new ImportError(file, line, `table "${title}" has no header row`);
  const { count, columnNumbers } = headerCount(first.rows);
  const header = first.rows.slice(0, columnNumbers ? count - 1 : count);
  if (header.length === 0) throw new ImportError(file, first.line, `table "${title}" starts with its 栏次 row: the header rows that name its columns are missing`);
  const width = Math.max(...first.rows.slice(0, count).map((r) => r.cells.length));
  const body: TableRow[] = first.rows.slice(count);
  const firstHeader = rowKey(first.rows.slice(0, count));
  for (const page of rest) {
    const lead = compact(page.rows[0]?.cells[0] ?? '');
    if (lead === '序号' || lead === compact(first.rows[0]!.cells[0] ?? '')) {
      if (rowKey(page.rows.slice(0, count)) !== firstHeader) report.warn(page.line, `the header repeated on this page differs from the first page's (line ${first.line}); the first header is used`);
      body.push(...page.rows.slice(count));
      report.add(page.line, 'continuation', `page of "${title}" merged (${page.rows.length - count} rows)`);
    } else {
      body.push(...page.rows);
      report.add(page.line, 'continuation', `rows of "${title}" merged (${page.rows.length} rows)`);
    }
  }
  const blank = body.filter((r) => r.cells.every((c) => cellText(c) === ''));
  if (blank.length > 0) report.add(blank[0]!.line, 'skipped', `${blank.length} blank row(s) of "${title}" (no cell holds anything)`);
  const cells = body
    .filter((r) => !blank.includes(r))
    .map((r) => {
      const trimmed = [...r.cells];
      while (trimmed.length > width && cellText(trimmed[trimmed.length - 1]!) === '') trimmed.pop();
      if (trimmed.length > width) throw new ImportError(file, r.line, `a row of "${title}" has ${trimmed.length} cells, the header has ${width} columns`);
      if (trimmed.length < width) throw new ImportError(file, r.line, `a row of "${title}" has ${trimmed.length} cells, the header has ${width} columns: a column is missing`);
      return trimmed;
    });
  const readings = headerReadings(header.map((r) => r.cells), width);
  const { paths, columns, rows } = chooseHeaderReading(readings, cells, money, { file, title, line: first.line, page: first.page }, report);
  if (first.page !== undefined) report.pages.set(line, first.page);
  paths.forEach((p, c) => {
    if (p.length === 0) report.warn(first.line, `column ${c + 1} of "${title}" has no header; named ${columns[c]!.header.join('/')}`);
  });
  return { columns, columnNumbers, rows };
}
