import * as XLSX from '@e965/xlsx';
import type { DocumentRead } from '../read-document.ts';
import { ImportError } from '../report.ts';
import { readWorkbook } from './read-workbook.ts';

/** The streams that tell what an OLE compound file holds. */
function streamNames(file: string, bytes: Uint8Array): Set<string> {
  try {
    // SheetJS types its bundled CFB library as any: only FileIndex[].name is used.
    const container = XLSX.CFB.read(bytes, { type: 'buffer' }) as { FileIndex: { name: string }[] };
    return new Set(container.FileIndex.map((entry) => entry.name));
  } catch (error) {
    throw new ImportError(file, undefined, `expected an Excel 97–2003 workbook (.xls), found a damaged OLE file (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Read an OLE compound file: an Excel 97–2003 workbook (.xls) is read with
 * SheetJS; a Word 97–2003 document and an encrypted .docx/.xlsx (Office
 * wraps those in OLE) are refused with what to do instead.
 */
export function readOle(file: string, bytes: Uint8Array): DocumentRead {
  const names = streamNames(file, bytes);
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) {
    throw new ImportError(file, undefined, 'the document is password-protected (encrypted): open it, save it without a password, and import it again');
  }
  if (names.has('WordDocument')) {
    throw new ImportError(file, undefined, 'this is a Word 97–2003 document (.doc), which is not read: save it as .docx (Word document) or PDF and import that');
  }
  if (names.has('Workbook') || names.has('Book')) return { form: 'xls', blocks: readWorkbook(file, bytes) };
  const kind = names.has('PowerPoint Document') ? 'a PowerPoint 97–2003 presentation' : 'an OLE file of another kind';
  throw new ImportError(file, undefined, `expected an Excel 97–2003 workbook (.xls), found ${kind}`);
}
