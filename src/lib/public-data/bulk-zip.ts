import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Made on Unix, with the mode -rw-r--r--: a zip made on MS-DOS (fflate's
 * default) has its names converted from the DOS code page by Info-ZIP's
 * unzip, UTF-8 flag or not, which turns Chinese names into mojibake.
 */
const UNIX = 3;
const READABLE = 0o100644 * 0x10000;

/**
 * A zip of the given files (path → content), in path order and stamped with
 * `date`, so the same files always make the same bytes. File names are
 * UTF-8 and flagged so (fflate sets the flag for any name beyond ASCII).
 */
export function zipFiles(files: ReadonlyMap<string, string | Uint8Array>, date: Date): Uint8Array {
  // A zip stores local time without a zone, and fflate reads the Date's local fields: shift it so that they show the UTC time on any machine.
  const mtime = new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
  const entries: Zippable = {};
  for (const path of [...files.keys()].sort()) {
    const content = files.get(path)!;
    entries[path] = [typeof content === 'string' ? strToU8(content) : content, { mtime, os: UNIX, attrs: READABLE }];
  }
  return zipSync(entries, { level: 6 });
}
