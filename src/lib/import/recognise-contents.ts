import { isTable, isText, type TableBlock, type TextBlock } from './blocks.ts';
import { cellText, compact, isContentsLine } from './text.ts';
import type { DocumentWalk } from './document-walk.ts';

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
export function isContentsTable(t: TableBlock): boolean {
  return t.rows.every((r) => {
    const filled = r.cells.map(cellText).filter((c) => c !== '');
    return filled.length === 2 && /^\d{1,3}$/.test(compact(filled[1]!));
  });
}

export function contentsHeading(walk: DocumentWalk, block: TextBlock): void {
  let last = walk.i;
  for (let k = walk.i + 1; k < walk.blocks.length; k++) {
    const b = walk.blocks[k]!;
    if (isTable(b)) {
      if (isContentsTable(b)) last = k;
      else break;
    }
  }
  if (last === walk.i) return textContents(walk, block);
  const lines = walk.blocks.slice(walk.i, last + 1);
  const entries = lines.reduce((n, b) => n + (isTable(b) ? b.rows.length : 0), 0);
  walk.contentsEntries.push(...lines.flatMap((b) => (isTable(b) ? b.rows.map((r) => contentsEntry(r.cells.map(cellText).filter((c) => c !== '')[0] ?? '')) : [])).filter((e) => e !== ''));
  walk.report.add(block.line, 'skipped', `table of contents (${entries} entries with page numbers, ${lines.filter(isText).length} heading lines): not content, left out`);
  walk.i = last + 1;
}

/**
 * A 目录 printed as lines of text (a PDF, a Word document without a
 * contents table): it runs until its first entry is printed again as the
 * document's first heading. Its first entry is its first line, unless the
 * document never prints that line again (a label such as 部门预算公开表
 * over the entries); then its first line with a page number. Otherwise the
 * 目录 was read as headings, and their numbers hid the real headings.
 */
function textContents(walk: DocumentWalk, heading: TextBlock): void {
  const ahead: number[] = [];
  for (let k = walk.i + 1; k <= walk.i + 200 && isText(walk.blocks[k]); k++) if (contentsEntry((walk.blocks[k] as TextBlock).text) !== '') ahead.push(k);
  const printedAgain = (first: number | undefined) => {
    if (first === undefined) return -1;
    const key = compact(contentsEntry((walk.blocks[first] as TextBlock).text));
    return walk.blocks.findIndex((b, k) => k > first && isText(b) && compact(contentsEntry(b.text)) === key);
  };
  let end = printedAgain(ahead[0]);
  if (end < 0) end = printedAgain(ahead.find((k) => isContentsLine((walk.blocks[k] as TextBlock).text)));
  if (end < 0 || end - walk.i > 200 || walk.blocks.slice(walk.i + 1, end).some(isTable)) {
    walk.report.add(heading.line, 'skipped', '目录 heading without entries the document prints again: the heading is left out');
    walk.i++;
    return;
  }
  const entries = walk.blocks.slice(walk.i + 1, end).filter(isText).map((b) => contentsEntry(b.text)).filter((e) => e !== '');
  walk.contentsEntries.push(...entries);
  walk.report.add(heading.line, 'skipped', `table of contents (${entries.length} entries printed as lines of text): not content, left out; its entries are kept as the record's contents`);
  walk.i = end;
}

export function contentsTable(walk: DocumentWalk, block: TableBlock): void {
  walk.report.add(block.line, 'skipped', `table of contents (${block.rows.length} entries with page numbers): not content, left out`);
  walk.i++;
}
