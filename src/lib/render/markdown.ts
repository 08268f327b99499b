import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Element, Root, RootContent } from 'hast';

/**
 * Markdown narrative of a filing to HTML. Records are edited by hand and
 * imported from documents we do not control, so raw HTML is dropped by
 * remark-rehype (no `allowDangerousHtml`) and the result is sanitised with
 * GitHub's schema, which also removes `javascript:` URLs and event handlers.
 * Filings are never MDX: nothing in a record is ever executed.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(demoteHeadings).use(imagesAsLinks).use(rehypeStringify).freeze();

/**
 * Narrative sits inside a section whose heading is an h2, so a `#` heading in
 * a record becomes an h3 (and so on, down to h6): the page keeps one h1 and
 * an outline without gaps.
 */
function demoteHeadings() {
  const walk = (node: Root | RootContent): void => {
    if (node.type === 'element') demote(node);
    if ('children' in node) node.children.forEach(walk);
  };
  return (tree: Root) => walk(tree);
}

/**
 * Pages load nothing from elsewhere (intranet portals have no way out, and
 * a remote image would tell its server who reads which filing), and a
 * record publishes no image files: an image in the narrative becomes a link
 * the reader may follow, labelled with its alt text.
 */
function imagesAsLinks() {
  const walk = (node: Root | Element): void => {
    node.children.forEach((child, i) => {
      if (child.type !== 'element') return;
      if (child.tagName !== 'img') return walk(child);
      const src = typeof child.properties.src === 'string' ? child.properties.src : '';
      const label = { type: 'text' as const, value: `［图片：${typeof child.properties.alt === 'string' && child.properties.alt ? child.properties.alt : '未命名'}］` };
      node.children[i] = /^https?:\/\//i.test(src) ? { type: 'element', tagName: 'a', properties: { href: src }, children: [label] } : label;
    });
  };
  return (tree: Root) => walk(tree);
}

function demote(element: Element): void {
  const match = /^h([1-6])$/.exec(element.tagName);
  if (match) element.tagName = `h${Math.min(Number(match[1]) + 2, 6)}`;
}

/**
 * Many filings share boilerplate paragraphs (我部门无其他需要说明的事项, the
 * standard 名词解释). Kept per text, least recently used dropped first, so
 * that thousands of filings do not hold all their narrative in memory.
 */
const cache = new Map<string, string>();
const CACHE_SIZE = 500;

export function renderMarkdown(text: string): string {
  let html = cache.get(text);
  if (html === undefined) {
    html = String(processor.processSync(text));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(text);
  }
  cache.set(text, html);
  return html;
}
