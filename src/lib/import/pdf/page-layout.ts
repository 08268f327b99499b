import type { Piece } from './geometry.ts';
import { gridCells, piecesIn, type GridRow } from './grid-cells.ts';
import { findGrids } from './lattice.ts';
import type { Drawing } from './rulings.ts';
import { streamTables } from './stream-tables.ts';
import { paragraphs } from './paragraphs.ts';
import { groupLines, joinWrapped, lineText, tidy, type Line } from './text-lines.ts';
import { splitUnruledRows } from './unruled-rows.ts';

/** A page's content in reading order, before the document numbers its lines; a ruled table with its column edges `xs`. */
export type LaidOut = { kind: 'text'; text: string; top: number } | { kind: 'table'; rows: (string[] | GridRow)[]; top: number; xs?: number[] };

/**
 * One page as lines of text and tables, top to bottom: ruled tables from
 * the rulings (lattice; body rows without rulings cut by their white space), then tables of aligned text without rulings
 * (stream), then the other lines as paragraphs of text. A ruled grid with no text in it
 * (an empty row a table leaves on its last page) is dropped.
 */
export function layOutPage(pieces: readonly Piece[], drawing: Drawing): LaidOut[] {
  const out: LaidOut[] = [];
  const used = new Set<Piece>();
  for (const grid of findGrids(drawing.horizontal, drawing.vertical)) {
    const own = piecesIn(grid, pieces).filter((p) => !used.has(p));
    if (own.length === 0) continue;
    for (const p of own) used.add(p);
    out.push({ kind: 'table', rows: gridCells(splitUnruledRows(grid, own), own), top: grid.box.top, xs: grid.xs });
  }
  const lines = groupLines(pieces.filter((p) => !used.has(p)));
  const { tables, rest } = streamTables(lines);
  for (const t of tables) out.push({ kind: 'table', rows: t.rows, top: t.top });
  const tableTops = out.map((t) => t.top);
  const tableBetween = (above: Line, below: Line) => tableTops.some((top) => top > above.top && top < below.top);
  for (const paragraph of paragraphs(rest, tableBetween)) {
    const text = tidy(paragraph.map((line) => tidy(lineText(line.pieces))).reduce(joinWrapped));
    if (text) out.push({ kind: 'text', text, top: paragraph[0]!.top });
  }
  return out.sort((a, b) => a.top - b.top);
}
