import type { Filing } from '../records/load-filing.ts';

/** A sentence of the 情况说明 comparing a figure with the year before, as published, and the section (or subsection) it stands in. */
export interface StatedChange {
  quote: string;
  section: string;
}

/** How many such sentences the headline quotes: the first ones, which are the totals in the order documents explain them. */
export const STATED_CHANGES = 4;

const CHANGE = /增加|减少|增长|下降|上升|降低|持平|增减/;

/** Markdown as the words it shows: emphasis, code marks, heading marks and link targets go, link text stays. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|>\s?)/gm, '')
    .replace(/[*_`|]/g, '');
}

/**
 * Sentences of the filing's text that compare with the previous year
 * (与2023年度相比，收入支出总计减少56.95万元；较 2023 年预算增加 1888.65
 * 万元): they name the year before and say how a figure changed. Quoted
 * whole, never parsed into figures: the page says they are the document's
 * own words.
 */
export function statedChanges(filing: Pick<Filing, 'year' | 'sections' | 'texts'>): StatedChange[] {
  const before = new RegExp(`${filing.year - 1}\\s*年`);
  const found: StatedChange[] = [];
  const seen = new Set<string>();
  for (const part of filing.sections.flatMap((s) => [s, ...s.subsections])) {
    for (const block of part.blocks) {
      if (block.markdown === undefined) continue;
      for (const sentence of plainText(filing.texts[block.markdown] ?? '').split(/[。；;\n]/)) {
        const quote = sentence.replace(/[\s\u3000]+/g, ' ').trim();
        if (!before.test(quote) || !CHANGE.test(quote) || seen.has(quote)) continue;
        seen.add(quote);
        found.push({ quote, section: part.id });
        if (found.length === STATED_CHANGES) return found;
      }
    }
  }
  return found;
}
