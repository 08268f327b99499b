import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Papa from 'papaparse';
import { ACKNOWLEDGMENTS_FILE, acknowledgmentsFileSchema, filingFileSchema, type Acknowledgment, type FilingDeclaration } from './schema/filing.ts';
import { indicatorColumns, indicatorKeyColumns, projectsFileSchema, type Indicator, type Project } from './schema/project.ts';
import type { Cell, Column, Table, TableDeclaration } from './schema/table.ts';
import { parseAmount } from './schema/amount.ts';
import { codeProblem } from './schema/classification-codes.ts';
import { RecordError, zodProblems, type Problem } from './record-error.ts';
import { departmentId, filingId, filingSegments, regionPath, sourceFileName } from './filing-path.ts';
import { equal } from './decimal.ts';
import { termKey } from './schema/section.ts';
import { readBytes, readText, readYaml, recordContext, rel, specialFileKind, type Context } from './read-record-file.ts';
import { bidiControlProblem, hasBidiControl, identityKey, stripBidiControls } from './clean-text.ts';
import { csvNewline, mixedNewlineMessage } from './csv-line-endings.ts';

export const FILING_FILE = 'filing.yaml';

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

export function headerLabel(column: Pick<Column, 'header'>): string {
  return column.header.join('/');
}

function validateCell(raw: string, column: Column, unit: string): { value: Cell } | { problem: string } {
  const text = raw.trim();
  switch (column.type) {
    case 'text':
      return { value: text === '' ? null : text };
    case 'seq':
      return text === '' || /^\d+$/.test(text) ? { value: text === '' ? null : text } : { problem: `expected a 序号 (whole number), found "${raw}"` };
    case 'code': {
      if (text === '') return { value: null };
      const problem = codeProblem(text, column.classification ?? 'function');
      return problem ? { problem } : { value: text };
    }
    case 'amount':
    case 'number': {
      // Counts and ratios are not money: only amounts are held to two decimals, and only amounts in a 万元 table may say 万.
      const parsed = parseAmount(text, column.type === 'number' ? { decimals: Infinity, unitSuffix: false } : { unitSuffix: unit === '万元', unit });
      if (!parsed.ok) return { problem: column.type === 'number' ? parsed.reason.replace('an amount in 万元', 'a number') : parsed.reason };
      return { value: parsed.value };
    }
  }
}

/** Empty to a reader: spaces, and characters that print nothing (zero-width space, BOM). */
const VISIBLE = /[^\s\p{Default_Ignorable_Code_Point}]/u;
const isBlank = (cell: string) => !VISIBLE.test(cell);

interface CsvRecord {
  cells: string[];
  /** Line of the file the record starts on. */
  line: number;
}

/** The non-blank records of a CSV file with the line each starts on, or null (with the problem noted) when it cannot be read. */
function readCsv(ctx: Context, path: string, field: string): CsvRecord[] | null {
  const text = readText(ctx, path, field);
  if (text === null) return null;
  const newline = csvNewline(text);
  if (!('newline' in newline)) {
    ctx.problems.push({ file: rel(ctx, path), line: newline.line, message: mixedNewlineMessage(newline) });
    return null;
  }
  // Naming the delimiter and line break spares Papa its trial parses to guess them, which took three quarters of its time.
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: newline.newline, skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) {
    ctx.problems.push({ file: rel(ctx, path), ...(fatal.row !== undefined ? { line: fatal.row + 1 } : {}), message: `malformed CSV: ${fatal.message}` });
    return null;
  }
  const records: CsvRecord[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    const isBlank = cells.length === 1 && cells[0] === '';
    if (!isBlank) records.push({ cells, line });
    line += 1;
    for (const cell of cells) if (cell.includes('\n')) line += cell.split('\n').length - 1;
  }
  if (hasBidiControl(text)) bidiControlProblems(ctx, rel(ctx, path), records);
  return records;
}

