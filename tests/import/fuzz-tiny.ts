import { strToU8 } from 'fflate';
import type { Mutant } from './fuzz-mutations.ts';
import type { Rng } from './fuzz-random.ts';

/**
 * Lines of a budget document's structure (titles, a 目录, units, headers,
 * 栏次, totals, rows in the three text forms, projects, a 名词解释): a few of
 * them in any order make the short and half-made documents a web team
 * uploads by mistake, a six-line document among them.
 */
const LINES = [
  '香河县人力资源和社会保障局2024年部门预算信息公开',
  '2024年度部门决算',
  '编制单位：香河县人力资源和社会保障局',
  '目录',
  '部门预算收支总表\t1',
  '一、部门职责及机构设置情况',
  '部门预算收支总表',
  '部门预算支出总表',
  '收入支出决算总表',
  '单位：万元',
  '402 香河县人力资源和社会保障局',
  '序号\t项目\t合计',
  '序号\t功能分类科目\t\t合计\t基本支出\t项目支出',
  '\t科目编码\t科目名称\t\t\t',
  '栏次\t1\t2',
  '栏次\t1\t2\t3\t4\t5',
  '1\t合计\t2.34',
  '1\t\t合计\t25332.93\t1439.55\t23893.38',
  '2\t208\t社会保障和就业支出\t24901.46\t1324.63\t23576.83',
  '合计\t\t',
  '\t',
  '\t序号',
  '\t项目',
  '| 序号 | 项目 | 合计 |',
  '|---|---|---|',
  '| 1 | 合计 | 2.34 |',
  '注：本表无数据',
  '1、项目支出绩效目标表',
  '项目名称\t就业补助',
  '绩效目标：做好就业',
  '十、名词解释',
  '1、财政拨款收入：指本级财政当年拨付的资金。',
  '第一部分 部门概况',
  '',
];

/** One to eight lines drawn from the structure of a budget document. */
export function tinyDocument(rng: Rng): Mutant {
  const lines = Array.from({ length: rng.between(1, 8) }, () => rng.pick(LINES));
  return { bytes: strToU8(lines.join('\n')), steps: [`a document of ${lines.length} line(s): ${JSON.stringify(lines)}`] };
}
