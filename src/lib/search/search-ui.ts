import { excerptPieces } from './excerpt.ts';

/**
 * The search page's script, on Pagefind's browser API. Everything a result
 * or a filter carries (titles, department and region names, excerpts) is a
 * record's text, and reaches the page as text: elements are made here and
 * filled through textContent, never through HTML. Pagefind's bundled UI put
 * filter values in with innerHTML, so a department name carrying markup ran
 * in every visitor's browser on any search.
 *
 * The elements keep the class names of that UI (pagefind-ui__result …),
 * so that selectors written for it still apply.
 */

/** The parts of Pagefind's API (`pagefind/pagefind.js` under the site's base path) this page uses. */
interface Pagefind {
  options(options: { excerptLength?: number; baseUrl?: string }): Promise<void>;
  mergeIndex(bundlePath: string, options?: { baseUrl?: string }): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string, options: { filters: Record<string, string[]> }): Promise<SearchResponse>;
}
/** Filter → value → number of pages. */
type FilterCounts = Record<string, Record<string, number>>;
interface SearchResponse {
  results: { data(): Promise<ResultData> }[];
  filters: FilterCounts;
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: SubResult[];
}
interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}

const PAGE_SIZE = 5;
const SUB_RESULTS = 3;
const DEBOUNCE_MS = 300;
/** Filters in the order a reader narrows a search; any other follows. */
const FILTER_ORDER = ['地区', '部门', '年度', '类型'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A result's address as Pagefind gives it, only when it leads to a page of this site. */
function sameSiteHref(url: string): string | null {
  try {
    return new URL(url, location.href).origin === location.origin ? url : null;
  } catch {
    return null;
  }
}

function titleLine(text: string, url: string): HTMLParagraphElement {
  const line = el('p', 'pagefind-ui__result-title');
  const href = sameSiteHref(url);
  if (href === null) line.textContent = text;
  else line.append(Object.assign(el('a', 'pagefind-ui__result-link', text), { href }));
  return line;
}

function excerptLine(html: string): HTMLParagraphElement {
  const line = el('p', 'pagefind-ui__result-excerpt');
  for (const piece of excerptPieces(html)) line.append(piece.marked ? el('mark', undefined, piece.text) : document.createTextNode(piece.text));
  return line;
}

/** At most `limit` headings of a page, those with the most words found, in page order (as Pagefind's UI chose them). */
function thin(subs: SubResult[], limit: number): SubResult[] {
  if (subs.length <= limit) return subs;
  const top = new Set([...subs].sort((a, b) => b.locations.length - a.locations.length).slice(0, limit));
  return subs.filter((s) => top.has(s));
}

function resultItem(data: ResultData): HTMLLIElement {
  const item = el('li', 'pagefind-ui__result');
  const inner = item.appendChild(el('div', 'pagefind-ui__result-inner'));
  inner.append(titleLine(data.meta['title'] || data.url, data.url));
  const subs = data.sub_results ?? [];
  const rootFirst = subs[0]?.url === data.url;
  if (rootFirst || subs.length === 0) inner.append(excerptLine(data.excerpt));
  for (const sub of thin(rootFirst ? subs.slice(1) : subs, SUB_RESULTS)) {
    const nested = inner.appendChild(el('div', 'pagefind-ui__result-nested'));
    nested.append(titleLine(sub.title, sub.url), excerptLine(sub.excerpt));
  }
  return item;
}

interface FilterBox {
  filter: string;
  value: string;
  input: HTMLInputElement;
  label: HTMLLabelElement;
}

/** The filter panel: one group per filter, a checkbox per value, each labelled with its count. */
function filterPanel(panel: HTMLFieldSetElement, counts: FilterCounts): FilterBox[] {
  const boxes: FilterBox[] = [];
  const names = Object.keys(counts).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'));
  names.forEach((filter, f) => {
    const block = panel.appendChild(el('details', 'pagefind-ui__filter-block'));
    block.append(el('summary', 'pagefind-ui__filter-name', filter));
    const group = block.appendChild(el('fieldset', 'pagefind-ui__filter-group'));
    group.append(el('legend', 'gk-visually-hidden', filter));
    Object.keys(counts[filter]!)
      .sort((a, b) => a.localeCompare(b, 'zh-CN'))
      .forEach((value, v) => {
        const row = group.appendChild(el('div', 'pagefind-ui__filter-value'));
        const input = Object.assign(el('input', 'pagefind-ui__filter-checkbox'), { type: 'checkbox', id: `gk-filter-${f}-${v}`, name: filter, value });
        const label = Object.assign(el('label', 'pagefind-ui__filter-label'), { htmlFor: input.id });
        row.append(input, label);
        boxes.push({ filter, value, input, label });
      });
  });
  panel.hidden = names.length === 0;
  return boxes;
}

const rank = (filter: string) => {
  const i = FILTER_ORDER.indexOf(filter);
  return i < 0 ? FILTER_ORDER.length : i;
};

function showCounts(boxes: FilterBox[], counts: FilterCounts): void {
  for (const box of boxes) box.label.textContent = `${box.value} (${counts[box.filter]?.[box.value] ?? 0})`;
}

function selectedFilters(boxes: FilterBox[]): Record<string, string[]> {
  const selected: Record<string, string[]> = {};
  for (const box of boxes) if (box.input.checked) (selected[box.filter] ??= []).push(box.value);
  return selected;
}

function part<T extends Element>(root: HTMLElement, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`the search page has no ${selector}`);
  return found;
}

