import { z } from 'zod';
import { recordPathSchema } from './record-path.ts';
import { tableDeclarationSchema } from './table.ts';
import { sectionSchema } from './section.ts';
import { statedFiguresSchema } from './stated-figures.ts';
import { noBidiControls, standardCharacters } from '../clean-text.ts';
import { selfConsistent } from './self-consistent.ts';

export const filingKinds = ['预算', '决算'] as const;
export type FilingKind = (typeof filingKinds)[number];

export const sourceSchema = z
  .object({
    /**
     * Path of the source document, relative to the filing folder. The portal
     * publishes it byte for byte beside the filing's pages, so it must be a
     * document, not a page or script that would run on the portal's domain,
     * and its name must work in a URL as it stands.
     */
    file: recordPathSchema({ pattern: /^[^#?%]*\.(txt|md|csv|pdf|docx?|xlsx?|wps|et|ofd)$/i, expected: 'a document (.txt .md .csv .pdf .doc .docx .xls .xlsx .wps .et .ofd) whose name has no # ? %' }),
    title: z.string().min(1),
    /** How the text was extracted: word-cells, tab-rows, markdown-pipes. */
    format: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex digest'),
    /** Where the document came from. */
    origin: z.string().min(1),
  })
  .strict();

/** Characters that print nothing or turn text around (U+202E): a name must read as it is. */
const NO_HIDDEN = /^[^\p{Default_Ignorable_Code_Point}\u202a-\u202e\u2066-\u2069]*$/u;
const HIDDEN_MESSAGE = 'expected a name of visible characters, found one that prints nothing or reverses the text';

/** Top-level paths of the portal's own pages and assets, which a province's pages would replace or be replaced by. */
const RESERVED_TOP_LEVEL = new Set(['pagefind', 'search', 'glossary', 'about', 'sitemap', 'data', '_astro', '404']);

/**
 * A name that is a file or a page the portal writes into every region's and
 * department's folder: its own index.html, a region-year (2024年), a filing
 * (2024-预算), a 预算与决算 view; anything named like a file (.html, .json,
 * .xml, .csv, .txt, .svg); and . or .., which a path reads as no folder at
 * all. A county named index.html made the build die writing two pages to one
 * path; it is refused at every level, with the field named.
 */
const PAGE_NAME = /^(?:\.+|.*\.(?:html?|json|xml|csv|txt|svg)|\d{4}(?:年|-预算|-决算|-预算与决算))$/i;

/** A region or department name as it appears in a URL segment: one segment, no spaces, nothing a URL reads differently. */
const placeNameSchema = z
  .string()
  .min(1)
  .regex(/^[^\s/\\%#?]+$/, 'expected a name without spaces or / \\ % # ?, as it forms part of the page address')
  .regex(NO_HIDDEN, HIDDEN_MESSAGE)
  .max(100, 'expected a name of at most 100 characters, as it forms part of the page address')
  .refine((name) => !PAGE_NAME.test(name), {
    message: 'expected a place or department name, found the name of a file or page the portal writes itself (index.html, feed.xml, 2024年, 2024-预算 …; any name ending in .html .json .xml .csv .txt .svg): its pages would be written over that file',
  })
  .superRefine(standardCharacters);

/** A value of a finding; YAML may give an amount as a number. */
const acknowledgedValueSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .optional();

/** A finding of the checks that the published source itself contains, kept as published. */
export const acknowledgmentSchema = z
  .object({
    rule: z.string().min(1),
    /** Where: table id and cell, or stated figure key, as the checks name it. */
    at: z.string().min(1),
    /**
     * The finding's expected and found values, as the checks print them: the
     * acknowledgment excuses that discrepancy and no other, so a later error
     * at the same cell is still an error.
     */
    expected: acknowledgedValueSchema,
    found: acknowledgedValueSchema,
    note: z.string().min(1),
  })
  .strict();
export type Acknowledgment = z.infer<typeof acknowledgmentSchema>;

/**
 * `acknowledgments.yaml` beside filing.yaml. Kept apart from the imported
 * record so that re-importing a source never drops a reviewer's decision.
 */
export const acknowledgmentsFileSchema = z.array(acknowledgmentSchema).check(noBidiControls);
export const ACKNOWLEDGMENTS_FILE = 'acknowledgments.yaml';

/** The declaration of a filing: the folder that holds it is a filing folder. */
export const FILING_FILE = 'filing.yaml';

export const filingSchema = z
  .object({
    schemaVersion: z.literal(1),
    title: z.string().min(1),
    kind: z.enum(filingKinds),
    year: z.number().int().min(1990).max(2100),
    region: z
      .object({
        province: placeNameSchema.refine((name) => !RESERVED_TOP_LEVEL.has(name.toLowerCase()), {
          message: `expected a province, found a name the portal uses for its own pages (${[...RESERVED_TOP_LEVEL].join(', ')})`,
        }),
        city: placeNameSchema.optional(),
        county: placeNameSchema.optional(),
      })
      .strict(),
    department: z
      .object({
        /** 单位编码 as the finance system prints it (316). */
        code: z.string().regex(/^\d+$/, 'expected a department code of digits').optional(),
        // Trimmed: a stray space would otherwise make the same department a second department-year.
        name: z.string().trim().min(1).regex(NO_HIDDEN, HIDDEN_MESSAGE),
        /** Name without the region prefix; used in the URL. */
        shortName: placeNameSchema,
        /** Units covered by the filing, when the source lists them. */
        units: z.array(z.object({ code: z.string().optional(), name: z.string() }).strict()).default([]),
      })
      .strict(),
    unit: z.literal('万元').default('万元'),
    /** Date of publication (YYYY-MM-DD) when the source states it. */
    published: z.iso.date().optional(),
    sources: z.array(sourceSchema).min(1),
    /**
     * The entries of the document's 目录 as printed (without page numbers):
     * a table it lists must be in the record.
     */
    contents: z.array(z.string().min(1)).default([]),
    tables: z.array(tableDeclarationSchema).default([]),
    /** File with the 项目绩效目标表 list. */
    projects: recordPathSchema({ pattern: /\.ya?ml$/, expected: 'a .yaml file' }).optional(),
    /** CSV with the indicator rows of those projects, each naming its project by 项目分组 and 项目序号. */
    projectIndicators: recordPathSchema({ pattern: /\.csv$/, expected: 'a .csv file' }).optional(),
    statedFigures: statedFiguresSchema.default({}),
    sections: z.array(sectionSchema).default([]),
  })
  .strict();
export type FilingDeclaration = z.infer<typeof filingSchema>;

/** filing.yaml as read: every text of it is shown as written (clean-text.ts) and it does not contradict itself (self-consistent.ts). Kept apart, as a refined schema cannot be picked from. */
export const filingFileSchema = filingSchema.check(noBidiControls).check(selfConsistent);
