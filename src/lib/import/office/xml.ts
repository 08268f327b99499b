import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from '../report.ts';

/**
 * An element in document order, as fast-xml-parser's preserveOrder gives it:
 * `{ 'w:p': [children], ':@': { attributes } }`, or `{ '#text': '…' }`.
 */
export type XmlNode = Record<string, unknown>;

const ATTRIBUTES = ':@';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Values stay the strings the document holds: `007` and `2940.50` are not numbers to reformat.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Numeric character references (&#x4E00;) are decoded only with this on; OOXML declares no named HTML entities.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * Parse one part of a package. OOXML never has a DOCTYPE: one that does is
 * refused rather than expanding entities (the "billion laughs").
 */
export function parseXml(file: string, part: string, text: string): XmlNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ImportError(file, undefined, `${part} declares a DOCTYPE, which Word and Excel never write: refused`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ImportError(file, undefined, `${part} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); save the document again from Word or Excel`);
  try {
    return parser.parse(text) as XmlNode[];
  } catch (error) {
    // The validator lets some broken markup through that the parser then throws on (a `<?` never closed).
    throw new ImportError(file, undefined, `${part} is not well-formed XML (${error instanceof Error ? error.message : String(error)}); save the document again from Word or Excel`);
  }
}

/** The element's tag, or '#text'. */
export function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ATTRIBUTES) return key;
  return '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attrOf(node: XmlNode, name: string): string | undefined {
  const attributes = node[ATTRIBUTES] as Record<string, string> | undefined;
  return attributes?.[name];
}

export function textOf(node: XmlNode): string {
  const value = node['#text'];
  return typeof value === 'string' ? value : '';
}

/** The first child with this tag. */
export function childOf(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((child) => tagOf(child) === tag);
}

/** The first element with this tag, searching depth-first from these nodes. */
export function findElement(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node;
    const found = findElement(childrenOf(node), tag);
    if (found) return found;
  }
  return undefined;
}
