import Papa from 'papaparse';
import { Document, isMap, isSeq, visit } from 'yaml';
import { indicatorColumns, indicatorKeyColumns, type Indicator } from '../records/schema/project.ts';

/**
 * How a record's files are written, by the importer and by the synthetic
 * filings of the benchmarks alike, so that the benchmarks read what real
 * records look like.
 */
export const PROJECTS_FILE = 'projects.yaml';
export const INDICATORS_FILE = 'project-indicators.csv';

/**
 * YAML that diffs line by line: a table column, a spending period and a
 * header path each on one line; everything else in blocks.
 */
export function recordYaml(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
      if ((key === 'header' || key === 'budget') && (isSeq(pair.value) || isMap(pair.value))) pair.value.flow = true;
      if ((key === 'columns' || key === 'spendingPlan' || key === 'units') && isSeq(pair.value)) {
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      }
    },
  });
  return doc.toString({ lineWidth: 0 });
}

function csvText(rows: (string | number | null | undefined)[][]): string {
  return `${Papa.unparse(rows, { newline: '\n' })}\n`;
}

/** A table's CSV: the header row holds each column's header path joined by `/`. */
export function tableCsv(columns: readonly { header: readonly string[] }[], rows: (string | null)[][]): string {
  return csvText([columns.map((c) => c.header.join('/')), ...rows]);
}

/**
 * The indicator rows of every project, with the columns the source fills,
 * each row naming its project by number, and by group when there are groups.
 */
export function indicatorsCsv(projects: readonly { group?: string | undefined; number: number; indicators: readonly Indicator[] }[]): string {
  const grouped = projects.some((p) => p.group !== undefined);
  const fields = (Object.keys(indicatorColumns) as (keyof Indicator)[]).filter((field) => projects.some((p) => p.indicators.some((i) => i[field] !== undefined)));
  return csvText([
    [...(grouped ? [indicatorKeyColumns.group] : []), indicatorKeyColumns.number, ...fields.map((f) => indicatorColumns[f])],
    ...projects.flatMap((p) => p.indicators.map((i) => [...(grouped ? [p.group] : []), p.number, ...fields.map((f) => i[f])])),
  ]);
}
