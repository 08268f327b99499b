import { z } from 'zod';
import { departmentSchema, findingSchema, kindSchema, projectSchema, regionSchema, sectionSchema, sourceSchema, statedFigureSchema, tableSchema } from './filing-parts.ts';

/**
 * Version of the public filing shape (docs/data.md#versions). Within a
 * version, fields are only added, and only as optional ones; removing,
 * renaming or retyping a field makes the next version, published under a
 * new schema URL.
 */
export const FILING_SCHEMA_VERSION = 1;

/**
 * A filing as the portal publishes it (`filing.json`): what another system
 * needs to read every figure and sentence, and nothing of how the build
 * keeps it: no folders, no record file paths; the only URLs are the page's
 * and those of the files beside it, relative to it.
 */
export const publicFilingSchema = z
  .object({
    schemaVersion: z.literal(FILING_SCHEMA_VERSION),
    id: z.string().min(1).describe('region, department and year-kind: 河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算; stable, and the path of the filing under the site'),
    url: z.url().describe("absolute URL of the filing's page"),
    title: z.string().min(1),
    kind: kindSchema,
    year: z.number().int(),
    region: regionSchema,
    department: departmentSchema,
    unit: z.string().min(1).describe('unit of the amounts: 万元'),
    published: z.iso.date().optional().describe('date of publication, when the source states it'),
    contents: z.array(z.string()).describe("the source's 目录 as printed, without page numbers"),
    sources: z.array(sourceSchema).min(1).describe('the documents the record was made from, offered for download beside it'),
    tables: z.array(tableSchema),
    sections: z.array(sectionSchema).describe('情况说明 and the other parts of the text, in order'),
    projects: z.array(projectSchema).describe('项目绩效目标表, one per project, in order'),
    projectsUrl: z.string().optional().describe('CSV with one row per project form (present when there are projects)'),
    indicatorsUrl: z.string().optional().describe('CSV with every indicator row of every project (present when there are projects)'),
    statedFigures: z.array(statedFigureSchema).describe('figures the text states, which the checks compare with the tables'),
    findings: z.array(findingSchema).describe("the checks' findings published with the filing (数据核对)"),
  })
  .meta({
    title: 'Gongkai public filing',
    description: 'One 部门预算/决算 disclosure (filing.json), as published by a Gongkai portal.',
  });

export type PublicFiling = z.infer<typeof publicFilingSchema>;
export type PublicTable = PublicFiling['tables'][number];
export type PublicProject = PublicFiling['projects'][number];
export type PublicSource = PublicFiling['sources'][number];
