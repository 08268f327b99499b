import { FILING_FILE, type FilingDeclaration } from './schema/filing.ts';
import { headerLabel, type Cell, type Table, type TableDeclaration } from './schema/table.ts';
import { rel, type Context } from './read-record-file.ts';
import { readCsv } from './csv-records.ts';
import { validateCell } from './cell-value.ts';

/** Empty to a reader: spaces, and characters that print nothing (zero-width space, BOM). */
const VISIBLE = /[^\s\p{Default_Ignorable_Code_Point}]/u;
const isBlank = (cell: string) => !VISIBLE.test(cell);

/**
 * The tables a filing declares, each read from its CSV file; a table that
 * cannot be read is left out, its problems noted. `ids` holds every declared
 * id, read or not, for the blocks that place the tables.
 */
export function readTables(ctx: Context, declaration: FilingDeclaration): { tables: Table[]; ids: Set<string> } {
  const ids = new Set<string>();
  const standards = new Map<string, string>();
  declaration.tables.forEach((t, i) => {
    if (ids.has(t.id)) ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `tables[${i}].id`, message: `duplicate table id "${t.id}"` });
    ids.add(t.id);
    if (!t.standard) return;
    const earlier = standards.get(t.standard);
    // The checks compare each standard table with the others and the text; a second one would be published unchecked.
    if (earlier) ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `tables[${i}].standard`, message: `"${t.standard}" is already the standard of table "${earlier}": a filing has each standard table once` });
    standards.set(t.standard, t.id);
  });
  const tables = declaration.tables.map((t, i) => readTable(ctx, t, i)).filter((t): t is Table => t !== null);
  return { tables, ids };
}

function readTable(ctx: Context, declaration: TableDeclaration, index: number): Table | null {
  const records = readCsv(ctx, declaration.csv, `tables[${index}].csv`);
  if (records === null) return null;
  const file = rel(ctx, declaration.csv);
  const [head, ...body] = records;
  const expected = declaration.columns.map(headerLabel);
  if (!head) {
    ctx.problems.push({ file, message: `expected a header row: ${expected.join(',')}` });
    return null;
  }
  const found = head.cells.map((c) => c.trim());
  if (found.join('\u0000') !== expected.join('\u0000')) {
    ctx.problems.push({
      file,
      line: 1,
      message: `header row does not match the columns declared in ${FILING_FILE} (tables[${index}].columns): expected ${expected.length} columns "${expected.join(',')}", found ${found.length} "${found.join(',')}"`,
    });
    return null;
  }
  const rows: Cell[][] = [];
  const lines: number[] = [];
  for (const record of body) {
    if (record.cells.length !== expected.length) {
      ctx.problems.push({ file, line: record.line, message: `expected ${expected.length} cells, found ${record.cells.length}` });
      continue;
    }
    if (record.cells.every((cell, c) => declaration.columns[c]!.type === 'seq' || isBlank(cell))) {
      ctx.problems.push({ file, line: record.line, message: `expected a row with values, found none: delete the row (a table with no rows is marked empty: true, 空表列示)` });
      continue;
    }
    const row: Cell[] = [];
    record.cells.forEach((raw, c) => {
      const column = declaration.columns[c]!;
      const result = validateCell(raw, column, declaration.unit);
      if ('problem' in result) {
        ctx.problems.push({ file, line: record.line, field: `row ${rows.length + 1}, column "${headerLabel(column)}"`, message: result.problem });
        row.push(null);
      } else row.push(result.value);
    });
    rows.push(row);
    lines.push(record.line);
  }
  if (declaration.empty && rows.length > 0) {
    ctx.problems.push({ file, field: `tables[${index}].empty`, message: `a table marked empty (空表列示) has no rows, found ${rows.length}` });
  }
  return { ...declaration, rows, lines };
}
