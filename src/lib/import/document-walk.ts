import { isTable, isText, type Block, type TableBlock, type TextBlock } from './blocks.ts';
import type { Identity } from './identity.ts';
import type { ProjectDraft } from './projects.ts';
import type { ImportReport } from './report.ts';
import { compact } from './text.ts';
import type { SectionDraft, TableDraft } from './drafts.ts';
import { META } from './line-patterns.ts';
import { isContentsTable } from './recognise-contents.ts';

/** `base`, or `base-2`, `base-3` … when taken; the id returned is taken from then on. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Where the recogniser stands in the block stream, and what it has made so
 * far: the recognisers of each kind of content (recognise-*.ts) read and
 * advance it.
 */
export class DocumentWalk {
  i = 0;
  readonly tables: TableDraft[] = [];
  readonly projects: (ProjectDraft & { place: string })[] = [];
  readonly sections: SectionDraft[] = [];
  /** What the document's 目录 lists, as printed, without page numbers. */
  readonly contentsEntries: string[] = [];
  readonly tableIds = new Set<string>();
  readonly sectionIds = new Set<string>();
  /** Where blocks go: a section or a subsection. */
  current: SectionDraft | null = null;
  /** The top-level section that `current` is or stands in. */
  top: SectionDraft | null = null;
  sectionNumber = 0;
  /** Numbering of 一、二、 headings inside a 第N部分, which restarts at 一. */
  partNumber: number | null = null;
  subheading: string | undefined;
  readonly pageHeaders: Set<string>;

  constructor(
    readonly file: string,
    readonly blocks: readonly Block[],
    readonly identity: Identity,
    readonly report: ImportReport,
  ) {
    const name = compact(identity.department.name);
    this.pageHeaders = new Set([name, ...identity.department.units.map((u) => compact(`${u.code ?? ''}${u.name}`))]);
    if (identity.department.code) this.pageHeaders.add(compact(`${identity.department.code}${identity.department.name}`));
  }

  nextText(from: number): string | null {
    const b = this.blocks[from];
    return isText(b) ? b.text.trim() : null;
  }

  /** A table (or a 注 line of an empty one) follows within a few page-header lines. */
  followedByTable(from: number): boolean {
    for (let k = from; k < Math.min(this.blocks.length, from + 8); k++) {
      const b = this.blocks[k]!;
      if (isTable(b)) return !this.isContents(b);
      const t = b.text.trim();
      if (t === '') continue;
      if (!this.isPageHeader(t) && !META.test(t)) return false;
    }
    return false;
  }

  /** A short line followed by page-header or label lines and then a table. */
  tableTitleAhead(at: number): boolean {
    const b = this.blocks[at];
    if (!isText(b)) return false;
    const t = b.text.trim();
    if (t.length > 40 || /[。；：:]$/.test(t) || META.test(t)) return false;
    return this.followedByTable(at + 1);
  }

  /** A two-column table of titles and small numbers is a table of contents only before any content, or with dot leaders. */
  isContents(t: TableBlock): boolean {
    const beforeContent = this.tables.length === 0 && this.sections.every((s) => s.id === 'preamble');
    return isContentsTable(t) && (beforeContent || t.rows.some((r) => /\.{3,}|…{2,}|·{3,}/.test(r.cells.join(''))));
  }

  isPageHeader(text: string): boolean {
    const c = compact(text);
    if (this.pageHeaders.has(c)) return true;
    return /^\d{3,}\S+$/.test(c) && [...this.pageHeaders].some((h) => c.endsWith(h));
  }

  section(): SectionDraft {
    if (!this.current) {
      this.current = { id: uniqueId('preamble', this.sectionIds), title: this.identity.title, blocks: [], line: this.blocks[this.i]?.line ?? 1, prose: [], subsections: [] };
      this.top = this.current;
      this.sections.push(this.current);
      this.report.add(this.current.line, 'section', `text before the first heading kept as a section titled "${this.current.title}"`);
    }
    return this.current;
  }

  paragraph(block: TextBlock, text: string): void {
    const section = this.section();
    const last = section.blocks[section.blocks.length - 1];
    if (last && 'markdown' in last) {
      last.markdown.push(text);
      last.lines.push(block.line);
    } else section.blocks.push({ markdown: [text], lines: [block.line] });
    section.prose.push(text);
    this.i++;
  }

  /** A top-level section, or a subsection of the part it stands in. */
  open(section: SectionDraft, asSubsection: boolean): string {
    if (asSubsection && this.top) {
      this.top.subsections.push(section);
      this.current = section;
      return ` (a subsection of "${this.top.id}")`;
    }
    this.sections.push(section);
    this.top = section;
    this.current = section;
    return '';
  }
}
