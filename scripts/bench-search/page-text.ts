import { normalise } from '../../src/lib/search/normalise.ts';

/**
 * What the site's search finds on a filing page (src/lib/search/documents.ts
 * makes it from the record; this reads it from the built HTML on its own):
 * the `data-pagefind-body` without the parts marked `data-pagefind-ignore`,
 * but with the figures of the filing's own table cells (`td.gk-table__num`,
 * not last year's `gk-table__previous`), and without the column headers
 * (`thead`) and the page's own commentary and labels: these classes, the
 * labels (`dt`) of a project's facts, and, in the filing's facts, all but the
 * values (`data-pagefind-filter`).
 */
export const INDEX_EXCLUDED_TAGS: ReadonlySet<string> = new Set(['thead']);
const EXCLUDED_CLASSES = ['gk-headline', 'gk-findings', 'gk-table__notes', 'gk-to-top', 'gk-project__label'];

/** Never text a reader sees or an indexer reads; their content is skipped whole. */
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript', 'textarea']);

/** Elements without an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Elements that run on inside a line: a term may span them (a glossary link
 * inside a sentence, a caption's title beside its unit). Every other element
 * (paragraph, heading, table cell, list item, line break) ends a block, and
 * no match crosses a block boundary: a figure never runs into the next cell.
 */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

/** Separates blocks in the normalised text; no query holds it (normalise keeps it, queries never carry it). */
export const BLOCK = '\u0000';

export interface PageText {
  /** What the search should find: the `data-pagefind-body` without its ignored and excluded parts, normalised. */
  indexed: string;
  /** All the text of the `data-pagefind-body`, ignored parts included, normalised: what a reader sees there. */
  visible: string;
}

/** An element open around the current position. */
interface Open {
  tag: string;
  body: boolean;
  ignored: boolean;
  classes: string[];
  /** Inside the filing's facts (地区, 部门 …) but not inside one of their values. */
  label: boolean;
}

const classesOf = (attributes: string): string[] => /(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes)?.slice(1).find((c) => c !== undefined)?.split(/\s+/) ?? [];

/** Whether an element (and all inside it) is left out of the indexed text. */
function excluded(tag: string, attributes: string, classes: string[], open: readonly Open[]): boolean {
  if (INDEX_EXCLUDED_TAGS.has(tag) || EXCLUDED_CLASSES.some((c) => classes.includes(c))) return true;
  if (tag === 'dt' && open.some((o) => o.classes.includes('gk-project__facts'))) return true;
  const ownFigure = tag === 'td' && classes.includes('gk-table__num') && !classes.includes('gk-table__previous');
  return hasAttribute(attributes, 'data-pagefind-ignore') && !ownFigure;
}

const TOKEN = /<!--[\s\S]*?-->|<!\w[^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Character references as the site's pages hold them: Astro and rehype name only these (& < > " ' and a no-break space) and write any other by number. */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

const hasAttribute = (attributes: string, name: string) => new RegExp(`(?:^|\\s)${name}(?:\\s*=|\\s|/|$)`).test(attributes);

/**
 * The indexed and the visible text of a built page, blocks separated by
 * BLOCK. Only what lies inside a `data-pagefind-body` element counts; a page
 * without one is not indexed and both texts are empty. The pages are the
 * site's own output, so a plain tokenizer reads them (a DOM parser took
 * 75 ms for a 200 KB filing page, this a few).
 */
export function pageText(html: string): PageText {
  const indexed: string[] = [];
  const visible: string[] = [];
  const stack: Open[] = [];
  const top = (): Open => stack[stack.length - 1] ?? { tag: '', body: false, ignored: false, classes: [], label: false };
  const boundary = (): void => {
    if (!top().body) return;
    visible.push(BLOCK);
    indexed.push(BLOCK);
  };
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match !== null; match = TOKEN.exec(html)) {
    const [token, closing, opening, attributes = ''] = match;
    if (opening !== undefined) {
      const tag = opening.toLowerCase();
      if (RAW_TEXT.has(tag)) {
        const end = new RegExp(`</${tag}`, 'gi');
        end.lastIndex = TOKEN.lastIndex;
        TOKEN.lastIndex = end.exec(html)?.index ?? html.length;
        continue;
      }
      const parent = top();
      const classes = classesOf(attributes);
      const body = parent.body || hasAttribute(attributes, 'data-pagefind-body');
      const ignored = parent.ignored || excluded(tag, attributes, classes, stack);
      const label = hasAttribute(attributes, 'data-pagefind-filter') ? false : parent.label || classes.includes('gk-facts');
      if (!INLINE.has(tag)) boundary();
      if (!VOID.has(tag) && !attributes.trimEnd().endsWith('/')) stack.push({ tag, body, ignored, classes, label });
    } else if (closing !== undefined) {
      const tag = closing.toLowerCase();
      const at = stack.map((o) => o.tag).lastIndexOf(tag);
      if (at < 0) continue;
      if (!INLINE.has(tag)) boundary();
      stack.length = at;
    } else if (!token.startsWith('<') || token === '<') {
      const { body, ignored, label } = top();
      if (!body) continue;
      const text = decode(token);
      visible.push(text);
      if (!ignored && !label) indexed.push(text);
    }
  }
  return { indexed: blocks(indexed), visible: blocks(visible) };
}

/** Normalised text with one BLOCK between blocks and none at either end. */
function blocks(parts: string[]): string {
  return normalise(parts.join('')).split(BLOCK).filter((b) => b !== '').join(BLOCK);
}
