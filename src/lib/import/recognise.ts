import { finalAccountsTableNames, standardTableKeys, standardTableNames, standardTableVariants, type StandardTableKey } from '../records/schema/table.ts';
import type { GlossaryEntry, Goal } from '../records/schema/section.ts';
import type { Block, TableBlock, TableRow, TextBlock } from './blocks.ts';
import type { ColumnDraft } from './columns.ts';
import { mergeTablePages } from './table-pages.ts';
import { normaliseTableShape } from './table-shapes.ts';
import type { Identity } from './identity.ts';
import { parseProject, PROJECT_TITLE, type ProjectDraft } from './projects.ts';
import { ImportError, type ImportReport } from './report.ts';
import { cellText, chineseNumber, compact, isContentsLine, numericCell } from './text.ts';

export interface TableDraft {
  id: string;
  standard?: StandardTableKey;
  title: string;
  unit: string;
  columns: ColumnDraft[];
  columnNumbers: boolean;
  empty: boolean;
  notes: string[];
  meta: Record<string, string>;
  rows: string[][];
}

export type BlockDraft =
  | { markdown: string[]; lines: number[] }
  | { table: string }
  | { projects: string }
  | { glossary: GlossaryEntry[] }
  | { goals: Goal[] };

export interface SectionDraft {
  id: string;
  number?: string;
  title: string;
  blocks: BlockDraft[];
  line: number;
  /** The section's prose, for the stated figures. */
  prose: string[];
  /** 第N部分 inside a numbered section, or 一、二、 inside a 第N部分: one level, as the record format has. */
  subsections: SectionDraft[];
}

export interface Recognised {
  /** The entries of the document's 目录, as printed. */
  contents: string[];
  tables: TableDraft[];
  projects: (ProjectDraft & { place: string })[];
  sections: SectionDraft[];
}

const quoteFold = (s: string) => compact(s).replace(/[“”"「」『』‘’']/g, '"');

const STANDARD_NAMES = standardTableKeys
  .flatMap((key) => [standardTableNames[key], finalAccountsTableNames[key], ...standardTableVariants[key]].map((name) => ({ key, name: quoteFold(name) })))
  .sort((a, b) => b.name.length - a.name.length);

/** `部门预算收支总表`, `收入支出决算总表` → income-expenditure-summary; names vary by a prefix, never by the core. */
export function standardTableKey(text: string): StandardTableKey | null {
  const c = quoteFold(text);
  if (c.length > 30) return null;
  for (const { key, name } of STANDARD_NAMES) if (c.endsWith(name) || c.endsWith(`${name}(空表)`)) return key;
  return null;
}

const SECTION_HEADING = /^([一二三四五六七八九十]+)\s*[、.．]\s*(.{1,40})$/;
const PART_HEADING = /^第([一二三四五六七八九十]+)部分\s*(.*)$/;
const NOTE = /^注\s*[：:]/;
const META = /^([^：:\s]{2,8})\s*[：:]\s*(\S.{0,30})$/;
const GOAL_TARGET = /^绩效目标\s*[：:]\s*(.*)$/;
const GOAL_INDICATOR = /^绩效指标\s*\d*\s*[：:]\s*(.*)$/;
const NUMBERED_GOAL = /^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))\s*绩效目标\s*[：:]\s*(.*)$/;
/**
 * `1、**财政拨款收入**：…`. The spaces after the number are taken whole
 * (`(?=(\s*))\1` cannot give any back) and the definition starts at a
 * character that is not a space: otherwise a line of spaces after `1、`
 * that is no entry tries every way of sharing them between the parts.
 */
const GLOSSARY_ENTRY = /^(?:\d+|[一二三四五六七八九十]+)\s*[、.．](?=(\s*))\1(\*\*)?(?<term>[^：:]{1,30}?)(\*\*)?\s*[：:]\s*(?<definition>\S.*)$/;

