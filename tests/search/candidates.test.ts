import { describe, expect, it } from 'vitest';
import { candidates, wordPages } from '../../src/lib/search/candidates.ts';
import { encodePostings, listView, type ListView } from '../../src/lib/search/postings.ts';

const GROUPS = 4;
const DOCS = 60;
const TOTAL = DOCS * GROUPS;

/** A small deterministic generator (mulberry32), so that a failure can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A list as `group << 3 | fields` (the text bit always set), holding each group with probability `density`. */
function list(next: () => number, density: number): number[] {
  const packed: number[] = [];
  for (let group = 0; group < TOTAL; group++) if (next() < density) packed.push(group * 8 + (1 | (next() < 0.3 ? 2 : 0) | (next() < 0.15 ? 4 : 0)));
  return packed;
}

const sparse = (packed: number[]): ListView => ({ kind: 'sparse', packed: Uint32Array.from(packed) });
function bitmap(packed: number[]): ListView {
  const maps = [0, 1, 2].map(() => new Uint8Array(TOTAL / 8));
  for (const p of packed) {
    const [group, fields] = [p >>> 3, p & 7];
    for (const [m, bit] of [1, 2, 4].entries()) if (fields & bit) maps[m]![group >>> 3]! |= 1 << (group & 7);
  }
  return { kind: 'bitmap', any: maps[0]!, label: maps[1]!, title: maps[2]! };
}

/** What a word's pages are, worked out group by group with sets: the reading the index's lists must give, in whichever form. */
function reference(keys: number[][], wholes: number[][]) {
  const fieldsOf = keys.map((k) => new Map(k.map((p) => [p >>> 3, p & 7])));
  const wholeGroups = new Set(wholes.flat().map((p) => p >>> 3));
  const pages = new Map<number, { bound: number; groups: number; first: number; whole: boolean }>();
  for (let group = 0; group < TOTAL; group++) {
    if (!fieldsOf.every((m) => m.has(group))) continue;
    const all = fieldsOf.reduce((f, m) => f & m.get(group)!, 7);
    const bound = all & 4 ? 4 : all & 2 ? 2 : 1;
    const doc = Math.floor(group / GROUPS);
    const page = pages.get(doc) ?? { bound: 0, groups: 0, first: 0, whole: false };
    if (bound > page.bound) Object.assign(page, { bound, first: 1 << group % GROUPS });
    page.groups |= 1 << group % GROUPS;
    page.whole ||= wholeGroups.has(group);
    pages.set(doc, page);
  }
  return pages;
}

describe('candidates from posting lists', () => {
  it('read the same pages from a word’s lists in either form, and as worked out group by group', () => {
    const next = random(7);
    for (let trial = 0; trial < 40; trial++) {
      const keys = Array.from({ length: 1 + Math.floor(next() * 4) }, () => list(next, 0.3 + next() * 0.7));
      const wholes = Array.from({ length: Math.floor(next() * 3) }, () => list(next, next() * 0.3));
      const expected = reference(keys, wholes);
      const pick = (form: number) => (packed: number[], i: number) => (form === 0 ? sparse(packed) : form === 1 ? bitmap(packed) : i % 2 ? bitmap(packed) : sparse(packed));
      for (const form of [0, 1, 2]) {
        const found = wordPages(keys.map(pick(form)), wholes.map(pick(form)), GROUPS);
        const got = new Map([...found.docs].map((doc, i) => [doc, { bound: found.bound[i]!, groups: found.groups[i]!, first: found.first[i]!, whole: found.whole[i] === 1 }]));
        expect(got, `trial ${trial}, form ${form}`).toEqual(expected);
      }
    }
  });

  it('reads a list as the index writes it, a bitmap when that is shorter', () => {
    const dense = list(random(3), 0.9);
    const written = listView(encodePostings(dense, TOTAL), TOTAL);
    expect(written.kind).toBe('bitmap');
    expect(written).toEqual(bitmap(dense));
    const few = [5 * 8 + 1, 9 * 8 + 3, 200 * 8 + 5];
    expect(listView(encodePostings(few, TOTAL), TOTAL)).toEqual(sparse(few));
  });

  it('keeps the pages holding every word, best bound first, then whole blocks, then in page order', () => {
    const next = random(11);
    const words = Array.from({ length: 3 }, () => ({ keys: [list(next, 0.6), list(next, 0.8)], wholes: [list(next, 0.2)] }));
    const perWord = words.map((w) => wordPages(w.keys.map(bitmap), w.wholes.map(sparse), GROUPS));
    const references = words.map((w) => reference(w.keys, w.wholes));
    const expected = [...references[0]!.keys()]
      .filter((doc) => references.every((r) => r.has(doc)))
      .map((doc) => {
        const pages = references.map((r) => r.get(doc)!);
        return {
          doc,
          bound: pages.reduce((s, p) => s + p.bound, 0),
          groups: pages.reduce((g, p) => g | p.groups, 0),
          bounds: pages.map((p) => p.bound),
          first: pages.reduce((g, p) => g | p.first, 0),
          whole: pages.every((p) => p.whole),
        };
      })
      .sort((a, b) => b.bound - a.bound || Number(b.whole) - Number(a.whole) || a.doc - b.doc);
    expect(expected.length).toBeGreaterThan(5);
    const ranked = candidates(perWord);
    expect(ranked.slice()).toEqual(expected);
    expect(ranked.slice(2, 4)).toEqual(expected.slice(2, 4));
    expect(ranked.docs(3)).toEqual(expected.slice(3).map((c) => c.doc));
    expect(expected.map((_, r) => ranked.boundAt(r))).toEqual(expected.map((c) => c.bound));
    // Narrowed to the pages the chosen filters match, in the same order.
    expect(ranked.filter((doc) => doc % 2 === 0).slice()).toEqual(expected.filter((c) => c.doc % 2 === 0));
    expect(candidates([]).slice()).toEqual([]);
  });
});
