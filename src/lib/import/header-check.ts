import type { Cell, Table } from '../records/schema/table.ts';
import { parseAmount } from '../records/schema/amount.ts';
import { parentCode } from '../records/schema/classification-codes.ts';
import { equal, sum } from '../records/decimal.ts';
import { amountColumns, classified } from '../checks/table-view.ts';
import { sumPlans } from '../checks/rules/row-sums.ts';
import { csvCell, inferColumns, type ColumnDraft } from './columns.ts';
import { ImportError, type ImportReport } from './report.ts';

/** How the row sums of the checks (合计 = its sibling columns) come out for one reading of a header. */
interface Tally {
  paths: string[][];
  columns: ColumnDraft[];
  rows: string[][];
  /** Row sums that hold and that fail, over every 合计/小计 column and row. */
  passed: number;
  failed: number;
}

/** The table as the checks see it, in memory: the same cells the record's CSV will hold, read as the loader reads them. */
function checkedTable(columns: readonly ColumnDraft[], rows: readonly string[][]): Table {
  const cells: Cell[][] = rows.map((row) =>
    row.map((raw, c) => {
      const type = columns[c]!.type;
      if (raw === '') return null;
      if (type !== 'amount' && type !== 'number') return raw;
      const parsed = parseAmount(raw, { decimals: Infinity });
      return parsed.ok ? parsed.value : null;
    }),
  );
  return { id: 'table', title: '', unit: '万元', csv: 'tables/table.csv', columns: columns.map((c) => ({ ...c })), columnNumbers: false, empty: rows.length === 0, notes: [], meta: {}, rows: cells, lines: rows.map((_, r) => r + 2) };
}

function tally(paths: string[][], body: readonly (readonly string[])[], money: boolean): Tally {
  const columns = inferColumns(paths, body, money);
  const rows = body.map((row) => row.map((v, c) => csvCell(v, columns[c]!)));
  const table = checkedTable(columns, rows);
  let passed = 0;
  let failed = 0;
  for (const plan of sumPlans(table)) {
    const addends = plan.addends.flat();
    for (const row of table.rows) {
      const found = row[plan.total] ?? null;
      if (found === null && addends.every((c) => row[c] === null)) continue;
      if (equal(sum(addends.map((c) => row[c])), found)) passed++;
      else failed++;
    }
  }
  return { paths, columns, rows, passed, failed };
}

/**
 * Whether the table's printed totals agree with each other whatever its
 * header says: its 合计 row is the sum of its top-level 科目 in every
 * column of figures. Undefined for a table without codes or a 合计 row.
 */
function printedTotalsAgree(t: Tally): boolean | undefined {
  const view = classified(checkedTable(t.columns, t.rows));
  if (!view || view.totalRow === undefined) return undefined;
  const top = [...view.rowsByCode].filter(([code]) => !view.rowsByCode.has(parentCode(code) ?? '')).map(([, r]) => r);
  if (top.length === 0) return undefined;
  return amountColumns(view.table).every((c) => equal(sum(top.map((r) => view.table.rows[r]![c])), view.table.rows[view.totalRow!]![c] ?? null));
}

/** Adds up: at least one row sum checked and none failing. */
const addsUp = (t: Tally) => t.passed > 0 && t.failed === 0;
/** A reading is better when it adds up, else when more of its row sums hold than fail; the earlier wins a tie. */
const better = (a: Tally, b: Tally) => (addsUp(a) !== addsUp(b) ? addsUp(a) : a.passed - a.failed > b.passed - b.failed);
const describe = (paths: readonly string[][]) => paths.map((p) => p.join('/')).join(' | ');

/**
 * Choose among the readings of a table's header (header-readings.ts, most
 * plausible first) with the checks' own row sums: the first is kept unless
 * its columns do not add up and another's do (or more nearly do); a switch
 * is reported. When no reading makes a single row add up while the printed
 * totals agree with each other (合计 row = its 科目), the importer has
 * misread the table and stops, naming it and its first line.
 */
export function chooseHeaderReading(readings: readonly string[][][], body: readonly (readonly string[])[], money: boolean, where: { file: string; title: string; line: number; page?: number | undefined }, report: ImportReport): { paths: string[][]; columns: ColumnDraft[]; rows: string[][] } {
  const first = tally(readings[0]!, body, money);
  if (first.failed === 0) return first;
  // The other readings are compared on the first rows: a spreadsheet's 50,000 rows would cost minutes for no better choice.
  const sample = body.slice(0, SAMPLE_ROWS);
  let best = { paths: readings[0]!, sampled: sample.length === body.length ? first : tally(readings[0]!, sample, money) };
  for (const paths of readings.slice(1)) {
    const candidate = tally(paths, sample, money);
    if (better(candidate, best.sampled)) best = { paths, sampled: candidate };
  }
  const chosen = best.paths === readings[0] ? first : tally(best.paths, body, money);
  const page = where.page === undefined ? '' : ` (page ${where.page})`;
  if (chosen !== first) {
    report.add(where.line, 'note', `"${where.title}"${page}: header read as ${describe(chosen.paths)}, under which ${chosen.passed} row sum(s) hold and ${chosen.failed} fail; the first reading, ${describe(first.paths)}, had ${first.failed} failing`);
  }
  if (chosen.passed === 0 && chosen.failed > 1 && printedTotalsAgree(chosen) === true) {
    throw new ImportError(where.file, where.line, `the columns of "${where.title}"${page} add up under no reading of its header (${readings.length} tried; first: ${describe(first.paths)}), while its 合计 row agrees with its 科目: the header is probably misread (or no 合计 column of the document is the sum of the others in any row); check its header rows`);
  }
  return chosen;
}

/** Rows the readings of a header are compared on. */
const SAMPLE_ROWS = 400;
