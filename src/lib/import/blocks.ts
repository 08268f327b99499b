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

export const isText = (b: Block | undefined): b is TextBlock => b?.kind === 'text';
export const isTable = (b: Block | undefined): b is TableBlock => b?.kind === 'table';

/** The forms a document comes in: three forms of a converter's text, and the documents themselves. */
export const sourceForms = ['word-cells', 'tab-rows', 'markdown-pipes', 'pdf', 'docx', 'xlsx', 'xls'] as const;
export type SourceForm = (typeof sourceForms)[number];

/**
 * How the source reached the portal, in the words a citizen reads under
 * 出处: the original document, or the text a converter extracted from it.
 */
export const sourceOrigins: Record<SourceForm, (title: string) => string> = {
  'word-cells': (title) => `${title}原件经文档转换工具提取的文本（由 Word 文档转换，每行一个单元格）`,
  'tab-rows': (title) => `${title}原件经文档转换工具提取的文本（由 Word 或 PDF 文档转换，每行一个表格行）`,
  'markdown-pipes': (title) => `${title}原件经文档转换工具提取的文本（由 PDF 文档转换，表格按行排列）`,
  pdf: (title) => `${title}的 PDF 原件`,
  docx: (title) => `${title}的 Word 原件`,
  xlsx: (title) => `${title}的 Excel 原件`,
  xls: (title) => `${title}的 Excel 原件`,
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
