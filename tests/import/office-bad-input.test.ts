import * as XLSX from '@e965/xlsx';
import { Document, Packer, Paragraph } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/lib/import/read-document.ts';
import { ImportError } from '../../src/lib/import/report.ts';

/** The ImportError a document stops with, and how long reading took. */
async function failure(file: string, bytes: Uint8Array): Promise<{ message: string; ms: number }> {
  const start = performance.now();
  try {
    await readDocument(file, bytes);
  } catch (error) {
    if (error instanceof ImportError) return { message: error.message, ms: performance.now() - start };
    throw error;
  }
  throw new Error(`${file} was read, expected an ImportError`);
}

/** Make a zip's central directory declare other sizes for one part (as a crafted file would). */
function declareSize(zip: Uint8Array, name: string, size: number, compressedSize?: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const encoded = strToU8(name);
  for (let at = 0; at + 46 < out.length; at++) {
    if (dv.getUint32(at, true) !== 0x02014b50 || dv.getUint16(at + 28, true) !== encoded.length) continue;
    if (!encoded.every((b, k) => out[at + 46 + k] === b)) continue;
    dv.setUint32(at + 24, size, true);
    if (compressedSize !== undefined) dv.setUint32(at + 20, compressedSize, true);
  }
  return out;
}

/** An OLE compound file with these streams, as Office writes an encrypted package or a .doc. */
function oleWith(...streams: string[]): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const name of streams) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, new Uint8Array(4096).fill(7));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

const docx = async () => new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('永清县人力资源和社会保障局2024年部门预算')] }] })));
const wordPackage = (document: string) => zipSync({ 'word/document.xml': strToU8(document) });

