import type { Block } from '../blocks.ts';
import { ImportError } from '../report.ts';

export async function readPdf(file: string, _bytes: Uint8Array): Promise<Block[]> {
  throw new ImportError(file, undefined, 'PDF import is not available yet');
}
