import type { DocumentRead } from '../read-document.ts';
import { ImportError } from '../report.ts';

export function readOoxml(file: string, _bytes: Uint8Array): DocumentRead {
  throw new ImportError(file, undefined, 'Word and Excel import is not available yet');
}
