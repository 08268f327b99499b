import { relative, sep } from 'node:path';
import { ACKNOWLEDGMENTS_FILE, acknowledgmentsFileSchema, FILING_FILE, filingFileSchema, type Acknowledgment, type FilingDeclaration } from './schema/filing.ts';
import type { Project } from './schema/project.ts';
import type { Table } from './schema/table.ts';
import { RecordError, zodProblems } from './record-error.ts';
import { filingId, filingSegments } from './filing-path.ts';
import { recordContext, recordHasFile, rel, type Context } from './read-record-file.ts';
import { readYaml } from './read-record-yaml.ts';
import type { SnapshotEntry } from '../compile/folder-snapshot.ts';
import { readTables } from './read-tables.ts';
import { readProjects } from './read-projects.ts';
import { readSections } from './read-sections.ts';
import { checkStatedQuotes } from './stated-quotes.ts';
import { checkSources } from './source-digests.ts';

/** A filing as the site and the checks see it: the declaration with every referenced file read and validated. */
export type Filing = Omit<FilingDeclaration, 'tables'> & {
  /** `河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算` */
  id: string;
  /** Folder of the record, relative to the project root, with forward slashes. */
  dir: string;
  tables: Table[];
  projectList: Project[];
  /** Markdown file contents by the path used in the record. */
  texts: Record<string, string>;
  /** Findings of the checks that the published source itself contains (acknowledgments.yaml). */
  acknowledgments: Acknowledgment[];
};

function readDeclaration(ctx: Context): FilingDeclaration {
  const raw = readYaml(ctx, FILING_FILE, { expected: 'the filing declaration (schemaVersion, title, kind, year, region, department, sources …)' });
  if (raw === undefined) throw new RecordError(ctx.problems);
  const result = filingFileSchema.safeParse(raw, { reportInput: true });
  if (!result.success) throw new RecordError(zodProblems(rel(ctx, FILING_FILE), result.error));
  return result.data;
}

/** The validated filing.yaml of a folder alone, read as `loadFiling` reads it; throws a RecordError. */
export function loadDeclaration(dir: string, root: string): FilingDeclaration {
  return readDeclaration(recordContext(root, dir));
}

/**
 * Read and validate one filing folder. Throws a RecordError listing every
 * problem found, each naming the file and the field or cell.
 */
export function loadFiling(dir: string, options: { root: string; contentRoot?: string; snapshot?: ReadonlyMap<string, SnapshotEntry> }): Filing {
  const ctx = recordContext(options.root, dir, options.snapshot);
  const declaration = readDeclaration(ctx);

  const id = filingId(declaration);
  if (options.contentRoot) {
    const actual = relative(options.contentRoot, dir).split(sep).join('/');
    if (actual !== id) {
      ctx.problems.push({
        file: rel(ctx, FILING_FILE),
        field: 'region / department / year / kind',
        message: `the folder does not match the record: the record says ${filingSegments(declaration).join('/')}, the folder is ${actual}`,
      });
    }
  }

  const { tables, ids: tableIds } = readTables(ctx, declaration);
  const projectList = readProjects(ctx, declaration);
  const texts = readSections(ctx, declaration, tableIds, projectList);
  checkStatedQuotes(ctx, declaration, texts);
  checkSources(ctx, declaration);

  let acknowledgments: Acknowledgment[] = [];
  if (recordHasFile(ctx, ACKNOWLEDGMENTS_FILE)) {
    const data = readYaml(ctx, ACKNOWLEDGMENTS_FILE);
    if (data !== undefined && data !== null) {
      const parsed = acknowledgmentsFileSchema.safeParse(data, { reportInput: true });
      if (parsed.success) acknowledgments = parsed.data;
      else ctx.problems.push(...zodProblems(rel(ctx, ACKNOWLEDGMENTS_FILE), parsed.error));
    }
  }

  if (ctx.problems.length > 0) throw new RecordError(ctx.problems);
  return { ...declaration, id, dir: relative(options.root, dir).split(sep).join('/'), tables, projectList, texts, acknowledgments };
}
