import { checkFiling } from '../checks/check-filing.ts';
import { loadFiling, type Filing } from '../records/load-filing.ts';
import { RecordError } from '../records/record-error.ts';
import { sourceFileName } from '../records/filing-path.ts';
import { publicFiling } from '../public-data/from-filing.ts';
import { publishedSource } from '../public-data/published-source.ts';
import { filingJson } from '../site/exports.ts';
import { filingFigures } from '../site/filing-figures.ts';
import { headline, type Headline } from '../site/headline.ts';
import { headlineFigures } from '../site/headline-change.ts';
import { filingRows, type FilingRows } from '../site/previous-year.ts';
import { textsHtml } from '../site/filing-view.ts';
import { filingSearchBytes } from '../search/filing-search.ts';
import type { CompiledData, CompiledHead, CompiledRecord, FilingHead } from './compiled.ts';
import { filingCsvs } from '../public-data/data-package.ts';
import type { PublicFiling } from '../public-data/filing-schema.ts';
import { portalFiling } from '../public-data/portal-entry.ts';
import { sha256 } from './compiled-store.ts';
import { printAddressPage } from '../site/print-address.ts';
import type { FolderSnapshot } from './folder-snapshot.ts';

/** What compiling one folder gives: the head, and for a readable record the record, the bytes of its published sources and its search part. */
export interface Compiled {
  head: CompiledHead;
  record?: { record: CompiledRecord; data: CompiledData; sources: Uint8Array[]; search: Uint8Array; rows: FilingRows };
}

/** The bytes of a file of the snapshot; the loader has read every file it names, so a missing one is a bug, not a record problem. */
function snapshotBytes(snapshot: FolderSnapshot, file: string): Uint8Array {
  const entry = snapshot.entries.get(file);
  if (entry?.kind !== 'file') throw new Error(`the compiled record names ${file}, which its folder did not hold as a file`);
  return entry.bytes;
}

/** A filing's open data as the build writes it, with the digests its bulk zip's key is made of. */
function openData(data: PublicFiling, sourceDigests: readonly string[], print: string): CompiledData {
  const json = filingJson(data);
  const csvs = filingCsvs(data);
  return {
    head: {
      entry: portalFiling(data),
      csvs: csvs.map(({ url, resource }) => ({ url, resource })),
      sources: data.sources.map((s, i) => ({ url: s.url, sha256: sourceDigests[i]! })),
      sha256: { json: sha256(json), csvs: csvs.map((c) => sha256(c.csv)) },
    },
    files: { json, csvs: csvs.map((c) => c.csv), print },
  };
}

/** The head of a loaded record: what the content collection and the index pages keep of it. */
export function filingHead(filing: Filing, hash: string, figures: Headline = headline(filing)): FilingHead {
  const { id, dir, title, kind, year, region, department, unit } = filing;
  const glossary = filing.sections.flatMap((s) => [s, ...s.subsections]).flatMap((p) => p.blocks.flatMap((b) => b.glossary ?? []));
  return { id, dir, hash, title, kind, year, region, department, unit, glossary, figures: filingFigures(filing), headline: headlineFigures(figures) };
}

/**
 * Compile one filing folder from what it held (`snapshot`): load and
 * validate the record, run the checks once, and derive what every later
 * stage takes from it. `dir` is the folder, `root` the project root that
 * paths in problems and findings are relative to.
 */
export function compileFiling(snapshot: FolderSnapshot, dir: string, root: string, contentRoot: string): Compiled {
  const relativeDir = dir.slice(root.length).replace(/^[\\/]+/, '').split(/[\\/]/).join('/');
  let filing: Filing;
  try {
    filing = loadFiling(dir, { root, contentRoot, snapshot: snapshot.entries });
  } catch (error) {
    if (error instanceof RecordError) return { head: { hash: snapshot.hash, dir: relativeDir, problems: error.problems } };
    throw error;
  }
  const findings = checkFiling(filing);
  const read = (file: string) => snapshotBytes(snapshot, file);
  const data = publicFiling(filing, findings, read);
  const published = filing.sources.map((source) => publishedSource(sourceFileName(source.file), read(source.file)));
  const { region, department, year, kind, id } = filing;
  const top = headline(filing);
  const html = textsHtml(filing.texts);
  return {
    head: { hash: snapshot.hash, dir: filing.dir, problems: [], checked: { identity: { region, department, year, kind, id, dir: filing.dir }, findings, head: filingHead(filing, snapshot.hash, top) } },
    record: {
      record: {
        filing,
        findings,
        headline: top,
        html,
      },
      data: openData(data, published.map((p) => p.sha256), printAddressPage(filing)),
      sources: published.map((p) => p.bytes),
      search: filingSearchBytes(filing, html),
      rows: filingRows(filing.tables),
    },
  };
}
