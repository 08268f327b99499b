import * as XLSX from '@e965/xlsx';
import { zipSync } from 'fflate';
import { DOCUMENT_LIMITS } from '../blocks.ts';
import { ImportError } from '../report.ts';
import { type XmlNode, attrOf, childrenOf, findElement, parseXml, tagOf } from './xml.ts';
import type { ZipPackage } from './zip-package.ts';

export const WORKBOOK_PART = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
/** A sheet's <dimension> stands before its rows, within its first few hundred bytes. */
const DIMENSION_SCAN = 4096;

/** `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/xl/x.xml` → `xl/x.xml`. */
function resolvePart(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

const elementsIn = (nodes: readonly XmlNode[], container: string, tag: string) => childrenOf(findElement(nodes, container) ?? {}).filter((n) => tagOf(n) === tag);

/** Relationship id → part, for the workbook's internal relationships. */
function workbookRelations(pkg: ZipPackage): Map<string, string> {
  const out = new Map<string, string>();
  if (!pkg.has(WORKBOOK_RELS)) return out;
  for (const rel of elementsIn(parseXml(pkg.file, WORKBOOK_RELS, pkg.textOf(WORKBOOK_RELS)), 'Relationships', 'Relationship')) {
    if (attrOf(rel, 'TargetMode') !== 'External') out.set(attrOf(rel, 'Id') ?? '', resolvePart(attrOf(rel, 'Target') ?? ''));
  }
  return out;
}

/**
 * Refuse a visible sheet whose declared range (<dimension ref="A1:C100000">)
 * has more rows than a sheet may, before SheetJS parses any of it. A sheet
 * that declares less than it holds is stopped by SheetJS's row limit.
 */
function refuseLongSheets(file: string, parts: Map<string, Uint8Array>, relations: Map<string, string>, workbook: readonly XmlNode[]): void {
  for (const sheet of elementsIn(workbook, 'sheets', 'sheet')) {
    const data = parts.get(relations.get(attrOf(sheet, 'r:id') ?? '') ?? '');
    if (!data || (attrOf(sheet, 'state') ?? 'visible') !== 'visible') continue;
    const head = new TextDecoder().decode(data.subarray(0, DIMENSION_SCAN));
    const ref = /<(?:\w+:)?dimension\s+ref="([A-Z]*\d*(?::[A-Z]*\d+)?)"/.exec(head)?.[1];
    const rows = ref ? XLSX.utils.decode_range(ref).e.r + 1 : 0;
    if (rows > DOCUMENT_LIMITS.rows) {
      throw new ImportError(file, undefined, `sheet "${attrOf(sheet, 'name') ?? ''}" has ${rows} rows, more than the ${DOCUMENT_LIMITS.rows} a sheet may have: split it or remove the rows that are not part of the tables`);
    }
  }
}

/**
 * The workbook's own XML parts (sheets, shared strings, styles, the
 * metadata SheetJS insists on when the package lists it), inflated under
 * the package's limits and packed again without compression, so that
 * SheetJS never inflates anything itself and never sees images, embedded
 * files or macros.
 */
export function workbookParts(pkg: ZipPackage): Uint8Array {
  const relations = workbookRelations(pkg);
  const names = new Set(['[Content_Types].xml', '_rels/.rels', WORKBOOK_PART, WORKBOOK_RELS, ...[...relations.values()].filter((part) => part.endsWith('.xml'))]);
  const parts = new Map([...names].filter((n) => pkg.has(n)).map((n) => [n, pkg.bytesOf(n)] as const));
  const workbook = parseXml(pkg.file, WORKBOOK_PART, new TextDecoder().decode(parts.get(WORKBOOK_PART)));
  refuseLongSheets(pkg.file, parts, relations, workbook);
  return zipSync(Object.fromEntries(parts), { level: 0 });
}
