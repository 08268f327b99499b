import { withCovered, type Block, type TableRow } from '../blocks.ts';
import { ImportError } from '../report.ts';
import { cellText, compact } from '../text.ts';
import { labelLines } from './label-rows.ts';

export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/** A sheet's cells as text, row by row (rows may be shorter than the sheet), merged cells already blanked but the first. */
export interface SheetGrid {
  name: string;
  rows: readonly (readonly string[])[];
  merges: readonly CellRange[];
  /** Each merged range's text, by its top-left cell `r:c`. */
  origins: ReadonlyMap<string, string>;
}

/** A row of totals that may be the only filled cell of a table's last row. */
const TOTAL = /^(合计|总计)$/;
/** `单位：万元`, `金额单位：元`: the line printed right above a table's header. */
const UNIT_LINE = /^(金额)?单位\s*[：:]/;

/** BIFF8 (.xls) sheets have 256 columns; a budget table that needs more is a stray cell far to the right. */
const MAX_COLUMNS = 256;

const filledColumns = (row: readonly string[] | undefined) => {
  const out: number[] = [];
  row?.forEach((value, c) => {
    if (cellText(value) !== '') out.push(c);
  });
  return out;
};

const columnName = (c: number): string => (c >= 26 ? columnName(Math.floor(c / 26) - 1) : '') + String.fromCharCode(65 + (c % 26));

/**
 * Rows that belong to tables: two or more filled cells, or covered by a
 * merge over several rows that also covers such a row (a header cell merged
 * down over a row that is otherwise blank must not split its table).
 */
function tableRows(grid: SheetGrid, filled: readonly number[][]): boolean[] {
  const table = filled.map((cols) => cols.length >= 2);
  const tall = grid.merges.filter((m) => m.e.r > m.s.r);
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of tall) {
      const rows = table.slice(m.s.r, m.e.r + 1);
      if (rows.some(Boolean) && !rows.every(Boolean)) {
        for (let r = m.s.r; r <= m.e.r && r < table.length; r++) table[r] = true;
        changed = true;
      }
    }
  }
  return table;
}

/**
 * One sheet as blocks, top to bottom. Runs of table rows form a table
 * block, cut to the columns its cells use; a fully blank row ends a table
 * (several tables on one sheet); a run of `label：value` cells is the page
 * header above a table, read as lines of text. A row with one filled cell is a line of
 * text (a title, 单位：万元, 注：…) unless it is a row of the table:
 * - it stands between rows of a table, inside the table's columns and not
 *   merged across its whole width (a row that has only a name);
 * - it is a 合计 or 总计 row inside the columns of the table above it (an
 *   empty table's last row, before its 注 line);
 * - it is merged across the whole width of the header row right under it
 *   and stands right under the 单位 line (a group label over every column,
 *   财政拨款“三公”经费): a title has the 单位 line under it, not above.
 */
/** The text of the merged range that covers a cell it does not start at (TableRow.coveredBy). */
function coveringText(grid: SheetGrid, r: number, c: number): string | undefined {
  const m = grid.merges.find((x) => r >= x.s.r && r <= x.e.r && c >= x.s.c && c <= x.e.c && (r !== x.s.r || c !== x.s.c));
  return m ? (grid.origins.get(`${m.s.r}:${m.s.c}`) ?? '') : undefined;
}

export function sheetBlocks(file: string, grid: SheetGrid, nextLine: () => number): Block[] {
  const filled = grid.rows.map(filledColumns);
  const isTable = tableRows(grid, filled);
  const mergeAt = new Map(grid.merges.map((m) => [`${m.s.r}:${m.s.c}`, m]));
  const extent = (r: number, c: number) => mergeAt.get(`${r}:${c}`)?.e.c ?? c;
  const blocks: Block[] = [];
  let run: number[] = [];
  // The columns the current run's cells use, merges included.
  let first = Infinity;
  let last = -1;

  const add = (r: number) => {
    run.push(r);
    for (const c of filled[r]!) [first, last] = [Math.min(first, c), Math.max(last, extent(r, c))];
  };
  const close = () => {
    if (run.length === 0) return;
    if (last - first + 1 > MAX_COLUMNS) {
      throw new ImportError(file, undefined, `sheet "${grid.name}": a table from row ${run[0]! + 1} spans columns ${columnName(first)} to ${columnName(last)}, more than ${MAX_COLUMNS}: clear the stray cells`);
    }
    const texts = run.map((r) => Array.from({ length: last - first + 1 }, (_, k) => grid.rows[r]?.[first + k] ?? ''));
    const labels = labelLines(texts);
    if (labels) for (const text of labels) blocks.push({ kind: 'text', text, line: nextLine() });
    else {
      const rows: TableRow[] = texts.map((cells, k) => withCovered({ cells, line: nextLine() }, cells.map((_, j) => coveringText(grid, run[k]!, first + j))));
      blocks.push({ kind: 'table', rows, line: rows[0]!.line, sheet: grid.name });
    }
    [run, first, last] = [[], Infinity, -1];
  };
  const insideRun = (r: number) => {
    const c = filled[r]![0]!;
    const across = extent(r, c) > c && c <= first && extent(r, c) >= last;
    return c >= first && extent(r, c) <= last && !across;
  };
  const isTotal = (r: number) => TOTAL.test(compact(grid.rows[r]![filled[r]![0]!]!));
  /** Row r, the last of the one-cell rows before table row `next`, under the 单位 line and merged across all of `next`'s columns. */
  const groupHeader = (r: number, next: number) => {
    if (r + 1 !== next || !isTable[next] || r === 0 || !(grid.rows[r - 1] ?? []).some((v) => UNIT_LINE.test(cellText(v)))) return false;
    const c = filled[r]![0]!;
    const cols = filled[next]!;
    return extent(r, c) > c && c <= cols[0]! && extent(r, c) >= Math.max(...cols.map((k) => extent(next, k)));
  };

  for (let r = 0; r < grid.rows.length; r++) {
    if (isTable[r]) {
      add(r);
      continue;
    }
    if (filled[r]!.length === 0) {
      close();
      continue;
    }
    // A run of one-cell rows: inside the table only when a table row follows it.
    let end = r;
    while (end < grid.rows.length && !isTable[end] && filled[end]!.length === 1) end++;
    const sandwiched = run.length > 0 && end < grid.rows.length && isTable[end];
    const single = Array.from({ length: end - r }, (_, k) => r + k);
    if (sandwiched && single.every(insideRun)) {
      single.forEach(add);
    } else {
      let k = 0;
      for (; run.length > 0 && k < single.length && isTotal(single[k]!) && insideRun(single[k]!); k++) add(single[k]!);
      close();
      for (; k < single.length; k++) {
        if (groupHeader(single[k]!, end)) add(single[k]!);
        else blocks.push({ kind: 'text', text: grid.rows[single[k]!]![filled[single[k]!]![0]!]!, line: nextLine() });
      }
    }
    r = end - 1;
  }
  close();
  return blocks;
}
