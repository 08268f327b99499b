import Papa from 'papaparse';
import { readText, rel, type Context } from './read-record-file.ts';
import { bidiControlProblem, hasBidiControl, stripBidiControls } from './clean-text.ts';
import { csvNewline, mixedNewlineMessage } from './csv-line-endings.ts';

export interface CsvRecord {
  cells: string[];
  /** Line of the file the record starts on. */
  line: number;
}

/** The non-blank records of a CSV file with the line each starts on, or null (with the problem noted) when it cannot be read. */
export function readCsv(ctx: Context, path: string, field: string): CsvRecord[] | null {
  const text = readText(ctx, path, field);
  if (text === null) return null;
  const newline = csvNewline(text);
  if (!('newline' in newline)) {
    ctx.problems.push({ file: rel(ctx, path), line: newline.line, message: mixedNewlineMessage(newline) });
    return null;
  }
  // Naming the delimiter and line break spares Papa its trial parses to guess them, which took three quarters of its time.
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: newline.newline, skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) {
    ctx.problems.push({ file: rel(ctx, path), ...(fatal.row !== undefined ? { line: fatal.row + 1 } : {}), message: `malformed CSV: ${fatal.message}` });
    return null;
  }
  const records: CsvRecord[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    const isBlank = cells.length === 1 && cells[0] === '';
    if (!isBlank) records.push({ cells, line });
    line += 1;
    for (const cell of cells) if (cell.includes('\n')) line += cell.split('\n').length - 1;
  }
  if (hasBidiControl(text)) bidiControlProblems(ctx, rel(ctx, path), records);
  return records;
}

/** Each cell shown in another order than the checks read it (clean-text.ts), named by its line and column. */
function bidiControlProblems(ctx: Context, file: string, records: CsvRecord[]): void {
  const header = records[0]?.cells ?? [];
  for (const [r, record] of records.entries()) {
    record.cells.forEach((cell, c) => {
      const message = bidiControlProblem(cell);
      const column = stripBidiControls(header[c] ?? '').trim();
      const field = r === 0 ? `header of column ${c + 1}` : column === '' ? `column ${c + 1}` : `column "${column}"`;
      if (message) ctx.problems.push({ file, line: record.line, field, message });
    });
  }
}