describe('broken Word and Excel files stop with a message, never a stack trace or a hang', () => {
  it('a truncated .docx', async () => {
    const bytes = await docx();
    const { message } = await failure('in/cut.docx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(message).toBe('in/cut.docx: expected a Word (.docx) or Excel (.xlsx) zip package, found a damaged one (no zip directory at its end: the file may be truncated); save it again from Word or Excel');
  });

  it('a .docx whose compressed XML is damaged', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document>'.padEnd(4000, ' ')) }, { level: 6 });
    const damaged = zip.slice();
    damaged.fill(0xff, 40, 60);
    const { message } = await failure('in/damaged.docx', damaged);
    expect(message).toBe('in/damaged.docx: expected a Word (.docx) or Excel (.xlsx) zip package, found a damaged one (word/document.xml does not inflate: invalid block type); save it again from Word or Excel');
  });

  it('a zip bomb: 300 MB of zeros compressed small is refused from its directory, without inflating', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(300 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(400_000);
    const { message, ms } = await failure('in/bomb.docx', bomb);
    expect(message).toBe('in/bomb.docx: the package unpacks to more than 256 MB (word/document.xml alone declares 300 MB): refused as a zip bomb or not a budget document');
    expect(ms).toBeLessThan(1000);
  });

  it('a part that compresses beyond what a document can, under the size limit', async () => {
    const zip = zipSync({ 'xl/workbook.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    const { message, ms } = await failure('in/dense.xlsx', zip);
    expect(message).toBe('in/dense.xlsx: the zip part xl/workbook.xml expands 1024 times (20 MB), more than a document can: refused as a zip bomb');
    expect(ms).toBeLessThan(1000);
  });

  it('a part whose directory declares less than it inflates to is stopped while inflating', async () => {
    const zip = declareSize(zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024).fill(0x20) }, { level: 9 }), 'word/document.xml', 1000);
    const { message } = await failure('in/lying.docx', zip);
    expect(message).toBe('in/lying.docx: the zip part word/document.xml inflates to more than the 1000 bytes its directory declares: refused as a zip bomb or a damaged file');
  });

  it("a Word document whose XML is larger than a document's text can be", async () => {
    // Declared, not made: the size is refused before anything is inflated.
    const zip = declareSize(wordPackage('<w:document/>'), 'word/document.xml', 65 * 1024 * 1024, 1024 * 1024);
    const { message, ms } = await failure('in/huge.docx', zip);
    expect(message).toBe("in/huge.docx: word/document.xml is 65 MB of XML, more than the 64 MB a document's text may take: split the document");
    expect(ms).toBeLessThan(1000);
  });

  it('a file over the 64 MB a document may be', async () => {
    const big = new Uint8Array(65 * 1024 * 1024);
    big.set(oleWith('Workbook').subarray(0, 512));
    const { message } = await failure('in/huge.xls', big);
    expect(message).toBe('in/huge.xls: the file is 65.0 MiB (68157440 bytes), more than the 64 MiB a document may be');
  });

  it('a zip that is neither a Word document nor a workbook', async () => {
    const { message } = await failure('in/archive.docx', zipSync({ 'readme.txt': strToU8('hello') }));
    expect(message).toBe('in/archive.docx: expected a Word document (word/document.xml) or an Excel workbook (xl/workbook.xml), found a zip archive: save it as .docx or .xlsx');
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') });
    expect((await failure('in/sheet.ods', ods)).message).toBe('in/sheet.ods: expected a Word document (word/document.xml) or an Excel workbook (xl/workbook.xml), found an OpenDocument file (.odt/.ods): save it as .docx or .xlsx');
  });

  it('XML with a DOCTYPE (entity expansion) and XML that is not well-formed', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>';
    expect((await failure('in/laughs.docx', wordPackage(laughs))).message).toBe('in/laughs.docx: word/document.xml declares a DOCTYPE, which Word and Excel never write: refused');
    const broken = '<w:document><w:body><w:p><w:r><w:t>未闭合</w:r></w:p></w:body></w:document>';
    expect((await failure('in/broken.docx', wordPackage(broken))).message).toBe(
      "in/broken.docx: word/document.xml is not well-formed XML (line 1: Expected closing tag 'w:t' (opened in line 1, col 31) instead of closing tag 'w:r'.); save the document again from Word or Excel",
    );
  });

  it('a Word table longer than the row limit', async () => {
    const rows = '<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>'.repeat(50_001);
    const body = `<w:document><w:body><w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl>${rows}</w:tbl></w:body></w:document>`;
    const { message, ms } = await failure('in/long.docx', wordPackage(body));
    expect(message).toBe('in/long.docx:2: a Word table has more than 50000 rows, the most one table may have');
    expect(ms).toBeLessThan(5000);
  });

  it('a password-protected .docx or .xlsx (an OLE file holding EncryptionInfo and EncryptedPackage)', async () => {
    const { message } = await failure('in/secret.xlsx', oleWith('EncryptionInfo', 'EncryptedPackage'));
    expect(message).toBe('in/secret.xlsx: the document is password-protected (encrypted): open it, save it without a password, and import it again');
  });

  it('a Word 97–2003 .doc', async () => {
    const { message } = await failure('in/old.doc', oleWith('WordDocument', '1Table'));
    expect(message).toBe('in/old.doc: this is a Word 97–2003 document (.doc), which is not read: save it as .docx (Word document) or PDF and import that');
  });

  it('an OLE file of another kind, and a damaged one', async () => {
    expect((await failure('in/slides.ppt', oleWith('PowerPoint Document'))).message).toBe('in/slides.ppt: expected an Excel 97–2003 workbook (.xls), found a PowerPoint 97–2003 presentation');
    const cut = oleWith('Workbook').subarray(0, 600);
    expect((await failure('in/cut.xls', cut)).message).toMatch(/^in\/cut\.xls: expected an Excel 97–2003 workbook \(\.xls\), found a damaged OLE file \(.+\)$/);
  });

  it('an .xlsx with a 100,000-row sheet is refused within seconds, naming the sheet and the count', async () => {
    const sheet = XLSX.utils.aoa_to_sheet(Array.from({ length: 100_000 }, (_, i) => [i + 1, `项目${i + 1}`, (i * 7) / 100]));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['说明']]), '封面');
    XLSX.utils.book_append_sheet(wb, sheet, '明细');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }));
    const { message, ms } = await failure('in/big.xlsx', bytes);
    expect(message).toBe('in/big.xlsx: sheet "明细" has 100000 rows, more than the 50000 a sheet may have: split it or remove the rows that are not part of the tables');
    expect(ms).toBeLessThan(5000);
  });

  it('a sheet that does not declare its size is stopped by the row limit while SheetJS reads it', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(Array.from({ length: 60_000 }, (_, i) => [i + 1, 'x'])), '明细');
    const parts = unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(sheet).toMatch(/<dimension ref="A1:B60000"\/>/);
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace(/<dimension [^>]*\/>/, ''));
    const { message, ms } = await failure('in/undeclared.xlsx', zipSync(parts));
    expect(message).toBe('in/undeclared.xlsx: sheet "明细" has more than 50000 rows, more than the 50000 a sheet may have: split it or remove the rows that are not part of the tables');
    expect(ms).toBeLessThan(5000);
  });
});
