import type { FilingKind } from '../records/schema/filing.ts';
import type { Block } from './blocks.ts';
import { isDirectCounty, isPseudoCity, placeName, regionMentions, regionPrefix, samePlace, type Place } from './divisions.ts';
import { compact, headerText } from './text.ts';
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

/**
 * `<部门> 2024 年(度)部门预算(信息公开|绩效文本)`; the suffix is kept as printed.
 * The department keeps the spaces before the year (headerText trims them):
 * a `\s*` after a lazy `.*?` rescans a long run of spaces from each of its characters.
 */
const TITLE = /^(.*?)((?:19|20)\d{2})\s*年\s*(度\s*)?部门\s*(预算|决算)\s*((?:信息)?公开|绩效文本)?/;
/** `2024年永清县人力资源和社会保障局部门预算…`: the year before the department (never `度` itself, as in `2024年度部门决算`). */
const YEAR_FIRST = /^((?:19|20)\d{2})\s*年\s*(度\s*)?(?!度)(\S.*?)部门\s*(预算|决算)\s*((?:信息)?公开|绩效文本)?/;
/** The department named by a label: `编制单位：上海市普陀区财政局`, `编制部门：805霸州市…`. */
const LABEL = /^(?:编制单位|编制部门|部门名称)\s*[:：]\s*(?:\d{3,}\s*)?(\S.*)$/;
const LABEL_CELL = /^(?:编制单位|编制部门|部门名称)\s*[:：]?$/;
/** A part heading in front of a title: `第二部分 上海市普陀区财政局2024年度部门决算表`. */
const PART = /^第[一二三四五六七八九十\d]+部分/;

/**
 * A name that is one folder and one page-address segment: no separators, no
 * `.`/`..`, nothing invisible; the record schema's place-name rule.
 */
