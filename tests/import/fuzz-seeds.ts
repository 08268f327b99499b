import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import type { Block } from '../../src/lib/import/blocks.ts';
import { readDocument } from '../../src/lib/import/read-document.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

/** A document the fuzz test damages: its name (the file name the import is given) and bytes. */
export interface SeedDocument {
  name: string;
  kind: 'text' | 'pdf' | 'zip' | 'ole';
  bytes: Uint8Array;
}

const kindOf = (bytes: Uint8Array): SeedDocument['kind'] => {
  const magic = String.fromCharCode(...bytes.slice(0, 4));
  return magic === '%PDF' ? 'pdf' : magic === 'PK\u0003\u0004' ? 'zip' : magic === '\u00d0\u00cf\u0011\u00e0' ? 'ole' : 'text';
};

const seed = (path: string): SeedDocument => {
  const bytes = new Uint8Array(readFileSync(path));
  return { name: basename(path), kind: kindOf(bytes), bytes };
};

/** Every committed source document: content/filings/**\/source/*. */
export function committedSources(): SeedDocument[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (basename(dir) === 'source') found.push(path);
    }
  };
  walk(join(PROJECT_ROOT, 'content', 'filings'));
  return found.map(seed);
}

/** The PDFs under tests/fixtures/documents: the Putuo 决算 and the national template among them. */
export function fixturePdfs(): SeedDocument[] {
  const dir = join(PROJECT_ROOT, 'tests', 'fixtures', 'documents');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pdf'))
    .sort()
    .map((name) => seed(join(dir, name)));
}

const widthOf = (rows: readonly { cells: string[] }[]) => Math.max(1, ...rows.map((r) => r.cells.length));

/** The blocks of a text seed as a Word document: its lines as paragraphs, its tables as tables. */
async function docxOf(blocks: readonly Block[]): Promise<Uint8Array> {
  const children = blocks.map((b) => {
    if (b.kind === 'text') return new Paragraph(b.text);
    const width = widthOf(b.rows);
    return new Table({ rows: b.rows.map((r) => new TableRow({ children: Array.from({ length: width }, (_, c) => new TableCell({ children: [new Paragraph(r.cells[c] ?? '')] })) })) });
  });
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** The blocks of a text seed as one sheet: a line is a row of one cell, amounts are stored as numbers with a two-decimal format. */
function workbookOf(blocks: readonly Block[], bookType: 'xlsx' | 'biff8'): Uint8Array {
  const rows: (string | number | null)[][] = [];
  for (const b of blocks) {
    if (b.kind === 'text') rows.push([b.text]);
    else rows.push([], ...b.rows.map((r) => r.cells.map((c) => (/^-?\d+\.\d{2}$/.test(c) ? Number(c) : c === '' ? null : c))), []);
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  for (const address of Object.keys(sheet)) if (typeof sheet[address]?.v === 'number') sheet[address]!.z = '#,##0.00';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '部门预算');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType, compression: true }));
}

/** Word, Excel and Excel 97 (.xls) copies of text seeds, made here: no office document is committed. */
export async function officeSeeds(texts: readonly SeedDocument[]): Promise<SeedDocument[]> {
  const out: SeedDocument[] = [];
  for (const text of texts) {
    const { blocks } = await readDocument(text.name, text.bytes);
    const stem = text.name.replace(/\.[^.]*$/, '');
    out.push({ name: `${stem}.docx`, kind: 'zip', bytes: await docxOf(blocks) });
    out.push({ name: `${stem}.xlsx`, kind: 'zip', bytes: workbookOf(blocks, 'xlsx') });
    out.push({ name: `${stem}.xls`, kind: 'ole', bytes: workbookOf(blocks, 'biff8') });
  }
  return out;
}
