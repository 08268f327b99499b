import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import type { Filing } from '../../src/lib/records/load-filing.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { checkFiling } from '../../src/lib/checks/check-filing.ts';
import type { Finding } from '../../src/lib/checks/finding.ts';
import { COMPLETE_FIXTURE, completeFiling, table, variant } from '../helpers/complete-filing.ts';

/**
 * A rule that cannot find the row or column it compares, in a table that is
 * there and not 空表列示, says so with a warning naming the table and the
 * label it looked for, instead of passing the filing in silence.
 */

const RECORD = '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算';

/** Print `label` where the table prints `was` (a row label). */
function relabel(filing: Filing, id: string, was: string, label: string): void {
  const t = table(filing, id);
  const row = t.rows.find((r) => r.includes(was));
  if (!row) throw new Error(`no row ${was} in ${id}`);
  row[row.indexOf(was)] = label;
}

/** Rename the column with header path `was` (joined with '/'). */
function rehead(filing: Filing, id: string, was: string, header: string[]): void {
  const column = table(filing, id).columns.find((c) => c.header.join('/') === was);
  if (!column) throw new Error(`no column ${was} in ${id}`);
  column.header = header;
}

/** Findings other than the fixture's two acknowledged source discrepancies. */
const fresh = (filing: Filing) => checkFiling(filing).filter((f) => !f.acknowledged);
const line = (f: Finding) => `${f.severity} ${f.rule} ${f.at} expected ${f.expected ?? '-'}`;

