import { describe, expect, it } from 'vitest';
import type { Filing } from '../../src/lib/records/load-filing.ts';
import type { Table } from '../../src/lib/records/schema/table.ts';
import { checkFiling } from '../../src/lib/checks/check-filing.ts';
import { formatFinding } from '../../src/lib/checks/run-checks.ts';
import type { Finding } from '../../src/lib/checks/finding.ts';
import { classified } from '../../src/lib/checks/table-view.ts';
import { codeLevel } from '../../src/lib/records/schema/classification-codes.ts';
import { Random } from '../../scripts/synth/random.ts';
import { completeFiling, table, variant } from '../helpers/complete-filing.ts';

/**
 * Issue 13, class 4: rows and figures no rule reads. The rules find rows by
 * their 科目编码 and totals by their labels; whatever they would pass by
 * unread (a second 合计 row, a row without a code in a table of 科目, a 项
 * printed under another 款 than its own, a negative project budget) is an
 * error naming the cell.
 */

const DIR = 'tests/checks/fixtures/complete/filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算';
const CODE = '功能分类科目/科目编码';

/** Insert `row` at `index` of a table, with a CSV line of its own. */
function insertRow(t: Table, index: number, row: Table['rows'][number]): void {
  t.rows.splice(index, 0, row);
  t.lines.splice(index, 0, 900 + index);
}

function moveRow(t: Table, from: number, to: number): void {
  const [row] = t.rows.splice(from, 1);
  const [line] = t.lines.splice(from, 1);
  t.rows.splice(to, 0, row!);
  t.lines.splice(to, 0, line!);
}

const rowOf = (t: Table, code: string) => t.rows.findIndex((r) => r.includes(code));
const errors = (filing: Filing) => checkFiling(filing).filter((f) => f.severity === 'error');
const lines = (findings: Finding[]) => findings.map(formatFinding);
const baseline = new Set(lines(checkFiling(completeFiling)));
/** What a change made the checks find that the complete record does not give. */
const newFindings = (filing: Filing) => lines(checkFiling(filing)).filter((line) => !baseline.has(line));

