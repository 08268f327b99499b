import * as XLSX from '@e965/xlsx';
import { type Block, DOCUMENT_LIMITS } from '../blocks.ts';
import { ImportError } from '../report.ts';
import { cellString } from './sheet-cells.ts';
import { type CellRange, type SheetGrid, sheetBlocks } from './sheet-blocks.ts';

const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  cellFormula: false,
  cellHTML: false,
  cellNF: true,
  dense: true,
  // SheetJS stops reading a sheet here, so a 100,000-row sheet costs no more than a 50,001-row one.
  sheetRows: DOCUMENT_LIMITS.rows + 1,
};

function openWorkbook(file: string, data: Uint8Array): XLSX.WorkBook {
  try {
    return XLSX.read(data, READ_OPTIONS);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) throw new ImportError(file, undefined, 'the document is password-protected (encrypted): open it, save it without a password, and import it again');
    throw new ImportError(file, undefined, `expected an Excel workbook SheetJS can read, found a damaged or unsupported one (${message})`);
  }
}

/** The sheet as rows of text; SheetJS's dense rows are sparse arrays of cells. */
function sheetGrid(file: string, name: string, sheet: XLSX.WorkSheet): SheetGrid {
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const full = sheet['!fullref'] ?? sheet['!ref'];
  const declared = full ? XLSX.utils.decode_range(full).e.r + 1 : 0;
  if (data.length > DOCUMENT_LIMITS.rows || declared > DOCUMENT_LIMITS.rows) {
    // SheetJS stopped at the limit: a range no larger than where it stopped may be only what it read.
    const count = declared > DOCUMENT_LIMITS.rows + 1 ? `${declared} rows` : `more than ${DOCUMENT_LIMITS.rows} rows`;
    throw new ImportError(file, undefined, `sheet "${name}" has ${count}, more than the ${DOCUMENT_LIMITS.rows} a sheet may have: split it or remove the rows that are not part of the tables`);
  }
  const rows = Array.from(data, (row) => Array.from(row ?? [], (cell) => cellString(cell)));
  const merges = (sheet['!merges'] ?? []) as CellRange[];
  const origins = new Map(merges.map((m) => [`${m.s.r}:${m.s.c}`, rows[m.s.r]?.[m.s.c] ?? '']));
  for (const m of merges) {
    for (let r = m.s.r; r <= m.e.r && r < rows.length; r++) {
      const row = rows[r]!;
      for (let c = m.s.c; c <= m.e.c && c < row.length; c++) if (r !== m.s.r || c !== m.s.c) row[c] = '';
    }
  }
  return { name, rows, merges, origins };
}

/**
 * Read an .xlsx or .xls workbook with SheetJS: every visible sheet in
 * workbook order (a hidden sheet is not part of the published document),
 * numbers as stored, merged cells once. Lines run on through the sheets.
 */
export function readWorkbook(file: string, data: Uint8Array): Block[] {
  const workbook = openWorkbook(file, data);
  const hidden = new Set((workbook.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name));
  let line = 0;
  const nextLine = () => ++line;
  const blocks: Block[] = [];
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    if (!sheet || hidden.has(name)) continue;
    for (const block of sheetBlocks(file, sheetGrid(file, name, sheet), nextLine)) blocks.push(block);
  }
  return blocks;
}
