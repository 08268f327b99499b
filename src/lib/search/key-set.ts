/**
 * A set of 32-bit keys as a small file: the keys ascending, their gaps
 * Rice-coded (the keys are hashes, spread evenly, so a gap takes about
 * log2(2^32 / count) + 1.5 bits). The index lists this way the keys whose
 * posting list has a file of its own (build-index.ts), so that the page
 * fetches such a list at once instead of reading first, in the key's
 * bucket, that it is elsewhere: a round trip less for every common word.
 * Exact, not a Bloom filter: a false positive would be a request for a file
 * that is not there.
 *
 * Layout: u32 count, u8 k, then the gaps from 0 (the first key itself),
 * each as gap >> k in unary (ones, then a zero) and its low k bits, most
 * significant first.
 */

/** The file of `keys`, ascending and distinct. */
export function encodeKeySet(keys: ArrayLike<number>): Uint8Array {
  const count = keys.length;
  const k = count === 0 ? 0 : Math.max(0, Math.floor(Math.log2(2 ** 32 / count)));
  const unit = 2 ** k;
  let bits = 0;
  for (let i = 0, last = 0; i < count; last = keys[i]!, i++) bits += Math.floor((keys[i]! - last) / unit) + 1 + k;
  const bytes = new Uint8Array(5 + Math.ceil(bits / 8));
  new DataView(bytes.buffer).setUint32(0, count, true);
  bytes[4] = k;
  let at = 40;
  const bit = (one: boolean) => {
    if (one) bytes[at >>> 3] = bytes[at >>> 3]! | (0x80 >>> (at & 7));
    at++;
  };
  for (let i = 0, last = 0; i < count; last = keys[i]!, i++) {
    const gap = keys[i]! - last;
    for (let q = Math.floor(gap / unit); q > 0; q--) bit(true);
    bit(false);
    const low = gap % unit;
    for (let b = k - 1; b >= 0; b--) bit(Math.floor(low / 2 ** b) % 2 === 1);
  }
  return bytes;
}

/** The keys of a file encodeKeySet wrote, ascending; an error when it is cut short. */
export function decodeKeySet(bytes: Uint8Array): Uint32Array {
  if (bytes.length < 5) throw new Error(`a key set of ${bytes.length} bytes, shorter than its head`);
  const count = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  const k = bytes[4]!;
  const keys = new Uint32Array(count);
  const end = bytes.length * 8;
  let at = 40;
  let last = 0;
  for (let i = 0; i < count; i++) {
    let gap = 0;
    while (at < end && bytes[at >>> 3]! & (0x80 >>> (at & 7))) {
      gap += 2 ** k;
      at++;
    }
    at++;
    let low = 0;
    for (let b = 0; b < k; b++, at++) low = low * 2 + (bytes[at >>> 3]! & (0x80 >>> (at & 7)) ? 1 : 0);
    gap += low;
    if (at > end) throw new Error(`a key set cut short: ${i} of ${count} keys`);
    last += gap;
    keys[i] = last;
  }
  return keys;
}

/** The first index of the ascending `keys` whose key is not below `key`. */
export function lowerBound(keys: ArrayLike<number>, key: number): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether ascending `keys` hold `key`. */
export function hasKey(keys: Uint32Array, key: number): boolean {
  const at = lowerBound(keys, key);
  return at < keys.length && keys[at] === key;
}
