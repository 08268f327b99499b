import { SearchIndex, SearchRun, type Hit } from './engine.ts';
import { SEARCH_INDEX_DIR } from './index-location.ts';

/**
 * The search page's script, over the site's own static index (engine.ts).
 * Everything a result carries (titles, region and department names,
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

/** A file of the index under the base path; fragments are gzipped, and a server may have unzipped them already. */
function loader(base: string) {
  return async (path: string): Promise<Uint8Array> => {
    const response = await fetch(`${base}${SEARCH_INDEX_DIR}/${path}`);
    if (!response.ok) throw new Error(`search index: ${path}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes[0] !== GZIP[0] || bytes[1] !== GZIP[1]) return bytes;
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
}

/** A result's address: its filing page under the base path, at the part that holds the words. */
export function hitUrl(base: string, hit: Pick<Hit, 'anchor'> & { fragment: { id: string } }): string {
  return `${base}${hit.fragment.id}/${hit.anchor ? `#${hit.anchor}` : ''}`;
}

function resultItem(base: string, hit: Hit): HTMLLIElement {
  const item = el('li', 'pagefind-ui__result');
  const inner = item.appendChild(el('div', 'pagefind-ui__result-inner'));
  const title = inner.appendChild(el('p', 'pagefind-ui__result-title'));
  const { fragment } = hit;
  title.append(Object.assign(el('a', 'pagefind-ui__result-link', fragment.title), { href: hitUrl(base, hit) }));
  inner.append(el('p', 'gk-search__where', `${fragment.region.join(' ')} · ${fragment.department} · ${fragment.year}年${fragment.kind}`));
  const excerpt = inner.appendChild(el('p', 'pagefind-ui__result-excerpt'));
  for (const part of hit.excerpt) excerpt.append(part.marked ? el('mark', undefined, part.text) : document.createTextNode(part.text));
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
  /** Page numbers of the candidates not yet checked, in rank order (the bench maps them with docs.json). */
  rest: number[];
}

/**
 * Runs the search form inside `root` (search.astro): searches as the reader
 * types (and on Enter). Results come checked against each page's text; the
 * count and the 没有找到 are announced in the status line.
 */
export function mountSearch(root: HTMLElement): void {
  const base = root.dataset['base'] ?? '/';
  const input = part<HTMLInputElement>(root, 'input[type="search"]');
  const message = part<HTMLElement>(root, '.pagefind-ui__message');
  const list = part<HTMLOListElement>(root, '.pagefind-ui__results');
  const more = part<HTMLButtonElement>(root, '.pagefind-ui__button');
  const hints = part<HTMLElement>(root, '.gk-search__hints');
  root.hidden = false;
  const opening = SearchIndex.open(loader(base));
  opening.catch((error: unknown) => {
    message.textContent = '搜索暂时无法使用，请稍后再试，或从首页按地区和部门浏览。';
    console.error(error);
  });

  (globalThis as { gongkaiSearch?: (term: string) => Promise<Found> }).gongkaiSearch = async (term) => {
    const run = await SearchRun.start(await opening, term);
    const hits = await run.next(PAGE_SIZE);
    return { urls: hits.map((hit) => hitUrl(base, hit)), rest: run.unchecked.map((c) => c.doc) };
  };

  /** Each search supersedes the ones before it: a late answer to an older one is dropped. */
  let generation = 0;
  let current: SearchRun | null = null;

  const showMore = async (mine: number) => {
    if (current === null) return;
    const hits = await current.next(PAGE_SIZE);
    if (mine !== generation) return;
    list.append(...hits.map((hit) => resultItem(base, hit)));
    more.hidden = current.exhausted;
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
      const found = term ? await SearchRun.start(index, term) : null;
      if (mine !== generation) return;
      current = found;
      list.replaceChildren();
      hints.replaceChildren();
      more.hidden = true;
      if (found === null) {
        message.textContent = '';
        return;
      }
      const first = await found.next(PAGE_SIZE);
      if (mine !== generation) return;
      if (first.length === 0) {
        message.textContent = `没有找到“${term}”的相关结果`;
        const terms = await index.suggestions(term);
        if (mine === generation && terms.length > 0) hints.append(suggestionLine(terms));
        return;
      }
      const count = found.candidates.length - found.rejected;
      message.textContent = `找到 ${count} 个“${term}”的相关结果`;
      list.append(...first.map((hit) => resultItem(base, hit)));
      more.hidden = found.exhausted;
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
  more.addEventListener('click', () => void showMore(generation));

  const query = new URLSearchParams(location.search).get('q');
  if (query) input.value = query;
  // A query in the address, or words typed before the script ran.
  if (input.value.trim()) void run();
}
