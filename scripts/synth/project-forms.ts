import { Decimal } from '../../src/lib/records/decimal.ts';
import type { Random } from './random.ts';
import {
  BENEFIT_INDICATORS,
  CHINESE_NUMERALS,
  PROJECT_PREFIXES,
  PROJECT_SUFFIXES,
  PROSE_FRAGMENTS,
  QUALITY_INDICATORS,
  QUANTITY_INDICATORS,
  SATISFACTION_INDICATORS,
  TIMELINESS_INDICATORS,
} from './vocabulary.ts';
import { money, split } from './amounts.ts';
import type { SynthIdentity } from './generate-filing.ts';

export type SynthProject = ReturnType<typeof projectForms>[number];

/** 20–40 项目绩效目标表 with their indicators, sharing out `projectTotal`. */
export function projectForms(random: Random, who: SynthIdentity, projectTotal: Decimal) {
  const { region, county, department: dept, year } = who;
  const prefix = county.replace(/(县|区|市|回族自治县|满族自治县)$/, '').slice(0, 2);
  const projectCount = random.int(20, 40);
  const projectBudgets = split(random, projectTotal.isZero() ? new Decimal(projectCount) : projectTotal, projectCount);
  const documentNo = (n: number) => `${prefix}财${random.pick(['社', '预', '农', '教', '行'])}【${year - 1}】${n}号`;
  const codes = new Set<string>();
  const topicOrder = random.shuffle(dept.topics);
  const projects = projectBudgets.map((budget, i) => {
    const topic = topicOrder[i % topicOrder.length]!;
    const round = Math.floor(i / topicOrder.length);
    const name = `${random.pick(PROJECT_PREFIXES)}${dept.shortName.replace(/(局|办公室|分局)$/, '')}${topic}${random.pick(PROJECT_SUFFIXES)}${round > 0 ? `（${CHINESE_NUMERALS[round]}期）` : ''}`;
    let code: string;
    do code = `${region.code.slice(0, 4)}${String(random.int(10, 99))}${String(year).slice(2)}P${dept.code.padStart(6, '0')}${String(random.int(100000, 999999))}`;
    while (codes.has(code));
    codes.add(code);
    const basis = documentNo(random.int(1, 120));
    const [quantity, unitWord] = random.pick(QUANTITY_INDICATORS);
    const indicators = [
      { level1: '产出指标', level2: '数量指标', level3: quantity, description: quantity, value: `≥${random.int(10, 5000)}${unitWord}`, basis },
      ...[random.pick(QUALITY_INDICATORS)].map((quality) => ({ level1: '产出指标', level2: '质量指标', level3: quality, description: quality, value: `≥${random.int(85, 100)}%`, basis })),
      ...(random.chance(0.8) ? [{ level1: '产出指标', level2: '时效指标', level3: random.pick(TIMELINESS_INDICATORS), description: '按计划完成', value: random.pick(['12月底', '10月底', '≥95%']), basis }] : []),
      { level1: '产出指标', level2: '成本指标', level3: '总成本', description: '总成本', value: `≤${money(budget)}万元`, basis },
      ...random.sample(BENEFIT_INDICATORS, random.int(1, 3)).map(([level2, level3]) => ({ level1: '效益指标', level2, level3, description: `${level3}，${random.pick(PROSE_FRAGMENTS)}`, value: random.pick(['有效', '明显提升', '持续改善', '长期']), basis: '年度工作计划' })),
      { level1: '满意度指标', level2: '服务对象满意度指标', level3: random.pick(SATISFACTION_INDICATORS), description: '满意度调查', value: `≥${random.int(85, 98)}%`, basis: '调查问卷' },
    ];
    const half = budget.times(random.int(20, 60)).dividedToIntegerBy(100);
    return {
      number: i + 1,
      title: `${name}绩效目标表`,
      name,
      code,
      budget: { total: money(budget), fiscal: money(budget), other: null },
      purpose: `${topic}，${random.pick(PROSE_FRAGMENTS)}`,
      spendingPlan: [
        { period: '3月底', amount: null },
        { period: '6月底', amount: random.chance(0.4) ? money(half) : null },
        { period: '10月底', amount: null },
        { period: '12月底', amount: money(budget) },
      ],
      goals: [`1. ${topic}按时足额落实，${random.pick(PROSE_FRAGMENTS)}`],
      indicators,
    };
  });
  return projects;
}
