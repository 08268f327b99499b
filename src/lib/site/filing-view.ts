import type { Finding } from '../checks/finding.ts';
import { headerLabel } from '../records/schema/table.ts';
import type { Filing } from '../records/load-filing.ts';
import type { Project } from '../records/schema/project.ts';
import type { BlockDeclaration, SectionDeclaration } from '../records/schema/section.ts';
import type { Cell, Table } from '../records/schema/table.ts';
import type { CellFlag, TableColumn } from './table-model.ts';
import { termKey } from '../records/schema/section.ts';
import { renderMarkdown } from '../render/markdown.ts';

/** Second line of every caption: whose table and which year, so a printed or copied table says so itself. */
export function tableContext(f: Pick<Filing, 'department' | 'year' | 'kind'>): string {
  return `${f.department.name} ${f.year}年部门${f.kind}`;
}

/** Heading as the source numbers it: 一、… / （一）… / 第一部分 … */
export function numbered(number: string | undefined, title: string): string {
  if (!number) return title;
  if (/[)）]$/.test(number) || /[、.．]$/.test(number)) return `${number}${title}`;
  if (/^第.+[部分章节]$/.test(number)) return `${number} ${title}`;
  return `${number}、${title}`;
}

export type Part = Pick<SectionDeclaration, 'id' | 'number' | 'title' | 'blocks'>;

/** A section and its subsections in source order, each with its blocks. */
export function parts(section: SectionDeclaration): Part[] {
  return [section, ...section.subsections];
}

function allBlocks(f: Pick<Filing, 'sections'>): BlockDeclaration[] {
  return f.sections.flatMap((s) => parts(s).flatMap((p) => p.blocks));
}

/** Tables that no section places: the standard tables, shown first under 部门预算公开表 (or 部门决算公开表) as the source prints them. */
export function standaloneTables(f: Pick<Filing, 'sections'> & { tables: readonly Table[] }): Table[] {
  const placed = new Set(allBlocks(f).flatMap((b) => (b.table ? [b.table] : [])));
  return f.tables.filter((t) => !placed.has(t.id));
}

export interface NumberedProject {
  project: Project;
  /** Position in the filing's project list, the anchor of its tables. */
  index: number;
}

export function projectsIn(f: Pick<Filing, 'projectList'>, group: string): NumberedProject[] {
  return f.projectList.map((project, index) => ({ project, index })).filter(({ project }) => group === '*' || (project.group ?? '') === group);
}

/** The heading of the projects no block places (FilingBody.astro), which the search documents hold too. */
export const PROJECTS_HEADING = '项目绩效目标表';

/** Projects that no block places are still published, after the sections. */
export function unplacedProjects(f: Pick<Filing, 'projectList' | 'sections'>): NumberedProject[] {
  const groups = allBlocks(f).flatMap((b) => (b.projects === undefined ? [] : [b.projects]));
  if (groups.includes('*')) return [];
  return projectsIn(f, '*').filter(({ project }) => !groups.includes(project.group ?? ''));
}

export const tableAnchor = (id: string) => `table-${id}`;
export const sectionAnchor = (id: string) => `section-${id}`;
export const projectAnchor = (index: number) => `project-${index + 1}`;
/** Glossary terms are linked from the site-wide glossary page, so their anchor is the term itself. */
export const termAnchor = (term: string) => `term-${termKey(term)}`;

interface DerivedTable {
  columns: TableColumn[];
  rows: Cell[][];
}

/** The 一级/二级/三级 indicator tree of a project as DataTable columns and rows; optional columns only when used. */
export function indicatorTable(project: Project): DerivedTable {
  const fields = [
    ['level1', '一级指标'],
    ['level2', '二级指标'],
    ['level3', '三级指标'],
    ['description', '绩效指标描述'],
    ['comparison', '比较符'],
    ['value', '指标值'],
    ['unit', '度量单位'],
    ['score', '分值'],
    ['basis', '指标值确定依据'],
  ] as const;
  const always = new Set(['level1', 'level2', 'level3', 'value']);
  const used = fields.filter(([key]) => always.has(key) || project.indicators.some((i) => i[key] !== undefined && i[key] !== ''));
  return {
    // Only the indicator itself (三级指标) is searchable: the tree's group names, descriptions, targets and bases repeat across
    // every project and filing, and kept out of the index they cut Pagefind's memory by about a third.
    columns: used.map(([key, label]) => ({ header: [label], type: 'text' as const, searchable: key === 'level3' })),
    rows: project.indicators.map((i) => used.map(([key]) => i[key] ?? null)),
  };
}

/** 预算规模 and 资金支出计划 of a project as one DataTable row; null when the source gives neither. */
export function projectBudgetTable(project: Project): DerivedTable | null {
  if (!project.budget && project.spendingPlan.length === 0) return null;
  const columns: TableColumn[] = [];
  const row: Cell[] = [];
  if (project.budget) {
    columns.push({ header: ['预算规模', '预算数'], type: 'amount' }, { header: ['预算规模', '其中：财政资金'], type: 'amount' }, { header: ['预算规模', '其他资金'], type: 'amount' });
    row.push(project.budget.total, project.budget.fiscal, project.budget.other);
  }
  for (const plan of project.spendingPlan) {
    // As the source prints it: the header says （%） while the cells hold the amounts.
    columns.push({ header: ['资金支出计划（%）', plan.period], type: 'number' });
    row.push(plan.amount);
  }
  return { columns, rows: [row] };
}

