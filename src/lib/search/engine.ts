import { DOCS_FILE, META_FILE, OWN_LISTS_FILE, VOCABULARY_FILE, bucketPath, fragmentPath, listPath, type IndexMeta } from './layout.ts';
import { decodeKeySet, hasKey } from './key-set.ts';
import { headingKey, isFigure, startKey, wholeKey, wordKeys } from './grams.ts';
import { plainTerm } from './suggest.ts';
import { hit, place, type Fragment, type Hit } from './fragment-check.ts';
import { listView, ByteReader, type ListView } from './postings.ts';
import { candidates, wordPages, type Candidate, type RankedCandidates } from './candidates.ts';
import { suggest } from './suggest.ts';

/**
 * The search over the static index (build-index.ts), for the page and for
 * tests alike: `load` fetches a file of the index by its path in it. The
 * index names the groups of units of each page (layout.ts GROUPS) that may
 * hold a word: every n-gram of the word is in the group (candidates, with
 * the fields the n-grams are in); each page shown is first checked against
 * the text of those groups alone (their fragments), which gives its rank,
 * its excerpt and the anchor of the part that holds the words.
 */
export type Load = (path: string) => Promise<Uint8Array>;
export type { Candidate, Fragment, Hit };

/** Pages whose fragments a one-word query fetches ahead (SearchIndex.fetchAhead): a first page of results (search-ui.ts). */
const FETCH_AHEAD = 10;

const textDecoder = new TextDecoder();

/**
 * A key's entry in a bucket file (u32 key, varint length, list; build-index.ts
 * listFiles): its list, null when the list has a file of its own, undefined
 * when no group holds the key. Read where it is, not into a Map of the
 * bucket's hundred-odd keys: a query wants one key of each bucket it fetches.
 */
function bucketEntry(bytes: Uint8Array, key: number): Uint8Array | null | undefined {
  const reader = new ByteReader(bytes);
  while (reader.at < bytes.length) {
    const found = reader.u32() === key;
    const length = reader.varint();
    if (found) return length === 0 ? null : bytes.subarray(reader.at, reader.at + length);
    reader.at += length;
  }
  return undefined;
}

/**
 * The file read for `key` once per page, kept in `files`; a read that fails
 * is forgotten, so that one failed request fails one search, not every later
 * search that needs the same file.
 */
function remembered<K, V>(files: Map<K, Promise<V>>, key: K, read: () => Promise<V>): Promise<V> {
  let found = files.get(key);
  if (found === undefined) {
    found = read();
    files.set(key, found);
    found.catch(() => {
      if (files.get(key) === found) files.delete(key);
    });
  }
  return found;
}

export class SearchIndex {
  private buckets = new Map<number, Promise<Uint8Array>>();
  /** Each key's list as read: a warm page's next query reuses the common words' lists (10–15 KB each) instead of fetching them again. */
  private lists = new Map<number, Promise<ListView>>();
  private fragments = new Map<number, Promise<Fragment>>();
  private readonly groups: number;
  private vocabulary: Promise<string[]> | null = null;

  /** The keys whose list has a file of its own, fetched without their bucket; none until OWN_LISTS_FILE has come. */
  private ownLists: Uint32Array = new Uint32Array(0);

  private constructor(
    private readonly load: Load,
    readonly meta: IndexMeta,
  ) {
    this.groups = meta.groups;
  }

  static async open(load: Load): Promise<SearchIndex> {
    // Not waited for (some 40 KB at 10,000 filings, a second on a slow phone line): until it comes, or if it cannot be read, a list is found through its bucket, as it always can be.
    const own = load(OWN_LISTS_FILE)
      .then(decodeKeySet)
      .catch((error: unknown) => {
        console.warn(`search index: ${OWN_LISTS_FILE} not read, lists are found through their buckets:`, error);
        return new Uint32Array(0);
      });
    const index = new SearchIndex(load, JSON.parse(textDecoder.decode(await load(META_FILE))) as IndexMeta);
    void own.then((keys) => (index.ownLists = keys));
    return index;
  }

  private bucket(n: number): Promise<Uint8Array> {
    return remembered(this.buckets, n, () => this.load(bucketPath(n)));
  }

  /** The postings of a key; empty when no group holds it. */
  private postings(key: number): Promise<ListView> {
    return remembered(this.lists, key, () => {
      const size = this.meta.docs * this.groups;
      return hasKey(this.ownLists, key)
        ? this.load(listPath(key)).then((bytes) => listView(bytes, size))
        : this.bucket(key % this.meta.buckets).then(async (bytes) => {
            const entry = bucketEntry(bytes, key);
            if (entry === undefined) return { kind: 'sparse', packed: new Uint32Array(0) };
            return listView(entry ?? (await this.load(listPath(key))), size);
          });
    });
  }