describe('each unread row is an error naming its cell', () => {
  it('a second 合计 row: the rules read the first', () => {
    const filing = variant((f) => {
      const t = table(f, 'general-budget-expenditure');
      insertRow(t, t.rows.length, [...t.rows[0]!]);
    });
    expect(lines(errors(filing).filter((f) => f.rule === 'unread-row'))).toEqual([
      `error: ${DIR}/tables/general-budget-expenditure.csv:923: general-budget-expenditure row 24 column "功能分类科目/科目名称": unread-row: 第 1 行已是“合计”行，此处又有一行“合计”：核对只读第一行，此行的数字未核对；删去该行，或写出它的本来名称: expected （只有第 1 行）, found 合计`,
    ]);
  });

  it('a 总计 row after the 合计 row is a second total too', () => {
    const filing = variant((f) => {
      const t = table(f, 'income-summary');
      insertRow(t, 3, [...t.rows[0]!]);
      t.rows[3]![2] = '总 计';
    });
    expect(lines(errors(filing).filter((f) => f.rule === 'unread-row'))).toEqual([
      `error: ${DIR}/tables/income-summary.csv:903: income-summary row 4 column "功能分类科目/科目名称": unread-row: 第 1 行已是“合计”行，此处又有一行“总 计”：核对只读第一行，此行的数字未核对；删去该行，或写出它的本来名称: expected （只有第 1 行）, found 总 计`,
    ]);
  });

  it('a row without a code in a table of 科目, whatever its figures', () => {
    const filing = variant((f) => {
      table(f, 'general-budget-expenditure').rows[3]![1] = null;
      insertRow(table(f, 'general-budget-basic-expenditure'), 2, ['2', null, '其中：工资', '1.00', '1.00', null]);
    });
    expect(lines(errors(filing).filter((f) => f.rule === 'unread-row'))).toEqual([
      `error: ${DIR}/tables/general-budget-expenditure.csv:5: general-budget-expenditure row 4 column "${CODE}": unread-row: “行政运行”一行没有科目编码，不在任何类、款、项之和中，其数字未核对：填上科目编码，或删去该行: expected 科目编码, found (empty)`,
      `error: ${DIR}/tables/general-budget-basic-expenditure.csv:902: general-budget-basic-expenditure row 3 column "支出部门经济分类科目/科目编码": unread-row: “其中：工资”一行没有科目编码，不在任何类、款、项之和中，其数字未核对：填上科目编码，或删去该行: expected 科目编码, found (empty)`,
    ]);
  });

  it('a total under another name beside the 合计 row is unread too (without a 合计 row, column-sum warns that it found none)', () => {
    const filing = variant((f) => insertRow(table(f, 'expenditure-summary'), 1, ['1', null, '支出合计', '25332.93', '1439.55', '23893.38', null, null, null]));
    expect(lines(errors(filing).filter((f) => f.rule === 'unread-row'))).toEqual([
      `error: ${DIR}/tables/expenditure-summary.csv:901: expenditure-summary row 2 column "${CODE}": unread-row: “支出合计”一行没有科目编码，不在任何类、款、项之和中，其数字未核对：填上科目编码，或删去该行: expected 科目编码, found (empty)`,
    ]);
  });

  it('the totals a rule reads are not reported: 合计, 小计, and a 决算’s 人员经费合计 and 公用经费合计', () => {
    const filing = variant((f) => {
      const t = table(f, 'general-budget-basic-expenditure');
      insertRow(t, 9, ['9', null, '人员经费合计', '1315.17', '1315.17', null]);
      insertRow(t, t.rows.length, ['99', null, '公用经费合计', '124.38', null, '124.38']);
      insertRow(table(f, 'general-budget-expenditure'), 2, ['2', null, '小计', '1.00', '1.00', null]);
    });
    expect(errors(filing).filter((f) => f.rule === 'unread-row')).toEqual([]);
  });

  it('a 项 printed under another 款 than its own (after that 款’s first 项): the nearest 款 above is its parent, not any one above', () => {
    const filing = variant((f) => {
      const t = table(f, 'general-budget-expenditure');
      moveRow(t, rowOf(t, '2080199'), rowOf(t, '20805') + 1);
    });
    expect(lines(errors(filing).filter((f) => f.rule === 'code-hierarchy'))).toEqual([
      `error: ${DIR}/tables/general-budget-expenditure.csv:6: general-budget-expenditure row 7 column "${CODE}": code-hierarchy: 项 2080199 印在款 20805（第 5 行）之下，而不在其所属的款 20801（第 3 行）之下: expected 20801, found 20805`,
    ]);
  });

  it('a 款 printed last, among the 款 of another 类: the 类 nearest above it is named', () => {
    const filing = variant((f) => {
      const t = table(f, 'general-budget-basic-expenditure');
      moveRow(t, rowOf(t, '30101'), t.rows.length - 1);
    });
    expect(lines(errors(filing).filter((f) => f.rule === 'code-hierarchy'))).toEqual([
      `error: ${DIR}/tables/general-budget-basic-expenditure.csv:4: general-budget-basic-expenditure row 28 column "支出部门经济分类科目/科目编码": code-hierarchy: 款 30101 印在类 303（第 25 行）之下，而不在其所属的类 301（第 2 行）之下: expected 301, found 303`,
    ]);
  });

  it('a negative project budget, in the total or in either part', () => {
    const withBudget = (budget: { total: string | null; fiscal: string | null; other: string | null }) =>
      variant((f) => {
        f.projects = 'projects.yaml';
        f.projectList.push({ number: 1, title: '就业补助资金绩效目标表', name: '就业补助资金', unit: '万元', facts: {}, budget, spendingPlan: [], goals: [], indicators: [] });
      });
    expect(lines(errors(withBudget({ total: '-14.26', fiscal: null, other: null })))).toEqual([
      `error: ${DIR}/projects.yaml: project 1:budget.total: project-budget: 项目 1（就业补助资金）的资金总额 -14.26 是负数：预算金额不能小于零: expected ≥ 0, found -14.26`,
    ]);
    expect(lines(errors(withBudget({ total: '0.00', fiscal: '14.26', other: '-14.26' })))).toEqual([
      `error: ${DIR}/projects.yaml: project 1:budget.other: project-budget: 项目 1（就业补助资金）的其他资金 -14.26 是负数：预算金额不能小于零: expected ≥ 0, found -14.26`,
    ]);
    expect(errors(withBudget({ total: '-0.00', fiscal: '0', other: null }))).toEqual([]);
  });
});

/**
 * The class, not one example: for random rows of every table of 科目 in the
 * complete record, each mutation gives the finding that names the changed
 * row, with its whole message.
 */
