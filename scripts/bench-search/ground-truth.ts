import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { queryWords } from './normalise.ts';
import { pageText, type PageText } from './page-text.ts';

/** A filing page of the built site and its texts (page-text.ts). */
export interface TextPage extends PageText {
  /** The filing's id, which is also its page's path in the site: `河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算`. */
  id: string;
}

/** Reads the page of each filing id from a built site (`<id>/index.html`). */
export function readTextPages(siteDir: string, ids: readonly string[]): TextPage[] {
  return ids.map((id) => ({ id, ...pageText(readFileSync(join(siteDir, ...id.split('/'), 'index.html'), 'utf8')) }));
}

/**
 * The substring ground truth: the ids of the pages whose text (indexed, or
 * with `in: 'visible'` all that a reader sees in the page body) contains
 * every word of the query, in page order. A query without words matches
 * nothing.
 */
export function truePages(pages: readonly TextPage[], query: string, options: { in?: 'indexed' | 'visible' } = {}): string[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const field = options.in ?? 'indexed';
  return pages.filter((page) => words.every((word) => page[field].includes(word))).map((page) => page.id);
}