interface Loaded {
  pagefind: Pagefind;
  boxes: FilterBox[];
  /** Counts over all pages, shown while nothing is searched. */
  totals: FilterCounts;
}

/**
 * Where the site is mounted (`/`, `/yjsgk/` …) and Pagefind's bundle in it,
 * as the page was built (search.astro). Pagefind indexed the built folder, so
 * the pages it finds and the further bundles are paths inside the site: both
 * are placed under the base path here.
 */
function mount(root: HTMLElement): { base: string; bundle: string; further: string[] } {
  const base = root.dataset['base'] ?? '/';
  const further = (JSON.parse(root.dataset['mergeBundles'] ?? '[]') as string[]).map((path) => `${base}${path.replace(/^\/+/, '')}`);
  return { base, bundle: root.dataset['pagefind'] ?? `${base}pagefind/`, further };
}

/** Pagefind with every further bundle the build listed in `data-merge-bundles`, and the filter panel. */
async function load(root: HTMLElement, panel: HTMLFieldSetElement): Promise<Loaded> {
  const { base, bundle, further } = mount(root);
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  await pagefind.options({ excerptLength: 30, baseUrl: base });
  for (const bundlePath of further) await pagefind.mergeIndex(bundlePath, { baseUrl: base });
  const totals = await pagefind.filters();
  const boxes = filterPanel(panel, totals);
  showCounts(boxes, totals);
  return { pagefind, boxes, totals };
}

/**
 * Runs the search form inside `root` (search.astro): searches as the reader
 * types, narrowed by the checked filters. What is typed before Pagefind has
 * loaded is searched once it has.
 */
export function mountSearch(root: HTMLElement): void {
  const input = part<HTMLInputElement>(root, 'input[type="search"]');
  const panel = part<HTMLFieldSetElement>(root, '.pagefind-ui__filter-panel');
  const message = part<HTMLElement>(root, '.pagefind-ui__message');
  const list = part<HTMLOListElement>(root, '.pagefind-ui__results');
  const more = part<HTMLButtonElement>(root, '.pagefind-ui__button');
  root.hidden = false;
  const loading = load(root, panel).catch((error: unknown) => {
    message.textContent = '搜索暂时无法使用，请稍后再试，或从首页按地区和部门浏览。';
    console.error(error);
    return null;
  });

  /** Each search supersedes the ones before it: a late answer to an older one is dropped. */
  let generation = 0;
  let results: SearchResponse['results'] = [];
  let shown = 0;

  const showMore = async (mine: number) => {
    const next = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(next.map((r) => r.data()));
    if (mine !== generation) return;
    list.append(...data.map(resultItem));
    shown += next.length;
    more.hidden = shown >= results.length;
  };

  const done = (mine: number) => {
    if (mine === generation) list.removeAttribute('aria-busy');
  };
  const run = async () => {
    const mine = ++generation;
    list.setAttribute('aria-busy', 'true');
    const term = input.value.trim();
    const url = new URL(location.href);
    if (term) url.searchParams.set('q', term);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    const loaded = await loading;
    if (loaded === null || mine !== generation) return done(mine);
    const { pagefind, boxes, totals } = loaded;
    if (!term) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      message.textContent = '';
      showCounts(boxes, totals);
      return done(mine);
    }
    const response = await pagefind.search(term, { filters: selectedFilters(boxes) });
    if (mine !== generation) return;
    results = response.results;
    shown = 0;
    list.replaceChildren();
    showCounts(boxes, response.filters);
    message.textContent = results.length === 0 ? `未找到“${term}”的相关结果` : `找到 ${results.length} 个“${term}”的相关结果`;
    await showMore(mine);
    done(mine);
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
  panel.addEventListener('change', () => void run());
  more.addEventListener('click', () => void showMore(generation));

  const query = new URLSearchParams(location.search).get('q');
  if (query) input.value = query;
  // A query in the address, or words typed before the script ran.
  if (input.value.trim()) void run();
}
