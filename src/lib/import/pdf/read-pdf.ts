import { withCovered, type Block } from '../blocks.ts';
import { ImportError } from '../report.ts';
import { isPageFurniture } from '../text.ts';
import { onFirstPageColumns } from './continued-columns.ts';
import { asMatrix, type Box, type Piece } from './geometry.ts';
import type { GridRow } from './grid-cells.ts';
import { openPdf, pdfjs, reason, withPdfJs, type PdfDocument } from './open-pdf.ts';
import { layOutPage, type LaidOut } from './page-layout.ts';
import { itemPieces, uprightView, type TextItemLike } from './page-text.ts';
import { readDrawing, type Drawing } from './rulings.ts';

/** Wall-clock budget for one document: a PDF that takes longer is refused, not waited for. */
const READ_SECONDS = 120;
/** An image covering this share of a page without any text on it is a scanned page. */
const SCAN_COVER = 0.5;

interface PageContent {
  pieces: Piece[];
  drawing: Drawing;
  area: number;
}

async function readPage(doc: PdfDocument, n: number): Promise<PageContent> {
  const { OPS } = await pdfjs();
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 1 });
  const display = asMatrix(viewport.transform);
  if (!display) throw new Error('the page has no usable size');
  const content = await page.getTextContent();
  const items = content.items.filter((item): item is TextItemLike & typeof item => 'str' in item);
  const view = uprightView(items, display, viewport.width, viewport.height);
  const pieces = items.flatMap((item) => itemPieces(item, view));
  const drawing = readDrawing(await page.getOperatorList(), OPS, view);
  page.cleanup();
  return { pieces, drawing, area: viewport.width * viewport.height };
}

const area = (b: Box) => (b.x1 - b.x0) * (b.bottom - b.top);

function refuseScan(file: string, n: number): never {
  throw new ImportError(
    file,
    undefined,
    `page ${n} has no text layer, only an image (a scan?); the importer does not do OCR: import the PDF that the finance system exported, whose text can be selected`,
  );
}

/** Any failure on a page as an ImportError naming it: pdf.js's own errors are not for the user to read as a stack. */
const refuse =
  (file: string, n: number) =>
  (error: unknown): never => {
    if (error instanceof ImportError) throw error;
    throw new ImportError(file, undefined, `page ${n} could not be read: ${reason(error)}`);
  };

async function withDeadline<T>(work: Promise<T>, deadline: number, file: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ImportError(file, undefined, `reading the PDF took longer than ${READ_SECONDS} s; it was stopped`)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A PDF with a text layer as the block stream, page by page in reading
 * order: ruled tables as TableBlocks (one per table per page, cells on the
 * grid of the rulings), everything else as one TextBlock per visual line.
 * `line` counts through the document; every block and row has its page.
 */
export function readPdf(file: string, bytes: Uint8Array): Promise<Block[]> {
  return withPdfJs(() => readPages(file, bytes));
}

async function readPages(file: string, bytes: Uint8Array): Promise<Block[]> {
  const deadline = Date.now() + READ_SECONDS * 1000;
  const doc = await withDeadline(openPdf(file, bytes), deadline, file);
  try {
    const blocks: Block[] = [];
    let line = 0;
    let anyText = false;
    // The ruled table last read, while nothing but page numbers has followed it.
    let ruledAtEnd: { page: number; xs: number[] } | undefined;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await withDeadline(readPage(doc, n), deadline, file).catch(refuse(file, n));
      if (page.pieces.length === 0) {
        if (page.drawing.images.some((b) => area(b) >= SCAN_COVER * page.area)) refuseScan(file, n);
        continue;
      }
      anyText = true;
      let parts: LaidOut[] = [];
      try {
        parts = layOutPage(page.pieces, page.drawing);
      } catch (error) {
        refuse(file, n)(error);
      }
      // Only page numbers between the table that ends the page before and the first part of this page: a continuation.
      let continues = ruledAtEnd !== undefined && ruledAtEnd.page === n - 1;
      for (const part of parts) {
        if (part.kind === 'text') {
          blocks.push({ kind: 'text', text: part.text, line: ++line, page: n });
          if (!isPageFurniture(part.text)) [continues, ruledAtEnd] = [false, undefined];
          continue;
        }
        const grid = part.xs ? part.rows.filter((r): r is GridRow => !Array.isArray(r)) : [];
        const aligned = continues && part.xs && grid.length === part.rows.length ? onFirstPageColumns(grid, part.xs, ruledAtEnd!.xs) : null;
        const rows = (aligned ?? part.rows).map((row) => (Array.isArray(row) ? { cells: row, line: ++line, page: n } : withCovered({ cells: row.cells, line: ++line, page: n }, row.coveredBy)));
        blocks.push({ kind: 'table', rows, line: rows[0]!.line, page: n });
        continues = false;
        ruledAtEnd = part.xs ? { page: n, xs: aligned ? ruledAtEnd!.xs : part.xs } : undefined;
      }
    }
    if (!anyText && doc.numPages > 0) {
      throw new ImportError(file, undefined, 'page 1 has no text layer (no page of the PDF has text that can be selected); the importer does not do OCR: import the PDF that the finance system exported');
    }
    return blocks;
  } finally {
    await doc.loadingTask.destroy().catch(() => undefined);
  }
}
