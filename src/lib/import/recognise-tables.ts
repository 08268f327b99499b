import type { StandardTableKey } from '../records/schema/table.ts';
import { isTable, type TableBlock, type TextBlock } from './blocks.ts';
import { mergeTablePages } from './table-pages.ts';
import { normaliseTableShape } from './table-shapes.ts';
import { cellText, compact, numericCell } from './text.ts';
import type { TableDraft } from './drafts.ts';
import { uniqueId, type DocumentWalk } from './document-walk.ts';
import { META, NOTE } from './line-patterns.ts';

/** Ids of tables other than the standard ones, by the words of their titles. */
const TABLE_IDS: [RegExp, string][] = [
  [/机构设置/, 'organisation'],
  [/单位构成/, 'units'],
  [/政府采购/, 'procurement'],
  [/固定资产|国有资产/, 'fixed-assets'],
  [/绩效指标/, 'performance-indicators'],
  [/绩效目标/, 'performance-goals'],
];

function buildTable(walk: DocumentWalk, opts: { title: string; line: number; standard?: StandardTableKey; pages: TableBlock[]; notes: string[]; meta: Record<string, string>; unit: string }): TableDraft {
  const merged = mergeTablePages(walk.file, opts.title, opts.line, normaliseTableShape(opts.pages, walk.report, opts.title), opts.standard !== undefined, walk.report);
  const id = uniqueId(opts.standard ?? TABLE_IDS.find(([re]) => re.test(opts.title))?.[1] ?? 'table', walk.tableIds);
  const table: TableDraft = {
    id,
    ...(opts.standard ? { standard: opts.standard } : {}),
    title: opts.title,
    unit: opts.unit,
    ...merged,
    empty: merged.rows.length === 0,
    notes: opts.notes,
    meta: opts.meta,
  };
  walk.tables.push(table);
  const pages = opts.pages.length > 1 ? `, ${opts.pages.length} pages merged` : '';
  const filled = table.rows.flat().filter((c) => c !== '').length;
  walk.report.add(opts.line, 'table', `${opts.title} → tables/${id}.csv: ${table.columns.length} columns, ${table.rows.length} rows, ${filled} filled cells${table.empty ? ' (空表)' : ''}${pages}`);
  return table;
}

/** Page-header lines, labels (预算年度：2024) and 注 lines around the pages of a table. */
function tableSurroundings(walk: DocumentWalk, meta: Record<string, string>, notes: string[], state: { unit: string; seen: Set<string> }, t: string, line: number): boolean {
  const c = compact(t);
  if (NOTE.test(t)) {
    notes.push(t);
    return true;
  }
  if (/^(?:金额)?单位[:]/.test(c) && c.length <= 12) {
    // 人民币万元 is 万元: the record keeps the unit the checks convert by.
    state.unit = c.replace(/^(?:金额)?单位[:]/, '').replace(/^人民币/, '');
    if (!state.seen.has(c)) state.seen.add(c);
    return true;
  }
  if (walk.isPageHeader(t)) {
    if (!state.seen.has(c)) {
      state.seen.add(c);
      meta['部门'] = t;
    } else walk.report.add(line, 'skipped', `page header "${t}" repeated on a continuation page`);
    return true;
  }
  const m = META.exec(t);
  if (m) {
    if (!state.seen.has(c)) {
      state.seen.add(c);
      meta[m[1]!] = m[2]!.trim();
    } else walk.report.add(line, 'skipped', `page header "${t}" repeated on a continuation page`);
    return true;
  }
  return false;
}

/**
 * Word → text puts the lines printed above a table (its title, 单位：万元,
 * the department) into its first rows: they become the table's title and meta.
 */
function leadingRows(walk: DocumentWalk, page: TableBlock, meta: Record<string, string>, notes: string[], state: { unit: string; seen: Set<string> }, wantTitle: boolean): { title: string | undefined; page: TableBlock } {
  let skip = 0;
  let title: string | undefined;
  for (const row of page.rows) {
    const filled = row.cells.map(cellText).filter((c) => c !== '');
    if (filled.length === 0 || filled.every((c) => tableSurroundings(walk, meta, notes, state, c, row.line))) {
      skip++;
      continue;
    }
    if (wantTitle && title === undefined && filled.length === 1 && row.cells.length === 1 && filled[0]!.length <= 40 && numericCell(filled[0]!) === null) {
      title = filled[0]!;
      walk.report.add(row.line, 'table title', `"${title}" printed inside the table's first row`);
      skip++;
      continue;
    }
    break;
  }
  return { title, page: skip > 0 ? { ...page, rows: page.rows.slice(skip), line: page.rows[skip]?.line ?? page.line } : page };
}

export function standardTable(walk: DocumentWalk, key: StandardTableKey, block: TextBlock, title: string): void {
  walk.i++;
  const { pages, notes, meta, state } = tablePages(walk, { generic: false });
  if (pages[0]) pages[0] = leadingRows(walk, pages[0], meta, notes, state, false).page;
  const table = buildTable(walk, { title, line: block.line, standard: key, pages, notes, meta, unit: state.unit });
  if (walk.current) walk.current.blocks.push({ table: table.id });
}

/**
 * Read a table's pages and the lines around them (units, dates, notes, page
 * furniture) from the current block on. A generic table also stops at a
 * table of contents and at the first line after its pages that is not a note.
 */
function tablePages(walk: DocumentWalk, { generic }: { generic: boolean }) {
  const pages: TableBlock[] = [];
  const notes: string[] = [];
  const meta: Record<string, string> = {};
  const state = { unit: '万元', seen: new Set<string>() };
  while (walk.i < walk.blocks.length) {
    const b = walk.blocks[walk.i]!;
    if (isTable(b)) {
      if (generic && walk.isContents(b)) break;
      pages.push(b);
      walk.i++;
      continue;
    }
    const t = b.text.trim();
    if (t === '') {
      walk.i++;
      continue;
    }
    if (generic && pages.length > 0 && !NOTE.test(t)) break;
    if (!tableSurroundings(walk, meta, notes, state, t, b.line)) break;
    walk.i++;
  }
  return { pages, notes, meta, state };
}

export function genericTable(walk: DocumentWalk, titleBlock: TextBlock | undefined): void {
  const section = walk.section();
  const title = titleBlock ? titleBlock.text.trim() : section.title;
  if (titleBlock) walk.i++;
  const { pages, notes, meta, state } = tablePages(walk, { generic: true });
  const first = pages[0];
  const inside = first ? leadingRows(walk, first, meta, notes, state, titleBlock === undefined) : { title: undefined, page: first };
  if (inside.page) pages[0] = inside.page;
  const tableTitle = inside.title ?? title;
  if (!titleBlock && inside.title === undefined) walk.report.warn(walk.blocks[walk.i - 1]?.line ?? 1, `a table without a title line; titled "${title}"`);
  const table = buildTable(walk, { title: tableTitle, line: titleBlock?.line ?? first?.line ?? 1, pages, notes, meta, unit: state.unit });
  section.blocks.push({ table: table.id });
}
