import type { ColumnType } from '../records/schema/table.ts';
import { indicatorColumns, indicatorKeyColumns } from '../records/schema/project.ts';
import type { PublicProject } from './filing-schema.ts';

/**
 * The 项目绩效目标表 of a filing as two tables, in the shape of the filing's
 * other tables (`columns` + `rows` of strings), so they are written, zipped
 * and described in the data package like any table: one row per project
 * form, and one row per indicator naming its project.
 */
export interface CsvTable {
  columns: { header: string[]; type: ColumnType }[];
  rows: string[][];
}

const text = (...header: string[]) => ({ header, type: 'text' as const });
const seq = (...header: string[]) => ({ header, type: 'seq' as const });
const amount = (...header: string[]) => ({ header, type: 'amount' as const });

/** Values in the order they first appear: the periods of a spending plan, the labels of facts. */
function firstSeen(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

/**
 * One row per project form. The fixed columns come first; then, as the
 * page prints them, one 资金支出计划（%） column per period found in the
 * filing and one column per labelled fact (项目信息/主管部门 …).
 */
export function projectsTable(projects: readonly PublicProject[]): CsvTable {
  const periods = firstSeen(projects.map((p) => p.spendingPlan.map((s) => s.period)));
  const facts = firstSeen(projects.map((p) => Object.keys(p.facts)));
  const columns = [
    text(indicatorKeyColumns.group),
    seq(indicatorKeyColumns.number),
    text('表名'),
    text('项目名称'),
    text('项目编码'),
    text('单位'),
    amount('预算规模', '预算数'),
    amount('预算规模', '其中：财政资金'),
    amount('预算规模', '其他资金'),
    text('资金用途'),
    text('绩效目标'),
    // As the source prints it: the header says （%） while the cells hold the amounts (filing-view.ts).
    ...periods.map((period) => ({ header: ['资金支出计划（%）', period], type: 'number' as const })),
    ...facts.map((label) => text('项目信息', label)),
  ];
  const rows = projects.map((p) => [
    p.group ?? '',
    String(p.number),
    p.title,
    p.name,
    p.code ?? '',
    p.unit,
    p.budget?.total ?? '',
    p.budget?.fiscal ?? '',
    p.budget?.other ?? '',
    p.purpose ?? '',
    p.goals.join('\n'),
    ...periods.map((period) => p.spendingPlan.find((s) => s.period === period)?.amount ?? ''),
    ...facts.map((label) => p.facts[label] ?? ''),
  ]);
  return { columns, rows };
}

const indicatorFields = Object.entries(indicatorColumns) as [keyof typeof indicatorColumns, string][];

/** Every indicator row of every project, each naming its project by 项目分组, 项目序号 and 项目名称; every indicator column, used or not. */
export function indicatorsTable(projects: readonly PublicProject[]): CsvTable {
  const columns = [text(indicatorKeyColumns.group), seq(indicatorKeyColumns.number), text('项目名称'), ...indicatorFields.map(([, label]) => text(label))];
  const rows = projects.flatMap((p) => p.indicators.map((i) => [p.group ?? '', String(p.number), p.name, ...indicatorFields.map(([key]) => i[key] ?? '')]));
  return { columns, rows };
}