describe('a rule that cannot find its row or column warns', () => {
  it('the complete record gives no such warning (nothing but its two acknowledged findings)', () => {
    const findings = checkFiling(completeFiling);
    expect(findings.map((f) => [f.rule, f.severity, Boolean(f.acknowledged)])).toEqual([
      ['column-sum', 'warning', true],
      ['column-sum', 'warning', true],
    ]);
    expect(findings.filter((f) => /没有找到|未核对|未与表核对/.test(f.message))).toEqual([]);
  });

  it('balance: 支出总计 printed as 支出总额 — the balance is not checked, and the warning says which row was missing', () => {
    const filing = variant((f) => {
      relabel(f, 'income-expenditure-summary', '支出总计', '支出总额');
      const t = table(f, 'income-expenditure-summary');
      t.rows.find((r) => r.includes('支出总额'))![4] = '99999.99';
    });
    const findings = fresh(filing);
    expect(findings.map(line)).toEqual(['warning balance income-expenditure-summary expected “支出总计”行']);
    expect(findings[0]).toMatchObject({
      table: 'income-expenditure-summary',
      found: '（缺）',
      message: '收支总表 没有找到“支出总计”行，未核对：支出总计 = 本年支出合计 + 年终结转；收入总计 = 支出总计',
    });
  });

  it('balance and cross-table: 收入总计 renamed — the stated 收入 is still found in the 收入总表, so it is not reported', () => {
    const findings = fresh(variant((f) => relabel(f, 'income-expenditure-summary', '收入总计', '收入总额')));
    expect(findings.map(line)).toEqual([
      'warning balance income-expenditure-summary expected “收入总计”行',
      'warning cross-table income-expenditure-summary expected “收入总计”行',
    ]);
    expect(findings[1]!.message).toBe('收支总表 没有找到“收入总计”行，未核对：收入总表 合计 = 收支总表 收入总计');
  });

  it('balance: a summary table with no 支出 side at all', () => {
    const filing = variant((f) => {
      rehead(f, 'fiscal-summary', '支出/项目', ['科目']);
    });
    const balance = fresh(filing).filter((f) => f.rule === 'balance');
    expect(balance.map(line)).toEqual(['warning balance fiscal-summary expected “支出”栏（表头“支出/…”下的项目列和金额列）']);
    expect(balance[0]!.message).toContain('收入总计 = 支出总计');
  });

  it('column-sum: a 三公 row under a label that is not one of the table’s (三公经费合计 for 合计) is reported at its cell', () => {
    const filing = variant((f) => {
      const row = table(f, 'three-public').rows.find((r) => r.includes('合计'))!;
      row.splice(1, 5, '三公经费合计', '9.99', '9.99', null, null);
    });
    const findings = fresh(filing);
    expect(findings.map(line)).toEqual(['warning column-sum three-public:row 1:项目 expected “三公”经费表的项目']);
    expect(findings[0]).toMatchObject({ table: 'three-public', row: 1, column: '项目', found: '三公经费合计' });
    expect(findings[0]!.message).toMatch(/^“三公经费合计”不是“三公”经费表的项目（“合计”、“三公经费小计”、.*），该行未核对$/);
  });

  it('column-sum and stated-figure: the 三公 table without its 公务接待费 row', () => {
    const findings = fresh(variant((f) => relabel(f, 'three-public', '三、公务接待费', '三、接待费')));
    // The renamed row prints no figure, so it is not reported as an unknown row itself.
    expect(findings.map(line)).toEqual([
      'warning column-sum three-public expected “公务接待费”行',
      'warning stated-figure statedFigures.threePublic.reception expected 财政拨款“三公”经费支出表 “公务接待费”行',
    ]);
    expect(findings[0]!.message).toBe(
      '财政拨款“三公”经费支出表 没有找到“公务接待费”行，未核对：三公经费小计 = 因公出国(境)费 + 公务用车购置及运维费 + 公务接待费',
    );
    expect(findings[1]!.message).toMatch(/^情况说明“.*公务接待费.*”中的 0\.00 万元 未与表核对：没有找到财政拨款“三公”经费支出表 “公务接待费”行$/);
  });

  it('column-sum: a breakdown of 公务用车 shown in part cannot be summed', () => {
    const findings = fresh(variant((f) => relabel(f, 'three-public', '其中：公务用车购置费', '其中：购车费')));
    expect(findings.filter((f) => f.rule === 'column-sum' && f.at === 'three-public').map((f) => f.message)).toEqual([
      '财政拨款“三公”经费支出表 没有找到“公务用车购置费”行，未核对：公务用车购置及运维费 = 公务用车购置费 + 公务用车运行维护费',
    ]);
  });

  it('column-sum, cross-table, stated-figure: the 支出总表 合计 row printed as 支出合计', () => {
    const findings = fresh(variant((f) => relabel(f, 'expenditure-summary', '合计', '支出合计')));
    expect(findings.map(line)).toEqual([
      'warning column-sum expenditure-summary expected “合计”（或“总计”）行',
      'warning cross-table expenditure-summary expected “合计”（或“总计”）行',
      'warning stated-figure statedFigures.expenditure.basic expected 支出总表 “合计”（或“总计”）行',
      'warning stated-figure statedFigures.expenditure.project expected 支出总表 “合计”（或“总计”）行',
    ]);
    expect(findings[0]!.message).toBe('支出总表 没有找到“合计”（或“总计”）行，未核对：合计 = 各类之和');
  });

  it('row-sum and cross-table: the 合计 column headed 总额', () => {
    const findings = fresh(variant((f) => rehead(f, 'general-budget-expenditure', '合计', ['总额'])));
    expect(findings.map(line)).toEqual([
      'warning row-sum general-budget-expenditure expected “合计”（或“小计”“总计”）列',
      'warning cross-table general-budget-expenditure expected “合计”列',
    ]);
    expect(findings[0]!.message).toBe('一般公共预算财政拨款支出表 没有找到“合计”（或“小计”“总计”）列，未核对：合计列 = 同级各列之和（总额、基本支出、项目支出）');
  });

  it('cross-table: a 类 of the 支出总表 that the 收支总表 does not list by that name', () => {
    const findings = fresh(variant((f) => relabel(f, 'income-expenditure-summary', '八、社会保障和就业支出', '八、社会保障支出')));
    expect(findings.map(line)).toEqual(['warning cross-table income-expenditure-summary expected “社会保障和就业支出”行（支出总表 类 208）']);
    expect(findings[0]!.message).toBe('收支总表 没有找到“社会保障和就业支出”行（支出总表 类 208），未核对：支出总表 各类 = 收支总表 同名支出行');
  });

  it('cross-table: no 上年结转 column in the 收入总表 is wanting only when the 收支总表 shows a 结转', () => {
    const without = (carried: string | null) =>
      fresh(
        variant((f) => {
          rehead(f, 'income-summary', '上年结转', ['结转']);
          table(f, 'income-expenditure-summary').rows.find((r) => r.includes('上年结转结余'))![2] = carried;
        }),
      ).filter((f) => f.rule === 'cross-table');
    expect(without('845.01').map(line)).toEqual(['warning cross-table income-summary expected “上年结转”列']);
    expect(without(null).map(line)).toEqual([]);
  });

  it('stated-figure: an income line the 收支总表 does not show', () => {
    const findings = fresh(variant((f) => relabel(f, 'income-expenditure-summary', '一、一般公共预算拨款收入', '一、财政拨款收入')));
    expect(findings.map(line)).toEqual(['warning stated-figure statedFigures.income.generalBudget expected 收支总表 本年收入合计以上含“一般公共预算”的收入行']);
    expect(findings[0]!.message).toMatch(/^情况说明“.*”中的 24487\.92 万元 未与表核对：没有找到收支总表 本年收入合计以上含“一般公共预算”的收入行$/);
  });
});

