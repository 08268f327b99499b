import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '../../src/lib/import/blocks.ts';
import { readDocument } from '../../src/lib/import/read-document.ts';
import { readPdf } from '../../src/lib/import/pdf/read-pdf.ts';
import { ImportError } from '../../src/lib/import/report.ts';

const bad = join(import.meta.dirname, '../fixtures/documents/bad');
const bytes = (name: string) => new Uint8Array(readFileSync(join(bad, name)));

async function failure(name: string): Promise<ImportError> {
  const error = await readPdf(`in/${name}`, bytes(name)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('readPdf refuses what it cannot read, naming the file and the page', () => {
  it('a PDF that needs a password', async () => {
    expect((await failure('encrypted.pdf')).message).toBe(
      'in/encrypted.pdf: the PDF is encrypted with a password; save or export it without a password and import that file',
    );
  });

  it('a scanned page (an image and no text)', async () => {
    expect((await failure('scan.pdf')).message).toBe(
      'in/scan.pdf: page 1 has no text layer, only an image (a scan?); the importer does not do OCR: import the PDF that the finance system exported, whose text can be selected',
    );
  });

  it('a PDF without any text (glyphs drawn as shapes)', async () => {
    expect((await failure('outlines.pdf')).message).toBe(
      'in/outlines.pdf: page 1 has no text layer (no page of the PDF has text that can be selected); the importer does not do OCR: import the PDF that the finance system exported',
    );
  });

  it('a damaged or truncated PDF', async () => {
    expect((await failure('damaged.pdf')).message).toBe('in/damaged.pdf: not a readable PDF (damaged or incomplete): Invalid PDF structure.');
    expect((await failure('truncated.pdf')).message).toBe('in/truncated.pdf: not a readable PDF (damaged or incomplete): Invalid PDF structure.');
  });

  it('more pages than DOCUMENT_LIMITS.pages', async () => {
    expect((await failure('many-pages.pdf')).message).toBe('in/many-pages.pdf: the PDF has 401 pages; the importer reads at most 400');
  });

  it('more bytes than DOCUMENT_LIMITS.bytes, before pdf.js parses anything', async () => {
    const huge = new Uint8Array(DOCUMENT_LIMITS.bytes + 1);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    const error = await readDocument('in/huge.pdf', huge).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe('in/huge.pdf: the file is 64.0 MiB (67108865 bytes), more than the 64 MiB a document may be');
  });

  it('through readDocument, which picks the reader by the bytes', async () => {
    const error = await readDocument('in/secret.bin', bytes('encrypted.pdf')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe('in/secret.bin: the PDF is encrypted with a password; save or export it without a password and import that file');
  });
});

describe('readPdf reads', () => {
  it('a PDF with only an owner password (restrictions, no password to open it)', async () => {
    expect(await readPdf('in/owner.pdf', bytes('owner-password.pdf'))).toEqual([{ kind: 'text', text: 'Hello', line: 1, page: 1 }]);
  });

  it('a Node Buffer as readFileSync gives it', async () => {
    expect(await readPdf('in/hello.pdf', readFileSync(join(bad, 'hello.pdf')))).toEqual([{ kind: 'text', text: 'Hello', line: 1, page: 1 }]);
  });

  it('without changing the bytes it is given', async () => {
    const given = bytes('hello.pdf');
    const copy = given.slice();
    expect(await readDocument('in/hello.pdf', given)).toEqual({ form: 'pdf', blocks: [{ kind: 'text', text: 'Hello', line: 1, page: 1 }] });
    expect(given).toEqual(copy);
  });
});
