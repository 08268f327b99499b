import { headerText } from './text.ts';

/**
 * A multi-row header as converters write it is ambiguous in two ways:
 *
 * - Word → text writes a merged cell once, so a row with fewer cells than
 *   the table is wide has cells that span labelled cells below them, and
 *   where two such cells stand over one unbroken run of labels (`收入 | 支出`
 *   over `项目 | 预算数 | 项目 | 合计 | …`) the text does not say where the
 *   first ends;
 * - a blank cell above a label is either the rest of the group on its left
 *   (a merged cell written once: `本年收入 | _` over `小计 | 财政拨款收入`) or
 *   the upper half of a label that spans both rows (合计 printed low).
 *
 * Every reading is listed; the first is the most plausible by the labels
 * themselves, and the importer's arithmetic (header-check.ts) may prefer
 * another that adds up.
 */

/** Readings are enumerated up to this many: header blocks are a few rows of a few groups. */
const MAX_READINGS = 256;

/** The first and widest reading of the old rule comes first; the rest are tried only if it does not add up. */
export function headerReadings(rows: readonly (readonly string[])[], width: number): string[][][] {
  const grids = alignments(rows.map((r) => r.map(headerText)), width);
  const seen = new Set<string>();
  const readings: string[][][] = [];
  for (const grid of grids) {
    for (const cuts of groupCuts(grid)) {
      const paths = readGrid(grid, cuts);
      const key = JSON.stringify(paths);
      if (seen.has(key)) continue;
      seen.add(key);
      readings.push(paths);
      if (readings.length >= MAX_READINGS) break;
    }
    if (readings.length >= MAX_READINGS) break;
  }
  return readings
    .map((paths, order) => ({ paths, order, penalty: penalty(paths) }))
    .sort((a, b) => a.penalty - b.penalty || a.order - b.order)
    .map((r) => r.paths);
}

const labelled = (cell: string | undefined) => (cell ?? '') !== '';

/** Header rows placed over the table's columns; `spanned` marks the blank cells a merged cell written once was widened over. */
interface Grid {
  rows: string[][];
  spanned: Set<string>;
}

/**
 * Every way of placing each row over the (already placed) row below it: a
 * cell of a short row may span the run of labelled cells below it. Rows are
 * placed from the bottom up; the greedy placement (each cell as wide as it
 * may be) comes first. Only placements that use as many of the missing
 * cells as any can are kept; the rest pad the row on the right.
 */
function alignments(rows: string[][], width: number): Grid[] {
  let grids: Grid[] = [{ rows: [], spanned: new Set() }];
  for (let r = rows.length - 1; r >= 0; r--) {
    const next: Grid[] = [];
    for (const lower of grids) {
      for (const placed of placements(rows[r]!, lower.rows, width)) {
        if (next.length >= MAX_READINGS) break;
        // Keys name rows from the bottom until the grid is complete: shift them as rows are added above.
        const spanned = new Set([...lower.spanned].map((key) => key.replace(/^\d+/, (n) => String(Number(n) + 1))));
        for (const c of placed.spanned) spanned.add(`0:${c}`);
        next.push({ rows: [placed.cells, ...lower.rows], spanned });
      }
    }
    grids = next;
  }
  return grids;
}

function placements(row: readonly string[], lower: readonly string[][], width: number): { cells: string[]; spanned: number[] }[] {
  const pad = (cells: readonly string[]) => Array.from({ length: width }, (_, c) => cells[c] ?? '');
  const extra = width - row.length;
  if (extra <= 0 || lower.length === 0) return [{ cells: pad(row), spanned: [] }];
  // A column is labelled below when any lower row labels it: a merged cell there spans labels further down.
  const below = Array.from({ length: width }, (_, c) => (lower.some((r) => labelled(r[c])) ? 'x' : ''));
  const found: { cells: string[]; spanned: number[]; used: number }[] = [];
  const walk = (i: number, widened: string[], spanned: number[], left: number) => {
    if (found.length >= MAX_READINGS) return;
    if (i === row.length) {
      found.push({ cells: pad(widened), spanned, used: extra - left });
      return;
    }
    const cell = row[i]!;
    const at = widened.length;
    let run = 0;
    while (at + run < width && labelled(below[at + run])) run++;
    const most = cell !== '' && run > 1 ? Math.min(run - 1, left) : 0;
    for (let add = most; add >= 0; add--) {
      const span = Array.from({ length: add }, (_, k) => at + 1 + k);
      walk(i + 1, [...widened, cell, ...span.map(() => '')], [...spanned, ...span], left - add);
    }
  };
  walk(0, [], [], extra);
  const best = Math.max(...found.map((f) => f.used));
  return found.filter((f) => f.used === best);
}