const SECTION_IDS: [RegExp, string][] = [
  [/职责|机构设置/, 'duties'],
  [/总体情况|收支预算|预算安排的总/, 'overview'],
  [/机关运行经费/, 'operating-costs'],
  [/三公/, 'three-public'],
  [/项目.*(绩效|预算)|专项资金/, 'projects'],
  [/^总体绩效目标/, 'overall-goals'],
  [/^分项绩效目标/, 'sub-goals'],
  [/整体.*绩效|绩效预算|绩效目标|绩效信息/, 'performance'],
  [/工作保障/, 'safeguards'],
  [/政府采购/, 'procurement'],
  [/国有资产|固定资产/, 'assets'],
  [/名词解释/, 'glossary'],
  [/其他/, 'other'],
];

const TABLE_IDS: [RegExp, string][] = [
  [/机构设置/, 'organisation'],
  [/单位构成/, 'units'],
  [/政府采购/, 'procurement'],
  [/固定资产|国有资产/, 'fixed-assets'],
  [/绩效指标/, 'performance-indicators'],
  [/绩效目标/, 'performance-goals'],
];

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const isText = (b: Block | undefined): b is TextBlock => b?.kind === 'text';
const isTable = (b: Block | undefined): b is TableBlock => b?.kind === 'table';

/**
 * A 目录 line without its dot leaders and page number: `一、收入支出决算总表……3` → `一、收入支出决算总表`.
 * Taken off from the end step by step: one pattern anchored at the end
 * rescans a long run of dots or spaces from every character of it (cubic).
 */
function contentsEntry(text: string): string {
  const entry = text.replace(/^\[bookmark:[^\]]*\]/, '').trimEnd();
  let end = entry.length;
  for (let digits = 0; digits < 3 && end > 0 && /\d/.test(entry[end - 1]!); digits++) end--;
  while (end > 0 && /[.·…\s]/.test(entry[end - 1]!)) end--;
  return entry.slice(0, end).trim();
}

/** A table of contents: every row is a title and a page number. */
function isContentsTable(t: TableBlock): boolean {
  return t.rows.every((r) => {
    const filled = r.cells.map(cellText).filter((c) => c !== '');
    return filled.length === 2 && /^\d{1,3}$/.test(compact(filled[1]!));
  });
}

/**
 * Walks the block stream once and recognises, by their titles, header rows
 * and codes: the table of contents, the standard tables (merging the pages
 * of each), the 情况说明 sections with their prose, tables, 分项绩效目标,
 * 名词解释 and 项目绩效目标表. What it does not recognise stays in the
 * section it stands in as Markdown, verbatim.
 */
export class Recogniser {
  private i = 0;
  private readonly tables: TableDraft[] = [];
  private readonly projects: (ProjectDraft & { place: string })[] = [];
  private readonly sections: SectionDraft[] = [];
  /** What the document's 目录 lists, as printed, without page numbers. */
  private readonly contentsEntries: string[] = [];
  private readonly tableIds = new Set<string>();
  private readonly sectionIds = new Set<string>();
  /** Where blocks go: a section or a subsection. */
  private current: SectionDraft | null = null;
  /** The top-level section that `current` is or stands in. */
  private top: SectionDraft | null = null;
  private sectionNumber = 0;
  /** Numbering of 一、二、 headings inside a 第N部分, which restarts at 一. */
  private partNumber: number | null = null;
  private subheading: string | undefined;
  private readonly pageHeaders: Set<string>;

  constructor(
    private readonly file: string,
    private readonly blocks: readonly Block[],
    private readonly identity: Identity,
    private readonly report: ImportReport,
  ) {
    const name = compact(identity.department.name);
    this.pageHeaders = new Set([name, ...identity.department.units.map((u) => compact(`${u.code ?? ''}${u.name}`))]);
    if (identity.department.code) this.pageHeaders.add(compact(`${identity.department.code}${identity.department.name}`));
  }

