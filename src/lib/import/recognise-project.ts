import { isTable, type TableRow, type TextBlock } from './blocks.ts';
import { parseProject, PROJECT_TITLE } from './projects.ts';
import { ImportError } from './report.ts';
import type { DocumentWalk } from './document-walk.ts';
import { PART_HEADING, SECTION_HEADING } from './line-patterns.ts';

/** A 项目绩效目标表: its title line, the unit and unit name above it, and its table's rows. */
export function projectTable(walk: DocumentWalk, block: TextBlock, number: number, title: string): void {
  const section = walk.section();
  walk.i++;
  const rows: TableRow[] = [];
  const loose: { text: string; line: number }[] = [];
  const header: string[] = [];
  let unit = '万元';
  while (walk.i < walk.blocks.length) {
    const b = walk.blocks[walk.i]!;
    if (isTable(b)) {
      rows.push(...b.rows);
      walk.i++;
      continue;
    }
    const t = b.text.trim();
    if (t === '') {
      walk.i++;
      continue;
    }
    if (PROJECT_TITLE.test(t) || SECTION_HEADING.test(t) || PART_HEADING.test(t)) break;
    if (walk.isPageHeader(t)) {
      header.push(t);
      walk.i++;
      continue;
    }
    if (/^单位\s*[：:]/.test(t)) {
      unit = t.replace(/^单位\s*[：:]\s*/, '');
      walk.i++;
      continue;
    }
    if (!isTable(walk.blocks[walk.i + 1])) break;
    loose.push({ text: t, line: b.line });
    walk.i++;
  }
  if (rows.length === 0) throw new ImportError(walk.file, block.line, `project table "${title}" has no rows`);
  const parsed = parseProject({ number, title, line: block.line }, rows, loose, walk.report);
  parsed.unit = unit;
  // The unit printed above the table (`323003 秦皇岛市抚宁区就业服务中心`) says who carries the project out.
  if (header.length > 0) parsed.facts = { 部门: header.join('；'), ...parsed.facts };
  const place = `${section.id}\u0000${walk.subheading ?? ''}`;
  walk.projects.push({ ...parsed, place, ...(walk.subheading ? { group: walk.subheading } : {}) });
  const last = section.blocks[section.blocks.length - 1];
  if (!(last && 'projects' in last && last.projects === place)) section.blocks.push({ projects: place });
  walk.report.add(block.line, 'project', `${number}、${parsed.name}: ${rows.length} table rows read into ${parsed.goals.length} goal line(s), ${parsed.spendingPlan.length} spending period(s), ${parsed.indicators.length} indicator row(s)`);
}
