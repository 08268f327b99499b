/**
 * Pagefind hands the search page its excerpts as HTML: the page's text,
 * escaped, with the words found in `<mark>`. The text is a record's, so the
 * page never parses it as HTML: it is cut at the marks and each piece is
 * decoded to plain text, which the page inserts as text. Any other tag in
 * an excerpt (were Pagefind ever to pass one through) stays visible text.
 */
export interface ExcerptPiece {
  text: string;
  /** One of the words searched for. */
  marked: boolean;
}

const MARK = /<(\/?)mark>/gi;

export function excerptPieces(html: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let marked = false;
  let from = 0;
  const push = (end: number) => {
    const text = decodeEntities(html.slice(from, end));
    if (text !== '') pieces.push({ text, marked });
  };
  for (const match of html.matchAll(MARK)) {
    push(match.index);
    marked = match[1] !== '/';
    from = match.index + match[0].length;
  }
  push(html.length);
  return pieces;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;

/** One pass, so `&amp;lt;` is the text `&lt;`, as written in the record. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (entity, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name.toLowerCase()]!;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
  });
}
