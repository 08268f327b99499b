import Papa from 'papaparse';
import { headerLabel, type Filing } from '../records/load-filing.ts';
import type { Table } from '../records/schema/table.ts';

/**
 * One table as CSV in the record's own shape: the header row is the header
 * path joined by "/", amounts are the exact decimals of the record. A BOM
 * leads so that spreadsheet programs read the Chinese text as UTF-8.
 */
export function tableCsv(table: Pick<Table, 'columns' | 'rows'>): string {
  const header = table.columns.map(headerLabel);
  // A cell that starts like a formula gets a leading ' so a spreadsheet shows it instead of running it. Amount and
  // number cells are validated figures, where a leading '-' is a negative number; in text, '-2+3+cmd|…' is a formula.
  const formula = (type: Table['columns'][number]['type']) => (type === 'amount' || type === 'number' ? /^[=+@\t\r]/ : /^[-=+@\t\r]/);
  const patterns = table.columns.map((c) => formula(c.type));
  const data = [header.map((label) => (formula('text').test(label) ? `'${label}` : label)), ...table.rows.map((row) => row.map((cell, c) => (cell && patterns[c]!.test(cell) ? `'${cell}` : (cell ?? ''))))];
  return `\uFEFF${Papa.unparse(data, { newline: '\r\n' })}\r\n`;
}

/** The whole record as JSON: declaration, table rows, projects and narrative. */
export function filingJson(filing: Filing): string {
  return `${JSON.stringify(filing, null, 2)}\n`;
}
