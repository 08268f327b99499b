import type { GlossaryEntry, Goal } from '../records/schema/section.ts';
import type { StandardTableKey } from '../records/schema/table.ts';
import type { ColumnDraft } from './columns.ts';
import type { ProjectDraft } from './projects.ts';

/** What the recogniser makes of a document, before it is written as a record (import-document.ts). */

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
