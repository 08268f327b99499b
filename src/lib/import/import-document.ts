import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { filingId } from '../records/filing-path.ts';
import { INDICATORS_FILE, PROJECTS_FILE, indicatorsCsv, recordYaml, tableCsv } from './record-files.ts';
import { sourceOrigins } from './blocks.ts';
import { readDocument } from './read-document.ts';
import { dropDuplicateTail } from './duplicate-tail.ts';
import { mendPageBreaks } from './page-breaks.ts';
import { readIdentity } from './identity.ts';
import { Recogniser } from './recognise.ts';
import type { BlockDraft, SectionDraft } from './drafts.ts';
import { ImportError, ImportReport } from './report.ts';
import { extractStatedFigures } from './stated-figures.ts';

export interface ImportOptions {
  /** Path used in messages and for the copy under source/. */
  file: string;
  bytes: Uint8Array;
  /** 省/市/县 when the document does not name them. */
  region?: string[];
}

export interface ImportResult {
  /** `河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算` */
  id: string;
  /** Every file of the record folder, by path relative to it. */
  files: Map<string, string | Uint8Array>;
  report: ImportReport;
}

export const REPORT_FILE = 'import-report.md';

/** Markdown blocks become files named after their section; the rest stay in filing.yaml. */
function sectionBlocks(section: SectionDraft, files: Map<string, string | Uint8Array>, groups: Map<string, string>, report: ImportReport) {
  let n = 0;
  return section.blocks.map((block: BlockDraft) => {
    if ('markdown' in block) {
      n++;
      const path = `sections/${section.id}${n > 1 ? `.${n}` : ''}.md`;
      files.set(path, `${block.markdown.join('\n\n')}\n`);
      const [from, to] = [block.lines[0]!, block.lines[block.lines.length - 1]!];
      report.add(from, 'narrative', `lines ${from}–${to}: ${block.markdown.length} paragraph(s) kept verbatim as Markdown in ${path}`);
      return { markdown: path };
    }
    if ('projects' in block) return { projects: groups.get(block.projects) ?? '*' };
    return block;
  });
}

/**
 * Turn one document (PDF, Word, Excel or a converter's text) into the files of a filing record:
 * filing.yaml, tables/*.csv, projects.yaml, sections/*.md, the source copy
 * and the import report. Deterministic: the same bytes give the same files.
 */
export async function importDocument(options: ImportOptions): Promise<ImportResult> {
  const { file, bytes } = options;
  const read = await readDocument(file, bytes);
  const form = read.form;
  const report = new ImportReport(basename(file), form);
  const blocks = mendPageBreaks(dropDuplicateTail(read.blocks, report), report);
  const identity = readIdentity(file, blocks, options.region);
  report.add(identity.line, 'metadata', `${identity.department.name}, ${identity.year} ${identity.kind}, ${[identity.region.province, identity.region.city, identity.region.county].filter(Boolean).join('/')}`);
  const recognised = new Recogniser(file, blocks, identity, report).run();
  if (recognised.tables.length === 0 && recognised.projects.length === 0) {
    throw new ImportError(file, undefined, 'no recognisable table: found neither a standard budget table, a table with a title, nor a 项目绩效目标表');
  }

  const files = new Map<string, string | Uint8Array>();
  const places = [...new Set(recognised.projects.map((p) => p.place))];
  const grouped = places.length > 1 || recognised.projects.some((p) => p.group !== undefined);
  const everySection = recognised.sections.flatMap((s) => [s, ...s.subsections]);
  const groups = new Map<string, string>();
  for (const place of places) {
    const project = recognised.projects.find((p) => p.place === place)!;
    const section = everySection.find((s) => s.id === place.split('\u0000')[0]);
    groups.set(place, grouped ? (project.group ?? section?.title ?? '*') : '*');
  }

  for (const table of recognised.tables) files.set(`tables/${table.id}.csv`, tableCsv(table.columns, table.rows));
  const sourceName = basename(file);
  const source = {
    file: `source/${sourceName}`,
    title: identity.title,
    format: form,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    origin: `${sourceName}：${sourceOrigins[form](identity.title)}`,
  };
  files.set(source.file, bytes);

  const sections = recognised.sections.map((s) => ({
    id: s.id,
    ...(s.number ? { number: s.number } : {}),
    title: s.title,
    blocks: sectionBlocks(s, files, groups, report),
    ...(s.subsections.length > 0
      ? { subsections: s.subsections.map((sub) => ({ id: sub.id, ...(sub.number ? { number: sub.number } : {}), title: sub.title, blocks: sectionBlocks(sub, files, groups, report) })) }
      : {}),
  }));
  // A figure quoted in a subsection is placed by its section: the record names top-level sections.
  const statedFigures = extractStatedFigures(recognised.sections.map((s) => ({ id: s.id, prose: [...s.prose, ...s.subsections.flatMap((sub) => sub.prose)].join('') })));
  for (const [key, figure] of Object.entries(statedFigures)) report.add(recognised.sections.find((s) => s.id === figure.section)?.line ?? 1, 'figure', `${key} = ${figure.value} (${figure.quote.slice(0, 30)}…)`);

  const projects = recognised.projects.map((p) => ({
    number: p.number,
    title: p.title,
    name: p.name,
    ...(p.code ? { code: p.code } : {}),
    unit: p.unit,
    ...(grouped ? { group: groups.get(p.place)! } : {}),
    facts: p.facts,
    ...(p.budget ? { budget: p.budget } : {}),
    ...(p.purpose ? { purpose: p.purpose } : {}),
    spendingPlan: p.spendingPlan,
    goals: p.goals,
  }));
  if (projects.length > 0) files.set(PROJECTS_FILE, recordYaml(projects));
  const hasIndicators = recognised.projects.some((p) => p.indicators.length > 0);
  if (hasIndicators) files.set(INDICATORS_FILE, indicatorsCsv(recognised.projects.map((p, i) => ({ ...projects[i]!, indicators: p.indicators }))));

  const declaration = {
    schemaVersion: 1,
    title: identity.title,
    kind: identity.kind,
    year: identity.year,
    region: identity.region,
    department: identity.department,
    unit: '万元',
    sources: [source],
    ...(recognised.contents.length > 0 ? { contents: recognised.contents } : {}),
    tables: recognised.tables.map((t) => ({
      id: t.id,
      ...(t.standard ? { standard: t.standard } : {}),
      title: t.title,
      unit: t.unit,
      csv: `tables/${t.id}.csv`,
      columnNumbers: t.columnNumbers,
      empty: t.empty,
      notes: t.notes,
      meta: t.meta,
      columns: t.columns.map((c) => ({ header: c.header, type: c.type, ...(c.classification ? { classification: c.classification } : {}) })),
    })),
    ...(projects.length > 0 ? { projects: PROJECTS_FILE } : {}),
    ...(hasIndicators ? { projectIndicators: INDICATORS_FILE } : {}),
    statedFigures,
    sections,
  };
  files.set('filing.yaml', `# Imported by \`npm run import\` from ${source.file}; see ${REPORT_FILE}.\n${recordYaml(declaration)}`);
  const id = filingId(identity);
  files.set(REPORT_FILE, report.toMarkdown(id));
  return { id, files, report };
}
