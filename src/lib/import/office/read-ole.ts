import * as XLSX from '@e965/xlsx';
import type { DocumentRead } from '../read-document.ts';
import { ImportError } from '../report.ts';
import { readWorkbook } from './read-workbook.ts';

interface Stream {
  name: string;
  /** Bytes the container's directory declares. */
  size: number;
  /** What its chain of sectors holds: shorter than `size` when the chain is broken. */
  content?: { length: number };
}

/** The streams that tell what an OLE compound file holds, by name. */
function streams(file: string, bytes: Uint8Array): Map<string, Stream> {
  try {
    // SheetJS types its bundled CFB library as any: only FileIndex[] name, size and content are used.
    const container = XLSX.CFB.read(bytes, { type: 'buffer' }) as { FileIndex: Stream[] };
    return new Map(container.FileIndex.map((entry) => [entry.name, entry]));
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
  const names = streams(file, bytes);
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) {
    throw new ImportError(file, undefined, 'the document is password-protected (encrypted): open it, save it without a password, and import it again');
  }
  if (names.has('WordDocument')) {
    throw new ImportError(file, undefined, 'this is a Word 97–2003 document (.doc), which is not read: save it as .docx (Word document) or PDF and import that');
  }
  const workbook = names.get('Workbook') ?? names.get('Book');
  if (workbook) {
    // A chain cut short hands SheetJS a record cut off mid-way, on which it can run until memory is full.
    const held = workbook.content?.length ?? 0;
    if (held < workbook.size) throw new ImportError(file, undefined, `the workbook stream holds ${held} of the ${workbook.size} bytes the file's directory declares (its chain of sectors is broken): the file is damaged; save it again from Excel`);
    return { form: 'xls', blocks: readWorkbook(file, bytes) };
  }
  const kind = names.has('PowerPoint Document') ? 'a PowerPoint 97–2003 presentation' : 'an OLE file of another kind';
  throw new ImportError(file, undefined, `expected an Excel 97–2003 workbook (.xls), found ${kind}`);
}
