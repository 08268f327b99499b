import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateFiling, type SynthIdentity } from './generate-filing.ts';
import { Random } from './random.ts';
import { DEPARTMENTS, REGIONS } from './vocabulary.ts';

/** Eleven years: the vocabulary then allows 11,088 department-years, past the 10,000 filings the benchmarks build. */
const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

/** Every region × department × year the vocabulary allows, in a seed-dependent order. */
function identities(random: Random): SynthIdentity[] {
  const all: SynthIdentity[] = [];
  for (const region of REGIONS) for (const county of region.counties) for (const department of DEPARTMENTS) for (const year of YEARS) all.push({ region, county, department, year });
  return random.shuffle(all);
}

/**
 * A department-year without the department's code: the checks treat two
 * filings of the same region, department name, year and kind as duplicates
 * whatever their codes, so that is what must not collide with a real filing.
 */
function departmentYear(id: string): string {
  const segments = id.split('/');
  return segments.map((s, i) => (i === segments.length - 2 ? s.replace(/^\d+-/, '') : s)).join('/');
}

/**
 * Write `count` synthetic filings below `contentRoot`, skipping the
 * department-years of the ids in `exclude` (the real filings they are built
 * beside). Deterministic from `seed`. Returns the ids written.
 */
export function writeSyntheticFilings(contentRoot: string, count: number, seed: number, exclude: ReadonlySet<string> = new Set()): string[] {
  const random = new Random(seed);
  const taken = new Set([...exclude].map(departmentYear));
  const written: string[] = [];
  for (const [index, who] of identities(random).entries()) {
    if (written.length === count) break;
    const filing = generateFiling(random.fork(index + 1), who, seed);
    if (taken.has(departmentYear(filing.id))) continue;
    for (const [path, text] of filing.files) {
      const file = join(contentRoot, filing.id, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    written.push(filing.id);
  }
  if (written.length < count) throw new Error(`the vocabulary allows ${written.length} distinct department-years, ${count} were asked for`);
  return written;
}
