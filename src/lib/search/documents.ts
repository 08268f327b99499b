import { formatAmount } from '../records/decimal.ts';
import { regionPath } from '../records/filing-path.ts';
import type { Filing } from '../records/load-filing.ts';
import type { Project } from '../records/schema/project.ts';
import type { BlockDeclaration } from '../records/schema/section.ts';
import type { Cell, Table } from '../records/schema/table.ts';
import { EMPTY_TABLE_TEXT } from '../render/data-table.ts';
import {
  PROJECTS_HEADING,
  indicatorTable,
  numbered,
  projectAnchor,
  projectBudgetTable,
  projectsIn,
  sectionAnchor,
  standaloneTables,
  standardTablesHeading,
  tableAnchor,
  unplacedProjects,
} from '../site/filing-view.ts';
import { rowHeaderColumn, type TableColumn } from '../site/table-model.ts';
import { htmlBlocks } from './html-text.ts';
import { FIELD, type Field } from './layout.ts';

/**
 * What the search finds on a filing's page, made from the record as the page
 * renders it (src/components/Filing/*, src/lib/render/data-table.ts): the
 * same anchors, the same headings and the same figures as printed. The
 * page's own commentary (主要数字, 数据核对, table notes), navigation and the
 * column headers every filing repeats are not in it. The bench's ground truth
 * (scripts/bench-search/page-text.ts) reads the same parts from the built
 * HTML on its own: the two agreeing is what shows this text is the page's.
 */


export interface SearchBlock {
  field: Field;
  /** As the page prints it (not normalised): the excerpt shows it. */
  text: string;
}

/** A part of the page a result can link to: its anchor ('' for the top) and its blocks, none of which a match crosses. */
export interface SearchUnit {
  anchor: string;
  blocks: SearchBlock[];
}

export interface SearchDocument {
  /** The filing's id, its page's path in the site without the base path. */
  id: string;
  title: string;
  region: string[];
  department: string;
  year: number;
  kind: string;
  units: SearchUnit[];
}


const block = (field: Field, text: string | null | undefined): SearchBlock[] => (text === null || text === undefined || text.trim() === '' ? [] : [{ field, text }]);

/** A DataTable's searchable text: its title when searchable, and each body cell as printed unless its column is kept out of search. */
function tableBlocks(title: string | null, columns: readonly TableColumn[], rows: readonly (readonly Cell[])[], options: { empty?: boolean; rowHeader?: number; groupColumns?: number }): SearchBlock[] {
  const out: SearchBlock[] = [...block(FIELD.label, title)];
  if (options.empty || rows.length === 0) return [...out, ...block(FIELD.text, EMPTY_TABLE_TEXT)];
  for (const row of rows) {
    const label = rowHeaderColumn(row, columns, options.rowHeader);
    row.forEach((cell, c) => {
      const column = columns[c]!;
      if (cell === null || column.searchable === false) return;
      const text = column.type === 'amount' ? formatAmount(cell) : cell;
      out.push(...block(c === label || c < (options.groupColumns ?? 0) ? FIELD.label : FIELD.text, text));
    });
  }
  return out;
}

function recordTable(table: Table): SearchUnit {
  return { anchor: tableAnchor(table.id), blocks: tableBlocks(table.title, table.columns, table.rows, { empty: table.empty === true }) };
}

function projectUnits(project: Project, index: number): SearchUnit {
  const facts = [project.code, project.group, ...Object.values(project.facts), project.purpose];
  const budget = projectBudgetTable(project);
  const indicators = indicatorTable(project);
  return {
    anchor: projectAnchor(index),
    blocks: [
      ...block(FIELD.label, `${project.number}、${project.title}`),
      ...facts.flatMap((text) => block(FIELD.text, text)),
      ...(budget ? tableBlocks(null, budget.columns, budget.rows, {}) : []),
      ...project.goals.flatMap((goal) => block(FIELD.text, goal)),
      ...(indicators.rows.length > 0 ? tableBlocks(null, indicators.columns, indicators.rows, { rowHeader: 2, groupColumns: 2 }) : []),
    ],
  };
}

function blockUnits(filing: Filing, html: Readonly<Record<string, string>>, blocks: readonly BlockDeclaration[], tables: ReadonlyMap<string, Table>, own: SearchUnit): SearchUnit[] {
  const out: SearchUnit[] = [own];
  for (const b of blocks) {
    if (b.markdown !== undefined) own.blocks.push(...htmlBlocks(html[b.markdown] ?? '').map((text) => ({ field: FIELD.text, text })));
    if (b.table !== undefined) out.push(recordTable(tables.get(b.table)!));
    if (b.projects !== undefined) out.push(...projectsIn(filing, b.projects).map(({ project, index }) => projectUnits(project, index)));
    for (const entry of b.glossary ?? []) own.blocks.push(...block(FIELD.label, entry.term), ...block(FIELD.text, entry.definition));
    for (const goal of b.goals ?? []) own.blocks.push(...block(FIELD.label, goal.title), ...block(FIELD.text, goal.target), ...goal.indicators.flatMap((line) => block(FIELD.text, line)));
  }
  return out;
}

/** The search document of a filing's page: its units in page order; `html` is its Markdown as the page shows it (filing-view.ts textsHtml). */
export function searchDocument(filing: Filing, html: Readonly<Record<string, string>>): SearchDocument {
  const region = regionPath(filing);
  const top: SearchUnit = {
    anchor: '',
    blocks: [...block(FIELD.title, filing.title), ...block(FIELD.title, region.join('')), ...block(FIELD.title, filing.department.name), ...block(FIELD.text, String(filing.year)), ...block(FIELD.text, filing.kind)],
  };
  const units: SearchUnit[] = [top];
  const standalone = standaloneTables(filing);
  if (standalone.length > 0) {
    top.blocks.push(...block(FIELD.label, standardTablesHeading(filing)));
    units.push(...standalone.map(recordTable));
  }
  const tables = new Map(filing.tables.map((t) => [t.id, t]));
  for (const section of filing.sections) {
    for (const part of [section, ...section.subsections]) {
      units.push(...blockUnits(filing, html, part.blocks, tables, { anchor: sectionAnchor(part.id), blocks: block(FIELD.label, numbered(part.number, part.title)) }));
    }
  }
  const rest = unplacedProjects(filing);
  if (rest.length > 0) units.push({ anchor: 'projects', blocks: block(FIELD.label, PROJECTS_HEADING) }, ...rest.map(({ project, index }) => projectUnits(project, index)));
  return { id: filing.id, title: filing.title, region, department: filing.department.name, year: filing.year, kind: filing.kind, units: units.filter((u) => u.blocks.length > 0) };
}
