import Papa from 'papaparse';
import { headerLabel } from '../records/schema/table.ts';
import type { Column } from '../records/schema/table.ts';
import type { PublicFiling } from '../public-data/filing-schema.ts';

type CsvColumn = Pick<Column, 'header' | 'type'>;

// A cell that starts like a formula gets a leading ' so a spreadsheet shows it instead of running it. Amount and
// number cells are validated figures, where a leading '-' is a negative number; in text, '-2+3+cmd|…' is a formula.
// A sign alone is data, not a formula (the 比较符 "=", the placeholder "-"), and is written as it is.
const formula = (type: Column['type']) => (type === 'amount' || type === 'number' ? /^[=+@\t\r]./s : /^[-=+@\t\r]./s);
const TEXT_FORMULA = formula('text');

/** The labels of a CSV's header row: each column's header path joined by "/", guarded like a text cell. */
export function csvHeaderLabels(columns: readonly Pick<Column, 'header'>[]): string[] {
  return columns.map(headerLabel).map((label) => (TEXT_FORMULA.test(label) ? `'${label}` : label));
}

/**
 * One table as CSV in the record's own shape: the header row is the header
 * path joined by "/", amounts are the exact decimals of the record. A BOM
 * leads so that spreadsheet programs read the Chinese text as UTF-8.
 */
export function tableCsv(table: { columns: readonly CsvColumn[]; rows: readonly (readonly (string | null)[])[] }): string {
  const patterns = table.columns.map((c) => formula(c.type));
  const data = [csvHeaderLabels(table.columns), ...table.rows.map((row) => row.map((cell, c) => (cell && patterns[c]!.test(cell) ? `'${cell}` : (cell ?? ''))))];
  return `\uFEFF${Papa.unparse(data, { newline: '\r\n' })}\r\n`;
}

/** A filing as published (src/lib/public-data/filing-schema.ts). */
export function filingJson(filing: PublicFiling): string {
  return `${JSON.stringify(filing, null, 2)}\n`;
}
