import type { FilingSummary } from '../records/filing-loader.ts';
import { termAnchor } from './filing-view.ts';
import { filingUrl } from './urls.ts';

export interface GlossaryTerm {
  term: string;
  anchor: string;
  /** Distinct definitions of the term, each with the filings that give it. */
  definitions: { definition: string; sources: { label: string; url: string }[] }[];
}

/** Every 名词解释 entry of every filing, grouped by term; each definition links back to the entry in its filings. */
export function glossary(filings: readonly Pick<FilingSummary, 'region' | 'department' | 'year' | 'kind' | 'glossary'>[]): GlossaryTerm[] {
  const terms = new Map<string, GlossaryTerm>();
  for (const filing of filings) {
    for (const entry of filing.glossary) {
      const term = entry.term.trim();
      let item = terms.get(term);
      if (!item) {
        item = { term, anchor: termAnchor(term), definitions: [] };
        terms.set(term, item);
      }
      let definition = item.definitions.find((d) => d.definition === entry.definition);
      if (!definition) {
        definition = { definition: entry.definition, sources: [] };
        item.definitions.push(definition);
      }
      definition.sources.push({ label: `${filing.department.name} ${filing.year}年${filing.kind}`, url: `${filingUrl(filing)}#${termAnchor(entry.term)}` });
    }
  }
  return [...terms.values()].sort((a, b) => a.term.localeCompare(b.term, 'zh-CN'));
}
