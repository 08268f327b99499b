import { departmentId, regionPath } from '../records/filing-path.ts';
import type { FilingDeclaration } from '../records/schema/filing.ts';
import { departmentUrl, filingUrl } from './urls.ts';

export type FilingIdentity = Pick<FilingDeclaration, 'region' | 'department' | 'year' | 'kind'>;

export interface FilingLink<F extends FilingIdentity = FilingIdentity> {
  label: string;
  year: number;
  kind: FilingDeclaration['kind'];
  url: string;
  /** What the catalog was built from (a filing's summary on the site). */
  filing: F;
}

export interface DepartmentEntry<F extends FilingIdentity = FilingIdentity> {
  id: string;
  name: string;
  code: string | undefined;
  url: string;
  /** Newest first: a citizen usually wants this year's budget. */
  filings: FilingLink<F>[];
}

/** A region (省, 市, 县) with the departments filed directly under it and the regions below it. */
export interface RegionNode<F extends FilingIdentity = FilingIdentity> {
  name: string;
  segments: string[];
  departments: DepartmentEntry<F>[];
  children: RegionNode<F>[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

/** Regions → departments → filings, for the home page and the region pages. */
export function buildCatalog<F extends FilingIdentity>(filings: readonly F[]): RegionNode<F>[] {
  const root: RegionNode<F> = { name: '', segments: [], departments: [], children: [] };
  const departments = new Map<string, DepartmentEntry<F>>();
  for (const filing of filings) {
    let node = root;
    for (const name of regionPath(filing)) {
      let child = node.children.find((c) => c.name === name);
      if (!child) {
        child = { name, segments: [...node.segments, name], departments: [], children: [] };
        node.children.push(child);
      }
      node = child;
    }
    const id = departmentId(filing);
    let department = departments.get(id);
    if (!department) {
      department = { id, name: filing.department.name, code: filing.department.code, url: departmentUrl(filing), filings: [] };
      departments.set(id, department);
      node.departments.push(department);
    }
    department.filings.push({ label: `${filing.year}年${filing.kind}`, year: filing.year, kind: filing.kind, url: filingUrl(filing), filing });
  }
  const sort = (node: RegionNode<F>) => {
    node.children.sort(byName);
    node.departments.sort((a, b) => (a.code ?? a.name).localeCompare(b.code ?? b.name, 'zh-CN', { numeric: true }));
    for (const d of node.departments) d.filings.sort((a, b) => b.year - a.year || a.kind.localeCompare(b.kind, 'zh-CN'));
    node.children.forEach(sort);
  };
  sort(root);
  return root.children;
}

/** Every region node, depth first, for one page per region. */
export function allRegions<F extends FilingIdentity>(nodes: readonly RegionNode<F>[]): RegionNode<F>[] {
  return nodes.flatMap((n) => [n, ...allRegions(n.children)]);
}

/** Number of filings under a region, shown beside its name. */
export function filingCount(node: RegionNode<FilingIdentity>): number {
  return node.departments.reduce((n, d) => n + d.filings.length, 0) + node.children.reduce((n, c) => n + filingCount(c), 0);
}

/** Every department of a region and of the regions below it. */
export function departmentsBelow<F extends FilingIdentity>(node: RegionNode<F>): DepartmentEntry<F>[] {
  return [...node.departments, ...node.children.flatMap((c) => departmentsBelow(c))];
}

/** Every filing of a region and of the regions below it, of one year when `year` is given. */
export function filingsBelow<F extends FilingIdentity>(node: RegionNode<F>, year?: number): FilingLink<F>[] {
  return departmentsBelow(node).flatMap((d) => d.filings.filter((f) => year === undefined || f.year === year));
}

/** The years a region's filings cover, newest first, with how many filings and departments each has. */
export function regionYears(node: RegionNode<FilingIdentity>): { year: number; filings: number; departments: number }[] {
  const years = new Map<number, { filings: number; departments: Set<string> }>();
  for (const department of departmentsBelow(node)) {
    for (const f of department.filings) {
      let entry = years.get(f.year);
      if (!entry) years.set(f.year, (entry = { filings: 0, departments: new Set() }));
      entry.filings += 1;
      entry.departments.add(department.id);
    }
  }
  return [...years].sort((a, b) => b[0] - a[0]).map(([year, e]) => ({ year, filings: e.filings, departments: e.departments.size }));
}

/**
 * When a filing is usually published, to order the latest first: a 预算 at
 * the start of its year, a 决算 in the middle of the year after.
 */
const publishedAround = (f: Pick<FilingDeclaration, 'year' | 'kind'>) => (f.kind === '决算' ? f.year + 1.5 : f.year);

/** The `count` filings most recently published, by year and kind (a record holds no reliable date). */
export function latestFilings<F extends FilingIdentity>(nodes: readonly RegionNode<F>[], count: number): { department: DepartmentEntry<F>; link: FilingLink<F> }[] {
  const all = allRegions(nodes).flatMap((n) => n.departments.flatMap((department) => department.filings.map((link) => ({ department, link }))));
  all.sort((a, b) => publishedAround(b.link) - publishedAround(a.link) || a.department.id.localeCompare(b.department.id, 'zh-CN'));
  return all.slice(0, count);
}

/** A department's most recently published filing. */
export function latestFiling<F extends FilingIdentity>(department: DepartmentEntry<F>): FilingLink<F> | undefined {
  return [...department.filings].sort((a, b) => publishedAround(b) - publishedAround(a))[0];
}

/** Years in which a department published both its 预算 and its 决算, newest first: each has a side-by-side view. */
export function budgetAndFinalYears(department: DepartmentEntry<FilingIdentity>): number[] {
  const years = new Set(department.filings.filter((f) => f.kind === '预算').map((f) => f.year));
  return [...new Set(department.filings.filter((f) => f.kind === '决算' && years.has(f.year)).map((f) => f.year))];
}

/** 2019–2024年预算；2023年决算: the years a department published, each kind on its own, runs of years joined. */
export function yearsPublished(department: DepartmentEntry<FilingIdentity>): string {
  const kinds = (['预算', '决算'] as const).flatMap((kind) => {
    const years = department.filings.filter((f) => f.kind === kind).map((f) => f.year).sort((a, b) => a - b);
    return years.length === 0 ? [] : [`${runs(years)}年${kind}`];
  });
  return kinds.join('；');
}

function runs(years: number[]): string {
  const parts: string[] = [];
  let start = years[0]!;
  for (let i = 1; i <= years.length; i++) {
    if (years[i] === years[i - 1]! + 1) continue;
    const end = years[i - 1]!;
    parts.push(start === end ? `${start}` : `${start}–${end}`);
    start = years[i]!;
  }
  return parts.join('、');
}

/**
 * The pages of a route, unchanged, once no two share an address: a region
 * or department named like a year page (`2024年`) would otherwise replace
 * one page with another without a word.
 */
export function assertDistinctPaths<P extends { params: { path: string } }>(pages: P[]): P[] {
  const seen = new Set<string>();
  for (const page of pages) {
    if (seen.has(page.params.path)) throw new Error(`two pages of the portal would be written to /${page.params.path}/: rename the region or department whose folder is named like a page of the portal`);
    seen.add(page.params.path);
  }
  return pages;
}
