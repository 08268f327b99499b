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
  const data = [header, ...table.rows.map((row) => row.map((cell) => cell ?? ''))];
  // A cell of text that starts like a formula is quoted so a spreadsheet shows it instead of running it; '-' is left alone for negative amounts.
  return `\uFEFF${Papa.unparse(data, { newline: '\r\n', escapeFormulae: /^[=+@\t\r]/ })}\r\n`;
}

/** The whole record as JSON: declaration, table rows, projects and narrative. */
export function filingJson(filing: Filing): string {
  return `${JSON.stringify(filing, null, 2)}\n`;
}
