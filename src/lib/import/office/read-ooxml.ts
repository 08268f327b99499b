import type { DocumentRead } from '../read-document.ts';
import { ImportError } from '../report.ts';
import { DOCUMENT_PART, readDocx } from './read-docx.ts';
import { readWorkbook } from './read-workbook.ts';
import { WORKBOOK_PART, workbookParts } from './xlsx-package.ts';
import { ZipPackage } from './zip-package.ts';

function readPackage(file: string, bytes: Uint8Array): DocumentRead {
  const pkg = new ZipPackage(file, bytes);
  if (pkg.has(DOCUMENT_PART)) return { form: 'docx', blocks: readDocx(file, pkg) };
  if (pkg.has(WORKBOOK_PART)) return { form: 'xlsx', blocks: readWorkbook(file, workbookParts(pkg)) };
  const kind = pkg.has('ppt/presentation.xml')
    ? 'a PowerPoint presentation'
    : pkg.has('xl/workbook.bin')
      ? 'an Excel binary workbook (.xlsb)'
      : pkg.has('content.xml')
        ? 'an OpenDocument file (.odt/.ods)'
        : 'a zip archive';
  throw new ImportError(file, undefined, `expected a Word document (word/document.xml) or an Excel workbook (xl/workbook.xml), found ${kind}: save it as .docx or .xlsx`);
}

/**
 * Read a zipped OOXML package: a .docx or an .xlsx, told apart by their
 * parts. The zip's directory is checked against the size limits before
 * anything is inflated.
 */
export function readOoxml(file: string, bytes: Uint8Array): DocumentRead {
  try {
    return readPackage(file, bytes);
  } catch (error) {
    // Elements nested thousands deep exhaust the stack, absurd dimensions an array: a made-up file, not a document.
    if (error instanceof RangeError) throw new ImportError(file, undefined, `its content is nested too deeply or too large to read (${error.message}): not a document Word or Excel wrote`);
    throw error;
  }
}
