import type { Decimal } from '../../src/lib/records/decimal.ts';
import type { StatedFigureKey } from '../../src/lib/records/schema/stated-figures.ts';
import type { Random } from './random.ts';
import { CHINESE_NUMERALS, GLOSSARY, PROSE_FRAGMENTS } from './vocabulary.ts';
import { amount, money } from './amounts.ts';
import type { Budget } from './budget.ts';
import type { SynthProject } from './project-forms.ts';
import type { SynthIdentity } from './generate-filing.ts';

/**
 * The 情况说明: the Markdown of each section (written to `files`), the
 * sections that place them, and the figures the text states, each quoting
 * the sentence it appears in.
 */
export function narrative(random: Random, who: SynthIdentity, deptName: string, budget: Budget, projects: SynthProject[], files: Map<string, string>) {
  const { department: dept, year } = who;
  const { basicTotal, publicShare, personnelTotal, vehicle, reception, threeTotal, projectTotal, grandTotal, carriedTotal, thisYear } = budget;
  const stated: Partial<Record<StatedFigureKey, { value: string; section: string; quote: string }>> = {};
  const state = (key: StatedFigureKey, section: string, value: Decimal, quote: string) => {
    stated[key] = { value: money(value), section, quote };
    return quote;
  };
  const duties = random.sample(dept.duties, random.int(2, dept.duties.length));
  files.set(
    'sections/duties.md',
    `根据《${deptName}职能配置、内设机构和人员编制规定》，${deptName}的主要职责是：\n\n${duties.map((d, i) => `（${CHINESE_NUMERALS[i]}）${d}。`).join('\n\n')}\n`,
  );
  const incomeSentence = state('income.total', 'overview', grandTotal, `${year}年预算收入${money(grandTotal)}万元`);
  const generalSentence = state('income.generalBudget', 'overview', thisYear, `一般公共预算收入${money(thisYear)}万元`);
  const carriedSentence = state('income.carriedOver', 'overview', carriedTotal, `上年结转结余${money(carriedTotal)}万元`);
  const expenditureSentence = state('expenditure.total', 'overview', grandTotal, `${year}年支出预算${money(grandTotal)}万元`);
  const basicSentence = state('expenditure.basic', 'overview', basicTotal, `其中基本支出${money(basicTotal)}万元`);
  const personnelSentence = state('expenditure.personnel', 'overview', personnelTotal, `人员经费${money(personnelTotal)}万元`);
  const publicSentence = state('expenditure.publicFunds', 'overview', publicShare, `日常公用经费${money(publicShare)}万元`);
  const projectSentence = state('expenditure.project', 'overview', projectTotal, `项目支出${money(projectTotal)}万元`);
  files.set(
    'sections/overview.md',
    [
      `按照预算管理有关规定，目前部门预算的编制实行综合预算管理，即全部收入和支出都反映在预算中。${deptName}机关及所属事业单位的收支包含在部门预算中。`,
      `1、收入说明\n\n反映本部门当年全部收入。${incomeSentence}，其中：${generalSentence}，基金预算收入0.00万元，国有资本经营预算收入0.00万元，财政专户核拨收入0.00万元，单位资金收入0.00万元，${carriedSentence}。`,
      `2、支出说明\n\n${expenditureSentence}，${basicSentence}，包括${personnelSentence}和${publicSentence}；${projectSentence}，主要为${projects
        .slice(0, 3)
        .map((p) => p.name)
        .join('、')}等。`,
      `3、比上年增减情况\n\n${year}年预算收支安排${money(grandTotal)}万元，较${year - 1}年预算${random.pick(['增加', '减少'])}${money(amount(random, 1, 900))}万元，主要原因是${random.pick(PROSE_FRAGMENTS)}。`,
    ].join('\n\n') + '\n',
  );
  files.set('sections/operating-costs.md', `${state('operatingCosts', 'operating-costs', publicShare, `${year}年，我部门机关运行经费共计安排${money(publicShare)}万元`)}，主要用于办公、水电、取暖、物业管理等日常运行支出。\n`);
  const threeQuote = state('threePublic.total', 'three-public', threeTotal, `${year}年，我部门财政拨款“三公”经费预算安排${money(threeTotal)}万元`);
  state('threePublic.vehicleOperation', 'three-public', vehicle, `公务用车运维费${money(vehicle)}万元`);
  state('threePublic.reception', 'three-public', reception, `公务接待费${money(reception)}万元`);
  files.set(
    'sections/three-public.md',
    `${threeQuote}，其中因公出国（境）费0.00万元；公务用车购置及运维费${money(vehicle)}万元（其中：公务用车购置费为0.00万元，公务用车运维费${money(vehicle)}万元）；公务接待费${money(reception)}万元。主要原因是${random.pick(PROSE_FRAGMENTS)}。\n`,
  );
  files.set('sections/overall-goals.md', `${random.shuffle(PROSE_FRAGMENTS).slice(0, 3).join('；')}。${duties.map((d) => `${d}。`).join('')}\n`);
  files.set('sections/procurement.md', random.chance(0.5) ? `${year}年本部门无政府采购预算。\n` : `${year}年本部门政府采购预算${money(amount(random, 1, 80))}万元，主要用于办公设备和服务采购。\n`);
  files.set('sections/assets.md', `截至${year - 1}年12月31日，本部门共有车辆${random.int(0, 6)}辆，单位价值50万元以上通用设备${random.int(0, 3)}台（套），单位价值100万元以上专用设备${random.int(0, 2)}台（套）。\n`);
  files.set('sections/other.md', random.chance(0.5) ? '无。\n' : `本部门${year}年无其他需要说明的事项。表中金额合计数与分项之和的尾差系四舍五入所致。\n`);

  const goals = random.sample(projects, Math.min(projects.length, random.int(3, 8))).map((p) => ({ title: p.name, target: p.goals[0]!.replace(/^1\. /, ''), indicators: [p.indicators[0]!.description] }));
  const sections = [
    { id: 'duties', number: '一', title: '部门职责及机构设置情况', blocks: [{ markdown: 'sections/duties.md' }, { table: 'organisation' }] },
    { id: 'overview', number: '二', title: '部门预算安排的总体情况', blocks: [{ markdown: 'sections/overview.md' }] },
    { id: 'operating-costs', number: '三', title: '机关运行经费安排情况', blocks: [{ markdown: 'sections/operating-costs.md' }] },
    { id: 'three-public', number: '四', title: '财政拨款“三公”经费预算情况及增减变化原因', blocks: [{ markdown: 'sections/three-public.md' }] },
    { id: 'overall-goals', number: '五', title: '部门整体绩效目标', blocks: [{ markdown: 'sections/overall-goals.md' }, { goals }] },
    { id: 'projects', number: '六', title: '部门项目预算安排情况及绩效目标', blocks: [{ projects: '*' }] },
    { id: 'procurement', number: '七', title: '政府采购预算情况', blocks: [{ markdown: 'sections/procurement.md' }] },
    { id: 'assets', number: '八', title: '国有资产信息', blocks: [{ markdown: 'sections/assets.md' }] },
    { id: 'glossary', number: '九', title: '名词解释', blocks: [{ glossary: random.sample(GLOSSARY, random.int(4, GLOSSARY.length)).map(([term, definition]) => ({ term, definition })) }] },
    { id: 'other', number: '十', title: '其他需要说明的事项', blocks: [{ markdown: 'sections/other.md' }] },
  ];
  return { stated, sections };
}
