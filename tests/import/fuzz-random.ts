/**
 * A small seeded generator for the importer's fuzz test: every case is made
 * from its own seed, so one failing case is rebuilt from the seed printed
 * with it, without replaying the cases before it.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    // xorshift32 never leaves 0; any other start is as good as the next.
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** xorshift32 (Marsaglia): an unsigned 32-bit number. */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /** 0 ≤ n < below. */
  int(below: number): number {
    return below <= 0 ? 0 : this.next() % below;
  }

  /** from ≤ n ≤ to. */
  between(from: number, to: number): number {
    return from + this.int(to - from + 1);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() / 2 ** 32 < p;
  }
}

/** The seed of case `index` of document `document` in a run: a hash, so neighbouring cases share nothing. */
export function caseSeed(runSeed: number, document: string, index: number): number {
  let h = (runSeed ^ 0x811c9dc5) >>> 0;
  for (const ch of `${document}#${index}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}