const SEGMENT = /^[^\s/\\%#?\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u202a-\u202e\u2066-\u2069]{1,100}$/u;
const SEGMENT_RULE = 'a name of at most 100 characters without spaces, / \\ % # ?, control or invisible characters, and not . or ..';

function isSegment(name: string): boolean {
  return SEGMENT.test(name) && !/^\.+$/.test(name);
}

function texts(blocks: readonly Block[]): { text: string; line: number }[] {
  return blocks.filter((b) => b.kind === 'text').map((b) => ({ text: b.text.trim(), line: b.line }));
}

/** The department a 编制单位/编制部门/部门名称 line or cell names, for a title that names none. */
function labelledDepartment(blocks: readonly Block[]): string | undefined {
  for (const b of blocks) {
    const rows = b.kind === 'text' ? [[b.text]] : b.rows.map((r) => r.cells);
    for (const cells of rows) {
      for (const [i, cell] of cells.entries()) {
        const value = LABEL.exec(cell.trim())?.[1] ?? (LABEL_CELL.test(cell.trim()) ? cells[i + 1]?.trim() : undefined);
        // The label may share its line with the unit: `编制单位：…局    单位：万元`.
        const name = value?.split(/\t|\s{2,}|\s*(?:金额)?单位\s*[:：]/)[0]!.trim();
        if (name) return headerText(name);
      }
    }
  }
  return undefined;
}

/** The region of a department named `name`: from its name, else from the first county the document names with its province or city. */
function findRegion(file: string, name: string, line: number, document: string): Place {
  const prefix = regionPrefix(name);
  if (prefix?.places.length === 1) return prefix.places[0]!;
  const mentions = regionMentions(document);
  if (!prefix) {
    const first = mentions.counties[0];
    if (first) return first;
    throw new ImportError(file, line, `cannot tell the region of "${name}": the document names no county or district of the division table; pass --region 省/市/县`);
  }
  // A county name several places share (朝阳区): the one whose province and county, or city and county, the document names; else the one whose province or city it names.
  const qualified = prefix.places.filter((p) => mentions.counties.some((c) => samePlace(c, p)));
  const named = prefix.places.filter((p) => mentions.named.has(p.province) || (p.city !== undefined && mentions.named.has(p.city)));
  const chosen = qualified.length > 0 ? qualified : named;
  if (chosen.length === 1) return chosen[0]!;
  const county = prefix.places[0]!.county!;
  throw new ImportError(
    file,
    line,
    `cannot tell the region of "${name}": ${county} is ${(chosen.length > 1 ? chosen : prefix.places).map(placeName).join(' or ')}, and the document does not say which; pass --region 省/市/县`,
  );
}

/** `--region 省/市/县`, or 省/县 for a county with no city above it (上海市/普陀区). */
function regionOverride(file: string, parts: readonly string[]): Place {
  for (const part of parts) {
    if (!isSegment(part)) throw new ImportError(file, undefined, `--region: "${part}" is not a place name: expected ${SEGMENT_RULE}`);
    if (isPseudoCity(part)) throw new ImportError(file, undefined, `--region: "${part}" is no place name: give a county with no city above it as 省/县, e.g. 上海市/普陀区`);
  }
  const [province, city, county] = parts;
  if (!province || parts.length > 3) throw new ImportError(file, undefined, '--region needs a province, a city and a county at most, e.g. 河北省/廊坊市/永清县 or 上海市/普陀区');
  if (city && !county && isDirectCounty(province, city)) return { province, county: city };
  return { province, ...(city ? { city } : {}), ...(county ? { county } : {}) };
}

function stripRegion(name: string, region: Place): string {
  let short = name;
  for (const part of [region.province, region.city, region.county]) if (part && short.startsWith(part)) short = short.slice(part.length);
  return short.trim() || name;
}

/**
 * Department, year, kind and region as the document states them: from its
 * title line (`永清县人力资源和社会保障局 2024 年部门预算信息公开…`,
 * `2024年度上海市普陀区财政局部门决算`), or for a title that names no
 * department (`2024年度部门决算`) from a 编制单位 line or the line above; the
 * department code from the `316 永清县…` line printed over its tables; the
 * region from the name's prefix or the document's text, through the national
 * division list. `regionOverrideParts` (`--region`) replaces the region.
 */
export function readIdentity(file: string, blocks: readonly Block[], regionOverrideParts?: string[]): Identity {
  const lines = texts(blocks);
  let found: { name: string; year: number; kind: FilingKind; line: number; title: string; text: string } | null = null;
  for (const [i, { text, line }] of lines.entries()) {
    const clean = text.replace(/^\[bookmark:[^\]]*\]/, '').trim();
    const yearFirst = YEAR_FIRST.exec(clean);
    const m = yearFirst ? [yearFirst[0], yearFirst[3]!, yearFirst[1]!, yearFirst[2], yearFirst[4]!, yearFirst[5]] : TITLE.exec(clean);
    if (!m) continue;
    let name = headerText(m[1]!.replace(PART, ''));
    if (name === '' || /目录$/.test(name)) {
      if (/目录/.test(clean)) continue;
      const named = labelledDepartment(blocks) ?? lines[i - 1]?.text.trim();
      if (!named) continue;
      name = headerText(named);
    }
    const title = `${name}${m[2]}年${m[3] ? '度' : ''}部门${m[4]}${m[5] ?? (/绩效/.test(clean) ? '绩效文本' : '')}`;
    found = { name, year: Number(m[2]), kind: m[4] as FilingKind, line, title, text: clean };
    break;
  }
  if (!found) throw new ImportError(file, undefined, 'no title line naming the department, the year and 部门预算/部门决算 was found');

  // The code's digits are taken whole (`(?=(…))\1` gives none back): a long run of digits is no code, and tried with each shorter code it cost a scan of the line per digit.
  const unitLine = /^(?:编制部门[：:]\s*)?(?=(\d{3,}))\1\s*(\S.*(?:局|中心|处|所|院|室|站|委员会|办公室|部|队|馆|校))$/;
  const units = new Map<string, string>();
  let code: string | undefined;
  const cells = blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.trim())) : []));
  for (const text of [...lines.map((l) => l.text), ...cells]) {
    const m = unitLine.exec(text);
    if (!m) continue;
    if (compact(m[2]!) === compact(found.name)) code = m[1]!;
    else units.set(m[1]!, m[2]!.trim());
  }

  const document = compact(blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.map((r) => r.cells.join('')).join(''))).join('\n'));
  const region = { ...(regionOverrideParts ? regionOverride(file, regionOverrideParts) : findRegion(file, found.name, found.line, document)) };
  const shortName = stripRegion(found.name, region);
  if (!isSegment(shortName)) throw new ImportError(file, found.line, `the department "${shortName}" read from "${found.text}" cannot name a folder and a page: expected ${SEGMENT_RULE}`);

  return {
    title: found.title,
    kind: found.kind,
    year: found.year,
    region,
    department: {
      ...(code ? { code } : {}),
      name: found.name,
      shortName,
      units: [...units].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => ({ code: c, name: n })),
    },
    line: found.line,
  };
}
