import { type Block, DOCUMENT_LIMITS, withCovered } from '../blocks.ts';
import { ImportError } from '../report.ts';
import { Numbering } from './docx-numbering.ts';
import { joinCellLines, paragraphText } from './docx-text.ts';
import { labelLines } from './label-rows.ts';
import { type XmlNode, attrOf, childOf, childrenOf, findElement, parseXml, tagOf } from './xml.ts';
import type { ZipPackage } from './zip-package.ts';

export const DOCUMENT_PART = 'word/document.xml';

/** Containers of block content (paragraphs, tables, rows, cells) read through. */
const CONTAINERS = new Set(['w:customXml', 'w:ins', 'w:moveTo']);
/**
 * The XML of a 400-page budget document is a few tens of MB; parsing takes
 * about a second per 7 MB, so more than this would be minutes, not a document.
 */
const MAX_DOCUMENT_XML = 64 * 1024 * 1024;
/** Deeper nesting than this is not a document a person made. */
const MAX_NESTING = 32;

/** The children of a container, with content controls and custom XML opened up; deleted content left out. */
function contentOf(nodes: readonly XmlNode[], out: XmlNode[] = []): XmlNode[] {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:sdt') contentOf(childrenOf(childOf(node, 'w:sdtContent') ?? {}), out);
    else if (CONTAINERS.has(tag)) contentOf(childrenOf(node), out);
    else out.push(node);
  }
  return out;
}

/** Word tables have at most 63 columns: a span or skip beyond that is a made-up file, held to it. */
const MAX_COLUMNS = 63;

const gridCount = (node: XmlNode | undefined, fallback: number) => {
  const value = node ? Number.parseInt(attrOf(node, 'w:val') ?? '', 10) : NaN;
  return Number.isFinite(value) && value >= 0 ? Math.min(value, MAX_COLUMNS) : fallback;
};

class DocxReader {
  readonly blocks: Block[] = [];
  private line = 0;

  constructor(
    private readonly file: string,
    private readonly numbering: Numbering,
  ) {}

  /** A paragraph's text with its automatic list number in front. */
  private paragraph(p: XmlNode): string {
    return this.numbering.label(p) + paragraphText(p);
  }

  body(nodes: readonly XmlNode[]): void {
    for (const node of contentOf(nodes)) {
      const tag = tagOf(node);
      if (tag === 'w:p') {
        for (const text of this.paragraph(node).split('\n')) if (text.trim() !== '') this.blocks.push({ kind: 'text', text, line: ++this.line });
      } else if (tag === 'w:tbl') {
        const grid = this.grid(node, 0);
        if (grid.length === 0) continue;
        const labels = labelLines(grid.map((row) => row.cells));
        if (labels) {
          for (const text of labels) this.blocks.push({ kind: 'text', text, line: ++this.line });
          continue;
        }
        const rows = grid.map((row) => withCovered({ cells: row.cells, line: ++this.line }, row.coveredBy));
        this.blocks.push({ kind: 'table', rows, line: rows[0]!.line });
      }
    }
  }

  /**
   * A table as a grid of the w:tblGrid's width: a cell spanning n grid
   * columns (w:gridSpan) has its text in the first and '' in the others; a
   * cell continuing a vertical merge is '' (the text stays in the cell that
   * restarts it); w:gridBefore / w:gridAfter columns are ''.
   */
  private table(tbl: XmlNode, depth: number): string[][] {
    return this.grid(tbl, depth).map((row) => row.cells);
  }

