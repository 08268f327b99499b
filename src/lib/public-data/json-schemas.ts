import { z } from 'zod';
import { absoluteUrl, schemaUrl } from '../site/urls.ts';
import { DATA_PACKAGE_SCHEMA_VERSION, dataPackageSchema } from './datapackage-schema.ts';
import { FILING_SCHEMA_VERSION, publicFilingSchema } from './filing-schema.ts';
import { INDEX_SCHEMA_VERSION, filingsIndexSchema } from './index-schema.ts';

/**
 * The JSON Schemas the portal publishes, made from the zod schemas that the
 * build's own output is written to. Input mode: an object does not forbid
 * fields it does not name, so a document with a field added later within
 * the same version still validates against a copy of the schema kept
 * before (docs/data.md#versions).
 */
export const publishedSchemas = {
  filing: { version: FILING_SCHEMA_VERSION, schema: publicFilingSchema },
  filings: { version: INDEX_SCHEMA_VERSION, schema: filingsIndexSchema },
  datapackage: { version: DATA_PACKAGE_SCHEMA_VERSION, schema: dataPackageSchema },
} as const;

export type SchemaName = keyof typeof publishedSchemas;

/** Site-relative URL of a published schema: `/data/schema/filing-1.json`. */
export function publishedSchemaUrl(name: SchemaName): string {
  return schemaUrl(name, publishedSchemas[name].version);
}

/** The JSON Schema document (draft 2020-12) with its absolute URL as `$id`. */
export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(publishedSchemas[name].schema, { io: 'input' });
  return { $schema, $id: absoluteUrl(publishedSchemaUrl(name)), ...rest };
}