  run(): Recognised {
    while (this.i < this.blocks.length) this.step();
    return { tables: this.tables, projects: this.projects, sections: this.sections, contents: this.contentsEntries };
  }

  private step(): void {
    const block = this.blocks[this.i]!;
    if (isTable(block)) {
      if (this.isContents(block)) return this.contents(block);
      return this.genericTable(undefined);
    }
    const text = block.text.replace(/^\[bookmark:[^\]]*\]\s*/, '').trim();
    if (text === '') {
      this.i++;
      return;
    }
    if (/^目\s*录$|目录$/.test(text) && this.sections.every((s) => s.id === 'preamble') && this.tables.length === 0) return this.contentsHeading(block);
    const standard = standardTableKey(text);
    if (standard && this.followedByTable(this.i + 1)) return this.standardTable(standard, block, text);
    const project = PROJECT_TITLE.exec(text);
    if (project && this.followedByTable(this.i + 1)) return this.project(block, Number(project[1]), project[2]!);
    const part = PART_HEADING.exec(text);
    if (part && !isContentsLine(text)) return this.partHeading(block, part[1]!, part[2]!.trim());
    if (this.current && /名词解释/.test(this.current.title)) {
      const m = GLOSSARY_ENTRY.exec(text);
      if (m) return this.glossaryEntry(block, m.groups!['term']!.trim(), m.groups!['definition']!.trim());
    }
    const heading = SECTION_HEADING.exec(text);
    // A heading with dot leaders and a page number is a 目录 line (of a 目录 without its heading): taken for a heading, its number hid the real one.
    if (heading && !/[。；]$/.test(text) && !isContentsLine(text)) {
      const n = chineseNumber(heading[1]!);
      if (n !== null && this.partNumber !== null && n === this.partNumber + 1) {
        this.partNumber = n;
        return this.startSection(block, heading[1]!, heading[2]!.trim(), undefined, true);
      }
      if (n !== null && n > this.sectionNumber && n <= this.sectionNumber + 3) return this.startSection(block, heading[1]!, heading[2]!.trim());
    }
    if (/^[^，。；：:]{2,12}[：:]$/.test(text) && PROJECT_TITLE.test(this.nextText(this.i + 1) ?? '')) {
      this.subheading = text.replace(/[：:]$/, '');
      this.paragraph(block, block.text.trim());
      return;
    }
    if (/情况说明$|信息公开$|绩效文本$/.test(compact(text)) && text.length <= 60 && compact(text).includes(compact(this.identity.department.name).slice(0, 4))) {
      return this.startSection(block, undefined, text, 'introduction');
    }
    if (GOAL_TARGET.test(this.nextText(this.i + 1) ?? '') || NUMBERED_GOAL.test(text)) return this.goal(block, text);
    if (this.tableTitleAhead(this.i)) return this.genericTable(block);
    this.paragraph(block, block.text.trim());
  }

  // ——— helpers over the stream ———

  private nextText(from: number): string | null {
    const b = this.blocks[from];
    return isText(b) ? b.text.trim() : null;
  }

  /** A table (or a 注 line of an empty one) follows within a few page-header lines. */
  private followedByTable(from: number): boolean {
    for (let k = from; k < Math.min(this.blocks.length, from + 8); k++) {
      const b = this.blocks[k]!;
      if (isTable(b)) return !this.isContents(b);
      const t = b.text.trim();
      if (t === '') continue;
      if (!this.isPageHeader(t) && !META.test(t)) return false;
    }
    return false;
  }

  /** A short line followed by page-header or label lines and then a table. */
  private tableTitleAhead(at: number): boolean {
    const b = this.blocks[at];
    if (!isText(b)) return false;
    const t = b.text.trim();
    if (t.length > 40 || /[。；：:]$/.test(t) || META.test(t)) return false;
    return this.followedByTable(at + 1);
  }

  /** A two-column table of titles and small numbers is a table of contents only before any content, or with dot leaders. */
  private isContents(t: TableBlock): boolean {
    const beforeContent = this.tables.length === 0 && this.sections.every((s) => s.id === 'preamble');
    return isContentsTable(t) && (beforeContent || t.rows.some((r) => /\.{3,}|…{2,}|·{3,}/.test(r.cells.join(''))));
  }

  private isPageHeader(text: string): boolean {
    const c = compact(text);
    if (this.pageHeaders.has(c)) return true;
    return /^\d{3,}\S+$/.test(c) && [...this.pageHeaders].some((h) => c.endsWith(h));
  }

  private section(): SectionDraft {
    if (!this.current) {
      this.current = { id: uniqueId('preamble', this.sectionIds), title: this.identity.title, blocks: [], line: this.blocks[this.i]?.line ?? 1, prose: [], subsections: [] };
      this.top = this.current;
      this.sections.push(this.current);
      this.report.add(this.current.line, 'section', `text before the first heading kept as a section titled "${this.current.title}"`);
    }
    return this.current;
  }

  private paragraph(block: TextBlock, text: string): void {
    const section = this.section();
    const last = section.blocks[section.blocks.length - 1];
    if (last && 'markdown' in last) {
      last.markdown.push(text);
      last.lines.push(block.line);
    } else section.blocks.push({ markdown: [text], lines: [block.line] });
    section.prose.push(text);
    this.i++;
  }


  // ——— recognisers ———

  private contentsHeading(block: TextBlock): void {
    let last = this.i;
    for (let k = this.i + 1; k < this.blocks.length; k++) {
      const b = this.blocks[k]!;
      if (isTable(b)) {
        if (isContentsTable(b)) last = k;
        else break;
      }
    }
    if (last === this.i) return this.textContents(block);
    const lines = this.blocks.slice(this.i, last + 1);
    const entries = lines.reduce((n, b) => n + (isTable(b) ? b.rows.length : 0), 0);
    this.contentsEntries.push(...lines.flatMap((b) => (isTable(b) ? b.rows.map((r) => contentsEntry(r.cells.map(cellText).filter((c) => c !== '')[0] ?? '')) : [])).filter((e) => e !== ''));
    this.report.add(block.line, 'skipped', `table of contents (${entries} entries with page numbers, ${lines.filter(isText).length} heading lines): not content, left out`);
    this.i = last + 1;
  }

  /**
   * A 目录 printed as lines of text (a PDF, a Word document without a
   * contents table): it runs until its first entry is printed again as the
   * document's first heading. Its first entry is its first line, unless the
   * document never prints that line again (a label such as 部门预算公开表
   * over the entries); then its first line with a page number. Otherwise the
   * 目录 was read as headings, and their numbers hid the real headings.
   */
  private textContents(heading: TextBlock): void {
    const ahead: number[] = [];
    for (let k = this.i + 1; k <= this.i + 200 && isText(this.blocks[k]); k++) if (contentsEntry((this.blocks[k] as TextBlock).text) !== '') ahead.push(k);
    const printedAgain = (first: number | undefined) => {
      if (first === undefined) return -1;
      const key = compact(contentsEntry((this.blocks[first] as TextBlock).text));
      return this.blocks.findIndex((b, k) => k > first && isText(b) && compact(contentsEntry(b.text)) === key);
    };
    let end = printedAgain(ahead[0]);
    if (end < 0) end = printedAgain(ahead.find((k) => isContentsLine((this.blocks[k] as TextBlock).text)));
    if (end < 0 || end - this.i > 200 || this.blocks.slice(this.i + 1, end).some(isTable)) {
      this.report.add(heading.line, 'skipped', '目录 heading without entries the document prints again: the heading is left out');
      this.i++;
      return;
    }
    const entries = this.blocks.slice(this.i + 1, end).filter(isText).map((b) => contentsEntry(b.text)).filter((e) => e !== '');
    this.contentsEntries.push(...entries);
    this.report.add(heading.line, 'skipped', `table of contents (${entries.length} entries printed as lines of text): not content, left out; its entries are kept as the record's contents`);
    this.i = end;
  }

  private contents(block: TableBlock): void {
    this.report.add(block.line, 'skipped', `table of contents (${block.rows.length} entries with page numbers): not content, left out`);
    this.i++;
  }

  /** A top-level section, or a subsection of the part it stands in. */
  private open(section: SectionDraft, asSubsection: boolean): string {
    if (asSubsection && this.top) {
      this.top.subsections.push(section);
      this.current = section;
      return ` (a subsection of "${this.top.id}")`;
    }
    this.sections.push(section);
    this.top = section;
    this.current = section;
    return '';
  }

  private startSection(block: TextBlock, number: string | undefined, title: string, fixedId?: string, inPart = false): void {
    const base = fixedId ?? SECTION_IDS.find(([re]) => re.test(title))?.[1] ?? `section-${this.sections.length + 1}`;
    const id = uniqueId(base, this.sectionIds);
    const where = this.open({ id, ...(number ? { number } : {}), title, blocks: [], line: block.line, prose: [], subsections: [] }, inPart);
    if (number && !inPart) {
      this.sectionNumber = chineseNumber(number) ?? this.sectionNumber;
      this.partNumber = null;
    }
    this.subheading = undefined;
    this.report.add(block.line, 'section', `${number ? `${number}、` : ''}${title} → section "${id}"${where}`);
    this.i++;
  }

  private partHeading(block: TextBlock, number: string, rest: string): void {
    let title = rest;
    let next = this.i + 1;
    if (title === '') {
      const t = this.nextText(next);
      if (t && t.length <= 40) {
        title = t;
        next++;
      } else title = `第${number}部分`;
    }
    const id = uniqueId(SECTION_IDS.find(([re]) => re.test(title))?.[1] ?? `part-${chineseNumber(number) ?? number}`, this.sectionIds);
    // Parts inside a numbered section (五、预算绩效信息 → 第一部分 …) are its subsections.
    const inside = this.top !== null && this.top.number !== undefined && !this.top.number.startsWith('第');
    const where = this.open({ id, number: `第${number}部分`, title, blocks: [], line: block.line, prose: [], subsections: [] }, inside);
    this.partNumber = 0;
    this.subheading = undefined;
    this.report.add(block.line, 'section', `第${number}部分 ${title} → section "${id}"${where}`);
    this.i = next;
  }

  private glossaryEntry(block: TextBlock, term: string, definition: string): void {
    const section = this.section();
    const last = section.blocks[section.blocks.length - 1];
    if (last && 'glossary' in last) last.glossary.push({ term, definition });
    else section.blocks.push({ glossary: [{ term, definition }] });
    this.report.add(block.line, 'glossary', term);
    this.i++;
  }

  private goal(block: TextBlock, text: string): void {
    const section = this.section();
    const numbered = NUMBERED_GOAL.exec(text);
    let goal: Goal;
    if (numbered) {
      goal = { title: numbered[1]!, target: numbered[2]!.trim(), indicators: [] };
      this.i++;
    } else {
      const target = GOAL_TARGET.exec(this.nextText(this.i + 1)!)![1]!.trim();
      goal = { title: text, target, indicators: [] };
      this.i += 2;
    }
    while (this.i < this.blocks.length) {
      const t = this.nextText(this.i);
      if (t === null) break;
      if (t === '') {
        this.i++;
        continue;
      }
      const indicator = GOAL_INDICATOR.exec(t);
      if (indicator) goal.indicators.push(indicator[1]!.trim());
      else if (goal.indicators.length > 0 && !NUMBERED_GOAL.test(t) && !GOAL_TARGET.test(this.nextText(this.i + 1) ?? '') && !SECTION_HEADING.test(t) && !PART_HEADING.test(t) && !/^（[一二三四五六七八九十]+）/.test(t) && !/^[一二三四五六七八九十]+、/.test(t)) {
        goal.indicators[goal.indicators.length - 1] += t;
        this.report.warn(this.blocks[this.i]!.line, 'a line that continues the indicator above (a page break in the source) was joined to it');
      } else break;
      this.i++;
    }
    const last = section.blocks[section.blocks.length - 1];
    if (last && 'goals' in last) last.goals.push(goal);
    else section.blocks.push({ goals: [goal] });
    section.prose.push(text, goal.target ?? '', ...goal.indicators);
    this.report.add(block.line, 'goal', `${goal.title}: ${goal.indicators.length} indicator line(s)`);
  }

  private project(block: TextBlock, number: number, title: string): void {
    const section = this.section();
    this.i++;
    const rows: TableRow[] = [];
    const loose: { text: string; line: number }[] = [];
    const header: string[] = [];
    let unit = '万元';
    while (this.i < this.blocks.length) {
      const b = this.blocks[this.i]!;
      if (isTable(b)) {
        rows.push(...b.rows);
        this.i++;
        continue;
      }
      const t = b.text.trim();
      if (t === '') {
        this.i++;
        continue;
      }
      if (PROJECT_TITLE.test(t) || SECTION_HEADING.test(t) || PART_HEADING.test(t)) break;
      if (this.isPageHeader(t)) {
        header.push(t);
        this.i++;
        continue;
      }
      if (/^单位\s*[：:]/.test(t)) {
        unit = t.replace(/^单位\s*[：:]\s*/, '');
        this.i++;
        continue;
      }
      if (!isTable(this.blocks[this.i + 1])) break;
      loose.push({ text: t, line: b.line });
      this.i++;
    }
    if (rows.length === 0) throw new ImportError(this.file, block.line, `project table "${title}" has no rows`);
    const parsed = parseProject({ number, title, line: block.line }, rows, loose, this.report);
    parsed.unit = unit;
    // The unit printed above the table (`323003 秦皇岛市抚宁区就业服务中心`) says who carries the project out.
    if (header.length > 0) parsed.facts = { 部门: header.join('；'), ...parsed.facts };
    const place = `${section.id}\u0000${this.subheading ?? ''}`;
    this.projects.push({ ...parsed, place, ...(this.subheading ? { group: this.subheading } : {}) });
    const last = section.blocks[section.blocks.length - 1];
    if (!(last && 'projects' in last && last.projects === place)) section.blocks.push({ projects: place });
    this.report.add(block.line, 'project', `${number}、${parsed.name}: ${rows.length} table rows read into ${parsed.goals.length} goal line(s), ${parsed.spendingPlan.length} spending period(s), ${parsed.indicators.length} indicator row(s)`);
  }

  private buildTable(opts: { title: string; line: number; standard?: StandardTableKey; pages: TableBlock[]; notes: string[]; meta: Record<string, string>; unit: string }): TableDraft {
    const merged = mergeTablePages(this.file, opts.title, opts.line, normaliseTableShape(opts.pages, this.report, opts.title), opts.standard !== undefined, this.report);
    const id = uniqueId(opts.standard ?? TABLE_IDS.find(([re]) => re.test(opts.title))?.[1] ?? 'table', this.tableIds);
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
    this.tables.push(table);
    const pages = opts.pages.length > 1 ? `, ${opts.pages.length} pages merged` : '';
    const filled = table.rows.flat().filter((c) => c !== '').length;
    this.report.add(opts.line, 'table', `${opts.title} → tables/${id}.csv: ${table.columns.length} columns, ${table.rows.length} rows, ${filled} filled cells${table.empty ? ' (空表)' : ''}${pages}`);
    return table;
  }

  /** Page-header lines, labels (预算年度：2024) and 注 lines around the pages of a table. */
  private tableSurroundings(meta: Record<string, string>, notes: string[], state: { unit: string; seen: Set<string> }, t: string, line: number): boolean {
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
    if (this.isPageHeader(t)) {
      if (!state.seen.has(c)) {
        state.seen.add(c);
        meta['部门'] = t;
      } else this.report.add(line, 'skipped', `page header "${t}" repeated on a continuation page`);
      return true;
    }
    const m = META.exec(t);
    if (m) {
      if (!state.seen.has(c)) {
        state.seen.add(c);
        meta[m[1]!] = m[2]!.trim();
      } else this.report.add(line, 'skipped', `page header "${t}" repeated on a continuation page`);
      return true;
    }
    return false;
  }

  /**
   * Word → text puts the lines printed above a table (its title, 单位：万元,
   * the department) into its first rows: they become the table's title and meta.
   */
  private leadingRows(page: TableBlock, meta: Record<string, string>, notes: string[], state: { unit: string; seen: Set<string> }, wantTitle: boolean): { title: string | undefined; page: TableBlock } {
    let skip = 0;
    let title: string | undefined;
    for (const row of page.rows) {
      const filled = row.cells.map(cellText).filter((c) => c !== '');
      if (filled.length === 0 || filled.every((c) => this.tableSurroundings(meta, notes, state, c, row.line))) {
        skip++;
        continue;
      }
      if (wantTitle && title === undefined && filled.length === 1 && row.cells.length === 1 && filled[0]!.length <= 40 && numericCell(filled[0]!) === null) {
        title = filled[0]!;
        this.report.add(row.line, 'table title', `"${title}" printed inside the table's first row`);
        skip++;
        continue;
      }
      break;
    }
    return { title, page: skip > 0 ? { ...page, rows: page.rows.slice(skip), line: page.rows[skip]?.line ?? page.line } : page };
  }

  private standardTable(key: StandardTableKey, block: TextBlock, title: string): void {
    this.i++;
    const { pages, notes, meta, state } = this.tablePages({ generic: false });
    if (pages[0]) pages[0] = this.leadingRows(pages[0], meta, notes, state, false).page;
    const table = this.buildTable({ title, line: block.line, standard: key, pages, notes, meta, unit: state.unit });
    if (this.current) this.current.blocks.push({ table: table.id });
  }

  /**
   * Read a table's pages and the lines around them (units, dates, notes, page
   * furniture) from the current block on. A generic table also stops at a
   * table of contents and at the first line after its pages that is not a note.
   */
  private tablePages({ generic }: { generic: boolean }) {
    const pages: TableBlock[] = [];
    const notes: string[] = [];
    const meta: Record<string, string> = {};
    const state = { unit: '万元', seen: new Set<string>() };
    while (this.i < this.blocks.length) {
      const b = this.blocks[this.i]!;
      if (isTable(b)) {
        if (generic && this.isContents(b)) break;
        pages.push(b);
        this.i++;
        continue;
      }
      const t = b.text.trim();
      if (t === '') {
        this.i++;
        continue;
      }
      if (generic && pages.length > 0 && !NOTE.test(t)) break;
      if (!this.tableSurroundings(meta, notes, state, t, b.line)) break;
      this.i++;
    }
    return { pages, notes, meta, state };
  }

  private genericTable(titleBlock: TextBlock | undefined): void {
    const section = this.section();
    const title = titleBlock ? titleBlock.text.trim() : section.title;
    if (titleBlock) this.i++;
    const { pages, notes, meta, state } = this.tablePages({ generic: true });
    const first = pages[0];
    const inside = first ? this.leadingRows(first, meta, notes, state, titleBlock === undefined) : { title: undefined, page: first };
    if (inside.page) pages[0] = inside.page;
    const tableTitle = inside.title ?? title;
    if (!titleBlock && inside.title === undefined) this.report.warn(this.blocks[this.i - 1]?.line ?? 1, `a table without a title line; titled "${title}"`);
    const table = this.buildTable({ title: tableTitle, line: titleBlock?.line ?? first?.line ?? 1, pages, notes, meta, unit: state.unit });
    section.blocks.push({ table: table.id });
  }
}
