import { createHash } from 'node:crypto';
import type { ColumnType } from '../records/schema/table.ts';
import { csvHeaderLabels, tableCsv } from '../site/exports.ts';
import type { DataPackage, DataResource } from './datapackage-schema.ts';
import type { PublicFiling } from './filing-schema.ts';
import { indicatorsTable, projectsTable, type CsvTable } from './project-csv.ts';

const FIELD_TYPES: Record<ColumnType, DataResource['schema']['fields'][number]['type']> = {
  seq: 'integer',
  code: 'string',
  text: 'string',
  amount: 'number',
  number: 'number',
};

/** One CSV published beside a filing: where (relative to the filing), its text, and its resource in a data package. */
export interface FilingCsv {
  /** Relative to the filing's folder, as filing.json gives it (percent-encoded). */
  url: string;
  csv: string;
  resource: Omit<DataResource, 'path'>;
}

/** A Frictionless name for the filing: its id is Chinese, so it is named by a digest of the id, stable as the id. */
function filingName(id: string): string {
  return `f${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;
}

function csvFile(filing: PublicFiling, url: string, name: string, table: string, title: string, csvTable: CsvTable): FilingCsv {
  return {
    url,
    csv: tableCsv(csvTable),
    resource: {
      profile: 'tabular-data-resource',
      name: `${filingName(filing.id)}-${name}`,
      title: `${filing.title}：${title}`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: { fields: csvHeaderLabels(csvTable.columns).map((label, c) => ({ name: label, type: FIELD_TYPES[csvTable.columns[c]!.type] })) },
      filing: filing.id,
      table,
      unit: filing.unit,
    },
  };
}

/** Every CSV of a filing: one per table, and, when it has 项目绩效目标表, one of the forms and one of all indicator rows. */
export function filingCsvs(filing: PublicFiling): FilingCsv[] {
  const tables = filing.tables.map((t) => csvFile(filing, t.url, `table-${t.id}`, t.id, t.title, { columns: t.columns, rows: t.rows }));
  const projects =
    filing.projectsUrl && filing.indicatorsUrl
      ? [
          csvFile(filing, filing.projectsUrl, 'projects', 'projects', '项目绩效目标表', projectsTable(filing.projects)),
          csvFile(filing, filing.indicatorsUrl, 'project-indicators', 'project-indicators', '项目绩效目标表 绩效指标', indicatorsTable(filing.projects)),
        ]
      : [];
  return [...tables, ...projects];
}

/** A resource of the package, its path relative to the descriptor: the filing's folder there, then the CSV's place in it. */
export function packageResource(csv: Omit<FilingCsv, 'csv'>, filingFolder: string): DataResource {
  const { profile, name, title, ...rest } = csv.resource;
  return { profile, name, title, path: `${filingFolder}${decodeURI(csv.url)}`, ...rest };
}

export function dataPackage(head: Pick<DataPackage, 'name' | 'title' | 'homepage'>, resources: DataResource[]): DataPackage {
  return { profile: 'tabular-data-package', ...head, resources };
}

/** A Frictionless package name from an address: lower case, only letters, digits and . _ - */
export function packageName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'gongkai';
}
