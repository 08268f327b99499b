import type { Filing } from '../records/load-filing.ts';
import type { StatedFigure, StatedFigureKey } from '../records/schema/stated-figures.ts';
// The importer's own patterns, so that the checks find in the text what an import would declare; the module imports nothing of the importer.
import { extractStatedFigures } from '../import/stated-figures.ts';
import { standardTable } from './table-view.ts';
import { summaryFigure, type Figure } from './figures.ts';
import { tableFigure } from './stated-figure-sources.ts';
import type { Miss } from './rules/unchecked.ts';

/**
 * A figure printed next to a known label in a section's text (收入总计,
 * 本年支出合计, 基本支出, 三公经费 …) that `statedFigures` does not declare:
 * an entry deleted, or never written, would otherwise leave a total in the
 * prose that no rule compares with the tables. Found at check time with the
 * importer's patterns (the first of each, in document order, as an import
 * would take it); a key the record declares is checked there, not here.
 */
export interface ProseFigure {
  key: StatedFigureKey | 'expenditure.grand';
  stated: StatedFigure;
  /** The Markdown file of the record the figure is printed in, and the line where its sentence starts. */
  file: string;
  line: number;
}

/**
 * Totals the importer's patterns do not look for under these words: 收入总计
 * and 支出总计 on their own (a 预算's 收支总表 prints both; a 财政拨款 total is
 * another table's, and 收入支出总计 is the importer's income.total). Taken
 * only where the importer's patterns find nothing.
 */
const TOTALS: [ProseFigure['key'], RegExp][] = [
  ['income.total', /(?<!拨款)收入总计\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*万元/],
  ['expenditure.grand', /(?<!收入|拨款)支出总计\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*万元/],
];

/**
 * Markdown a reader does not see between a label and its figure: emphasis
 * and code marks, HTML comments and tags, escapes. Comments and tags are
 * bounded in length, so that a line of thousands of < without a > is read
 * in linear time.
 */
const MARKUP = /<!--.{0,200}?-->|<[^<>]{0,200}>|[*_`~]|\\(?=[^\w\s])/g;

interface Prose {
  id: string;
  /** The section's lines as the reader sees them, joined without breaks as the importer joins a section's text. */
  prose: string;
  /** Where each line starts in `prose`, with its file and line number. */
  starts: { offset: number; file: string; line: number }[];
}

function sectionProse(section: Filing['sections'][number], texts: Filing['texts']): Prose {
  let prose = '';
  const starts: Prose['starts'] = [];
  for (const part of [section, ...section.subsections]) {
    for (const block of part.blocks) {
      const text = block.markdown === undefined ? undefined : texts[block.markdown];
      if (text === undefined) continue;
      text.split('\n').forEach((line, i) => {
        starts.push({ offset: prose.length, file: block.markdown!, line: i + 1 });
        prose += line.replace(MARKUP, '').trimEnd();
      });
    }
  }
  return { id: section.id, prose, starts };
}

/** The file and line where the sentence `quote` of a section starts. */
function place(section: Prose, quote: string): { file: string; line: number } {
  const at = Math.max(0, section.prose.indexOf(quote));
  const start = section.starts.findLast((s) => s.offset <= at) ?? section.starts[0]!;
  return { file: start.file, line: start.line };
}

const MARKS = ['。', '；', ';', '！', '？'];

/** The clause a match stands in: between sentence marks, within its paragraph. */
function clauseAround(section: Prose, start: number, end: number): string {
  const { prose, starts } = section;
  const line = starts.findLast((s) => s.offset <= start)!.offset;
  const next = starts.find((s) => s.offset >= end)?.offset ?? prose.length;
  const from = Math.max(line, ...MARKS.map((mark) => prose.lastIndexOf(mark, start - 1) + 1));
  const to = Math.min(next, ...MARKS.map((mark) => prose.indexOf(mark, end)).filter((i) => i >= 0).map((i) => i + 1));
  return prose.slice(from, to).trim();
}

const cache = new WeakMap<Filing, ProseFigure[]>();

/** Every undeclared figure of the filing's text, in the order of the importer's keys. */
export function proseFigures(filing: Filing): ProseFigure[] {
  let found = cache.get(filing);
  if (found) return found;
  found = [];
  const sections = filing.sections.map((s) => sectionProse(s, filing.texts)).filter((s) => s.prose !== '');
  const drafts = extractStatedFigures(sections);
  const declared = (key: string) => filing.statedFigures[key as StatedFigureKey] !== undefined;
  for (const [key, draft] of Object.entries(drafts)) {
    if (!draft || key.startsWith('comparison.') || declared(key)) continue;
    const section = sections.find((s) => s.id === draft.section)!;
    found.push({ key: key as StatedFigureKey, stated: { value: draft.value, section: draft.section, quote: draft.quote }, ...place(section, draft.quote) });
  }
  for (const [key, pattern] of TOTALS) {
    if (key in drafts || declared(key)) continue;
    for (const section of sections) {
      const match = pattern.exec(section.prose);
      if (!match) continue;
      const quote = clauseAround(section, match.index, match.index + match[0].length);
      found.push({ key, stated: { value: match[1]!, section: section.id, quote }, ...place(section, quote) });
      break;
    }
  }
  cache.set(filing, found);
  return found;
}

/** Where a figure of the text stands in the tables: as a declared figure of its key, or 支出总计, the 收支总表's. */
export function proseTableFigure(filing: Filing, figure: ProseFigure, miss: Miss): Figure | undefined {
  if (figure.key !== 'expenditure.grand') return tableFigure(filing, figure.key, figure.stated, miss);
  const summary = standardTable(filing, 'income-expenditure-summary');
  return summaryFigure(summary, '支出', 'grand', miss, undefined, filing.kind === '决算' ? '总计' : undefined);
}
