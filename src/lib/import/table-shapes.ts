import type { TableBlock, TableRow } from './blocks.ts';
import type { ImportReport } from './report.ts';
import { canonicalHeader, dropRepeatedHeaders, headerDepth, resolveHeaderSpans } from './header-spans.ts';
import { cellText, compact, numericCell } from './text.ts';

/**
 * Shapes that the government templates print and the record keeps in one
 * form, whichever reader saw them: a classification code printed over
 * 类 | 款 | 项 columns becomes one code column, and a table printed as two
 * side-by-side blocks (the 基本支出表's 301/303 beside 302/310) becomes one
 * block read left block first. Works on the raw pages, before the header is
 * read, so that header paths and column types see the shape the record has.
 */

const LEVELS = ['类', '款', '项'] as const;
/** How far down the header a 类 | 款 | 项 row may stand. */
const HEADER_SEARCH = 6;

interface CodeRun {
  /** First column of the run. */
  at: number;
  /** 2 (类 款) or 3 (类 款 项). */
  width: number;
  /** Row that prints 类 款 项. */
  row: number;
}

function codeRuns(rows: readonly TableRow[]): CodeRun[] {
  const runs: CodeRun[] = [];
  rows.slice(0, HEADER_SEARCH).forEach((r, row) => {
    const cells = r.cells.map((c) => compact(c));
    for (let at = 0; at + 1 < cells.length; at++) {
      if (cells[at] !== LEVELS[0] || cells[at + 1] !== LEVELS[1]) continue;
      runs.push({ at, width: cells[at + 2] === LEVELS[2] ? 3 : 2, row });
    }
  });
  return runs;
}

/** `201 | 06 | 01` → `2010601`; a label spanning the run (合计) stays as it is. */
function joinRun(cells: readonly string[], run: CodeRun, isLevelRow: boolean): string {
  const parts = cells.slice(run.at, run.at + run.width).map((c) => compact(c));
  if (isLevelRow) return '';
  if (parts.every((p) => /^\d*$/.test(p))) return parts.join('');
  return parts.find((p) => p !== '') ?? '';
}

const TOTAL_LABEL = /合计|总计|小计/;

/**
 * A label printed over the code columns in a data row (合计, 人员经费合计)
 * spans the code and the name: it belongs in the name column, so that the
 * code column holds codes only.
 */
function moveLabelToName(cells: string[], codeColumns: readonly number[]): string[] {
  for (const c of codeColumns) {
    const label = cellText(cells[c] ?? '');
    if (label === '' || /^\d+$/.test(label) || cellText(cells[c + 1] ?? '') !== '') continue;
    if (!TOTAL_LABEL.test(label) && !cells.some((v) => numericCell(cellText(v)) !== null)) continue;
    cells[c + 1] = cells[c]!;
    cells[c] = '';
  }
  return cells;
}

/**
 * A code column's label wrapped over two header rows (`支出功能分类` over
 * `科目编码`): a row that holds nothing but such a continuation joins the
 * label above it.
 */
function joinWrappedLabels(header: string[][], codeColumns: readonly number[]): string[][] {
  const out = header.map((r) => [...r]);
  for (let r = out.length - 1; r > 0; r--) {
    const row = out[r]!;
    const above = out[r - 1]!;
    // A label of a merged cell the reader resolved stands again in the row below: it is not part of the wrap.
    const filled = row.flatMap((v, c) => (cellText(v) === '' || cellText(v) === cellText(above[c] ?? '') ? [] : [c]));
    if (filled.length === 0 || !filled.every((c) => codeColumns.includes(c))) continue;
    if (!filled.every((c) => cellText(above[c] ?? '') !== '')) continue;
    for (const c of filled) above[c] = `${cellText(above[c]!)}${cellText(row[c]!)}`;
    out.splice(r, 1);
  }
  return out;
}

function joinCodeColumns(pages: readonly TableBlock[], report: ImportReport, title: string): TableBlock[] {
  const first = pages[0];
  if (!first) return [...pages];
  const runs = codeRuns(first.rows);
  if (runs.length === 0) return [...pages];
  const width = first.rows[0]?.cells.length ?? 0;
  report.add(first.line, 'note', `"${title}": classification codes printed over ${runs.map((r) => LEVELS.slice(0, r.width).join('/')).join(' and ')} columns are kept as one code column each (201 | 06 | 01 → 2010601)`);
  const levelRow = Math.min(...runs.map((run) => run.row));
  // Where each joined code column stands once the runs before it are one column each.
  const codeColumns = runs.map((run) => run.at - runs.filter((x) => x.at < run.at).reduce((n, x) => n + x.width - 1, 0));
  const join = (cells: readonly string[], isLevelRow: boolean) => {
    const out: string[] = [];
    let c = 0;
    while (c < cells.length) {
      const run = runs.find((x) => x.at === c);
      if (run) {
        out.push(joinRun(cells, run, isLevelRow));
        c += run.width;
      } else out.push(cells[c++]!);
    }
    return out;
  };
  return pages.map((page, p) => {
    const rows: TableRow[] = [];
    page.rows.forEach((row, r) => {
      if (row.cells.length !== width) {
        rows.push(row);
        return;
      }
      const isLevelRow = p === 0 && runs.some((run) => run.row === r);
      const cells = join(row.cells, isLevelRow);
      // The 类 款 项 row may also be the first data row (合计 beside the labels): it goes only when it holds nothing else.
      if (isLevelRow && cells.every((v) => cellText(v) === '')) return;
      rows.push({ ...row, cells: p === 0 && r < levelRow ? cells : moveLabelToName(cells, codeColumns) });
    });
    if (p > 0) return { ...page, rows };
    const header = joinWrappedLabels(rows.slice(0, levelRow).map((r) => r.cells), codeColumns);
    return { ...page, rows: [...header.map((cells, k) => ({ ...rows[k]!, cells })), ...rows.slice(levelRow)] };
  });
}

