import { FILTERS, PAGE_IDS_FILE, pageIdKey, type FilterMeta } from './filters.ts';

/**
 * The search page's filters (地区, 年度, 类型), on Pagefind's browser API over
 * one record per filing (integrations/pagefind.ts). Pagefind is loaded only
 * when a reader opens a filter: a search without filters fetches nothing of
 * it. Values and counts come from `filters()`; the filings a choice matches
 * from `search(null, { filters })`, as page numbers of the site's own index
 * (through PAGE_IDS_FILE), which the page intersects with its results.
 * Values are record text: they reach the page through textContent only.
 */

/** The parts of Pagefind's API (`pagefind.js` of the bundle) this uses. */
interface Pagefind {
  options(options: { baseUrl?: string }): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: null, options: { filters: Record<string, { any: string[] }> }): Promise<{ results: PagefindResult[] }>;
}
interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; meta: Partial<FilterMeta> }>;
}

/** A filing a choice of filters matches: its page number in the own index, and its record (title, region …) when it is listed. */
export interface Matched {
  page: number;
  data: PagefindResult['data'];
}

export class FilterPanel {
  private loading: Promise<{ pagefind: Pagefind; pages: Promise<Map<string, number>> }> | null = null;

  constructor(
    private readonly panel: HTMLElement,
    private readonly bundle: string,
    private readonly base: string,
  ) {
    for (const block of panel.querySelectorAll<HTMLDetailsElement>('details[data-filter]')) {
      block.addEventListener('toggle', () => {
        if (block.open) void this.load().catch((error: unknown) => this.failed(error));
      });
    }
  }

  /** The values checked, by filter; empty when none is. */
  selected(): Record<string, string[]> {
    const chosen: Record<string, string[]> = {};
    for (const box of this.panel.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) (chosen[box.name] ??= []).push(box.value);
    return chosen;
  }

  /** The filings the checked values match (any value of a filter, every filter), in page order; null when nothing is checked. */
  async matching(): Promise<Matched[] | null> {
    const chosen = this.selected();
    if (Object.keys(chosen).length === 0) return null;
    const { pagefind, pages } = await this.load();
    const filters = Object.fromEntries(Object.entries(chosen).map(([name, values]) => [name, { any: values }]));
    const [response, byId] = await Promise.all([pagefind.search(null, { filters }), pages]);
    const found: Matched[] = [];
    for (const result of response.results) {
      const page = byId.get(pageIdKey(result.id));
      if (page === undefined) throw new Error(`filters: Pagefind result ${result.id} is no page of the search index`);
      found.push({ page, data: () => result.data() });
    }
    return found.sort((a, b) => a.page - b.page);
  }

  private load() {
    this.loading ??= (async () => {
      const pagefind = (await import(/* @vite-ignore */ `${this.bundle}pagefind.js`)) as Pagefind;
      await pagefind.options({ baseUrl: this.base });
      this.fill(await pagefind.filters());
      const pages = fetch(`${this.bundle}${PAGE_IDS_FILE}`)
        .then((response) => {
          if (!response.ok) throw new Error(`filters: ${PAGE_IDS_FILE}: HTTP ${response.status}`);
          return response.json() as Promise<string[]>;
        })
        .then((ids) => new Map(ids.map((id, page) => [id, page])));
      return { pagefind, pages };
    })();
    return this.loading;
  }

  /** A checkbox per value of each filter, labelled with the number of filings that have it. */
  private fill(counts: Record<string, Record<string, number>>): void {
    FILTERS.forEach((name, f) => {
      const group = this.panel.querySelector<HTMLFieldSetElement>(`details[data-filter="${name}"] fieldset`);
      if (!group) throw new Error(`the search page has no filter ${name}`);
      const values = Object.entries(counts[name] ?? {});
      // Years newest first; names in the order of their pinyin.
      values.sort(([a], [b]) => (name === '年度' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')));
      const rows = values.map(([value, count], v) => {
        const row = document.createElement('div');
        row.className = 'pagefind-ui__filter-value';
        const input = Object.assign(document.createElement('input'), { type: 'checkbox', className: 'pagefind-ui__filter-checkbox', id: `gk-filter-${f}-${v}`, name, value });
        const label = Object.assign(document.createElement('label'), { className: 'pagefind-ui__filter-label', htmlFor: input.id, textContent: `${value} (${count})` });
        row.append(input, label);
        return row;
      });
      group.querySelector('.gk-search__filter-status')?.remove();
      group.append(...rows);
    });
  }

  private failed(error: unknown): void {
    for (const status of this.panel.querySelectorAll('.gk-search__filter-status')) status.textContent = '筛选暂时无法使用。';
    console.error(error);
  }
}
