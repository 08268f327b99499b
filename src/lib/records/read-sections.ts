import { FILING_FILE, type FilingDeclaration } from './schema/filing.ts';
import type { Project } from './schema/project.ts';
import { termKey } from './schema/section.ts';
import { readText, rel, type Context } from './read-record-file.ts';

/**
 * The Markdown texts the sections' blocks name, by the path used in the
 * record. Each section and subsection id is an anchor of the page, and each
 * table, group of projects, text and 名词解释 term is placed on it once, and
 * only when the record holds it.
 */
export function readSections(ctx: Context, declaration: FilingDeclaration, tableIds: Set<string>, projectList: Project[]): Record<string, string> {
  const projectGroups = new Set(projectList.map((p) => p.group ?? ''));
  const texts: Record<string, string> = {};
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
  return texts;
}