  /** The table's rows with, for each cell a merged cell covers, that cell's text (TableRow.coveredBy). */
  private grid(tbl: XmlNode, depth: number): { cells: string[]; coveredBy: (string | undefined)[] }[] {
    if (depth > MAX_NESTING) throw new ImportError(this.file, this.line, `tables nested more than ${MAX_NESTING} deep: not read`);
    const gridColumns = childrenOf(childOf(tbl, 'w:tblGrid') ?? {}).filter((c) => tagOf(c) === 'w:gridCol').length;
    const rows: { cells: string[]; coveredBy: (string | undefined)[] }[] = [];
    // The text of the vertical merge each grid column is in, for the cells that continue it.
    const restarted: string[] = [];
    for (const tr of contentOf(childrenOf(tbl))) {
      if (tagOf(tr) !== 'w:tr') continue;
      const trPr = childOf(tr, 'w:trPr');
      if (trPr && childOf(trPr, 'w:del')) continue;
      if (rows.length === DOCUMENT_LIMITS.rows) {
        throw new ImportError(this.file, this.line + 1, `a Word table has more than ${DOCUMENT_LIMITS.rows} rows, the most one table may have`);
      }
      const cells: string[] = Array<string>(gridCount(childOf(trPr ?? {}, 'w:gridBefore'), 0)).fill('');
      const coveredBy: (string | undefined)[] = cells.map(() => undefined);
      for (const tc of contentOf(childrenOf(tr))) {
        if (tagOf(tc) !== 'w:tc') continue;
        const tcPr = childOf(tc, 'w:tcPr');
        const span = Math.max(1, gridCount(childOf(tcPr ?? {}, 'w:gridSpan'), 1));
        const vMerge = childOf(tcPr ?? {}, 'w:vMerge');
        const hMerge = childOf(tcPr ?? {}, 'w:hMerge');
        const continued = (vMerge && attrOf(vMerge, 'w:val') !== 'restart') || (hMerge && attrOf(hMerge, 'w:val') !== 'restart');
        const at = cells.length;
        const text = continued ? '' : this.cellText(tc, depth);
        if (vMerge && !continued) for (let k = 0; k < span; k++) restarted[at + k] = text;
        const origin = continued ? (restarted[at] ?? '') : text;
        cells.push(text, ...Array<string>(span - 1).fill(''));
        coveredBy.push(continued ? origin : undefined, ...Array<string | undefined>(span - 1).fill(origin));
      }
      const after = gridCount(childOf(trPr ?? {}, 'w:gridAfter'), 0);
      cells.push(...Array<string>(after).fill(''));
      coveredBy.push(...Array<undefined>(after).fill(undefined));
      rows.push({ cells, coveredBy });
    }
    // A row wider than the declared grid means the grid is wrong, not that its cells are extra.
    const width = rows.reduce((most, r) => Math.max(most, r.cells.length), gridColumns);
    for (const row of rows) {
      while (row.cells.length < width) row.cells.push('');
      while (row.coveredBy.length < width) row.coveredBy.push(undefined);
    }
    return rows;
  }

  /** A cell's paragraphs, and the cells of tables nested in it, as one text. */
  private cellText(tc: XmlNode, depth: number): string {
    const pieces: string[] = [];
    for (const node of contentOf(childrenOf(tc))) {
      const tag = tagOf(node);
      if (tag === 'w:p') for (const piece of this.paragraph(node).split('\n')) pieces.push(piece);
      else if (tag === 'w:tbl') for (const row of this.table(node, depth + 1)) for (const cell of row) pieces.push(cell);
    }
    return joinCellLines(pieces);
  }
}

/**
 * Read a .docx's main part in body order: each paragraph's lines (with
 * their automatic list numbers) as text blocks, each table as one table
 * block. Headers, footers and footnotes are page furniture and are not read.
 */
export function readDocx(file: string, pkg: ZipPackage): Block[] {
  const size = pkg.entries.get(DOCUMENT_PART)!.size;
  if (size > MAX_DOCUMENT_XML) {
    throw new ImportError(file, undefined, `${DOCUMENT_PART} is ${Math.round(size / 1024 / 1024)} MB of XML, more than the ${MAX_DOCUMENT_XML / 1024 / 1024} MB a document's text may take: split the document`);
  }
  const xml = parseXml(file, DOCUMENT_PART, pkg.textOf(DOCUMENT_PART));
  const body = findElement(xml, 'w:body');
  if (!body) throw new ImportError(file, undefined, `${DOCUMENT_PART} has no w:body: not a Word document`);
  const reader = new DocxReader(file, new Numbering(file, pkg));
  reader.body(childrenOf(body));
  return reader.blocks;
}