/** Each cell shown in another order than the checks read it (clean-text.ts), named by its line and column. */
function bidiControlProblems(ctx: Context, file: string, records: CsvRecord[]): void {
  const header = records[0]?.cells ?? [];
  for (const [r, record] of records.entries()) {
    record.cells.forEach((cell, c) => {
      const message = bidiControlProblem(cell);
      const column = stripBidiControls(header[c] ?? '').trim();
      const field = r === 0 ? `header of column ${c + 1}` : column === '' ? `column ${c + 1}` : `column "${column}"`;
      if (message) ctx.problems.push({ file, line: record.line, field, message });
    });
  }
}

function readTable(ctx: Context, declaration: TableDeclaration, index: number): Table | null {
  const records = readCsv(ctx, declaration.csv, `tables[${index}].csv`);
  if (records === null) return null;
  const file = rel(ctx, declaration.csv);
  const [head, ...body] = records;
  const expected = declaration.columns.map(headerLabel);
  if (!head) {
    ctx.problems.push({ file, message: `expected a header row: ${expected.join(',')}` });
    return null;
  }
  const found = head.cells.map((c) => c.trim());
  if (found.join('\u0000') !== expected.join('\u0000')) {
    ctx.problems.push({
      file,
      line: 1,
      message: `header row does not match the columns declared in ${FILING_FILE} (tables[${index}].columns): expected ${expected.length} columns "${expected.join(',')}", found ${found.length} "${found.join(',')}"`,
    });
    return null;
  }
  const rows: Cell[][] = [];
  const lines: number[] = [];
  for (const record of body) {
    if (record.cells.length !== expected.length) {
      ctx.problems.push({ file, line: record.line, message: `expected ${expected.length} cells, found ${record.cells.length}` });
      continue;
    }
    if (record.cells.every((cell, c) => declaration.columns[c]!.type === 'seq' || isBlank(cell))) {
      ctx.problems.push({ file, line: record.line, message: `expected a row with values, found none: delete the row (a table with no rows is marked empty: true, 空表列示)` });
      continue;
    }
    const row: Cell[] = [];
    record.cells.forEach((raw, c) => {
      const column = declaration.columns[c]!;
      const result = validateCell(raw, column, declaration.unit);
      if ('problem' in result) {
        ctx.problems.push({ file, line: record.line, field: `row ${rows.length + 1}, column "${headerLabel(column)}"`, message: result.problem });
        row.push(null);
      } else row.push(result.value);
    });
    rows.push(row);
    lines.push(record.line);
  }
  if (declaration.empty && rows.length > 0) {
    ctx.problems.push({ file, field: `tables[${index}].empty`, message: `a table marked empty (空表列示) has no rows, found ${rows.length}` });
  }
  return { ...declaration, rows, lines };
}

const indicatorFields = Object.entries(indicatorColumns) as [keyof Indicator, string][];

/** A project as indicator rows name it: numbering starts again in each group. */
const projectKey = (group: string | undefined, number: number) => `${group ?? ''}\u0000${number}`;

/**
 * Attach the rows of the indicators CSV to their projects, in file order.
 * Each row names its project by 项目序号, and by 项目分组 when the projects
 * have groups (numbering starts again in each group). Without `projects`
 * (projects.yaml could not be read) only the file's own shape is checked.
 */
