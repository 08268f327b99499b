/**
 * A posting list: the pages (by number, ascending) that hold a key, each with
 * the fields it is in (documents.ts FIELD: 1 text, 2 label, 4 title). Written
 * as varints of (gap << 3 | fields), or, when shorter, as three bitmaps over
 * every page (any field, label, title). The text bit is always written, as
 * "in some field", so that both forms say the same and a list read back and
 * written again (index-state.ts) is the list written from scratch.
 */
const SPARSE = 0;
const BITMAP = 1;

export class ByteWriter {
  private bytes: Uint8Array;
  length = 0;
  /** `capacity`: the bytes expected, when known, so that a large writer is not grown and copied again and again. */
  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }
  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  byte(b: number): void {
    this.room(1);
    this.bytes[this.length++] = b;
  }
  varint(value: number): void {
    this.room(8);
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.length++] = v;
  }
  u32(value: number): void {
    this.room(4);
    for (let i = 0; i < 4; i++) this.bytes[this.length++] = (value >>> (8 * i)) & 0xff;
  }
  append(data: Uint8Array): void {
    this.room(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }
  /** `n` more bytes, zero, to be filled through the view returned (valid until the next write). */
  zeros(n: number): Uint8Array {
    this.room(n);
    const view = this.bytes.subarray(this.length, this.length + n);
    view.fill(0);
    this.length += n;
    return view;
  }
  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

export class ByteReader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  byte(): number {
    return this.bytes[this.at++]!;
  }
  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.bytes[this.at++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  }
  u32(): number {
    const b = this.bytes;
    const v = b[this.at]! | (b[this.at + 1]! << 8) | (b[this.at + 2]! << 16) | (b[this.at + 3]! << 24);
    this.at += 4;
    return v >>> 0;
  }
}

/** `packed` holds each posting as doc << 3 | fields, docs ascending. */
export function encodePostings(packed: ArrayLike<number>, docCount: number): Uint8Array {
  const out = new ByteWriter();
  appendPostings(out, packed, 0, packed.length, docCount);
  return out.done();
}

/** Appends the list of `packed[from..to)` to `out`: as varints, or as bitmaps when they are shorter. */
export function appendPostings(out: ByteWriter, packed: ArrayLike<number>, from: number, to: number, docCount: number): void {
  const start = out.length;
  out.byte(SPARSE);
  out.varint(to - from);
  let last = 0;
  for (let i = from; i < to; i++) {
    const doc = packed[i]! >>> 3;
    out.varint((doc - last) * 8 + ((packed[i]! & 7) | 1));
    last = doc;
  }
  const mapBytes = Math.ceil(docCount / 8);
  if (out.length - start <= 1 + 3 * mapBytes) return;
  out.length = start;
  const maps = out.zeros(1 + 3 * mapBytes);
  maps[0] = BITMAP;
  for (let i = from; i < to; i++) {
    const doc = packed[i]! >>> 3;
    const fields = packed[i]! & 7;
    const bit = 1 << (doc & 7);
    const byte = 1 + (doc >>> 3);
    maps[byte] = maps[byte]! | bit;
    if (fields & 2) maps[byte + mapBytes] = maps[byte + mapBytes]! | bit;
    if (fields & 4) maps[byte + 2 * mapBytes] = maps[byte + 2 * mapBytes]! | bit;
  }
}

/**
 * The postings of an encoded list as `doc << 3 | fields`, docs ascending,
 * into `into` from its start (a new array when too small: of the list's
 * length for a sparse list, grown as it fills for bitmaps); returns the
 * array written and the count.
 */
export function unpackPostings(bytes: Uint8Array, docCount: number, into: Uint32Array<ArrayBufferLike>): { packed: Uint32Array<ArrayBufferLike>; count: number } {
  let packed = into;
  if (bytes[0] === SPARSE) {
    const reader = new ByteReader(bytes);
    reader.at = 1;
    const total = reader.varint();
    if (packed.length < total) packed = new Uint32Array(total);
    // Written in place, not through push(): the page unpacks lists of 10,000 postings before its code is optimised.
    let doc = 0;
    for (let i = 0; i < total; i++) {
      const v = reader.varint();
      doc += Math.floor(v / 8);
      packed[i] = doc * 8 + (v % 8);
    }
    return { packed, count: total };
  }
  let count = 0;
  const push = (value: number) => {
    if (count === packed.length) {
      const grown = new Uint32Array(packed.length * 2 || 64);
      grown.set(packed);
      packed = grown;
    }
    packed[count++] = value;
  };
  const mapBytes = Math.ceil(docCount / 8);
  for (let byte = 0; byte < mapBytes; byte++) {
    const any = bytes[1 + byte]!;
    if (any === 0) continue;
    for (let bit = 0; bit < 8; bit++) {
      if (!(any & (1 << bit))) continue;
      const fields = 1 | (bytes[1 + byte + mapBytes]! & (1 << bit) ? 2 : 0) | (bytes[1 + byte + 2 * mapBytes]! & (1 << bit) ? 4 : 0);
      push((byte * 8 + bit) * 8 + fields);
    }
  }
  return { packed, count };
}

/**
 * An encoded list as the search reads it, without unpacking a bitmap: the
 * lists of common words are bitmaps over every group of every page, and a
 * word's lists are intersected a byte of eight groups at a time.
 */
export type ListView =
  | { kind: 'sparse'; packed: Uint32Array<ArrayBufferLike> }
  | { kind: 'bitmap'; any: Uint8Array; label: Uint8Array; title: Uint8Array };

export function listView(bytes: Uint8Array, docCount: number): ListView {
  if (bytes[0] === SPARSE) {
    const { packed, count } = unpackPostings(bytes, docCount, new Uint32Array(0));
    return { kind: 'sparse', packed: packed.subarray(0, count) };
  }
  const mapBytes = Math.ceil(docCount / 8);
  const map = (n: number) => bytes.subarray(1 + n * mapBytes, 1 + (n + 1) * mapBytes);
  return { kind: 'bitmap', any: map(0), label: map(1), title: map(2) };
}
