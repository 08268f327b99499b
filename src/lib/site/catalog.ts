import { departmentId, regionPath } from '../records/filing-path.ts';
import type { FilingDeclaration } from '../records/schema/filing.ts';
import { departmentUrl, filingUrl } from './urls.ts';

export interface FilingLink {
  label: string;
  year: number;
  kind: FilingDeclaration['kind'];
  url: string;
}

export interface DepartmentEntry {
  id: string;
  name: string;
  code: string | undefined;
  url: string;
  /** Newest first: a citizen usually wants this year's budget. */
  filings: FilingLink[];
}

/** A region (省, 市, 县) with the departments filed directly under it and the regions below it. */
export interface RegionNode {
  name: string;
  segments: string[];
  departments: DepartmentEntry[];
  children: RegionNode[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

/** Regions → departments → filings, for the home page and the region pages. */
export function buildCatalog(filings: readonly Pick<FilingDeclaration, 'region' | 'department' | 'year' | 'kind'>[]): RegionNode[] {
  const root: RegionNode = { name: '', segments: [], departments: [], children: [] };
  const departments = new Map<string, DepartmentEntry>();
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
    department.filings.push({ label: `${filing.year}年${filing.kind}`, year: filing.year, kind: filing.kind, url: filingUrl(filing) });
  }
  const sort = (node: RegionNode) => {
    node.children.sort(byName);
    node.departments.sort((a, b) => (a.code ?? a.name).localeCompare(b.code ?? b.name, 'zh-CN', { numeric: true }));
    for (const d of node.departments) d.filings.sort((a, b) => b.year - a.year || a.kind.localeCompare(b.kind, 'zh-CN'));
    node.children.forEach(sort);
  };
  sort(root);
  return root.children;
}

/** Every region node, depth first, for one page per region. */
export function allRegions(nodes: readonly RegionNode[]): RegionNode[] {
  return nodes.flatMap((n) => [n, ...allRegions(n.children)]);
}

/** Number of filings under a region, shown beside its name. */
export function filingCount(node: RegionNode): number {
  return node.departments.reduce((n, d) => n + d.filings.length, 0) + node.children.reduce((n, c) => n + filingCount(c), 0);
}
