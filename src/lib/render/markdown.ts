import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';

/**
 * Markdown narrative of a filing to HTML. Records are edited by hand and
 * imported from documents we do not control, so raw HTML is dropped by
 * remark-rehype (no `allowDangerousHtml`) and the result is sanitised with
 * GitHub's schema, which also removes `javascript:` URLs and event handlers.
 * Filings are never MDX: nothing in a record is ever executed.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, {
    // Ids get their prefix from prefixIds, once, after sanitising (two prefixes had made every footnote link point nowhere).
    clobberPrefix: '',
    footnoteLabel: '注释',
    footnoteLabelProperties: {},
    footnoteBackLabel: (reference: number) => `返回正文注${reference + 1}处`,
  })
  .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: '' })
  .use(prefixIds)
  .use(demoteHeadings)
  .use(imagesAsLinks)
  .use(rehypeStringify)
  .freeze();

/**
 * Footnotes are the one part of a record's Markdown that carries ids (raw
 * HTML is dropped), and each Markdown block is rendered on its own: every
 * block numbers its notes from 1, so two sections of a page would both have
 * `fn-1`. Each id, and each footnote link and reference to one, is given
 * the block's prefix, which also keeps a record's names off the page's own
 * ids (DOM clobbering); a footnote call reads 注1, 注2 …
 */
function prefixIds() {
  return (tree: Root, file: VFile) => {
    const prefix = (file.data as { idPrefix?: string }).idPrefix ?? '';
    const walk = (node: Root | Element): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const { properties } = child;
        if (typeof properties.id === 'string') properties.id = prefix + properties.id;
        const footnoteLink = properties.dataFootnoteRef !== undefined || properties.dataFootnoteBackref !== undefined;
        // A record's own link to an anchor of the page (#table-income-summary) is left as written.
        if (footnoteLink && typeof properties.href === 'string' && properties.href.startsWith('#')) properties.href = `#${prefix}${properties.href.slice(1)}`;
        for (const name of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
          const ids = properties[name];
          if (Array.isArray(ids)) properties[name] = ids.map((id) => prefix + String(id));
        }
        if (properties.dataFootnoteRef !== undefined) child.children = [{ type: 'text', value: `注${footnoteNumber(child)}` }];
        walk(child);
      }
    };
    walk(tree);
  };
}

/** The number remark-rehype gave a footnote call (its link text). */
function footnoteNumber(call: Element): string {
  const text = call.children.find((c) => c.type === 'text');
  return text?.value ?? '';
}

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

/**
 * The HTML of one Markdown block. `idPrefix` makes its footnote ids unique on
 * the page: pass the section's id and the block's place (`three-public-0-`).
 * Without one, a prefix is made from the text, so that two different blocks
 * never share an id.
 */
export function renderMarkdown(text: string, idPrefix: string = textPrefix(text)): string {
  const key = `${idPrefix}\u0000${text}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = String(processor.processSync({ value: text, data: { idPrefix } }));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(key);
  }
  cache.set(key, html);
  return html;
}

/** `md` and eight hex digits of the text's FNV-1a hash: short, stable, and different for different texts. */
function textPrefix(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `md${(hash >>> 0).toString(16).padStart(8, '0')}-`;
}
