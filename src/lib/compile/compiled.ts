import type { Finding } from '../checks/finding.ts';
import type { FilingCsv } from '../public-data/data-package.ts';
import type { PortalFiling } from '../public-data/portal-entry.ts';
import type { Filing } from '../records/load-filing.ts';
import type { Problem } from '../records/record-error.ts';
import { z } from 'zod';
import { filingSchema, type FilingDeclaration } from '../records/schema/filing.ts';
import { glossaryEntrySchema } from '../records/schema/section.ts';
import type { FilingFigures } from '../site/filing-figures.ts';
import type { HeadlineFigures } from '../site/headline-change.ts';
import type { Headline } from '../site/headline.ts';

/**
 * A filing as the compile step leaves it (docs/compile.md): validated and
 * checked once, with everything the pages, the exports and the search take
 * from it. Three parts, kept in the compiled store under the hash of the
 * folder's contents: a small head that `npm run check`, the content
 * collection and the index pages read for every filing, the record a
 * filing's own pages read, and the search index's part of the filing
 * (src/lib/search/filing-search.ts), which the index step merges.
 */

/** What the duplicate department-year check needs of a filing. */
export type Identity = Pick<FilingDeclaration, 'region' | 'department' | 'year' | 'kind'> & { id: string; dir: string };

/**
 * What the index pages, lists, glossary and comparisons know of a filing
 * without its record: what the content collection holds (a few hundred
 * bytes a filing; whole records in the content store took minutes to
 * serialise at thousands of filings).
 */
export const filingHeadSchema = filingSchema.pick({ title: true, kind: true, year: true, region: true, department: true, unit: true }).extend({
  id: z.string().min(1),
  /** Folder of the record, relative to the project root, with forward slashes. */
  dir: z.string().min(1),
  /** The hash of the folder's contents the record was compiled from: the key of its compiled record. */
  hash: z.string().min(1),
  /** Every 名词解释 entry of the filing, in source order. */
  glossary: z.array(glossaryEntrySchema),
  /** Derived by the compile step from checked tables; not re-validated when the collection loads. */
  figures: z.custom<FilingFigures>(),
  headline: z.custom<HeadlineFigures>(),
});
export type FilingHead = z.infer<typeof filingHeadSchema>;

/** The head of one compiled folder: its problems when it could not be read, else its findings and head. */
export interface CompiledHead {
  hash: string;
  /** Folder of the record, relative to the project root, with forward slashes. */
  dir: string;
  problems: Problem[];
  checked?: { identity: Identity; findings: Finding[]; head: FilingHead };
}

/** A source document as it is published beside the filing, its bytes kept in the store under their SHA-256. */
export interface PublishedSourceRef {
  /** Relative to the filing's URL, as filing.json gives it. */
  url: string;
  sha256: string;
}

export interface CompiledRecord {
  filing: Filing;
  findings: Finding[];
  /** The figures the page heads itself with, and where each stands. */
  headline: Headline;
  /** Every Markdown text as sanitised HTML, by its path. */
  html: Record<string, string>;

}

/**
 * A filing's open data as published beside its page, made once per content
 * by the compile step, kept in two parts: what the portal's index, data
 * package, feed and bulk zip keys take of it, and the files' text, which a
 * rebuild that links an unchanged filing's files from the site it replaces
 * never reads.
 */
export interface CompiledData {
  head: CompiledDataHead;
  files: CompiledDataFiles;
}

export interface CompiledDataHead {
  /** What the index and the feed say of the filing (public-data/portal-entry.ts). */
  entry: PortalFiling;
  /** Each CSV's place beside the filing and its data package resource, in the order of CompiledDataFiles.csvs. */
  csvs: Omit<FilingCsv, 'csv'>[];
  sources: PublishedSourceRef[];
  /** SHA-256 of filing.json and of each CSV: what a bulk zip's key is made of. */
  sha256: { json: string; csvs: string[] };
}

export interface CompiledDataFiles {
  /** filing.json as published. */
  json: string;
  csvs: string[];
  /** The page at the printable view's former address (site/print-address.ts). */
  print: string;
}
