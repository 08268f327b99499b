import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { recordYaml } from '../../src/lib/import/record-files.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { urlFor } from '../../src/lib/records/filing-path.ts';
import { budgetVsFinalUrl, regionYearUrl } from '../../src/lib/site/urls.ts';
import { generateFiling, type SynthFiling } from '../../scripts/synth/generate-filing.ts';
import { Random } from '../../scripts/synth/random.ts';
import { DEPARTMENTS, REGIONS } from '../../scripts/synth/vocabulary.ts';

/**
 * A content tree for the region, department and 预算与决算 pages, which the
 * demo content (one filing per department) cannot show: one synthetic
 * department with three years of 预算, a second department and a second
 * county, and the real 普陀区财政局 2024 决算 beside a synthetic 预算 of the
 * same department and year.
 */
const PUTUO_FINAL = '上海市/普陀区/财政局/2024-决算';
const [LANGFANG] = REGIONS;
const [HRSS, CIVIL] = DEPARTMENTS;

function write(root: string, filing: SynthFiling, id = filing.id): void {
  for (const [path, text] of filing.files) {
    const file = join(root, id, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** A synthetic 预算 filed as 普陀区财政局's: its identity rewritten, its figures left as generated (they add up). */
function putuoBudget(): SynthFiling {
  const filing = generateFiling(new Random(41), { region: LANGFANG!, county: '永清县', department: HRSS!, year: 2024 }, 41);
  const declaration = parse(filing.files.get('filing.yaml')!) as Record<string, unknown>;
  declaration['title'] = '上海市普陀区财政局2024年部门预算（合成）';
  declaration['region'] = { province: '上海市', county: '普陀区' };
  declaration['department'] = { name: '上海市普陀区财政局', shortName: '财政局' };
  const files = new Map(filing.files);
  files.set('filing.yaml', recordYaml(declaration));
  return { id: '上海市/普陀区/财政局/2024-预算', files };
}

export interface ComparisonSite {
  /** Folder of the department with three years, below the content root. */
  departmentFolder: string;
  department: string;
  region: string;
  regionYear: string;
  budgetVsFinal: string;
  /** The department page of 普陀区财政局, which links to its 预算与决算. */
  putuoDepartment: string;
}

export function writeComparisonContent(root: string): ComparisonSite {
  const yongqing = (department: (typeof DEPARTMENTS)[number], year: number, county = '永清县') =>
    generateFiling(new Random(year * 1000 + Number(department.code) + county.length), { region: LANGFANG!, county, department, year }, 7);
  const trend = [2022, 2023, 2024].map((year) => yongqing(HRSS!, year));
  for (const filing of [...trend, yongqing(CIVIL!, 2024), yongqing(CIVIL!, 2024, '固安县'), putuoBudget()]) write(root, filing);
  cpSync(join(PROJECT_ROOT, 'content', 'filings', PUTUO_FINAL), join(root, PUTUO_FINAL), { recursive: true });
  const department = trend[0]!.id.split('/').slice(0, -1);
  const putuo = { region: { province: '上海市', county: '普陀区' }, department: { name: '上海市普陀区财政局', shortName: '财政局', units: [] } };
  return {
    departmentFolder: department.join('/'),
    department: urlFor(department),
    region: urlFor(department.slice(0, -1)),
    regionYear: regionYearUrl(department.slice(0, -2), 2024),
    budgetVsFinal: budgetVsFinalUrl(putuo, 2024),
    putuoDepartment: urlFor(['上海市', '普陀区', '财政局']),
  };
}
