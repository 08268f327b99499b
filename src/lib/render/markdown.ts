import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';

/**
 * Markdown narrative of a filing to HTML. Records are edited by hand and
 * imported from documents we do not control, so raw HTML is dropped by
 * remark-rehype (no `allowDangerousHtml`) and the result is sanitised with
 * GitHub's schema, which also removes `javascript:` URLs and event handlers.
 * Filings are never MDX: nothing in a record is ever executed.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

/** The same paragraph often appears on the filing page and on its printable view. */
const cache = new Map<string, string>();

export function renderMarkdown(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const html = String(processor.processSync(text));
  cache.set(text, html);
  return html;
}
