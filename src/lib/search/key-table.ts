/**
 * The keys of one page, each with the groups it is in and the fields it is in
 * there: an open-addressing table over typed arrays. The compile step adds
 * about five keys per character of a page (grams.ts blockKeys); a Map would
 * box every key above 2^30 and cost most of the search part's time.
 */
export class KeyTable {
  private keys: Uint32Array;
  /** group << 3 | fields of each slot; 0 for an empty slot (a key is always in some field, so never 0 once added). */
  private tags: Uint8Array;
  private shift: number;
  size = 0;

  constructor(expected = 4096) {
    let bits = 4;
    while (1 << bits < expected * 2) bits++;
    this.keys = new Uint32Array(1 << bits);
    this.tags = new Uint8Array(1 << bits);
    this.shift = 32 - bits;
  }

  add(key: number, group: number, field: number): void {
    const mask = this.keys.length - 1;
    let slot = Math.imul(key ^ Math.imul(group + 1, 0x9e3779b1), 0x85ebca6b) >>> this.shift;
    for (;;) {
      const tag = this.tags[slot]!;
      if (tag === 0) {
        this.keys[slot] = key;
        this.tags[slot] = (group << 3) | field;
        if (++this.size * 2 > this.keys.length) this.grow();
        return;
      }
      if (this.keys[slot] === key && tag >> 3 === group) {
        this.tags[slot] = tag | field;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { keys, tags } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.tags = new Uint8Array(tags.length * 2);
    this.shift--;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (tags[i] !== 0) this.add(keys[i]!, tags[i]! >> 3, tags[i]! & 7);
  }

  /** Every entry, ascending by key, then group: the key, and its group << 3 | fields. */
  sorted(): { keys: Uint32Array; fields: Uint8Array } {
    let keys = new Uint32Array(this.size);
    let fields = new Uint8Array(this.size);
    // Slots by their tags' groups, so that the stable passes below keep groups ascending within a key.
    const starts = new Uint32Array(8);
    for (let i = 0; i < this.tags.length; i++) if (this.tags[i] !== 0) starts[(this.tags[i]! >> 3) + 1]!++;
    for (let g = 1; g < starts.length; g++) starts[g]! += starts[g - 1]!;
    for (let i = 0; i < this.tags.length; i++) {
      const tag = this.tags[i]!;
      if (tag === 0) continue;
      const at = starts[tag >> 3]!++;
      keys[at] = this.keys[i]!;
      fields[at] = tag;
    }
    let toKeys = new Uint32Array(this.size);
    let toFields = new Uint8Array(this.size);
    const counts = new Uint32Array(1 << DIGIT);
    for (let shift = 0; shift < 32; shift += DIGIT) {
      radixPass(keys, fields, toKeys, toFields, shift, counts);
      [keys, toKeys] = [toKeys, keys];
      [fields, toFields] = [toFields, fields];
    }
    return { keys, fields };
  }
}

/** Bits of the key per pass of the sort: three passes of a small count table beat two of a 65,536-entry one at a page's 10,000 keys. */
const DIGIT = 11;
const MASK = (1 << DIGIT) - 1;

/** A stable counting sort of every entry by DIGIT bits of its key from `shift`. */
function radixPass(keys: Uint32Array, fields: Uint8Array, toKeys: Uint32Array, toFields: Uint8Array, shift: number, counts: Uint32Array): void {
  counts.fill(0);
  for (let i = 0; i < keys.length; i++) counts[(keys[i]! >>> shift) & MASK]!++;
  let at = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b]!;
    counts[b] = at;
    at += c;
  }
  for (let i = 0; i < keys.length; i++) {
    const slot = counts[(keys[i]! >>> shift) & MASK]!++;
    toKeys[slot] = keys[i]!;
    toFields[slot] = fields[i]!;
  }
}
