import { type XmlNode, attrOf, childOf, childrenOf, tagOf, textOf } from './xml.ts';

/** Wrappers whose content is read as if they were not there: links, tracked insertions, content controls, fields. */
const TRANSPARENT = new Set(['w:hyperlink', 'w:ins', 'w:moveTo', 'w:smartTag', 'w:customXml', 'w:fldSimple', 'w:sdtContent', 'w:dir', 'w:bdo']);

/** A run formatted as hidden text (w:vanish) is not printed. */
function hidden(run: XmlNode): boolean {
  const vanish = childOf(childOf(run, 'w:rPr') ?? {}, 'w:vanish');
  return vanish !== undefined && !['false', '0', 'off'].includes(attrOf(vanish, 'w:val') ?? 'true');
}
/** Content controls hold their text in w:sdtContent; their properties are not text. */
const CONTROL = 'w:sdt';

/**
 * The text of a paragraph as Word shows it: runs' w:t, a tab for w:tab, a
 * line break (\n) for w:br / w:cr. Deleted and hidden text, field codes
 * (w:instrText) and drawings (shapes, text boxes: their text has no place
 * in the flow) are left out.
 */
export function paragraphText(paragraph: XmlNode): string {
  let text = '';
  const walk = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:t') text += childrenOf(node).map(textOf).join('');
      else if (tag === 'w:tab' || tag === 'w:ptab') text += '\t';
      else if (tag === 'w:br' || tag === 'w:cr') text += '\n';
      else if (tag === 'w:noBreakHyphen') text += '-';
      else if (tag === 'w:sym') text += symbol(node);
      else if (tag === 'w:r') {
        if (!hidden(node)) walk(childrenOf(node));
      } else if (TRANSPARENT.has(tag)) walk(childrenOf(node));
      else if (tag === CONTROL) walk(childrenOf(node).filter((child) => tagOf(child) === 'w:sdtContent'));
    }
  };
  walk(childrenOf(paragraph));
  return text;
}

/** A w:sym in a Unicode font names its character; symbol-font code points (F0xx) are glyphs, not text, and a number no character has is nothing. */
function symbol(node: XmlNode): string {
  const code = Number.parseInt(attrOf(node, 'w:char') ?? '', 16);
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff && (code < 0xf000 || code > 0xf0ff) ? String.fromCodePoint(code) : '';
}

/**
 * The paragraphs (and line breaks) of one table cell as one cell text, one
 * line each. Word wraps a cell's lines itself, so a paragraph or a line
 * break inside a cell is one the author made (`1、…` / `2、…`, a name and
 * its note), kept as a line break as Word → text keeps it. A tab only
 * aligns text inside a cell.
 */
export function joinCellLines(pieces: readonly string[]): string {
  return pieces
    .map((raw) => raw.replace(/\t/g, ' ').trim())
    .filter((piece) => piece !== '')
    .join('\n');
}
