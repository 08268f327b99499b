import { z } from 'zod';
import { departmentSchema, kindSchema, regionSchema } from './filing-parts.ts';

/** Version of the index of filings (`data/filings.json`), under the same policy as the filing shape's. */
export const INDEX_SCHEMA_VERSION = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const indexEntrySchema = z.object({
  id: z.string().min(1).describe('the filing id, as in its filing.json'),
  title: z.string().min(1),
  region: regionSchema,
  department: departmentSchema.pick({ code: true, name: true }),
  year: z.number().int(),
  kind: kindSchema,
  url: z.url().describe("the filing's page"),
  json: z.url().describe('its filing.json'),
  sha256: sha256.describe('digest of that filing.json: it changes whenever anything published in it changes'),
  published: z.iso.date().optional().describe('date of publication, when the source states it'),
  updated: z.iso.datetime().describe('when the record last changed (docs/data.md#dates)'),
  bulk: z.url().describe('the zip with every filing of its region and year'),
});

export const bulkEntrySchema = z.object({
  region: regionSchema,
  year: z.number().int(),
  url: z.url(),
  sha256: sha256.describe('digest of the zip'),
  filings: z.array(z.string().min(1)).describe('ids of the filings in it'),
});

/** Every filing of the portal, with where to get it: the entry point for another system (docs/data.md). */
export const filingsIndexSchema = z
  .object({
    schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
    name: z.string().min(1).describe("the portal's name"),
    site: z.url().describe("the portal's address"),
    dataPackage: z.url().describe('the Frictionless Data Package descriptor of every CSV'),
    feed: z.url().describe('Atom feed of new and changed filings'),
    schemas: z.object({ filing: z.url(), index: z.url(), dataPackage: z.url() }).describe('JSON Schemas of filing.json, this file and datapackage.json'),
    filings: z.array(indexEntrySchema).describe('by id'),
    bulk: z.array(bulkEntrySchema).describe('one zip per region (its own departments) and year'),
  })
  .meta({ title: 'Gongkai index of filings', description: 'data/filings.json of a Gongkai portal: every filing and every bulk zip.' });

export type FilingsIndex = z.infer<typeof filingsIndexSchema>;
export type IndexEntry = z.infer<typeof indexEntrySchema>;
export type BulkEntry = z.infer<typeof bulkEntrySchema>;
