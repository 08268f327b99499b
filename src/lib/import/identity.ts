import type { FilingKind } from '../records/schema/filing.ts';
import type { Block } from './blocks.ts';
import { HEBEI, HEBEI_DIVISIONS } from './hebei-divisions.ts';
import { compact } from './text.ts';
import { ImportError } from './report.ts';

export interface Identity {
  title: string;
  kind: FilingKind;
  year: number;
  region: { province: string; city?: string; county?: string };
  department: { code?: string; name: string; shortName: string; units: { code?: string; name: string }[] };
  /** Line of the title the identity was read from. */
  line: number;
}

const TITLE = /^(.*?)\s*((?:19|20)\d{2})\s*年\s*(?:度\s*)?部门\s*(预算|决算)/;
/** `2024年永清县人力资源和社会保障局部门预算…`: the year before the department. */
const YEAR_FIRST = /^((?:19|20)\d{2})\s*年\s*(?:度\s*)?(\S.*?)\s*部门\s*(预算|决算)/;

function texts(blocks: readonly Block[]): { text: string; line: number }[] {
  return blocks.filter((b) => b.kind === 'text').map((b) => ({ text: b.text.trim(), line: b.line }));
}

/** Find city and county-level unit named at the start of `name` or anywhere in the document. */
function findRegion(name: string, document: string): Identity['region'] | null {
  const candidates: { city: string; county: string; at: number }[] = [];
  for (const [city, counties] of Object.entries(HEBEI_DIVISIONS)) {
    for (const county of counties) {
      const cityName = compact(name).startsWith(city) ? compact(name).slice(city.length) : compact(name);
      if (cityName.startsWith(county)) return { province: HEBEI, city, county };
      const at = document.indexOf(`${city}${county}`);
      if (at >= 0) candidates.push({ city, county, at });
    }
  }
  candidates.sort((a, b) => a.at - b.at);
  const first = candidates[0];
  return first ? { province: HEBEI, city: first.city, county: first.county } : null;
}

function stripRegion(name: string, region: Identity['region']): string {
  let short = name;
  for (const part of [region.province, region.city, region.county]) if (part && short.startsWith(part)) short = short.slice(part.length);
  return short.trim() || name;
}

/**
 * Department, year, kind and region as the document states them: from its
 * title line (`永清县人力资源和社会保障局 2024 年部门预算信息公开…`, or the
 * line above a title that names no department), the department code from
 * the `316 永清县…` line printed over its tables, and the region from the
 * division table. `regionOverride` replaces the region (province/city/county).
 */
export function readIdentity(file: string, blocks: readonly Block[], regionOverride?: string[]): Identity {
  const lines = texts(blocks);
  let found: { name: string; year: number; kind: FilingKind; line: number; title: string } | null = null;
  for (const [i, { text, line }] of lines.entries()) {
    const clean = text.replace(/^\[bookmark:[^\]]*\]/, '').trim();
    const yearFirst = YEAR_FIRST.exec(clean);
    const m = yearFirst ? [yearFirst[0], yearFirst[2]!, yearFirst[1]!, yearFirst[3]!] : TITLE.exec(clean);
    if (!m) continue;
    let name = m[1]!.trim();
    if (name === '' || /目录$/.test(name)) {
      const above = lines[i - 1];
      if (!above || /目录/.test(clean)) continue;
      name = above.text.trim();
    }
    found = { name, year: Number(m[2]), kind: m[3] as FilingKind, line, title: `${name}${m[2]}年部门${m[3]}${/绩效/.test(clean) ? '绩效文本' : '信息公开'}` };
    break;
  }
  if (!found) throw new ImportError(file, undefined, 'no title line naming the department, the year and 部门预算/部门决算 was found');

  const unitLine = /^(?:编制部门[：:]\s*)?(\d{3,})\s*(\S.*(?:局|中心|处|所|院|室|站|委员会|办公室|部|队|馆|校))$/;
  const units = new Map<string, string>();
  let code: string | undefined;
  const cells = blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.trim())) : []));
  for (const text of [...lines.map((l) => l.text), ...cells]) {
    const m = unitLine.exec(text);
    if (!m) continue;
    if (compact(m[2]!) === compact(found.name)) code = m[1]!;
    else units.set(m[1]!, m[2]!.trim());
  }

  const document = blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.map((r) => r.cells.join('')).join(''))).join('\n');
  let region: Identity['region'] | null;
  if (regionOverride) {
    const [province, city, county] = regionOverride;
    if (!province) throw new ImportError(file, undefined, '--region needs at least a province, e.g. 河北省/廊坊市/永清县');
    region = { province, ...(city ? { city } : {}), ...(county ? { county } : {}) };
  } else region = findRegion(found.name, compact(document));
  if (!region) throw new ImportError(file, found.line, `cannot tell the region of "${found.name}": the document names no county or district of the division table; pass --region 省/市/县`);

  return {
    title: found.title,
    kind: found.kind,
    year: found.year,
    region,
    department: {
      ...(code ? { code } : {}),
      name: found.name,
      shortName: stripRegion(found.name, region),
      units: [...units].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => ({ code: c, name: n })),
    },
    line: found.line,
  };
}
