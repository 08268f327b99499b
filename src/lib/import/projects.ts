import type { Indicator } from '../records/schema/project.ts';
import type { TableRow } from './blocks.ts';
import type { ImportReport } from './report.ts';
import { compact, cellText, numericCell } from './text.ts';

export interface ProjectDraft {
  number: number;
  title: string;
  name: string;
  code?: string;
  unit: string;
  group?: string;
  facts: Record<string, string>;
  budget?: { total: string | null; fiscal: string | null; other: string | null };
  purpose?: string;
  spendingPlan: { period: string; amount: string | null }[];
  goals: string[];
  indicators: Indicator[];
  /** Source line of the title, and the source tables' rows, for the report and the benchmark. */
  line: number;
}

/** `1、…绩效目标表`: a project table's title; it starts at a character that is not a space, so the spaces before it are never rescanned as part of it. */
export const PROJECT_TITLE = /^(\d+)\s*[、.．]\s*(\S.*?(?:绩效目标表|绩效目标申报表|项目支出绩效目标表))\s*$/;

const PERIOD = /^(\d{1,2}月(?:底|末|份))$/;
const PERIOD_AMOUNT = /^(\d{1,2}月(?:底|末|份))(-?\d+(?:\.\d+)?)$/;

const INDICATOR_FIELDS: [RegExp, keyof Indicator][] = [
  [/^一级指标$/, 'level1'],
  [/^二级指标$/, 'level2'],
  [/^三级指标$/, 'level3'],
  [/^(绩效指标描述|指标内容|指标描述|指标解释)$/, 'description'],
  [/^(指标值确定依据|确定依据|指标值设定依据)$/, 'basis'],
  [/^(指标值|目标值|指标值\(含数字及文字描述\))$/, 'value'],
  [/^(分值|权重|分值权重)$/, 'score'],
  [/^(度量单位|计量单位|单位)$/, 'unit'],
  [/^(比较符|比较|符号|指标性质)$/, 'comparison'],
];

function indicatorField(label: string): keyof Indicator | null {
  const c = compact(label);
  for (const [re, field] of INDICATOR_FIELDS) if (re.test(c)) return field;
  return null;
}

const nonEmpty = (cells: readonly string[]) => cells.map(cellText).filter((c) => c !== '');

type State = 'head' | 'purpose' | 'spending' | 'goals' | 'indicators';

/**
 * One 项目绩效目标表 from its rows: labelled facts (项目编码, 项目名称 …), the
 * budget row and 资金用途, the 资金支出计划 (period labels and amounts that
 * may share a cell: `12月底 56.28`), 绩效目标 lines, and the indicator tree
 * read through each indicator header row's own column names.
 */
