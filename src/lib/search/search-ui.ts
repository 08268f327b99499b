import { gunzipSync } from 'fflate';
import { SearchIndex, type Hit } from './engine.ts';
import { SearchRun } from './search-run.ts';
import { FilterPanel, type Matched } from './filter-panel.ts';
import { SEARCH_INDEX_DIR } from './index-location.ts';
import type { ExcerptPart } from './match.ts';

/**
 * The search page's script, over the site's own static index (engine.ts),
 * narrowed by the filters Pagefind serves (filter-panel.ts). Everything a result carries (titles, region and department names,
 * excerpts) is a record's text and reaches the page as text: elements are
 * made here and filled through textContent, never through HTML. The
 * elements keep the class names of Pagefind's UI (pagefind-ui__result …),
 * so that selectors written for it still apply.
 */
const PAGE_SIZE = 10;
const DEBOUNCE_MS = 150;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

const GZIP = [0x1f, 0x8b];

/**
 * A file of the index under the base path; fragments are gzipped, and a
 * server may have unzipped them already. Unzipped where they arrive, in one
 * call: a DecompressionStream per fragment (Blob, streams, Response) cost a
 * freshly opened page about a millisecond each, and a query checks dozens.
 */
function loader(base: string) {
  return async (path: string): Promise<Uint8Array> => {
    const response = await fetch(`${base}${SEARCH_INDEX_DIR}/${path}`);
    if (!response.ok) throw new Error(`search index: ${path}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes[0] === GZIP[0] && bytes[1] === GZIP[1] ? gunzipSync(bytes) : bytes;
  };
}

/** A result's address: its filing page under the base path, at the part that holds the words. */
export function hitUrl(base: string, hit: Pick<Hit, 'anchor'> & { fragment: { id: string } }): string {
  return `${base}${hit.fragment.id}/${hit.anchor ? `#${hit.anchor}` : ''}`;
}

/** One result as the list shows it: a filing, where it is, and (for a search) the words found, marked. */
interface Item {
  href: string;
  title: string;
  where: string;
  excerpt: ExcerptPart[];
}

/** The results of one search or choice of filters, given as they are asked for. */
interface Results {
  next(count: number): Promise<Item[]>;
  readonly exhausted: boolean;
}

const where = (region: string, department: string, year: string | number, kind: string) => `${region} · ${department} · ${year}年${kind}`;

function hitItem(base: string, hit: Hit): Item {
  const { fragment } = hit;
  return { href: hitUrl(base, hit), title: fragment.title, where: where(fragment.region.join(' '), fragment.department, fragment.year, fragment.kind), excerpt: hit.excerpt };
}

function searchResults(base: string, run: SearchRun): Results {
  return {
    next: async (count) => (await run.next(count)).map((hit) => hitItem(base, hit)),
    get exhausted() {
      return run.exhausted;
    },
  };
}

/** The filings a choice of filters matches, without a query: listed in page (id) order, from Pagefind's records. */
function listedResults(matched: readonly Matched[]): Results {
  let shown = 0;
  return {
    next: async (count) => {
      const data = await Promise.all(matched.slice(shown, shown + count).map((m) => m.data()));
      shown += data.length;
      return data.map(({ url, meta }) => ({ href: url, title: meta.title ?? url, where: where(meta.region ?? '', meta.department ?? '', meta.year ?? '', meta.kind ?? ''), excerpt: [] }));
    },
    get exhausted() {
      return shown >= matched.length;
    },
  };
}

function resultItem(result: Item): HTMLLIElement {
  const item = el('li', 'pagefind-ui__result');
  const inner = item.appendChild(el('div', 'pagefind-ui__result-inner'));
  const title = inner.appendChild(el('p', 'pagefind-ui__result-title'));
  title.append(Object.assign(el('a', 'pagefind-ui__result-link', result.title), { href: result.href }));
  inner.append(el('p', 'gk-search__where', result.where));
  if (result.excerpt.length > 0) {
    const excerpt = inner.appendChild(el('p', 'pagefind-ui__result-excerpt'));
    for (const part of result.excerpt) excerpt.append(part.marked ? el('mark', undefined, part.text) : document.createTextNode(part.text));
  }
  return item;
}

function part<T extends Element>(root: HTMLElement, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`the search page has no ${selector}`);
  return found;
}

/** Links that search again for each suggested term. */
function suggestionLine(terms: readonly string[]): HTMLParagraphElement {
  const line = el('p', 'gk-search__suggestions', '您是不是要找：');
  terms.forEach((term, i) => {
    const url = new URL(location.href);
    url.searchParams.set('q', term);
    line.append(Object.assign(el('a', undefined, term), { href: url.href }));
    if (i < terms.length - 1) line.append('、');
  });
  return line;
}

interface Found {
  urls: string[];
  /**
   * Page numbers of the other pages that may hold the words: checked but not
   * shown, then unchecked (the bench maps them with docs.json). A function,
   * called once the bench has taken the time: listing 10,000 candidates is
   * the bench's work, not what a reader waits for.
   */
  rest: () => number[];
}

/**
 * Runs the search form inside `root` (search.astro): searches as the reader
 * types (and on Enter, and when a filter is checked), among the filings the
 * checked filters match; with filters and no words, lists those filings.
 * Results come checked against each page's text; the count and the 没有找到
 * are announced in the status line.
 */
export function mountSearch(root: HTMLElement): void {
  const base = root.dataset['base'] ?? '/';
  const input = part<HTMLInputElement>(root, 'input[type="search"]');
  const message = part<HTMLElement>(root, '.pagefind-ui__message');
  const list = part<HTMLOListElement>(root, '.pagefind-ui__results');
  const more = part<HTMLButtonElement>(root, '.pagefind-ui__button');
  const hints = part<HTMLElement>(root, '.gk-search__hints');
  const filters = new FilterPanel(part<HTMLElement>(root, '.pagefind-ui__filter-panel'), root.dataset['pagefind'] ?? `${base}pagefind/`, base);
  root.hidden = false;
  const opening = SearchIndex.open(loader(base));
  opening.catch((error: unknown) => {
    message.textContent = '搜索暂时无法使用，请稍后再试，或从首页按地区和部门浏览。';
    console.error(error);
  });

  (globalThis as { gongkaiSearch?: (term: string) => Promise<Found> }).gongkaiSearch = async (term) => {
    const run = await SearchRun.start(await opening, term);
    const hits = await run.next(PAGE_SIZE);
    return { urls: hits.map((hit) => hitUrl(base, hit)), rest: () => run.pending };
  };

  /** Each search supersedes the ones before it: a late answer to an older one is dropped. */
  let generation = 0;
  let current: Results | null = null;

  /** Says what the list holds: set after each page of results. */
  let tell = () => {};

  const showMore = async (mine: number) => {
    if (current === null) return;
    const items = await current.next(PAGE_SIZE);
    if (mine !== generation) return;
    list.append(...items.map(resultItem));
    more.hidden = current.exhausted;
    tell();
  };

  const run = async () => {
    const mine = ++generation;
    list.setAttribute('aria-busy', 'true');
    const term = input.value.trim();
    const url = new URL(location.href);
    if (term) url.searchParams.set('q', term);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    try {
      const index = await opening;
      const matched = await filters.matching();
      const found = term ? await SearchRun.start(index, term, matched ? new Set(matched.map((m) => m.page)) : undefined) : null;
      if (mine !== generation) return;
      current = found ? searchResults(base, found) : matched ? listedResults(matched) : null;
      list.replaceChildren();
      hints.replaceChildren();
      more.hidden = true;
      if (current === null) {
        message.textContent = '';
        return;
      }
      const results = current;
      /** Pages that may hold the words: checked and found, or not checked yet. */
      const possible = () => found!.candidates.length - found!.rejected;
      tell = () => {
        if (list.childElementCount > 0) message.textContent = found ? `找到 ${possible()} 个“${term}”的相关结果` : `符合所选条件的公开文件共 ${matched!.length} 份`;
        // Many pages hold the word's pieces and those checked so far do not hold the word: the rest are checked on request.
        else if (!results.exhausted) message.textContent = `已核对的文件中没有找到“${term}”，还有 ${possible()} 份文件可能包含它`;
        else message.textContent = term ? `没有找到“${term}”的相关结果${matched ? '（在所选范围内）' : ''}` : '没有符合所选条件的公开文件';
      };
      const first = await results.next(PAGE_SIZE);
      if (mine !== generation) return;
      list.append(...first.map(resultItem));
      more.hidden = results.exhausted;
      tell();
      if (first.length === 0 && results.exhausted) {
        const terms = term && !matched ? await index.suggestions(term) : [];
        if (mine === generation && terms.length > 0) hints.append(suggestionLine(terms));
      }
    } catch (error) {
      if (mine === generation) message.textContent = '搜索暂时无法使用，请稍后再试，或从首页按地区和部门浏览。';
      console.error(error);
    } finally {
      if (mine === generation) list.removeAttribute('aria-busy');
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  part<HTMLFormElement>(root, 'form').addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  // A filter checked or unchecked searches again at once, as Enter does.
  part<HTMLElement>(root, '.pagefind-ui__filter-panel').addEventListener('change', () => {
    clearTimeout(timer);
    void run();
  });
  more.addEventListener('click', () => void showMore(generation));

  const query = new URLSearchParams(location.search).get('q');
  if (query) input.value = query;
  // A query in the address, or words typed before the script ran.
  if (input.value.trim()) void run();
}
