import type { Finding } from '../checks/finding.ts';
import { sourceFileName } from '../records/filing-path.ts';
import { headerLabel } from '../records/schema/table.ts';
import type { Filing } from '../records/load-filing.ts';
import type { Project } from '../records/schema/project.ts';
import type { BlockDeclaration } from '../records/schema/section.ts';
import { absoluteUrl, csvUrl, filingUrl, indicatorsCsvUrl, projectsCsvUrl, sourceUrl } from '../site/urls.ts';
import { FILING_SCHEMA_VERSION, type PublicFiling, type PublicProject, type PublicSource } from './filing-schema.ts';
import { documentMediaType, isTextSource, publishedSource } from './published-source.ts';

type Section = PublicFiling['sections'][number];
type Block = Section['blocks'][number];

/** A URL of a file beside the filing, relative to it and percent-encoded (a source's name may be Chinese). */
function besideFiling(filing: Filing, url: string): string {
  const base = filingUrl(filing);
  if (!url.startsWith(base)) throw new Error(`expected ${url} to be below the filing's URL ${base}`);
  return encodeURI(url.slice(base.length));
}

function publicBlock(block: BlockDeclaration, texts: Filing['texts']): Block {
  if (block.markdown !== undefined) return { type: 'markdown', markdown: texts[block.markdown] ?? '' };
  if (block.table !== undefined) return { type: 'table', table: block.table };
  if (block.projects !== undefined) return { type: 'projects', group: block.projects };
  if (block.glossary !== undefined) return { type: 'glossary', entries: block.glossary.map(({ term, definition }) => ({ term, definition })) };
  return { type: 'goals', goals: (block.goals ?? []).map((g) => ({ title: g.title, ...(g.target !== undefined ? { target: g.target } : {}), indicators: g.indicators })) };
}

function publicProject(project: Project): PublicProject {
  const { number, group, title, name, code, unit, facts, budget, purpose, spendingPlan, goals, indicators } = project;
  return {
    number,
    ...(group !== undefined ? { group } : {}),
    title,
    name,
    ...(code !== undefined ? { code } : {}),
    unit,
    facts,
    ...(budget ? { budget: { total: budget.total, fiscal: budget.fiscal, other: budget.other } } : {}),
    ...(purpose !== undefined ? { purpose } : {}),
    spendingPlan: spendingPlan.map((p) => ({ period: p.period, amount: p.amount })),
    goals,
    indicators: indicators.map((i) => ({ ...i })),
  };
}

/** Only what a finding says about the published filing: not the record file or line it was read from. */
function publicFinding(f: Finding): PublicFiling['findings'][number] {
  return {
    rule: f.rule,
    severity: f.severity,
    at: f.at,
    ...(f.table !== undefined ? { table: f.table } : {}),
    ...(f.row !== undefined ? { row: f.row } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.found !== undefined ? { found: f.found } : {}),
    message: f.message,
    acknowledged: f.acknowledged !== undefined,
    ...(f.acknowledged ? { note: f.acknowledged.note } : {}),
  };
}

/**
 * The public shape of a filing (filing-schema.ts). `readSource` gives the
 * bytes of a source by its path in the record; only text sources are read,
 * as their published copy carries a byte-order mark (published-source.ts).
 */
export function publicFiling(filing: Filing, findings: readonly Finding[], readSource: (file: string) => Uint8Array): PublicFiling {
  const sources = filing.sources.map((source): PublicSource => {
    const name = sourceFileName(source.file);
    const published = isTextSource(name) ? publishedSource(name, readSource(source.file)) : undefined;
    return {
      title: source.title,
      name,
      url: besideFiling(filing, sourceUrl(filing, source.file)),
      mediaType: published?.mediaType ?? documentMediaType(name),
      format: source.format,
      origin: source.origin,
      sha256: source.sha256,
      publishedSha256: published?.sha256 ?? source.sha256,
    };
  });
  const { department, region } = filing;
  const hasProjects = filing.projectList.length > 0;
  return {
    schemaVersion: FILING_SCHEMA_VERSION,
    id: filing.id,
    url: absoluteUrl(filingUrl(filing)),
    title: filing.title,
    kind: filing.kind,
    year: filing.year,
    region: { province: region.province, ...(region.city ? { city: region.city } : {}), ...(region.county ? { county: region.county } : {}) },
    department: {
      ...(department.code ? { code: department.code } : {}),
      name: department.name,
      shortName: department.shortName,
      units: department.units.map((u) => ({ ...(u.code !== undefined ? { code: u.code } : {}), name: u.name })),
    },
    unit: filing.unit,
    ...(filing.published ? { published: filing.published } : {}),
    contents: filing.contents,
    sources,
    tables: filing.tables.map((table) => ({
      id: table.id,
      ...(table.standard ? { standard: table.standard } : {}),
      title: table.title,
      unit: table.unit,
      url: besideFiling(filing, csvUrl(filing, table.id)),
      columnNumbers: table.columnNumbers,
      empty: table.empty,
      notes: table.notes,
      meta: table.meta,
      columns: table.columns.map((c) => ({
        name: headerLabel(c),
        header: c.header,
        type: c.type,
        ...(c.classification ? { classification: c.classification } : {}),
        ...(c.unit !== undefined ? { unit: c.unit } : {}),
      })),
      rows: table.rows.map((row) => row.map((cell) => cell ?? '')),
    })),
    sections: filing.sections.map((s) => ({
      id: s.id,
      ...(s.number !== undefined ? { number: s.number } : {}),
      title: s.title,
      blocks: s.blocks.map((b) => publicBlock(b, filing.texts)),
      subsections: s.subsections.map((sub) => ({
        id: sub.id,
        ...(sub.number !== undefined ? { number: sub.number } : {}),
        title: sub.title,
        blocks: sub.blocks.map((b) => publicBlock(b, filing.texts)),
      })),
    })),
    projects: filing.projectList.map(publicProject),
    ...(hasProjects ? { projectsUrl: besideFiling(filing, projectsCsvUrl(filing)), indicatorsUrl: besideFiling(filing, indicatorsCsvUrl(filing)) } : {}),
    statedFigures: Object.entries(filing.statedFigures).flatMap(([key, figure]) =>
      figure
        ? [
            {
              key,
              value: figure.value,
              section: figure.section,
              quote: figure.quote,
              ...(figure.subject !== undefined ? { subject: figure.subject } : {}),
              ...(figure.compared ? { compared: { value: figure.compared.value, relation: figure.compared.relation } } : {}),
            },
          ]
        : [],
    ),
    findings: findings.map(publicFinding),
  };
}