export function parseProject(
  title: { number: number; title: string; line: number },
  rows: readonly TableRow[],
  looseText: readonly { text: string; line: number }[],
  report: ImportReport,
): ProjectDraft {
  const project: ProjectDraft = { number: title.number, title: title.title, name: '', unit: '万元', facts: {}, spendingPlan: [], goals: [], indicators: [], line: title.line };
  let state: State = 'head';
  let indicatorMap: (keyof Indicator | null)[] = [];
  const periodAt = new Map<number, string>();
  const plan = new Map<string, string | null>();
  /** A 绩效目标 row that prints the spending plan again: what it shows, kept as published. */
  let repeated: string[] | null = null;
  const purposes: string[] = [];

  const setPeriod = (period: string, amount: string | null, line: number) => {
    if (repeated) {
      if (amount !== null) repeated.push(`${period} ${amount}`);
      return;
    }
    if (!plan.has(period) || plan.get(period) === null) {
      plan.set(period, amount);
      return;
    }
    if (amount !== null) report.warn(line, `${period} has two amounts in the spending plan (${plan.get(period)} and ${amount}); kept the first, the second in the project's facts`), (project.facts[`资金支出计划${period}（又）`] = amount);
  };
  const addPeriod = (period: string) => {
    if (!repeated && !plan.has(period)) plan.set(period, null);
  };

  const spendingRow = (row: TableRow, from: number) => {
    row.cells.forEach((raw, c) => {
      if (c < from) return;
      const v = compact(raw);
      if (v === '') return;
      const both = PERIOD_AMOUNT.exec(v);
      if (both) {
        periodAt.set(c, both[1]!);
        setPeriod(both[1]!, both[2]!, row.line);
      } else if (PERIOD.test(v) && numericCell(row.cells[c + 1] ?? '') !== null && !PERIOD.test(compact(row.cells[c + 2] ?? ''))) {
        // A period label with its amount in the next cell: a merged cell spilled to the right.
        periodAt.set(c + 1, v);
        addPeriod(v);
      } else if (PERIOD.test(v)) {
        periodAt.set(c, v);
        addPeriod(v);
      } else if (numericCell(raw) !== null) {
        const period = periodAt.get(c);
        if (period) setPeriod(period, numericCell(raw), row.line);
        else report.warn(row.line, `spending plan amount ${cellText(raw)} stands under no period label; kept in the project's facts`);
        if (!period) project.facts[`资金支出计划第${c + 1}列`] = cellText(raw);
      } else report.warn(row.line, `unexpected text "${cellText(raw)}" in the spending plan kept in the project's facts`), (project.facts[`资金支出计划第${c + 1}列`] = cellText(raw));
    });
  };

  /** The indicator header was printed again (a new page): the next row may end a cell of the last page. */
  let headerRepeated = false;
  for (const row of rows) {
    const cells = row.cells.map(cellText);
    const first = compact(cells[0] ?? '');
    const filled = nonEmpty(cells);
    if (filled.length === 0) continue;
    if (cells.some((c) => indicatorField(c) === 'level1')) {
      state = 'indicators';
      indicatorMap = cells.map((c) => (c === '' ? null : indicatorField(c)));
      headerRepeated = project.indicators.length > 0;
      continue;
    }
    const pageTop = headerRepeated;
    headerRepeated = false;
    if (first.startsWith('预算规模')) {
      state = 'purpose';
      const budget = { total: null as string | null, fiscal: null as string | null, other: null as string | null };
      for (let c = 1; c < cells.length; c++) {
        const label = compact(cells[c]!);
        const key = /^预算数|^资金总额|^年度资金总额/.test(label) ? 'total' : /财政资金|财政拨款/.test(label) ? 'fiscal' : /其他资金/.test(label) ? 'other' : null;
        if (!key) continue;
        const value = cells[c + 1] ?? '';
        budget[key] = numericCell(value);
        if (value !== '' && numericCell(value) === null) report.warn(row.line, `budget cell "${value}" is not a number; kept in the project's facts`), (project.facts[label] = value);
        c += 1;
      }
      project.budget = budget;
      continue;
    }
    if (first.startsWith('资金支出计划') || first.startsWith('资金支出计') || first.startsWith('预算支出计划')) {
      state = 'spending';
      spendingRow(row, 1);
      continue;
    }
    if (first === '绩效目标' || first === '年度绩效目标' || first === '项目绩效目标') {
      const rest = filled.slice(1);
      if (rest.length > 0 && rest.every((v) => PERIOD.test(compact(v)) || PERIOD_AMOUNT.test(compact(v)))) {
        report.warn(row.line, `the 绩效目标 row prints the spending plan again; kept as published in the project's fact 绩效目标栏, and the next row of text read as the goals`);
        state = 'spending';
        repeated = [];
        spendingRow(row, 1);
        continue;
      }
      state = 'goals';
      project.goals.push(...rest);
      continue;
    }
    switch (state) {
      case 'head': {
        for (let c = 0; c < cells.length; c++) {
          const label = cells[c]!;
          if (label === '') continue;
          let v = c + 1;
          while (v < cells.length && cells[v] === '') v++;
          const value = cells[v] ?? '';
          const key = compact(label);
          if (key === '项目编码' || key === '项目代码') project.code = value;
          else if (key === '项目名称') project.name = value;
          else project.facts[label] = value;
          c = v;
        }
        break;
      }
      case 'purpose':
        purposes.push(...filled);
        break;
      case 'spending':
        if (filled.every((v) => numericCell(v) === null && !PERIOD.test(compact(v)) && !PERIOD_AMOUNT.test(compact(v)))) {
          if (!repeated) report.warn(row.line, 'a row of text after the spending plan without a 绩效目标 label (a merged cell spilled); read as 绩效目标');
          state = 'goals';
          project.goals.push(...filled);
          break;
        }
        spendingRow(row, 0);
        break;
      case 'goals':
        project.goals.push(...filled);
        break;
      case 'indicators': {
        const indicator: Indicator = {};
        cells.forEach((value, c) => {
          if (value === '') return;
          const field = indicatorMap[c] ?? null;
          if (!field) {
            report.warn(row.line, `indicator cell "${value}" stands in a column without a header; kept as its description`);
            indicator.description = indicator.description ? `${indicator.description} ${value}` : value;
            return;
          }
          indicator[field] = indicator[field] ? `${indicator[field]} ${value}` : value;
        });
        const fields = Object.keys(indicator) as (keyof Indicator)[];
        if (fields.length === 1 && !indicator.level1 && !indicator.level2 && !indicator.level3) {
          const field = fields[0]!;
          const above = project.indicators[project.indicators.length - 1];
          const fragment = indicator[field]!;
          if (pageTop && above?.[field]) {
            // The converter may print the whole cell on the first page and its last line again on the next.
            if (above[field].endsWith(fragment)) report.add(row.line, 'joined', `"${fragment}" at the top of a page repeats the end of the ${field} cell of the indicator row above, "${above[field]}" (a cell broken across a page): left out`);
            else {
              report.add(row.line, 'joined', `"${fragment}" at the top of a page ends the ${field} cell of the indicator row above (a cell broken across a page): "${above[field]}${fragment}"`);
              above[field] = `${above[field]}${fragment}`;
            }
            break;
          }
          report.warn(row.line, `an indicator row holding only ${field} "${fragment}" (probably a cell broken across a page); kept as its own row, as printed`);
        }
        project.indicators.push(indicator);
        break;
      }
    }
  }
  for (const loose of looseText) {
    if (state === 'goals' || project.goals.length === 0) {
      project.goals.push(loose.text.trim());
      report.warn(loose.line, 'a goal line outside the table cells; kept as a 绩效目标 line');
    } else {
      purposes.push(loose.text.trim());
      report.warn(loose.line, 'a line outside the table cells; kept with the 资金用途');
    }
  }
  if (repeated) project.facts['绩效目标栏'] = repeated.join('；');
  if (purposes.length > 0) project.purpose = purposes.join('\n');
  project.spendingPlan = [...plan].map(([period, amount]) => ({ period, amount }));
  if (project.name === '') {
    project.name = title.title.replace(/绩效目标表$|绩效目标申报表$|项目支出绩效目标表$/, '');
    report.add(title.line, 'note', `project ${title.number} has no 项目名称 cell; its name is its title without 绩效目标表`);
  }
  return project;
}