const isDataRow = (row: TableRow) => row.cells.some((c) => numericCell(cellText(c)) !== null);

/** Whether column c of the row is covered by a merged cell that starts to its left (not by one merged down from above). */
function spansFromLeft(row: TableRow, c: number): boolean {
  const covering = row.coveredBy?.[c];
  if (covering === undefined || c === 0) return false;
  return row.coveredBy?.[c - 1] === covering || (row.coveredBy?.[c - 1] === undefined && cellText(row.cells[c - 1] ?? '') === cellText(covering) && cellText(covering) !== '');
}

/**
 * The column where each side-by-side block starts, when the top header row
 * prints the same labels again and again over equal widths; else null.
 */
function blockStarts(header: readonly TableRow[]): number[] | null {
  const top = header[0];
  if (!top) return null;
  const labels = top.cells.map((c) => compact(c));
  const width = labels.length;
  for (let blocks = 2; blocks <= 4; blocks++) {
    if (width % blocks !== 0) continue;
    const span = width / blocks;
    const starts = Array.from({ length: blocks }, (_, b) => b * span);
    const same = header.every((row) => {
      const cells = row.cells.map((c) => compact(c));
      const firstBlock = cells.slice(0, span).join('|');
      // A merged cell running from the block on the left over a block's first column joins the blocks: they are one table.
      return starts.every((s) => cells.slice(s, s + span).join('|') === firstBlock && !spansFromLeft(row, s));
    });
    if (same && labels.slice(0, span).some((l) => l !== '')) return starts;
  }
  return null;
}

function stackBlocks(pages: readonly TableBlock[], report: ImportReport, title: string): TableBlock[] {
  const first = pages[0];
  if (!first) return [...pages];
  const depth = headerDepth(first.rows);
  if (depth === 0) return [...pages];
  const starts = blockStarts(first.rows.slice(0, depth));
  if (!starts) return [...pages];
  const span = first.rows[0]!.cells.length / starts.length;
  const headerKey = first.rows.slice(0, depth).map((r) => r.cells.map((c) => compact(c)).join('|'));
  const body = (page: TableBlock, p: number) => {
    const repeats = p > 0 && page.rows.slice(0, depth).every((r, k) => r.cells.map((c) => compact(c)).join('|') === headerKey[k]);
    return p === 0 || repeats ? page.rows.slice(depth) : page.rows;
  };
  const part = (row: TableRow, start: number): TableRow => ({
    ...row,
    cells: row.cells.slice(start, start + span),
    ...(row.coveredBy ? { coveredBy: row.coveredBy.slice(start, start + span) } : {}),
  });
  const rows: TableRow[] = first.rows.slice(0, depth).map((r) => part(r, 0));
  for (const start of starts) {
    pages.forEach((page, p) => {
      for (const row of body(page, p)) {
        const cells = part(row, start);
        if (cells.cells.some((c) => cellText(c) !== '')) rows.push(cells);
      }
    });
  }
  report.add(first.line, 'note', `"${title}": printed as ${starts.length} blocks side by side with the same columns; read as one table, the left block first`);
  return [{ ...first, rows }];
}

/** A blank grid row inside the header (a ruling drawn twice) is not a header level. */
function dropBlankHeaderRows(pages: readonly TableBlock[]): TableBlock[] {
  const [first, ...rest] = pages;
  if (!first) return [];
  const depth = first.rows.findIndex(isDataRow);
  const rows = first.rows.filter((row, k) => (depth >= 0 && k >= depth) || row.cells.some((c) => cellText(c) !== ''));
  return [{ ...first, rows }, ...rest];
}

/** The raw pages of a table in the shape the record keeps. */
export function normaliseTableShape(pages: readonly TableBlock[], report: ImportReport, title: string): TableBlock[] {
  const blankless = dropBlankHeaderRows(pages);
  // Text forms cannot say which cells a merged cell covers: their header is read as written, repeated headers by mergeTablePages.
  if (!blankless[0]?.rows.some((r) => r.coveredBy !== undefined)) return stackBlocks(joinCodeColumns(blankless, report, title), report, title);
  // Blocks are told apart by the labels as printed, before a merged label is copied into the cells it covers.
  const resolved = resolveHeaderSpans(stackBlocks(dropRepeatedHeaders(blankless), report, title));
  return canonicalHeader(joinCodeColumns(resolved, report, title));
}
