import { crc32, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

/**
 * Made on Unix, with the mode -rw-r--r--: a zip made on MS-DOS (fflate's
 * default) has its names converted from the DOS code page by Info-ZIP's
 * unzip, UTF-8 flag or not, which turns Chinese names into mojibake.
 */
const UNIX = 3;
const READABLE = 0o100644 * 0x10000;
/** PKZIP's method number of deflate (APPNOTE 4.4.5). */
const DEFLATE = 8;

/**
 * A zip of the given files (path → content), in path order and stamped with
 * `date`, so the same files always make the same bytes. File names are
 * UTF-8 and flagged so (fflate sets the flag for any name beyond ASCII).
 *
 * fflate writes the container; Node's zlib deflates the files. fflate's own
 * deflate is JavaScript: over 60 of the 10,000-filing benchmark's bulk zips
 * (210 MB of JSON and CSV) it took 6.6 s where zlib took 2.1 s, for 24.0 MB
 * against 20.9 MB, and the bulk zips are most of the open data's time beside
 * the pages (docs/benchmarks.md).
 */
export function zipFiles(files: ReadonlyMap<string, string | Uint8Array>, date: Date): Uint8Array {
  // A zip stores local time without a zone, and fflate reads the Date's local fields: shift it so that they show the UTC time on any machine.
  const mtime = new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const path of [...files.keys()].sort()) {
    const content = files.get(path)!;
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    const file: ZipInputFile = { filename: path, size: bytes.length, crc: crc32(bytes), compression: DEFLATE, mtime, os: UNIX, attrs: READABLE };
    // fflate calls back synchronously: the file is written whole into `chunks` before the next is added.
    zip.add(file);
    file.ondata!(null, deflateRawSync(bytes, { level: 6 }), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}
