import { FILING_FILE, type FilingDeclaration } from './schema/filing.ts';
import { equal } from './decimal.ts';
import { rel, type Context } from './read-record-file.ts';

/**
 * The checks compare a stated figure with the tables; the page shows the
 * section's text. They must be the same words: each stated figure's quote
 * appears in its section's text (spacing aside) and carries the figure, or a
 * text saying 9.99 would be published beside a table saying 2.34 with every
 * check passing.
 */
export function checkStatedQuotes(ctx: Context, declaration: FilingDeclaration, texts: Record<string, string>): void {
  const sectionTexts = new Map<string, string>();
  for (const [key, figure] of Object.entries(declaration.statedFigures)) {
    if (!figure) continue;
    const section = declaration.sections.find((s) => s.id === figure.section);
    if (!section) {
      ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `statedFigures.${key}.section`, message: `no section with id "${figure.section}"` });
      continue;
    }
    // Most figures quote the same section (二、总体情况): its text is put together once.
    let text = sectionTexts.get(section.id);
    if (text === undefined) sectionTexts.set(section.id, (text = sectionText(section, texts)));
    const problem = quoteProblem(figure, text);
    if (problem) ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `statedFigures.${key}.quote`, message: problem });
  }
}

/** The narrative of a section and its subsections as the page shows it, without spaces (what quotes are looked up in). */
function sectionText(section: FilingDeclaration['sections'][number], texts: Record<string, string>): string {
  return withoutSpaces([section, ...section.subsections].flatMap((part) => part.blocks.map((b) => (b.markdown ? (texts[b.markdown] ?? '') : ''))).join('\n'));
}

const withoutSpaces = (text: string) => text.replace(/[\s\u3000]/g, '');

function quoteProblem(figure: { value: string; quote: string; section: string }, text: string): string | undefined {
  if (!text.includes(withoutSpaces(figure.quote))) return `expected the quote in the text of section "${figure.section}", found no "${figure.quote}" there`;
  const numbers = figure.quote.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];
  if (!numbers.some((n) => equal(n.replace(/,/g, ''), figure.value))) return `expected the quote to state ${figure.value}, found "${figure.quote}"`;
  return undefined;
}