function readIndicators(ctx: Context, path: string, projectsPath: string, projects: Project[] | undefined): void {
  const records = readCsv(ctx, path, 'projectIndicators');
  if (records === null) return;
  const file = rel(ctx, path);
  const [head, ...body] = records;
  const known = [indicatorKeyColumns.group, indicatorKeyColumns.number, ...indicatorFields.map(([, label]) => label)];
  const labels = head?.cells.map((c) => c.trim()) ?? [];
  const unknown = labels.filter((label) => !known.includes(label));
  const numberColumn = labels.indexOf(indicatorKeyColumns.number);
  if (!head || unknown.length > 0 || numberColumn < 0 || new Set(labels).size !== labels.length) {
    ctx.problems.push({
      file,
      line: 1,
      message: `expected a header row of ${indicatorKeyColumns.number} and indicator columns, each once, from: ${known.join(',')}; found "${labels.join(',')}"`,
    });
    return;
  }
  const groupColumn = labels.indexOf(indicatorKeyColumns.group);
  const fields = labels.map((label) => indicatorFields.find(([, l]) => l === label)?.[0]);
  const byKey = new Map<string, Project>();
  for (const project of projects ?? []) {
    const key = projectKey(project.group, project.number);
    if (byKey.has(key)) {
      ctx.problems.push({ file: rel(ctx, projectsPath), field: `project ${project.group ? `${project.group} ` : ''}${project.number}`, message: 'two projects with the same group and number: indicator rows could not tell them apart' });
    }
    byKey.set(key, project);
  }
  for (const record of body) {
    if (record.cells.length !== labels.length) {
      ctx.problems.push({ file, line: record.line, message: `expected ${labels.length} cells, found ${record.cells.length}` });
      continue;
    }
    if (!projects) continue;
    const number = record.cells[numberColumn]!.trim();
    const group = groupColumn < 0 ? '' : record.cells[groupColumn]!.trim();
    const project = /^\d+$/.test(number) ? byKey.get(projectKey(group, Number(number))) : undefined;
    if (!project) {
      ctx.problems.push({
        file,
        line: record.line,
        field: groupColumn < 0 ? indicatorKeyColumns.number : `${indicatorKeyColumns.group}, ${indicatorKeyColumns.number}`,
        message: `expected the number of a project in ${projectsPath}, found "${[group, number].filter(Boolean).join(' ')}"`,
      });
      continue;
    }
    const indicator: Indicator = {};
    record.cells.forEach((cell, c) => {
      const field = fields[c];
      const value = cell.trim();
      if (field && value !== '') indicator[field] = value;
    });
    project.indicators.push(indicator);
  }
}

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

/** The narrative of a section and its subsections, as the page shows it. */
/** The narrative of a section and its subsections as the page shows it, without spaces (what quotes are looked up in). */
function sectionText(section: FilingDeclaration['sections'][number], texts: Record<string, string>): string {
  return withoutSpaces([section, ...section.subsections].flatMap((part) => part.blocks.map((b) => (b.markdown ? (texts[b.markdown] ?? '') : ''))).join('\n'));
}

const withoutSpaces = (text: string) => text.replace(/[\s\u3000]/g, '');

/**
 * The checks compare a stated figure with the tables; the page shows the
 * section's text. They must be the same words: the quote appears in the
 * section (spacing aside) and carries the figure, or a text saying 9.99 would
 * be published beside a table saying 2.34 with every check passing.
 */
function quoteProblem(figure: { value: string; quote: string; section: string }, text: string): string | undefined {
  if (!text.includes(withoutSpaces(figure.quote))) return `expected the quote in the text of section "${figure.section}", found no "${figure.quote}" there`;
  const numbers = figure.quote.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];
  if (!numbers.some((n) => equal(n.replace(/,/g, ''), figure.value))) return `expected the quote to state ${figure.value}, found "${figure.quote}"`;
  return undefined;
}

/**
 * Read and validate one filing folder. Throws a RecordError listing every
 * problem found, each naming the file and the field or cell.
 */