/** A group label: a label with labels under it in a lower row. */
const isGroup = (grid: Grid, r: number, c: number) => labelled(grid.rows[r]![c]) && grid.rows.slice(r + 1).some((lower) => labelled(lower[c]));
/** A blank cell with a label under it: it belongs to a group on its left, or is the top of that label. */
const isOpenBlank = (grid: Grid, r: number, c: number) => !labelled(grid.rows[r]![c]) && r < grid.rows.length - 1 && grid.rows.slice(r + 1).some((lower) => labelled(lower[c]));

/**
 * For every group label (`row:column`), the first column from which the
 * blank cells after it are not its own: each group covers its label, the
 * cells it was widened over, and a run of open blanks the converter wrote
 * after it, up to where a cell of a row above starts. All covering the
 * whole run comes first.
 */
function groupCuts(grid: Grid): Map<string, number>[] {
  const groups: { key: string; options: number[] }[] = [];
  grid.rows.forEach((row, r) => {
    row.forEach((_, c) => {
      if (!isGroup(grid, r, c)) return;
      let end = c + 1;
      const open: number[] = [];
      for (let k = c + 1; k < row.length && !labelled(row[k]); k++) {
        // A cell starting in a row above starts a new group there: a group never reaches under two of them.
        if (grid.rows.slice(0, r).some((upper) => labelled(upper[k]))) break;
        if (grid.spanned.has(`${r}:${k}`)) end = k + 1;
        else if (isOpenBlank(grid, r, k)) {
          open.push(k);
          end = k + 1;
        }
      }
      groups.push({ key: `${r}:${c}`, options: [end, ...open.slice().reverse()] });
    });
  });
  let combos: Map<string, number>[] = [new Map()];
  for (const { key, options } of groups) {
    const next: Map<string, number>[] = [];
    for (const combo of combos) for (const cut of options) if (next.length < MAX_READINGS) next.push(new Map([...combo, [key, cut]]));
    combos = next;
  }
  return combos;
}

/** Header paths of one placement and one choice of group extents. */
function readGrid(grid: Grid, cuts: ReadonlyMap<string, number>): string[][] {
  const width = grid.rows[0]?.length ?? 0;
  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    grid.rows.forEach((row, r) => {
      let label = row[c]!;
      if (isOpenBlank(grid, r, c) || grid.spanned.has(`${r}:${c}`)) {
        let k = c - 1;
        while (k >= 0 && !labelled(row[k])) k--;
        if (k >= 0 && isGroup(grid, r, k) && c < cuts.get(`${r}:${k}`)!) label = row[k]!;
      }
      if (label !== '' && path[path.length - 1] !== label) path.push(label);
    });
    paths.push(path);
  }
  return paths;
}

/** A classification's group label: 功能分类科目, 支出部门经济分类科目, 科目编码 over 类/款/项. */
const CLASSIFICATION = /(科目|分类)(编码)?$/;
/** Labels of figures: what a classification group never covers. */
const FIGURE = /金额|预算|资金|经费|支出|收入|合计|小计|总计|拨款|结转|结余/;
/** Labels of a classification's own columns: what a group of figures never covers. */
const CLASSIFICATION_PART = /编码|代码|名称|^[类款项]$/;

/**
 * How implausible a reading is by its labels: a group that holds the same
 * label twice (收入 over 项目 … 项目: the second group's columns), a
 * classification over a figure (科目 over 合计), a group of figures over a
 * classification's column (基本支出 over 科目名称).
 */
function penalty(paths: readonly string[][]): number {
  let total = 0;
  const members = new Map<string, string[]>();
  for (const path of paths) {
    if (path.length < 2) continue;
    const parent = path[path.length - 2]!;
    const leaf = path[path.length - 1]!;
    const key = path.slice(0, -1).join('\u0000');
    const seen = members.get(key) ?? [];
    if (seen.includes(leaf)) total += 3;
    members.set(key, [...seen, leaf]);
    if (CLASSIFICATION.test(parent) && FIGURE.test(leaf)) total += 2;
    if (!CLASSIFICATION.test(parent) && FIGURE.test(parent) && CLASSIFICATION_PART.test(leaf)) total += 2;
  }
  return total;
}
