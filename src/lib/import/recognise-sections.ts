import type { TextBlock } from './blocks.ts';
import { chineseNumber } from './text.ts';
import { uniqueId, type DocumentWalk } from './document-walk.ts';

/** Section ids by the words of their titles; the first match wins. */
const SECTION_IDS: [RegExp, string][] = [
  [/职责|机构设置/, 'duties'],
  [/总体情况|收支预算|预算安排的总/, 'overview'],
  [/机关运行经费/, 'operating-costs'],
  [/三公/, 'three-public'],
  [/项目.*(绩效|预算)|专项资金/, 'projects'],
  [/^总体绩效目标/, 'overall-goals'],
  [/^分项绩效目标/, 'sub-goals'],
  [/整体.*绩效|绩效预算|绩效目标|绩效信息/, 'performance'],
  [/工作保障/, 'safeguards'],
  [/政府采购/, 'procurement'],
  [/国有资产|固定资产/, 'assets'],
  [/名词解释/, 'glossary'],
  [/其他/, 'other'],
];

export function startSection(walk: DocumentWalk, block: TextBlock, number: string | undefined, title: string, fixedId?: string, inPart = false): void {
  const base = fixedId ?? SECTION_IDS.find(([re]) => re.test(title))?.[1] ?? `section-${walk.sections.length + 1}`;
  const id = uniqueId(base, walk.sectionIds);
  const where = walk.open({ id, ...(number ? { number } : {}), title, blocks: [], line: block.line, prose: [], subsections: [] }, inPart);
  if (number && !inPart) {
    walk.sectionNumber = chineseNumber(number) ?? walk.sectionNumber;
    walk.partNumber = null;
  }
  walk.subheading = undefined;
  walk.report.add(block.line, 'section', `${number ? `${number}、` : ''}${title} → section "${id}"${where}`);
  walk.i++;
}

export function partHeading(walk: DocumentWalk, block: TextBlock, number: string, rest: string): void {
  let title = rest;
  let next = walk.i + 1;
  if (title === '') {
    const t = walk.nextText(next);
    if (t && t.length <= 40) {
      title = t;
      next++;
    } else title = `第${number}部分`;
  }
  const id = uniqueId(SECTION_IDS.find(([re]) => re.test(title))?.[1] ?? `part-${chineseNumber(number) ?? number}`, walk.sectionIds);
  // Parts inside a numbered section (五、预算绩效信息 → 第一部分 …) are its subsections.
  const inside = walk.top !== null && walk.top.number !== undefined && !walk.top.number.startsWith('第');
  const where = walk.open({ id, number: `第${number}部分`, title, blocks: [], line: block.line, prose: [], subsections: [] }, inside);
  walk.partNumber = 0;
  walk.subheading = undefined;
  walk.report.add(block.line, 'section', `第${number}部分 ${title} → section "${id}"${where}`);
  walk.i = next;
}

export function glossaryEntry(walk: DocumentWalk, block: TextBlock, term: string, definition: string): void {
  const section = walk.section();
  const last = section.blocks[section.blocks.length - 1];
  if (last && 'glossary' in last) last.glossary.push({ term, definition });
  else section.blocks.push({ glossary: [{ term, definition }] });
  walk.report.add(block.line, 'glossary', term);
  walk.i++;
}