export function loadFiling(dir: string, options: { root: string; contentRoot?: string }): Filing {
  const ctx = recordContext(options.root, dir);
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

  const tableIds = new Set<string>();
  const standards = new Map<string, string>();
  declaration.tables.forEach((t, i) => {
    if (tableIds.has(t.id)) ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `tables[${i}].id`, message: `duplicate table id "${t.id}"` });
    tableIds.add(t.id);
    if (!t.standard) return;
    const earlier = standards.get(t.standard);
    // The checks compare each standard table with the others and the text; a second one would be published unchecked.
    if (earlier) ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `tables[${i}].standard`, message: `"${t.standard}" is already the standard of table "${earlier}": a filing has each standard table once` });
    standards.set(t.standard, t.id);
  });
  const tables = declaration.tables.map((t, i) => readTable(ctx, t, i)).filter((t): t is Table => t !== null);

  let projectList: Project[] = [];
  let projectsRead = true;
  if (declaration.projects) {
    const problemsBefore = ctx.problems.length;
    const data = readYaml(ctx, declaration.projects, { field: 'projects', expected: 'a list of project forms (number, title, name …)' });
    if (data !== undefined) {
      const parsed = projectsFileSchema.safeParse(data, { reportInput: true });
      if (parsed.success) projectList = parsed.data.map((form) => ({ ...form, indicators: [] }));
      else ctx.problems.push(...zodProblems(rel(ctx, declaration.projects), parsed.error));
    }
    projectsRead = ctx.problems.length === problemsBefore;
  }
  if (declaration.projectIndicators) {
    if (declaration.projects) readIndicators(ctx, declaration.projectIndicators, declaration.projects, projectsRead ? projectList : undefined);
    else ctx.problems.push({ file: rel(ctx, FILING_FILE), field: 'projectIndicators', message: 'indicator rows need the projects they belong to: add projects (a projects.yaml) or remove projectIndicators' });
  }
  const projectGroups = new Set(projectList.map((p) => p.group ?? ''));

  const texts: Record<string, string> = {};
  const sectionIds = new Set<string>();
  /** Ids of sections and subsections alike: each is an anchor of the page. */
  const anchors = new Set<string>();
  /** What the blocks place on the page (`table:<id>`, `projects:<group>`, `term:<term>`) and where. */
  const placed = new Map<string, string>();
  /** Where `key` was placed already; all projects (`*`) overlap every group. */
  const placedBefore = (key: string) => {
    if (key === 'projects:*') return [...placed].find(([k]) => k.startsWith('projects:'))?.[1];
    return placed.get(key) ?? (key.startsWith('projects:') ? placed.get('projects:*') : undefined);
  };
  declaration.sections.forEach((section, s) => {
    if (anchors.has(section.id)) ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `sections[${s}].id`, message: `duplicate section id "${section.id}"` });
    sectionIds.add(section.id);
    anchors.add(section.id);
    section.subsections.forEach((sub, k) => {
      if (anchors.has(sub.id)) ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `sections[${s}].subsections[${k}].id`, message: `duplicate section id "${sub.id}": each section and subsection is a link target on the page` });
      anchors.add(sub.id);
    });
    const parts = [{ blocks: section.blocks, path: `sections[${s}]` }, ...section.subsections.map((sub, k) => ({ blocks: sub.blocks, path: `sections[${s}].subsections[${k}]` }))];
    for (const { blocks, path } of parts) {
      blocks.forEach((block, b) => {
        const field = `${path}.blocks[${b}]`;
        const placing = [
          ...(block.table ? [`table:${block.table}`] : []),
          ...(block.projects ? [`projects:${block.projects}`] : []),
          ...(block.glossary ?? []).map((entry) => `term:${termKey(entry.term)}`),
          // issue 13, class 9: one Markdown file placed thousands of times made a page of hundreds of megabytes.
          ...(block.markdown ? [`text:${block.markdown}`] : []),
        ];
        for (const key of placing) {
          const earlier = placedBefore(key);
          if (earlier) {
            ctx.problems.push({ file: rel(ctx, FILING_FILE), field, message: `${key.replace(/^(\w+):/, '$1 ')} is already shown at ${earlier}: each table, group of projects, text and 名词解释 term appears once on the page (its anchor would be repeated, and the page could grow without bound)` });
          }
          placed.set(key, field);
        }
        if (block.markdown) {
          const text = readText(ctx, block.markdown, `${field}.markdown`);
          if (text !== null) texts[block.markdown] = text;
        }
        if (block.table && !tableIds.has(block.table)) {
          ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `${field}.table`, message: `no table with id "${block.table}" under tables` });
        }
        if (block.projects && block.projects !== '*' && !projectGroups.has(block.projects)) {
          ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `${field}.projects`, message: `no project with group "${block.projects}" in ${declaration.projects ?? 'the record (no projects file declared)'}` });
        }
      });
    }
  });
  const sectionTexts = new Map<string, string>();
  for (const [key, figure] of Object.entries(declaration.statedFigures)) {
    if (!figure) continue;
    const section = declaration.sections.find((s) => s.id === figure.section);
    if (!section) {
      ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `statedFigures.${key}.section`, message: `no section with id "${figure.section}"` });
      continue;
    }
    // Most figures quote the same section (二、总体情况): its text is put together once.
    let text = sectionTexts.get(section.id);
    if (text === undefined) sectionTexts.set(section.id, (text = sectionText(section, texts)));
    const problem = quoteProblem(figure, text);
    if (problem) ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `statedFigures.${key}.quote`, message: problem });
  }
  const sourceNames = new Map<string, string>();
  for (const [i, source] of declaration.sources.entries()) {
    const name = sourceFileName(source.file);
    const earlier = sourceNames.get(name.toLowerCase());
    // The portal publishes every source under source/<file name>: two with one name would overwrite each other.
    if (earlier) ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `sources[${i}].file`, message: `"${name}" is also the file name of ${earlier}: sources are published side by side, each needs its own name` });
    // Compared without case: on a case-insensitive host A.txt and a.txt are one file.
    sourceNames.set(name.toLowerCase(), source.file);
    const bytes = readBytes(ctx, source.file, `sources[${i}].file`);
    if (bytes === null) continue;
    // The portal publishes the file as the source of every figure: the digest proves it is the document the record was made from.
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (digest !== source.sha256) {
      ctx.problems.push({
        file: rel(ctx, FILING_FILE),
        field: `sources[${i}].sha256`,
        message: `${source.file} is not the document the record was made from: expected sha256 ${source.sha256}, found ${digest} (restore the file, or re-import and review the record if the source was replaced)`,
      });
    }
  }

  let acknowledgments: Acknowledgment[] = [];
  if (existsSync(join(dir, ACKNOWLEDGMENTS_FILE))) {
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

/**
 * Every folder below `contentRoot` that holds a filing.yaml, sorted for
 * stable output, and a problem for whatever would otherwise vanish from the
 * portal without a word: a folder with files but no filing.yaml (a
 * `filing.yml`, a declaration deleted by mistake), and a symbolic link,
 * which is not followed (it could lead anywhere on the machine).
 */
export function findFilingFolders(root: string, contentRoot: string): { dirs: string[]; problems: Problem[] } {
  const dirs: string[] = [];
  const problems: Problem[] = [];
  const path = (dir: string, name: string) => relative(root, join(dir, name)).split(sep).join('/');
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
    if (entries.some((e) => e.isFile() && e.name === FILING_FILE)) {
      dirs.push(dir);
      for (const sub of entries.filter((e) => e.isDirectory())) nestedFilings(join(dir, sub.name), dir);
      return;
    }
    for (const link of entries.filter((e) => e.isSymbolicLink())) {
      problems.push({ file: path(dir, link.name), message: 'expected a folder or file of the content tree, found a symbolic link: it is not followed, and any filing behind it is not read' });
    }
    // issue 13, class 10: a named pipe or a device is named, never opened (reading one could wait forever).
    for (const special of entries.filter((e) => !e.isFile() && !e.isDirectory() && !e.isSymbolicLink())) {
      problems.push({ file: path(dir, special.name), message: `expected a folder or file of the content tree, found ${specialFileKind(special)}: it is not read` });
    }
    const files = entries.filter((e) => e.isFile());
    const misnamed = files.find((e) => /^filing\./i.test(e.name));
    if (files.length > 0 || entries.some((e) => e.isDirectory() && e.name === 'tables')) {
      problems.push({
        file: path(dir, misnamed?.name ?? FILING_FILE),
        message: misnamed
          ? `expected the filing declaration in a file named ${FILING_FILE}, found ${misnamed.name}: the filing is not read until it is renamed`
          : `the folder holds ${files.length > 0 ? `files (${files.map((e) => e.name).slice(0, 3).join(', ')}${files.length > 3 ? ' …' : ''})` : "a filing's tables"} but no ${FILING_FILE}: a filing is not read without it`,
      });
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) walk(join(dir, entry.name));
  };
  // issue 13, class 9: a filing folder inside another was never read, and nothing said so.
  const nestedFilings = (dir: string, filing: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name === FILING_FILE) {
        problems.push({ file: path(dir, entry.name), message: `expected a filing in a folder of its own, found one inside the filing ${relative(root, filing).split(sep).join('/')}: it is not read; move it to its own region/department/year folder` });
      } else if (entry.isDirectory() && !entry.name.startsWith('.')) nestedFilings(join(dir, entry.name), filing);
    }
  };
  walk(contentRoot);
  return { dirs: dirs.sort(), problems };
}

