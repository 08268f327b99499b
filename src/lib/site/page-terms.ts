import type { Filing } from '../records/load-filing.ts';
import type { BlockDeclaration } from '../records/schema/section.ts';
import { indicatorTable, projectBudgetTable, projectsIn, standaloneTables, termAnchor, unplacedProjects, type NumberedProject } from './filing-view.ts';
import { LINKABLE_TERM, linkableText, termPlan, type TermLinks, type TermPlace } from './glossary-links.ts';
import { headerRows, type TableColumn } from './table-model.ts';
import { GLOSSARY_URL } from './urls.ts';

/**
 * Which glossary term a filing page links where: the page is walked in the
 * order FilingBody draws it (the headline, the standard tables, every
 * section's blocks, the projects no section places), and each term is
 * linked at the first place it appears. Decided before anything renders, so
 * the parts of the page, rendered in any order, agree.
 */

/** Keys of the places of a page where terms are linked. */
export const termPlace = {
  headline: 'headline',
  table: (id: string) => `table:${id}`,
  markdown: (path: string) => `markdown:${path}`,
  project: (index: number, which: 'budget' | 'indicators') => `project:${index}:${which}`,
};

/** Every 名词解释 term of the filing, in source order. */
export function ownTerms(f: Pick<Filing, 'sections'>): string[] {
  return f.sections.flatMap((s) => [s, ...s.subsections]).flatMap((p) => p.blocks.flatMap((b) => (b.glossary ?? []).map((e) => e.term)));
}

/**
 * The terms a filing page links: its own 名词解释 to the entry on the page
 * (GlossaryList gives each the id termAnchor), the portal's other terms to
 * the glossary page.
 */
export function termTargets(own: readonly string[], portal: readonly string[]): Map<string, string> {
  const targets = new Map<string, string>();
  for (const term of own.map((t) => t.trim())) if (LINKABLE_TERM.test(term) && !targets.has(term)) targets.set(term, `#${termAnchor(term)}`);
  for (const term of portal.map((t) => t.trim())) if (LINKABLE_TERM.test(term) && !targets.has(term)) targets.set(term, `${GLOSSARY_URL}#${termAnchor(term)}`);
  return targets;
}

/** The terms of one page: all of them (to find words as the page does) and, by place, the ones to link there. */
export interface PageTerms {
  all: TermLinks;
  /** A fresh list of the terms to link at `key`; the renderer takes each out as it links it. */
  at(key: string): Map<string, string>;
}

const headerText = (columns: readonly Pick<TableColumn, 'header'>[]) => headerRows(columns).flat().map((c) => c.label);

function* projectPlaces({ project, index }: NumberedProject): Generator<TermPlace> {
  const budget = projectBudgetTable(project);
  if (budget) yield { key: termPlace.project(index, 'budget'), texts: headerText(budget.columns) };
  const indicators = indicatorTable(project);
  if (indicators.rows.length > 0) yield { key: termPlace.project(index, 'indicators'), texts: headerText(indicators.columns) };
}

function* blockPlaces(f: Filing, html: Readonly<Record<string, string>>, blocks: readonly BlockDeclaration[]): Generator<TermPlace> {
  const tables = new Map(f.tables.map((t) => [t.id, t]));
  for (const block of blocks) {
    if (block.markdown !== undefined) {
      yield { key: termPlace.markdown(block.markdown), texts: linkableText(html[block.markdown] ?? '') };
    }
    const table = block.table === undefined ? undefined : tables.get(block.table);
    if (table) yield { key: termPlace.table(table.id), texts: headerText(table.columns) };
    if (block.projects !== undefined) for (const project of projectsIn(f, block.projects)) yield* projectPlaces(project);
    if (block.glossary !== undefined) yield { key: 'glossary', texts: block.glossary.map((e) => e.term), explains: true };
  }
}

/** The places of a filing page in the order FilingBody draws them. */
export function* pagePlaces(f: Filing, html: Readonly<Record<string, string>>, headlineLabels: readonly string[]): Generator<TermPlace> {
  yield { key: termPlace.headline, texts: headlineLabels };
  for (const table of standaloneTables(f)) yield { key: termPlace.table(table.id), texts: headerText(table.columns) };
  for (const section of f.sections) {
    yield* blockPlaces(f, html, section.blocks);
    for (const sub of section.subsections) yield* blockPlaces(f, html, sub.blocks);
  }
  for (const project of unplacedProjects(f)) yield* projectPlaces(project);
}

export function pageTerms(f: Filing, html: Readonly<Record<string, string>>, headlineLabels: readonly string[], portal: readonly string[]): PageTerms {
  const all = termTargets(ownTerms(f), portal);
  const plan = termPlan(pagePlaces(f, html, headlineLabels), all);
  return { all, at: (key) => new Map(plan.get(key) ?? []) };
}
