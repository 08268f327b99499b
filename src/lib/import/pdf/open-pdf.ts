import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { DOCUMENT_LIMITS } from '../blocks.ts';
import { ImportError } from '../report.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let library: Promise<PdfJs> | undefined;
/** pdf.js, loaded once and only when a PDF is read (the legacy build is the one made for Node). */
export const pdfjs = (): Promise<PdfJs> => (library ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** A folder of the installed pdfjs-dist, as the trailing-slash path pdf.js asks for: found from this module, not the cwd. */
function dataFolder(name: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return join(root, name) + sep;
}

const MESSAGE_CHARS = 160;
/** What pdf.js said, short and on one line (it may quote bytes of the file). */
export function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MESSAGE_CHARS ? `${line.slice(0, MESSAGE_CHARS)}…` : line || 'unknown error';
}

/**
 * Open a PDF with pdf.js, offline: CMaps, standard fonts and decoders from
 * the package, no font faces, no network (pdf.js 6 evaluates no code from a
 * document, so there is no isEvalSupported to turn off). A password, a
 * damaged file or too many pages is an ImportError naming the file.
 */
export async function openPdf(file: string, bytes: Uint8Array): Promise<PdfDocument> {
  const lib = await pdfjs();
  let task: ReturnType<PdfJs['getDocument']> | undefined;
  let doc: PdfDocument;
  try {
    task = lib.getDocument({
      // A plain Uint8Array copy: pdf.js refuses a Buffer and may take over the buffer it is given; the caller keeps the document.
      data: new Uint8Array(bytes),
      cMapUrl: dataFolder('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: dataFolder('standard_fonts'),
      wasmUrl: dataFolder('wasm'),
      iccUrl: dataFolder('iccs'),
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    });
    doc = await task.promise;
  } catch (error) {
    await task?.destroy().catch(() => undefined);
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new ImportError(file, undefined, 'the PDF is encrypted with a password; save or export it without a password and import that file');
    }
    throw new ImportError(file, undefined, `not a readable PDF (damaged or incomplete): ${reason(error)}`);
  }
  if (doc.numPages > DOCUMENT_LIMITS.pages) {
    const pages = doc.numPages;
    await doc.loadingTask.destroy();
    throw new ImportError(file, undefined, `the PDF has ${pages} pages; the importer reads at most ${DOCUMENT_LIMITS.pages}`);
  }
  return doc;
}