/**
 * A department-year is the same whether its folder carries the department
 * code or not (`316-人力资源和社会保障局` and `人力资源和社会保障局`): it is
 * known by its region and code, or by its full name, which carries its
 * region (永清县…), within the province, so a record filed under a shorter
 * region path is the same department too. Names, of regions as of
 * departments, are compared as read (clean-text.ts identityKey): without
 * spaces or characters that print nothing, and with look-alike forms
 * (⼈ for 人, full-width letters) folded by NFKC.
 */
export function departmentYearKeys(f: Pick<Filing, 'region' | 'department' | 'year' | 'kind'>): string[] {
  const period = `${f.year}-${f.kind}`;
  const name = identityKey(f.department.name);
  return [`${identityKey(f.region.province)}/${period}#name:${name}`, ...(f.department.code ? [`${[...regionPath(f).map(identityKey), period].join('/')}#code:${f.department.code}`] : [])];
}

/**
 * The problem when this filing's department-year is already in `seen`
 * (department-year key → folder); otherwise records it there.
 */
export function duplicateDepartmentYear(
  f: Pick<Filing, 'region' | 'department' | 'year' | 'kind' | 'dir'>,
  seen: Map<string, string>,
): Problem | undefined {
  const keys = departmentYearKeys(f);
  const previous = keys.map((k) => seen.get(k)).find((d) => d !== undefined);
  if (previous) {
    return {
      file: `${f.dir}/${FILING_FILE}`,
      field: 'department',
      message: `duplicate department-year: ${f.department.name} ${f.year} ${f.kind} is already filed in ${previous}`,
    };
  }
  for (const key of keys) seen.set(key, f.dir);
  return undefined;
}

