import { createHash } from 'node:crypto';

/**
 * How a source document is published beside its filing. Documents are
 * copied byte for byte, except UTF-8 text: a static host serves `.txt` as
 * `text/plain` without a charset (nginx's default), and browsers then guess
 * a legacy encoding and show the Chinese as mojibake. A byte-order mark in
 * front of the same bytes makes every browser read it as UTF-8. The record
 * keeps the original bytes and their digest; filing.json publishes both
 * digests (docs/data.md#sources).
 */

const TEXT = /\.(txt|md|csv)$/i;

const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

const TEXT_TYPES: Record<string, string> = { txt: 'text/plain', md: 'text/markdown', csv: 'text/csv' };

const DOCUMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ofd: 'application/ofd',
};

const extension = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

/** Whether the document is text that may need a byte-order mark to be read right. */
export function isTextSource(name: string): boolean {
  return TEXT.test(name);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const startsWithBom = (bytes: Uint8Array) => bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];

export interface PublishedSource {
  bytes: Uint8Array;
  mediaType: string;
  sha256: string;
}

/**
 * The bytes published for a source, with their media type and digest. Text
 * that is not UTF-8 is left as it is: a UTF-8 mark would make it wrong.
 */
export function publishedSource(name: string, original: Uint8Array): PublishedSource {
  const ext = extension(name);
  let bytes = original;
  let mediaType = documentMediaType(name);
  if (isTextSource(name)) {
    const utf8 = isUtf8(original);
    if (utf8 && !startsWithBom(original)) {
      bytes = new Uint8Array(original.length + BOM.length);
      bytes.set(BOM);
      bytes.set(original, BOM.length);
    }
    mediaType = utf8 ? `${TEXT_TYPES[ext]}; charset=utf-8` : TEXT_TYPES[ext]!;
  }
  return { bytes, mediaType, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The media type of a source that is published as it is (not text): no need to read it. */
export function documentMediaType(name: string): string {
  return DOCUMENT_TYPES[extension(name)] ?? 'application/octet-stream';
}
