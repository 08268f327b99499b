import { PROJECT_TITLE } from './projects.ts';
import { chineseNumber, compact, isContentsLine } from './text.ts';
import type { Recognised } from './drafts.ts';
import { isTable } from './blocks.ts';
import { DocumentWalk } from './document-walk.ts';
import { GLOSSARY_ENTRY, GOAL_TARGET, NUMBERED_GOAL, PART_HEADING, SECTION_HEADING } from './line-patterns.ts';
import { standardTableKey } from './standard-table-key.ts';
import { contentsHeading, contentsTable } from './recognise-contents.ts';
import { glossaryEntry, partHeading, startSection } from './recognise-sections.ts';
import { performanceGoal } from './recognise-goals.ts';
import { projectTable } from './recognise-project.ts';
import { genericTable, standardTable } from './recognise-tables.ts';

/**
 * Walks the block stream once and recognises, by their titles, header rows
 * and codes: the table of contents, the standard tables (merging the pages
 * of each), the 情况说明 sections with their prose, tables, 分项绩效目标,
 * 名词解释 and 项目绩效目标表. What it does not recognise stays in the
 * section it stands in as Markdown, verbatim.
 */
export class Recogniser extends DocumentWalk {
  run(): Recognised {
    while (this.i < this.blocks.length) this.step();
    return { tables: this.tables, projects: this.projects, sections: this.sections, contents: this.contentsEntries };
  }

  private step(): void {
    const block = this.blocks[this.i]!;
    if (isTable(block)) {
      if (this.isContents(block)) return contentsTable(this, block);
      return genericTable(this, undefined);
    }
    const text = block.text.replace(/^\[bookmark:[^\]]*\]\s*/, '').trim();
    if (text === '') {
      this.i++;
      return;
    }
    if (/^目\s*录$|目录$/.test(text) && this.sections.every((s) => s.id === 'preamble') && this.tables.length === 0) return contentsHeading(this, block);
    const standard = standardTableKey(text);
    if (standard && this.followedByTable(this.i + 1)) return standardTable(this, standard, block, text);
    const project = PROJECT_TITLE.exec(text);
    if (project && this.followedByTable(this.i + 1)) return projectTable(this, block, Number(project[1]), project[2]!);
    const part = PART_HEADING.exec(text);
    if (part && !isContentsLine(text)) return partHeading(this, block, part[1]!, part[2]!.trim());
    if (this.current && /名词解释/.test(this.current.title)) {
      const m = GLOSSARY_ENTRY.exec(text);
      if (m) return glossaryEntry(this, block, m.groups!['term']!.trim(), m.groups!['definition']!.trim());
    }
    const heading = SECTION_HEADING.exec(text);
    // A heading with dot leaders and a page number is a 目录 line (of a 目录 without its heading): taken for a heading, its number hid the real one.
    if (heading && !/[。；]$/.test(text) && !isContentsLine(text)) {
      const n = chineseNumber(heading[1]!);
      if (n !== null && this.partNumber !== null && n === this.partNumber + 1) {
        this.partNumber = n;
        return startSection(this, block, heading[1]!, heading[2]!.trim(), undefined, true);
      }
      if (n !== null && n > this.sectionNumber && n <= this.sectionNumber + 3) return startSection(this, block, heading[1]!, heading[2]!.trim());
    }
    if (/^[^，。；：:]{2,12}[：:]$/.test(text) && PROJECT_TITLE.test(this.nextText(this.i + 1) ?? '')) {
      this.subheading = text.replace(/[：:]$/, '');
      this.paragraph(block, block.text.trim());
      return;
    }
    if (/情况说明$|信息公开$|绩效文本$/.test(compact(text)) && text.length <= 60 && compact(text).includes(compact(this.identity.department.name).slice(0, 4))) {
      return startSection(this, block, undefined, text, 'introduction');
    }
    if (GOAL_TARGET.test(this.nextText(this.i + 1) ?? '') || NUMBERED_GOAL.test(text)) return performanceGoal(this, block, text);
    if (this.tableTitleAhead(this.i)) return genericTable(this, block);
    this.paragraph(block, block.text.trim());
  }
}