/**
 * A department's page and a region's page with one address: a short name
 * 永清县 under 廊坊市 with no county is the address of 永清县's own page, and
 * the build keeps one of the two, silently. One problem per department whose
 * address is a region's.
 */
export function addressConflicts(filings: readonly Pick<Filing, 'region' | 'department' | 'dir'>[]): Problem[] {
  const regions = new Set(filings.flatMap((f) => regionPath(f).map((_, i, path) => path.slice(0, i + 1).join('/'))));
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const f of filings) {
    const address = departmentId(f);
    if (!regions.has(address) || reported.has(address)) continue;
    reported.add(address);
    problems.push({
      file: `${f.dir}/${FILING_FILE}`,
      field: 'department.shortName',
      message: `the department's page would have the address /${address}/, which is the page of the region ${address}: give the region its county or city, or the department its code`,
    });
  }
  return problems;
}

/** What every record of a tree gave: the records read, and the problems of those that could not be. */
export interface LoadResult<T> {
  records: T[];
  problems: Problem[];
}

/**
 * Read every filing folder under `contentRoot` with `read`; problems of all
 * filings are collected so one run reports them all, and a department-year
 * filed twice is one of them.
 */
export function loadAll<T extends Parameters<typeof duplicateDepartmentYear>[0]>(root: string, contentRoot: string, read: (dir: string) => T): LoadResult<T> {
  const records: T[] = [];
  const { dirs, problems } = findFilingFolders(root, contentRoot);
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    try {
      const record = read(dir);
      const duplicate = duplicateDepartmentYear(record, seen);
      if (duplicate) problems.push(duplicate);
      else records.push(record);
    } catch (error) {
      if (error instanceof RecordError) problems.push(...error.problems);
      else throw error;
    }
  }
  problems.push(...addressConflicts(records));
  return { records, problems };
}

/** Every filing under `contentRoot`, read whole. */
export function loadAllFilings(root: string, contentRoot: string): { filings: Filing[]; problems: Problem[] } {
  const { records, problems } = loadAll(root, contentRoot, (dir) => loadFiling(dir, { root, contentRoot }));
  return { filings: records, problems };
}
