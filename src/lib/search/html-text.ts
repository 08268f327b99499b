/**
 * The text blocks of a piece of the site's own HTML (a rendered Markdown
 * block): every element but inline ones ends a block, as a reader sees a
 * paragraph, a list item or a table cell end; inline elements (a glossary
 * link, emphasis) run on inside it. The HTML is the Markdown renderer's
 * sanitised output, so a plain tokenizer reads it.
 */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'del', 'ins']);
const TOKEN = /<\/?([a-zA-Z][\w-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|<!--[\s\S]*?-->|[^<]+|</g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

export function htmlBlocks(html: string): string[] {
  const blocks: string[] = [];
  let current = '';
  const end = () => {
    if (current.trim() !== '') blocks.push(current.trim());
    current = '';
  };
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match !== null; match = TOKEN.exec(html)) {
    const [token, tag] = match;
    if (tag !== undefined) {
      if (!INLINE.has(tag.toLowerCase())) end();
    } else if (!token.startsWith('<!--')) {
      current += decode(token);
    }
  }
  end();
  return blocks;
}