  /** Pages with a group holding each word's n-grams, best bound first, then those holding it as a whole block, then in page order. */
  async candidates(words: readonly string[], within?: ReadonlySet<number>): Promise<RankedCandidates> {
    const perWord = await Promise.all(
      words.map(async (word) => {
        const plain = plainTerm(word);
        const exact = isFigure(word) || plain === '' ? [] : [wholeKey(plain), ...startKey(plain)];
        const wholes = exact.map((key) => this.postings(key));
        const ahead = words.length === 1 && wholes.length > 0;
        // A list that cannot be read fails the search below, which says so; here it only means nothing is fetched ahead.
        if (ahead) void wholes[0]!.then((list) => this.fetchAhead(list, within), () => {});
        const heading = headingKey(word);
        const [lists, wholeLists, headingList] = await Promise.all([
          Promise.all(wordKeys(word).map((key) => this.postings(key))),
          Promise.all(wholes),
          heading === undefined ? undefined : this.postings(heading),
        ]);
        // A task's pause before the lists are intersected: Chromium sends the requests fetch() started only when the page's script lets it.
        if (ahead) await new Promise((resolve) => setTimeout(resolve, 0));
        return wordPages(lists, wholeLists, this.groups, headingList);
      }),
    );
    return candidates(perWord);
  }

  /**
   * Starts fetching the fragments of the first pages (in page order, among
   * `within`) that hold a one-word query as a whole block, as soon as that
   * list is in: they are most often the first candidates checked (the best
   * bound, and whole blocks first within it), and a common word's other
   * lists take a freshly opened page some 100 ms to intersect, a round trip
   * the fragments no longer wait for. Only warms the cache: what is checked,
   * and in what order, is as it would be.
   */
  private fetchAhead(list: ListView, within?: ReadonlySet<number>): void {
    let pages = 0;
    let last = -1;
    const fetch = (group: number): boolean => {
      const doc = Math.floor(group / this.groups);
      if (doc === last || (within && !within.has(doc))) return true;
      last = doc;
      // A fetch that fails is dropped from the cache by remembered(), whose handler also keeps it from being an unhandled rejection.
      void this.groupFragment(group);
      return ++pages < FETCH_AHEAD;
    };
    if (list.kind === 'sparse') {
      for (let i = 0; i < list.packed.length && fetch(list.packed[i]! >>> 3); i++);
      return;
    }
    for (let byte = 0; byte < list.any.length; byte++) {
      for (let bit = 0; list.any[byte]! >>> bit !== 0; bit++) if (list.any[byte]! & (1 << bit) && !fetch(byte * 8 + bit)) return;
    }
  }

  /** The head of a page and the units of the groups in `groups` (bits), in page order. */
  async fragment(doc: number, groups: number): Promise<Fragment> {
    const wanted: number[] = [];
    for (let g = 0; g < this.groups; g++) if (groups & (1 << g)) wanted.push(doc * this.groups + g);
    const parts = await Promise.all(wanted.map((n) => this.groupFragment(n)));
    return { ...parts[0]!, units: parts.flatMap((part) => part.units) };
  }

  private groupFragment(n: number): Promise<Fragment> {
    return remembered(this.fragments, n, () => this.load(fragmentPath(n)).then((bytes) => JSON.parse(textDecoder.decode(bytes)) as Fragment));
  }

  /**
   * The candidate checked against the text of its groups: null when some word
   * is not in it (its n-grams are, apart). The first group of each word's
   * bound is fetched first; when it holds every word at its bound, the page's
   * score and first place are known without the other groups. With `atOnce`,
   * every group is fetched in one round: for a page likely to need them all
   * (SearchRun.next).
   */
  async verify(candidate: Pick<Candidate, 'doc' | 'groups' | 'bounds' | 'first'>, words: readonly string[], atOnce = false): Promise<Hit | null> {
    const { doc } = candidate;
    if (!atOnce && candidate.first !== candidate.groups) {
      const firstFragment = await this.fragment(doc, candidate.first);
      const early = place(firstFragment, words);
      if (early !== null && early.fields.every((field, w) => field === candidate.bounds[w])) return hit(doc, firstFragment, early, words);
    }
    // Every group: fetched at once, or after the first, which left the page's answer open (those already fetched are kept).
    const fragment = await this.fragment(doc, candidate.groups);
    const found = place(fragment, words);
    return found === null ? null : hit(doc, fragment, found, words);
  }

  suggestions(query: string): Promise<string[]> {
    this.vocabulary ??= this.load(VOCABULARY_FILE).then((bytes) => JSON.parse(textDecoder.decode(bytes)) as string[]);
    return this.vocabulary.then((vocabulary) => suggest(query, vocabulary));
  }

  /** For tools: the filing id of each page number (docs.json, never fetched by the search page). */
  async ids(): Promise<string[]> {
    return JSON.parse(textDecoder.decode(await this.load(DOCS_FILE))) as string[];
  }
}
