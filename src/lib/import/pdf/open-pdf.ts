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

/** The errors pdf.js throws for a damaged file (its BaseException kin). */
const PDFJS_ERRORS = new Set(['FormatError', 'XRefEntryException', 'XRefParseException', 'MissingDataException', 'ParserEOFException', 'InvalidPDFException', 'UnknownErrorException', 'AbortException', 'JpegError', 'JpxError', 'DNLMarkerError', 'EOIMarkerError', 'ResponseException', 'PasswordException']);
const isPdfJsError = (reason: unknown) => reason instanceof Error && PDFJS_ERRORS.has(reason.name);

/** Ignores a rejection pdf.js left unhandled; any other ends the process as Node would, unless someone else listens. */
function ignorePdfJsRejection(reason: unknown): void {
  if (!isPdfJsError(reason) && process.listenerCount('unhandledRejection') === 1) throw reason;
}

let reading = 0;

/**
 * Run `work` on pdf.js. pdf.js fetches the objects of a document's page
 * tree ahead and leaves the promise of a damaged one without a handler: its
 * rejection is unhandled, and Node ends the import with a stack trace
 * although every page reads. While pdf.js works, such rejections of its own
 * errors are ignored: the reading itself still fails, with a message, where
 * it needs the object.
 */
export async function withPdfJs<T>(work: () => Promise<T>): Promise<T> {
  if (reading++ === 0) process.on('unhandledRejection', ignorePdfJsRejection);
  try {
    return await work();
  } finally {
    // Rejections are reported after the task they happen in: wait one out before listening no longer.
    await new Promise((resolve) => setImmediate(resolve));
    if (--reading === 0) process.off('unhandledRejection', ignorePdfJsRejection);
  }
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