describe('nothing is said about a table that is absent or 空表列示', () => {
  const unchecked = (findings: Finding[]) => findings.filter((f) => f.severity === 'warning' && /没有找到|未核对/.test(f.message));

  it('an absent table: only required-table reports it', () => {
    const filing = variant((f) => (f.tables = f.tables.filter((t) => t.standard !== 'income-expenditure-summary' && t.standard !== 'three-public')));
    expect(unchecked(fresh(filing)).map(line)).toEqual([]);
    expect(fresh(filing).map((f) => f.rule)).toEqual(['required-table', 'required-table']);
  });

  it('a table marked 空表列示', () => {
    const filing = variant((f) => {
      for (const id of ['three-public', 'general-budget-basic-expenditure']) {
        const t = table(f, id);
        t.rows = [];
        t.lines = [];
        t.empty = true;
      }
      f.acknowledgments = [];
    });
    expect(unchecked(fresh(filing)).map(line)).toEqual([]);
  });
});

describe('the broken filings of the review, as CSV files', () => {
  const temp = mkdtempSync(join(tmpdir(), 'gongkai-unchecked-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  /** Check a copy of the fixture with one CSV line replaced. */
  function withLine(name: string, csv: string, lineNumber: number, text: string): Finding[] {
    const root = join(temp, name);
    cpSync(COMPLETE_FIXTURE, root, { recursive: true });
    const path = join(root, 'filings', RECORD, 'tables', csv);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[lineNumber - 1] = text;
    writeFileSync(path, lines.join('\n'));
    const loaded = loadAllFilings(PROJECT_ROOT, join(root, 'filings'));
    expect(loaded.problems).toEqual([]);
    return checkFiling(loaded.filings[0]!).filter((f) => !f.acknowledged);
  }

  it('income-expenditure-summary.csv row 34: 收入总计,25332.93,支出总额,99999.99', () => {
    const findings = withLine('balance', 'income-expenditure-summary.csv', 35, '34,收入总计,25332.93,支出总额,99999.99');
    expect(findings.map((f) => [f.rule, f.severity, f.table, f.file.endsWith(`${RECORD}/tables/income-expenditure-summary.csv`), f.message])).toEqual([
      ['balance', 'warning', 'income-expenditure-summary', true, '收支总表 没有找到“支出总计”行，未核对：支出总计 = 本年支出合计 + 年终结转；收入总计 = 支出总计'],
    ]);
  });

  it('three-public.csv row 1: 三公经费合计,9.99,9.99', () => {
    const findings = withLine('three-public', 'three-public.csv', 2, '1,三公经费合计,9.99,9.99,,');
    expect(findings.map((f) => [f.rule, f.severity, f.table, f.row, f.line, f.file.endsWith(`${RECORD}/tables/three-public.csv`)])).toEqual([
      ['column-sum', 'warning', 'three-public', 1, 2, true],
    ]);
    expect(findings[0]!.message).toContain('“三公经费合计”不是“三公”经费表的项目');
  });
});
