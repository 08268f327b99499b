/**
 * The common stream every reader produces: lines of text and tables, each
 * carrying the source line it starts on, so that every recogniser can name
 * the place in the document it is talking about.
 */
export interface TextBlock {
  kind: 'text';
  text: string;
  line: number;
  /** Printed page (1-based) in a paged document (PDF): messages name it. */
  page?: number;
}

export interface TableRow {
  cells: string[];
  line: number;
  page?: number;
  /**
   * Where the reader knows the merged cells (PDF rulings, Word gridSpan and
   * vMerge, Excel merges): for a cell that a merged cell starting elsewhere
   * covers, that merged cell's text; its own cell text is ''. Tells a label
   * spanning the header apart from a blank, which text forms cannot.
   */
  coveredBy?: (string | undefined)[];
}

/** A row's coveredBy, left out when no cell of the row is covered. */
export function withCovered(row: TableRow, coveredBy: readonly (string | undefined)[]): TableRow {
  return coveredBy.some((c) => c !== undefined) ? { ...row, coveredBy: [...coveredBy] } : row;
}

export interface TableBlock {
  kind: 'table';
  rows: TableRow[];
  line: number;
  page?: number;
  /** Sheet name of a spreadsheet table. */
  sheet?: string;
}

export type Block = TextBlock | TableBlock;

/** The text forms of the seeds; each has its own reader. */
export const sourceForms = ['word-cells', 'tab-rows', 'markdown-pipes', 'pdf', 'docx', 'xlsx', 'xls'] as const;
export type SourceForm = (typeof sourceForms)[number];

export const formDescriptions: Record<SourceForm, string> = {
  'word-cells': 'Word → text, one table cell per line',
  'tab-rows': 'Word/PDF → text, one table row per line with tab-separated cells',
  'markdown-pipes': 'PDF → Markdown, pipe tables',
  pdf: 'PDF with a text layer: text items with positions, tables from their rulings',
  docx: 'Word .docx: paragraphs and table cells as the document stores them',
  xlsx: 'Excel .xlsx: every sheet, merged cells, numbers as stored',
  xls: 'Excel 97–2003 .xls: every sheet, merged cells, numbers as stored',
};

/**
 * Limits on what one document may expand to: a reader that would pass them
 * stops with a message instead of filling memory or running for minutes.
 */
export const DOCUMENT_LIMITS = {
  /** Bytes of the document itself. */
  bytes: 64 * 1024 * 1024,
  /** Bytes a zipped document (.docx, .xlsx) may unpack to, all entries together. */
  unpackedBytes: 256 * 1024 * 1024,
  /** Pages of a PDF. */
  pages: 400,
  /** Rows of one spreadsheet sheet or Word table. */
  rows: 50_000,
} as const;
