import { queryWords } from './grams.ts';
import type { SearchIndex } from './engine.ts';
import type { Hit } from './fragment-check.ts';
import type { RankedCandidates } from './candidates.ts';

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
    const candidates = await index.candidates(words, within);
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
