import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '../../src/lib/import/blocks.ts';
import { readDocument } from '../../src/lib/import/read-document.ts';

const message = async (bytes: Uint8Array) => {
  try {
    await readDocument('in/doc', bytes);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('read, expected an ImportError');
};

describe('a document is read by what its bytes are', () => {
  it('refuses a document over the size limit before any reader opens it', async () => {
    const bytes = new Uint8Array(DOCUMENT_LIMITS.bytes + 1);
    bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(await message(bytes)).toBe('in/doc: the file is 64.0 MiB (67108865 bytes), more than the 64 MiB a document may be');
  });

  it('tells binary data that is no known document from text', async () => {
    expect(await message(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]))).toBe('in/doc: expected a PDF, Word (.docx), Excel (.xlsx/.xls) or text document, found other binary data');
  });

  it('reads a converter text form without looking at the name', async () => {
    const text = '标题\n\t甲\n\t乙\n\n\t丙\n\t丁\n\n\t戊\n\t己\n';
    expect((await readDocument('in/doc.pdf', new TextEncoder().encode(text))).form).toBe('word-cells');
  });
});