/** Heading of the standard tables: 部门预算公开表 or 部门决算公开表, by the filing's kind. */
export const standardTablesHeading = (f: Filing) => `部门${f.kind}公开表`;

export interface TocEntry {
  id: string;
  label: string;
  children: TocEntry[];
}

/** In-page contents: the standalone tables, every section with its subsections and projects, then checks and provenance. */
export function tableOfContents(f: Filing): TocEntry[] {
  const entries: TocEntry[] = [];
  const tables = standaloneTables(f);
  if (tables.length > 0) {
    entries.push({ id: 'tables', label: standardTablesHeading(f), children: tables.map((t) => ({ id: tableAnchor(t.id), label: t.title, children: [] })) });
  }
  const projectEntries = (blocks: readonly BlockDeclaration[]): TocEntry[] =>
    blocks.flatMap((b) => (b.projects === undefined ? [] : projectsIn(f, b.projects).map(({ project, index }) => ({ id: projectAnchor(index), label: project.title, children: [] }))));
  for (const section of f.sections) {
    entries.push({
      id: sectionAnchor(section.id),
      label: numbered(section.number, section.title),
      children: [
        ...projectEntries(section.blocks),
        ...section.subsections.map((sub) => ({ id: sectionAnchor(sub.id), label: numbered(sub.number, sub.title), children: projectEntries(sub.blocks) })),
      ],
    });
  }
  const rest = unplacedProjects(f);
  if (rest.length > 0) {
    entries.push({ id: 'projects', label: '项目绩效目标表', children: rest.map(({ project, index }) => ({ id: projectAnchor(index), label: project.title, children: [] })) });
  }
  entries.push({ id: 'checks', label: '数据核对', children: [] }, { id: 'provenance', label: '来源与下载', children: [] });
  return entries;
}

export const findingAnchor = (index: number) => `finding-${index + 1}`;

/**
 * Cells of a table that a finding points at, as `row:column` (0-based) →
 * the finding's anchor and number in the 数据核对 list, so the table can mark the
 * figure where the source disagrees with itself.
 */
export function findingCells(table: Pick<Table, 'id' | 'columns'>, findings: readonly Finding[]): Map<string, CellFlag> {
  const cells = new Map<string, CellFlag>();
  findings.forEach((finding, index) => {
    if (finding.table !== table.id || finding.row === undefined || finding.column === undefined) return;
    const column = table.columns.findIndex((c) => headerLabel(c) === finding.column);
    const key = `${finding.row - 1}:${column}`;
    if (column >= 0 && !cells.has(key)) cells.set(key, { id: findingAnchor(index), number: index + 1 });
  });
  return cells;
}

/** Id of a table cell that the headline links to: `table-expenditure-summary-r2-c4` (1-based row and column of the body). */
export const cellAnchor = (tableId: string, row: number, column: number) => `${tableAnchor(tableId)}-r${row + 1}-c${column + 1}`;

/** Footnote ids of a Markdown block are prefixed by its file's path: readable, and unique on the page. */
export const markdownIdPrefix = (path: string) => `${path.replace(/[^A-Za-z0-9]+/g, '-')}-`;

/** Every Markdown text of a filing as the page shows it (sanitised HTML), by its path: rendered once, by the compile step. */
export const textsHtml = (texts: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(texts).map(([path, text]) => [path, renderMarkdown(text, markdownIdPrefix(path))]));

/** Text longer than this many characters folds away under its heading, so that a phone can get past it. */
export const FOLD_CHARACTERS = 400;

/**
 * Whether a part's blocks fold into a `<details>` (open on paper): project
 * tables always, text when it is long. A part with a standard table never
 * folds: the tables are what readers come for.
 */
export function folds(f: Pick<Filing, 'texts' | 'tables'>, blocks: readonly BlockDeclaration[]): boolean {
  const standard = new Set(f.tables.filter((t) => t.standard !== undefined).map((t) => t.id));
  if (blocks.some((b) => b.table !== undefined && standard.has(b.table))) return false;
  return blocks.some((b) => b.projects !== undefined) || textLength(f, blocks) > FOLD_CHARACTERS;
}

/** Characters of the text and goals of some blocks, spaces not counted. */
function textLength(f: Pick<Filing, 'texts'>, blocks: readonly BlockDeclaration[]): number {
  const words = blocks.flatMap((b) => [b.markdown === undefined ? '' : (f.texts[b.markdown] ?? ''), ...(b.goals ?? []).flatMap((g) => [g.title, g.target ?? '', ...g.indicators])]);
  return words.reduce((n, text) => n + text.replace(/\s+/g, '').length, 0);
}

/** What opens a folded part: 展开全文（约 1200 字）, 展开 30 个项目的绩效目标表, or both. */
export function foldLabel(f: Pick<Filing, 'texts' | 'projectList'>, blocks: readonly BlockDeclaration[]): string {
  const projects = blocks.flatMap((b) => (b.projects === undefined ? [] : projectsIn(f, b.projects))).length;
  const length = textLength(f, blocks);
  const text = length > 0 ? `全文（约 ${length < 100 ? length : Math.round(length / 100) * 100} 字）` : '';
  const tables = projects > 0 ? `${projects} 个项目的绩效目标表` : '';
  return `展开${text}${text && tables ? '和' : ''}${tables ? ` ${tables}` : ''}`;
}
