import { DOCS_FILE, META_FILE, OWN_LISTS_FILE, VOCABULARY_FILE, bucketPath, fragmentPath, listPath, type IndexMeta } from './layout.ts';
import { decodeKeySet, hasKey } from './key-set.ts';
import { isFigure, startKey, wholeKey, wordKeys, queryWords } from './grams.ts';
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
    const own = load(OWN_LISTS_FILE);
    const index = new SearchIndex(load, JSON.parse(textDecoder.decode(await load(META_FILE))) as IndexMeta);
    // Not waited for (some 40 KB at 10,000 filings, a second on a slow phone line): until it comes, or if it cannot, a list is found through its bucket, as it always can be.
    own.then(
      (bytes) => (index.ownLists = decodeKeySet(bytes)),
      (error: unknown) => console.warn(`search index: ${OWN_LISTS_FILE} not read, lists are found through their buckets:`, error),
    );
    return index;
  }

  private bucket(n: number): Promise<Uint8Array> {
    let found = this.buckets.get(n);
    if (found === undefined) {
      found = this.load(bucketPath(n));
      this.buckets.set(n, found);
    }
    return found;
  }

  /** The postings of a key; empty when no group holds it. */
  private postings(key: number): Promise<ListView> {
    let found = this.lists.get(key);
    if (found === undefined) {
      const size = this.meta.docs * this.groups;
      found = hasKey(this.ownLists, key)
        ? this.load(listPath(key)).then((bytes) => listView(bytes, size))
        : this.bucket(key % this.meta.buckets).then(async (bytes) => {
            const entry = bucketEntry(bytes, key);
            if (entry === undefined) return { kind: 'sparse', packed: new Uint32Array(0) };
            return listView(entry ?? (await this.load(listPath(key))), size);
          });
      this.lists.set(key, found);
    }
    return found;
  }

  /** Pages with a group holding each word's n-grams, best bound first, then those holding it as a whole block, then in page order. */
  async candidates(words: readonly string[]): Promise<RankedCandidates> {
    const perWord = await Promise.all(
      words.map(async (word) => {
        const plain = plainTerm(word);
        const exact = isFigure(word) || plain === '' ? [] : [wholeKey(plain), ...startKey(plain)];
        const [lists, wholes] = await Promise.all([Promise.all(wordKeys(word).map((key) => this.postings(key))), Promise.all(exact.map((key) => this.postings(key)))]);
        return wordPages(lists, wholes, this.groups);
      }),
    );
    return candidates(perWord);
  }

  /** The head of a page and the units of the groups in `groups` (bits), in page order. */
  async fragment(doc: number, groups: number): Promise<Fragment> {
    const wanted: number[] = [];
    for (let g = 0; g < this.groups; g++) if (groups & (1 << g)) wanted.push(doc * this.groups + g);
    const parts = await Promise.all(wanted.map((n) => this.groupFragment(n)));
    return { ...parts[0]!, units: parts.flatMap((part) => part.units) };
  }

  private groupFragment(n: number): Promise<Fragment> {
    let found = this.fragments.get(n);
    if (found === undefined) {
      found = this.load(fragmentPath(n)).then((bytes) => JSON.parse(textDecoder.decode(bytes)) as Fragment);
      this.fragments.set(n, found);
    }
    return found;
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

/**
 * Candidates checked, per result asked for, before the best checked are
 * shown though unchecked ones might outrank them. A bound comes from n-grams
 * and can promise more than the text holds: 经费预算安 has its 3-grams in the
 * headings of every page (bound: a label) but is only in their prose, and
 * proving that no page ranks higher would mean fetching all 10,000 pages'
 * text before showing one. Beyond this budget the unchecked come in later
 * pages, at their rank among those.
 */
const CHECKS_PER_PAGE = 3;

/**
 * Candidates checked, per result asked for, before what was found is shown
 * though fewer than asked for: a word whose n-grams are on every page and
 * the word on few or none (行政运行支, typed on the way to 行政运行支出)
 * would otherwise fetch every page's text, 10,000 of them, before showing
 * anything. The rest are checked when more are asked for.
 */
const MOST_CHECKS_PER_PAGE = 10;

/**
 * One query's results, checked as they are asked for: `next(n)` gives n more
 * pages that hold every word, in rank order as far as CHECKS_PER_PAGE × n
 * checks can tell (a page is shown once no unchecked candidate could outrank
 * it, or once that many candidates have been checked), or fewer when
 * MOST_CHECKS_PER_PAGE × n checks found fewer (`exhausted` says whether any
 * candidate is left).
 */
export class SearchRun {
  readonly words: string[];
  private checked: Hit[] = [];
  private shown = 0;
  private at = 0;
  rejected = 0;

  private constructor(
    private readonly index: SearchIndex,
    query: string,
    readonly candidates: RankedCandidates,
  ) {
    this.words = queryWords(query);
  }

  /** A search for `query`, among the pages in `within` when given (those the chosen filters match). */
  static async start(index: SearchIndex, query: string, within?: ReadonlySet<number>): Promise<SearchRun> {
    const words = queryWords(query);
    const candidates = await index.candidates(words);
    return new SearchRun(index, query, within ? candidates.filter((doc) => within.has(doc)) : candidates);
  }

  /** Pages not shown yet that may hold every word: those checked (in rank order), then the unchecked candidates. */
  get pending(): number[] {
    return [...this.checked.slice(this.shown).map((hit) => hit.doc), ...this.candidates.docs(this.at)];
  }

  get exhausted(): boolean {
    return this.at >= this.candidates.length && this.shown >= this.checked.length;
  }

  async next(count: number): Promise<Hit[]> {
    const from = this.at;
    const ready = () => {
      const waiting = this.checked.length - this.shown;
      if (this.at >= this.candidates.length || this.at - from >= MOST_CHECKS_PER_PAGE * count) return true;
      if (waiting < count) return false;
      return this.checked[this.shown + count - 1]!.score >= this.candidates.boundAt(this.at) || this.at - from >= CHECKS_PER_PAGE * count;
    };
    while (!ready()) {
      // Checking a candidate fetches a group's fragment or two (about 1.4 KB each): after a first batch of a page, which is
      // enough for most queries, batches of twice a page in parallel save round trips where many candidates fail their check,
      // and when no more than four pages' worth are left, they are checked at once: a query with fewer true pages than a
      // page of results checks them all anyway.
      const left = this.candidates.length - this.at;
      const size = Math.min(this.at === 0 ? Math.max(count, 4) : left <= 4 * count ? left : 2 * count, MOST_CHECKS_PER_PAGE * count - (this.at - from));
      const batch = this.candidates.slice(this.at, this.at + size);
      // After the first batch, what is checked is mostly what the first failed to settle: each page's groups are fetched at once.
      const eager = this.at > 0;
      this.at += batch.length;
      const hits = await Promise.all(batch.map((c) => this.index.verify(c, this.words, eager)));
      for (const hit of hits) {
        if (hit === null) this.rejected++;
        else this.checked.push(hit);
      }
      const rest = this.checked.slice(this.shown).sort((a, b) => b.score - a.score || a.doc - b.doc);
      this.checked.splice(this.shown, rest.length, ...rest);
    }
    const out = this.checked.slice(this.shown, this.shown + count);
    this.shown += out.length;
    return out;
  }
}
