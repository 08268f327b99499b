/**
 * The common stream every reader produces: lines of text and tables, each
 * carrying the source line it starts on, so that every recogniser can name
 * the place in the document it is talking about.
 */
export interface TextBlock {
  kind: 'text';
  text: string;
  line: number;
}

export interface TableRow {
  cells: string[];
  line: number;
}

export interface TableBlock {
  kind: 'table';
  rows: TableRow[];
  line: number;
}

export type Block = TextBlock | TableBlock;

/** The text forms of the seeds; each has its own reader. */
export const sourceForms = ['word-cells', 'tab-rows', 'markdown-pipes'] as const;
export type SourceForm = (typeof sourceForms)[number];

export const formDescriptions: Record<SourceForm, string> = {
  'word-cells': 'Word → text, one table cell per line',
  'tab-rows': 'Word/PDF → text, one table row per line with tab-separated cells',
  'markdown-pipes': 'PDF → Markdown, pipe tables',
};
