import type { Block, SourceForm, TableBlock, TableRow, TextBlock } from './blocks.ts';
import type { ImportReport } from './report.ts';
import { opensPart } from './stray-lines.ts';
import { cellText, isPageFurniture, numericCell } from './text.ts';

/**
 * What a page break leaves in a converter's text, mended on the block stream
 * before anything is recognised, each mend reported with its source line:
 * page numbers between the parts of a page are left out; a table row broken
 * by the page is one row again; a sentence broken by the page is one
 * paragraph again (`…包括人员经` / `费 1315.17 万元…`).
 */
export function mendPageBreaks(blocks: readonly Block[], report: ImportReport): Block[] {
  const out: Block[] = [];
  let afterFurniture = false;
  // Word and Excel files keep their paragraphs as the author wrote them: only extracted text and PDF lines are rejoined.
  const paragraphsKnown = STRUCTURED.has(report.form);
  for (const block of blocks) {
    if (block.kind === 'text' && isPageFurniture(stripMarks(block.text))) {
      report.add(block.line, 'skipped', `"${stripMarks(block.text)}": a page number or stray mark between pages, not content`);
      afterFurniture = true;
      continue;
    }
    const previous = out[out.length - 1];
    // Lines of one printed page are the reader's to put into paragraphs; only a page between them is mended here.
    const samePage = previous?.page !== undefined && previous.page === block.page;
    if (previous?.kind === 'text' && block.kind === 'text' && !paragraphsKnown && !samePage && continuesSentence(previous.text, block.text)) {
      out[out.length - 1] = joinParagraphs(previous, block, report);
    } else if (previous?.kind === 'table' && block.kind === 'table' && afterFurniture) {
      const [before, after] = joinBrokenRow(previous, block, report);
      out[out.length - 1] = before;
      if (after.rows.length > 0) out.push(after);
    } else out.push(block);
    afterFurniture = false;
  }
  return out;
}

const STRUCTURED: ReadonlySet<SourceForm> = new Set(['docx', 'xlsx', 'xls']);

const stripMarks = (text: string) => text.replace(/^\[bookmark:[^\]]*\]\s*/, '').trim();

/** Ends a sentence, a clause a colon opens, or a bracketed or quoted part: the paragraph may end here. */
const SENTENCE_END = /[。；;：:！!？?…．.)）」』”"’'】]$/;
/** Opens a paragraph of its own: `（一）`, `1、`, `一是`, `①`, or a label `绩效指标 1：`. */
const PARAGRAPH_START = /^(?:[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[、.．]|[一二三四五六七八九十]+是|[①-⑳]|[^，。；：:]{1,15}[：:])/;
const CLAUSE = /[，。；、,;]/;

/**
 * `next` is the rest of the sentence `text` breaks off: `text` is prose (it
 * has clauses) that stops without a sentence's end, and `next` is prose that
 * opens no heading, numbered item or label of its own.
 */
function continuesSentence(text: string, next: string): boolean {
  const a = stripMarks(text);
  const b = stripMarks(next);
  if (a.length < 20 || !CLAUSE.test(a) || SENTENCE_END.test(a) || opensPart(a)) return false;
  return CLAUSE.test(b) && !opensPart(b) && !PARAGRAPH_START.test(b);
}

function joinParagraphs(first: TextBlock, next: TextBlock, report: ImportReport): TextBlock {
  const a = first.text.trimEnd();
  const b = next.text.trim();
  const space = /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? ' ' : '';
  report.add(next.line, 'joined', `line ${next.line} continues the sentence of line ${first.line} broken by a page ("…${a.slice(-6)}" + "${b.slice(0, 6)}…"): one paragraph`);
  return { ...first, text: `${a}${space}${b}` };
}

/** Cells of the widest row: the table's width as the converter wrote its rows. */
const widthOf = (rows: readonly TableRow[]) => Math.max(0, ...rows.map((r) => r.cells.length));

/**
 * A row that a page number cut in two (Word → text writes merged cells once,
 * so rows may be short): the last row of one page and the first of the next,
 * each shorter than the table, that together make its width. The part after
 * the break is figures or blank when it is a single cell, never a page header.
 */
function joinBrokenRow(before: TableBlock, after: TableBlock, report: ImportReport): [TableBlock, TableBlock] {
  const width = widthOf(before.rows);
  const last = before.rows[before.rows.length - 1];
  const [first, ...rest] = after.rows;
  if (!last || !first || last.cells.length >= width || last.cells.length + first.cells.length !== width) return [before, after];
  if (first.cells.length === 1 && cellText(first.cells[0]!) !== '' && numericCell(first.cells[0]!) === null) return [before, after];
  report.add(first.line, 'joined', `the row of line ${last.line} continues on line ${first.line} after a page break: one row of ${width} cells`);
  const joined = { ...last, cells: [...last.cells, ...first.cells] };
  return [{ ...before, rows: [...before.rows.slice(0, -1), joined] }, { ...after, rows: rest, line: rest[0]?.line ?? after.line }];
}
