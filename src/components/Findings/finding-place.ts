import type { Finding } from '../../lib/checks/finding.ts';
import type { Filing } from '../../lib/records/load-filing.ts';
import { numbered, parts, sectionAnchor, tableAnchor } from '../../lib/site/filing-view.ts';

/** Where on the page a finding is, in the words of the page, and the anchor that leads there. */
export interface Place {
  label: string;
  href?: string;
}

/**
 * The checks name places as the record does (`statedFigures.income.total`,
 * `sections/duties.md:7→9`): the data keeps those names (the finding's
 * `at`, acknowledgments.yaml); a reader is told the table or the part of
 * the text they are in.
 */
export function findingPlace(finding: Pick<Finding, 'table' | 'at'>, filing: Pick<Filing, 'tables' | 'sections'>): Place {
  if (finding.table) {
    const table = filing.tables.find((t) => t.id === finding.table);
    return { label: table?.title ?? '公开表格', href: `#${tableAnchor(finding.table)}` };
  }
  const at = finding.at;
  if (at.startsWith('statedFigures.')) return { label: '情况说明中引用的数字' };
  if (at === 'tables' || at.startsWith('tables:')) return { label: '应公开的表格' };
  if (at.startsWith('contents:')) return { label: '目录' };
  if (at.startsWith('sections:')) return { label: '各部分的编号' };
  if (at.startsWith('projects') || at.startsWith('project ')) return { label: '项目绩效目标表' };
  const text = /^(.+\.md):/.exec(at)?.[1];
  if (text !== undefined) {
    const part = filing.sections.flatMap(parts).find((p) => p.blocks.some((b) => b.markdown === text));
    return part ? { label: numbered(part.number, part.title), href: `#${sectionAnchor(part.id)}` } : { label: '说明文字' };
  }
  return { label: '整份文件' };
}
