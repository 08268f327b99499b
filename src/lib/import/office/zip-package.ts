import { Inflate } from 'fflate';
import { DOCUMENT_LIMITS } from '../blocks.ts';
import { ImportError } from '../report.ts';

/** One part of a zip package as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Deflate cannot do better than about 1032:1; real XML parts compress 10 to
 * 100 times. A large part near the format's maximum is a run of one byte,
 * not a document (Apache POI refuses 100:1 everywhere; we allow more because
 * the inflated size is counted as well).
 */
const MAX_RATIO = 500;
const RATIO_CHECKED_FROM = 16 * 1024 * 1024;
/** Compressed bytes handed to the inflater at a time: bounds what one step can produce (≈ 1032 × this). */
const STEP = 16 * 1024;

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

const corrupt = (file: string, what: string) =>
  new ImportError(file, undefined, `expected a Word (.docx) or Excel (.xlsx) zip package, found a damaged one (${what}); save it again from Word or Excel`);

function view(bytes: Uint8Array) {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The end-of-central-directory record: within the last 64 KiB + 22 bytes (its comment may be that long). */
function findEnd(bytes: Uint8Array): number {
  const dv = view(bytes);
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65557); at--) {
    if (dv.getUint32(at, true) === 0x06054b50) return at;
  }
  return -1;
}

function zip64Directory(file: string, bytes: Uint8Array, end: number): { count: number; offset: number } {
  const dv = view(bytes);
  const locator = end - 20;
  if (locator < 0 || dv.getUint32(locator, true) !== 0x07064b50) throw corrupt(file, 'a ZIP64 directory without its locator');
  const record = Number(dv.getBigUint64(locator + 8, true));
  if (record + 56 > bytes.length || dv.getUint32(record, true) !== 0x06064b50) throw corrupt(file, 'a ZIP64 directory record out of place');
  return { count: Number(dv.getBigUint64(record + 32, true)), offset: Number(dv.getBigUint64(record + 48, true)) };
}

/** Sizes of 0xFFFFFFFF are in the ZIP64 extra field (id 1), in this order, only those that overflowed. */
function zip64Sizes(dv: DataView, extra: number, extraEnd: number, entry: ZipEntry): void {
  for (let at = extra; at + 4 <= extraEnd; ) {
    const id = dv.getUint16(at, true);
    const length = dv.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      const next = () => {
        const value = field + 8 <= at + 4 + length ? Number(dv.getBigUint64(field, true)) : -1;
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/**
 * Read a package's central directory and refuse it, before anything is
 * inflated, when its parts declare more than DOCUMENT_LIMITS.unpackedBytes
 * together or a large part compresses beyond what a document can.
 */
export function readZipDirectory(file: string, bytes: Uint8Array): Map<string, ZipEntry> {
  const end = findEnd(bytes);
  if (end < 0) throw corrupt(file, 'no zip directory at its end: the file may be truncated');
  const dv = view(bytes);
  let count = dv.getUint16(end + 10, true);
  let offset = dv.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) ({ count, offset } = zip64Directory(file, bytes, end));
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  let total = 0;
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== 0x02014b50) throw corrupt(file, `zip directory entry ${k + 1} of ${count} is missing`);
    const flags = dv.getUint16(at + 8, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: dv.getUint16(at + 10, true),
      compressedSize: dv.getUint32(at + 20, true),
      size: dv.getUint32(at + 24, true),
      localOffset: dv.getUint32(at + 42, true),
    };
    zip64Sizes(dv, at + 46 + nameLength, at + 46 + nameLength + extraLength, entry);
    if (flags & 1) throw new ImportError(file, undefined, `the zip part ${name} is encrypted: save the document without a password and import it again`);
    if (entry.size < 0 || entry.compressedSize < 0 || entry.localOffset < 0) throw corrupt(file, `${name} has a broken size`);
    total += entry.size;
    if (total > DOCUMENT_LIMITS.unpackedBytes) {
      throw new ImportError(file, undefined, `the package unpacks to more than ${MB(DOCUMENT_LIMITS.unpackedBytes)} (${name} alone declares ${MB(entry.size)}): refused as a zip bomb or not a budget document`);
    }
    if (entry.size >= RATIO_CHECKED_FROM && entry.size > MAX_RATIO * entry.compressedSize) {
      throw new ImportError(file, undefined, `the zip part ${name} expands ${Math.round(entry.size / Math.max(1, entry.compressedSize))} times (${MB(entry.size)}), more than a document can: refused as a zip bomb`);
    }
    entries.set(name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflate one part, counting what comes out: a part that produces more than
 * its directory declared (declared sizes can lie) is refused at that moment.
 */
export function inflateEntry(file: string, bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || dv.getUint32(local, true) !== 0x04034b50) throw corrupt(file, `the data of ${entry.name} is missing`);
  const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > bytes.length) throw corrupt(file, `the data of ${entry.name} is cut off: the file may be truncated`);
  if (entry.method === 0) {
    if (entry.size !== data.length) throw corrupt(file, `${entry.name} is not the size its directory declares`);
    return data;
  }
  if (entry.method !== 8) throw new ImportError(file, undefined, `the zip part ${entry.name} uses compression method ${entry.method}; only stored and deflated parts are read: save it again from Word or Excel`);
  const out = new Uint8Array(entry.size);
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    if (produced + chunk.length > entry.size) {
      throw new ImportError(file, undefined, `the zip part ${entry.name} inflates to more than the ${entry.size} bytes its directory declares: refused as a zip bomb or a damaged file`);
    }
    out.set(chunk, produced);
    produced += chunk.length;
  });
  try {
    for (let at = 0; at < data.length || at === 0; at += STEP) inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw corrupt(file, `${entry.name} does not inflate: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (produced !== entry.size) throw corrupt(file, `${entry.name} inflates to ${produced} bytes, its directory declares ${entry.size}`);
  return out;
}

/** A package's parts by name, read lazily: only what a reader asks for is inflated. */
export class ZipPackage {
  readonly entries: Map<string, ZipEntry>;
  constructor(
    readonly file: string,
    private readonly bytes: Uint8Array,
  ) {
    this.entries = readZipDirectory(file, bytes);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  bytesOf(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) throw new ImportError(this.file, undefined, `the package has no part ${name}`);
    return inflateEntry(this.file, this.bytes, entry);
  }

  /** A part as text: OOXML parts are UTF-8 or, with a byte-order mark, UTF-16. */
  textOf(name: string): string {
    const data = this.bytesOf(name);
    const encoding = data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : 'utf-8';
    return new TextDecoder(encoding).decode(data);
  }
}