describe('every mutation of a table of 科目 is found (property)', () => {
  const RUNS = 150;
  const codedTables = completeFiling.tables.filter((t) => classified(t) && t.rows.length > 0).map((t) => t.id);
  const random = new Random(0x13);

  it('a duplicate 合计 row anywhere', () => {
    for (let run = 0; run < RUNS; run++) {
      const id = random.pick(codedTables);
      const label = random.pick(['合计', '总计']);
      const at = random.int(0, table(completeFiling, id).rows.length);
      const filing = variant((f) => {
        const t = table(f, id);
        insertRow(t, at, [...t.rows[classified(t)!.totalRow!]!]);
        t.rows[at]![classified(table(completeFiling, id))!.nameColumn!] = label;
      });
      const t = table(filing, id);
      const name = classified(t)!.nameColumn!;
      const [first, second] = t.rows.flatMap((row, r) => (['合计', '总计'].includes(row[name] ?? '') ? [r] : []));
      const column = t.columns[name]!.header.join('/');
      const printed = t.rows[second!]![name];
      expect({ id, at, found: newFindings(filing).filter((l) => l.includes(': unread-row: ')) }).toEqual({
        id,
        at,
        found: [
          `error: ${DIR}/${t.csv}:${t.lines[second!]}: ${id} row ${second! + 1} column "${column}": unread-row: 第 ${first! + 1} 行已是“${t.rows[first!]![name]}”行，此处又有一行“${printed}”：核对只读第一行，此行的数字未核对；删去该行，或写出它的本来名称: expected （只有第 ${first! + 1} 行）, found ${printed}`,
        ],
      });
    }
  });

  it('a code blanked in any row', () => {
    for (let run = 0; run < RUNS; run++) {
      const id = random.pick(codedTables);
      const view = classified(table(completeFiling, id))!;
      const row = random.pick([...view.rowsByCode.values()]);
      const filing = variant((f) => (table(f, id).rows[row]![view.codeColumn] = null));
      const t = table(filing, id);
      const expected = `error: ${DIR}/${t.csv}:${t.lines[row]}: ${id} row ${row + 1} column "${t.columns[view.codeColumn]!.header.join('/')}": unread-row: “${t.rows[row]![view.nameColumn!]}”一行没有科目编码，不在任何类、款、项之和中，其数字未核对：填上科目编码，或删去该行: expected 科目编码, found (empty)`;
      expect({ id, row, found: newFindings(filing).filter((l) => l.includes(': unread-row: ')) }).toEqual({ id, row, found: [expected] });
    }
  });

  it('the lowest 科目 moved under another parent', () => {
    let moved = 0;
    for (let run = 0; run < RUNS; run++) {
      const id = random.pick(codedTables);
      const view = classified(table(completeFiling, id))!;
      const codes = [...view.rowsByCode.keys()];
      const deepest = Math.max(...codes.map(codeLevel));
      const child = random.pick(codes.filter((c) => codeLevel(c) === deepest && deepest > 0));
      const parent = child.slice(0, -2);
      const others = codes.filter((c) => codeLevel(c) === deepest - 1 && c !== parent);
      if (others.length === 0) continue;
      const other = random.pick(others);
      const filing = variant((f) => {
        const t = table(f, id);
        const from = rowOf(t, child);
        moveRow(t, from, rowOf(t, other) + (rowOf(t, other) < from ? 1 : 0));
      });
      moved++;
      const t = table(filing, id);
      const [r, o, p] = [rowOf(t, child), rowOf(t, other), rowOf(t, parent)];
      const levels = ['类', '款', '项'];
      const message =
        p < r
          ? `${levels[deepest]} ${child} 印在${levels[deepest - 1]} ${other}（第 ${o + 1} 行）之下，而不在其所属的${levels[deepest - 1]} ${parent}（第 ${p + 1} 行）之下: expected ${parent}, found ${other}`
          : `${levels[deepest]} ${child} 之上没有其所属的${levels[deepest - 1]} ${parent}: expected ${parent}, found ${child}`;
      const expected = `error: ${DIR}/${t.csv}:${t.lines[r]}: ${id} row ${r + 1} column "${t.columns[view.codeColumn]!.header.join('/')}": code-hierarchy: ${message}`;
      expect({ id, child, other, found: newFindings(filing).filter((l) => l.includes(`row ${r + 1} column`) && l.includes(': code-hierarchy: ')) }).toEqual({ id, child, other, found: [expected] });
    }
    expect(moved).toBeGreaterThan(RUNS / 2);
  });
});
