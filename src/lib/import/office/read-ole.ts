import type { DocumentRead } from '../read-document.ts';
import { ImportError } from '../report.ts';

export function readOle(file: string, _bytes: Uint8Array): DocumentRead {
  throw new ImportError(file, undefined, 'Excel 97–2003 import is not available yet');
}
