import { createHash } from 'node:crypto';
import { filingId } from '../../src/lib/records/filing-path.ts';
import { INDICATORS_FILE, PROJECTS_FILE, indicatorsCsv, recordYaml, tableCsv } from '../../src/lib/import/record-files.ts';
import type { Random } from './random.ts';
import type { DepartmentKind, RegionEntry } from './vocabulary.ts';
import { drawBudget } from './budget.ts';
import { standardTables, type Row, type TableInput } from './standard-tables.ts';
import { projectForms } from './project-forms.ts';
import { narrative } from './narrative.ts';

/** Who and when: the identity of one synthetic filing. */
export interface SynthIdentity {
  region: RegionEntry;
  county: string;
  department: DepartmentKind;
  year: number;
}

/** A generated filing: its id (= folder below the content root) and its files by relative path. */
export interface SynthFiling {
  id: string;
  files: Map<string, string>;
}

/**
 * One synthetic filing whose nine tables agree with each other and add up
 * (so the checks pass), with 20–40 项目绩效目标表 and the usual 情况说明.
 */
export function generateFiling(random: Random, who: SynthIdentity, seed: number): SynthFiling {
  const { region, county, department: dept, year } = who;
  const deptName = `${county}${dept.shortName}`;
  const budget = drawBudget(random, who);

  const files = new Map<string, string>();
  const tables: TableInput[] = [];
  const addTable = (t: TableInput, rows: Row[]) => {
    tables.push(t);
    files.set(t.csv, tableCsv(t.columns, rows));
  };
  for (const { table, rows } of standardTables(budget)) addTable(table, rows);

  // 机构设置
  const units = [`${deptName}本级`, ...random.sample([`${county}${dept.shortName.replace(/局$/, '')}服务中心`, `${county}${dept.shortName.replace(/局$/, '')}事务所`, `${county}${dept.shortName.replace(/局$/, '')}综合执法大队`], random.int(0, 3))];
  addTable(
    {
      id: 'organisation',
      title: '部门机构设置情况',
      csv: 'tables/organisation.csv',
      columns: ['单位名称', '单位性质', '单位规格', '经费保障形式'].map((h) => ({ header: [h], type: 'text' as const })),
    },
    units.map((u, i) => [u, i === 0 ? '行政' : '事业', i === 0 ? '正科级' : random.pick(['副科级', '股级']), i === 0 ? '财政拨款' : random.pick(['财政拨款', '财政性资金基本保证'])]),
  );

  const projects = projectForms(random, who, budget.projectTotal);
  files.set(PROJECTS_FILE, recordYaml(projects.map(({ indicators: _, ...form }) => form)));
  files.set(INDICATORS_FILE, indicatorsCsv(projects));
  const { stated, sections } = narrative(random, who, deptName, budget, projects, files);

  const source = `合成数据：${deptName}${year}年部门预算（scripts/synth，seed ${seed}）。\n本文件不是公开文件，只用于性能测试。\n`;
  files.set('source/synthetic.txt', source);
  const identity = { region: { province: region.province, city: region.city, county }, department: { code: dept.code, name: deptName, shortName: dept.shortName, units: [] }, year, kind: '预算' as const };
  const declaration = {
    schemaVersion: 1,
    title: `${deptName}${year}年部门预算信息公开`,
    kind: identity.kind,
    year,
    region: identity.region,
    department: { code: dept.code, name: deptName, shortName: dept.shortName },
    sources: [{ file: 'source/synthetic.txt', title: `${deptName}${year}年部门预算（合成）`, format: 'synthetic', sha256: createHash('sha256').update(source).digest('hex'), origin: `scripts/synth 生成的合成数据，seed ${seed}，不是真实公开文件` }],
    tables,
    projects: PROJECTS_FILE,
    projectIndicators: INDICATORS_FILE,
    statedFigures: stated,
    sections,
  };
  files.set('filing.yaml', `# Synthetic filing for benchmarks (scripts/synth, seed ${seed}): invented figures.\n${recordYaml(declaration)}`);
  return { id: filingId(identity), files };
}
