import { DOCUMENT_LIMITS, type Block, type SourceForm } from './blocks.ts';
import { detectForm, readBlocks } from './detect-form.ts';
import { ImportError } from './report.ts';

export interface DocumentRead {
  form: SourceForm;
  blocks: Block[];
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function decodeText(file: string, bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new ImportError(file, undefined, 'expected a PDF, Word (.docx), Excel (.xlsx/.xls) or text document, found other binary data');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new ImportError(file, undefined, 'expected UTF-8 text, found bytes that are not UTF-8');
  }
}

/**
 * Read a document by what its bytes are, not by its name: a PDF, a zipped
 * OOXML package (.docx or .xlsx, told apart by its parts), an OLE file
 * (.xls; a .doc is refused with a message), or the extracted text of a
 * converter (three text forms). Every reader gives the same block stream.
 */
export async function readDocument(file: string, bytes: Uint8Array): Promise<DocumentRead> {
  if (bytes.length === 0) throw new ImportError(file, undefined, 'the file is empty');
  if (bytes.length > DOCUMENT_LIMITS.bytes) {
    const mib = (n: number) => n / 2 ** 20;
    throw new ImportError(file, undefined, `the file is ${mib(bytes.length).toFixed(1)} MiB (${bytes.length} bytes), more than the ${mib(DOCUMENT_LIMITS.bytes)} MiB a document may be`);
  }
  if (startsWith(bytes, PDF)) {
    const { readPdf } = await import('./pdf/read-pdf.ts');
    return { form: 'pdf', blocks: await readPdf(file, bytes) };
  }
  if (startsWith(bytes, ZIP)) {
    const { readOoxml } = await import('./office/read-ooxml.ts');
    return readOoxml(file, bytes);
  }
  if (startsWith(bytes, OLE)) {
    const { readOle } = await import('./office/read-ole.ts');
    return readOle(file, bytes);
  }
  const lines = decodeText(file, bytes).split(/\r?\n/);
  const form = detectForm(lines);
  if (!form) throw new ImportError(file, undefined, 'no table in a known text form (tab-separated rows, one cell per line, or pipe tables) was found');
  return { form, blocks: readBlocks(form, lines) };
}
