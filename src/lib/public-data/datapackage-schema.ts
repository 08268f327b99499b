import { z } from 'zod';

/**
 * The Frictionless Data Package descriptors the portal publishes
 * (`datapackage.json` at the site root, and one in each bulk zip): a
 * Tabular Data Package (Frictionless specs v1) whose resources are the CSVs,
 * each with its Table Schema. This schema states the portal's own profile
 * of it, so a test can hold every descriptor to it; any Frictionless tool
 * reads them as they are.
 */
export const DATA_PACKAGE_SCHEMA_VERSION = 1;

/** Frictionless names: lower case letters, digits and . _ - */
const frictionlessName = z.string().regex(/^[a-z0-9._-]+$/);

export const fieldSchema = z.object({
  name: z.string().min(1).describe('the label in the CSV header row'),
  type: z.enum(['string', 'number', 'integer']).describe('number: an exact decimal, written with "." and no grouping; integer: a 序号'),
});

export const resourceSchema = z.object({
  profile: z.literal('tabular-data-resource'),
  name: frictionlessName.describe('unique in the package: f<12 hex digits of the sha256 of the filing id>-<table>'),
  title: z.string().min(1).describe('the filing title and the table title'),
  path: z
    .string()
    .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^:?#]+\.csv$/)
    .describe('the CSV, relative to the descriptor (a POSIX path, not percent-encoded)'),
  format: z.literal('csv'),
  mediatype: z.literal('text/csv'),
  encoding: z.literal('utf-8').describe('UTF-8, with a byte-order mark'),
  schema: z.object({ fields: z.array(fieldSchema).min(1) }),
  filing: z.string().min(1).describe('id of the filing the table belongs to'),
  table: z.string().min(1).describe('the table id in that filing, or projects / project-indicators for its 项目绩效目标表'),
  unit: z.string().min(1).describe('unit of the amounts'),
});

export const dataPackageSchema = z
  .object({
    profile: z.literal('tabular-data-package'),
    name: frictionlessName,
    title: z.string().min(1),
    homepage: z.url(),
    resources: z.array(resourceSchema),
  })
  .meta({ title: 'Gongkai data package', description: 'A Frictionless Tabular Data Package (v1) of the CSVs of a Gongkai portal, or of one bulk zip.' });

export type DataPackage = z.infer<typeof dataPackageSchema>;
export type DataResource = z.infer<typeof resourceSchema>;
