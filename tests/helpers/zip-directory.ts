/** An entry of a zip's central directory (PKZIP APPNOTE 4.3.12). */
export interface ZipEntry {
  name: string;
  /** The system it was made on: 3 is Unix. */
  madeOn: number;
  /** Bit 11 of the general purpose flag: the name is UTF-8. */
  utf8: boolean;
  /** The compression method: 8 is deflate. */
  method: number;
  /** The DOS time and date fields. */
  time: number;
  date: number;
}

/** The entries of a zip's central directory, read from its bytes on their own (not through the library that wrote or unzips them). */
export function centralDirectory(zip: Uint8Array): ZipEntry[] {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries: ZipEntry[] = [];
  // The end-of-central-directory record closes the zip (no comment): the directory's offset is at its byte 16.
  for (let at = bytes.readUInt32LE(bytes.length - 22 + 16); bytes.readUInt32LE(at) === 0x02014b50; ) {
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      madeOn: bytes[at + 5]!,
      utf8: (bytes.readUInt16LE(at + 8) & 0x800) !== 0,
      method: bytes.readUInt16LE(at + 10),
      time: bytes.readUInt16LE(at + 12),
      date: bytes.readUInt16LE(at + 14),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}
