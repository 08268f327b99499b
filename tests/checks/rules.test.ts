import { describe, expect, it } from 'vitest';
import type { Filing } from '../../src/lib/records/load-filing.ts';
import { checkFiling } from '../../src/lib/checks/check-filing.ts';
import type { Finding } from '../../src/lib/checks/finding.ts';
import { completeFiling, completeLoad, table, variant } from '../helpers/complete-filing.ts';

/** Set the cell in the row whose cells include `rowKey` (a code or a label) and the column with this header path. */
function setCell(filing: Filing, id: string, rowKey: string, header: string, value: string | null): void {
  const t = table(filing, id);
  const row = t.rows.find((r) => r.includes(rowKey));
  const column = t.columns.findIndex((c) => c.header.join('/') === header);
  if (!row || column < 0) throw new Error(`no cell ${rowKey} / ${header} in ${id}`);
  row[column] = value;
}

const summary = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.rule} ${f.at} expected ${f.expected ?? '-'} found ${f.found ?? '-'}`);

describe('the complete 永清县 2024 record', () => {
  it('loads', () => {
    expect(completeLoad.problems).toEqual([]);
    expect(completeLoad.filings).toHaveLength(1);
  });

  it('has one source finding, acknowledged and shown as a warning with its note', () => {
    const findings = checkFiling(completeFiling);
    expect(summary(findings)).toEqual([
      'warning column-sum general-budget-basic-expenditure:row 12:一般公共预算基本支出/合计 expected 124.39 found 124.38',
      'warning column-sum general-budget-basic-expenditure:row 12:一般公共预算基本支出/公用经费 expected 124.39 found 124.38',
    ]);
    expect(findings[0]!.acknowledged?.note).toMatch(/^公开文本如此/);
    expect(findings[0]).toMatchObject({ file: expect.stringMatching(/tables\/general-budget-basic-expenditure\.csv$/), table: 'general-budget-basic-expenditure', row: 12, line: 13 });
  });

  it('without its acknowledgments the same findings are errors', () => {
    const findings = checkFiling(variant((f) => (f.acknowledgments = [])));
    expect(findings.map((f) => [f.severity, f.acknowledged])).toEqual([
      ['error', undefined],
      ['error', undefined],
    ]);
  });
});

describe('each rule catches its mistake, naming the cell', () => {
  const errors = (filing: Filing) => summary(checkFiling(filing).filter((f) => f.severity === 'error'));

  it('column-sum: a 项 changed, its 款 no longer adds up (and the row and the other tables disagree)', () => {
    const filing = variant((f) => {
      setCell(f, 'expenditure-summary', '2080199', '合计', '6.50');
      setCell(f, 'expenditure-summary', '2080199', '项目支出', '6.50');
    });
    expect(errors(filing)).toEqual([
      'error column-sum expenditure-summary:row 3:合计 expected 1331.13 found 1330.63',
      'error column-sum expenditure-summary:row 3:项目支出 expected 6.50 found 6.00',
      'error cross-table income-summary:row 5:合计 expected 6.50 found 6.00',
    ]);
  });

  it('column-sum: 合计 is not the sum of the 类', () => {
    const filing = variant((f) => setCell(f, 'general-budget-expenditure', '合计', '项目支出', '23893.83'));
    expect(errors(filing)).toContain('error column-sum general-budget-expenditure:row 1:项目支出 expected 23893.38 found 23893.83');
  });

  it('column-sum: the 三公 table parts do not add up', () => {
    const filing = variant((f) => setCell(f, 'three-public', '公务用车运行维护费', '资金性质/合计', '2.43'));
    expect(errors(filing)).toEqual([
      'error column-sum three-public:row 6:资金性质/合计 expected 2.43 found 2.34',
      'error row-sum three-public:row 8:资金性质/合计 expected 2.34 found 2.43',
      'error stated-figure statedFigures.threePublic.vehicleOperation expected 2.43 found 2.34',
    ]);
  });

  it('row-sum: 合计 ≠ 基本支出 + 项目支出', () => {
    const filing = variant((f) => setCell(f, 'general-budget-expenditure', '2080101', '基本支出', '1324.36'));
    expect(errors(filing)).toContain('error row-sum general-budget-expenditure:row 4:合计 expected 1324.36 found 1324.63');
  });

  it('row-sum: 本年收入 columns do not add up to 小计, and 合计 ≠ 小计 + 上年结转', () => {
    const filing = variant((f) => setCell(f, 'income-summary', '2080799', '本年收入/小计', '540.27'));
    expect(errors(filing)).toEqual([
      'error column-sum income-summary:row 9:本年收入/小计 expected 1056.99 found 1057.44',
      'error row-sum income-summary:row 12:合计 expected 1141.84 found 1142.29',
      'error row-sum income-summary:row 12:本年收入/小计 expected 540.72 found 540.27',
    ]);
  });

  it('balance: 收入总计 ≠ 支出总计 and 本年收入合计 + 上年结转 ≠ 收入总计', () => {
    const filing = variant((f) => setCell(f, 'income-expenditure-summary', '上年结转结余', '收入/预算数', '854.01'));
    expect(errors(filing)).toEqual([
      'error balance income-expenditure-summary:row 34:收入/预算数 expected 25341.93 found 25332.93',
      'error cross-table income-summary:row 1:上年结转 expected 854.01 found 845.01',
      'error stated-figure statedFigures.income.carriedOver expected 854.01 found 845.01',
    ]);
  });

  it('balance: 支出总计 differs from 收入总计', () => {
    const filing = variant((f) => {
      setCell(f, 'income-expenditure-summary', '支出总计', '支出/预算数', '25332.39');
    });
    expect(errors(filing)).toEqual([
      'error balance income-expenditure-summary:row 34:支出/预算数 expected 25332.93 found 25332.39',
      'error balance income-expenditure-summary:row 34:支出/预算数 expected 25332.93 found 25332.39',
    ]);
  });

  it('balance: a 其中 line under an income item is a part of it, not a further item', () => {
    const filing = variant((f) => {
      const t = table(f, 'income-expenditure-summary');
      const at = t.rows.findIndex((r) => r.includes('一、一般公共预算拨款收入'));
      t.rows.splice(at + 1, 0, [null, '其中：上级补助', '100.00', null, null]);
      t.lines.splice(at + 1, 0, 99);
    });
    expect(errors(filing)).toEqual([]);
  });

  it('balance: the 财政拨款收支总表 breakdown of 年初结转 does not add up', () => {
    const filing = variant((f) => setCell(f, 'fiscal-summary', '年初财政拨款结转和结余', '收入/金额', '854.01'));
    expect(errors(filing)).toContain('error balance fiscal-summary:row 33:收入/金额 expected 845.01 found 854.01');
  });

  it('cross-table: 基本支出表 合计 vs the 基本支出 column of 一般公共预算支出表', () => {
    const filing = variant((f) => {
      setCell(f, 'general-budget-basic-expenditure', '合计', '一般公共预算基本支出/合计', '1439.65');
      setCell(f, 'general-budget-basic-expenditure', '合计', '一般公共预算基本支出/人员经费', '1315.27');
    });
    expect(errors(filing)).toEqual([
      'error column-sum general-budget-basic-expenditure:row 1:一般公共预算基本支出/合计 expected 1439.55 found 1439.65',
      'error column-sum general-budget-basic-expenditure:row 1:一般公共预算基本支出/人员经费 expected 1315.17 found 1315.27',
      'error cross-table general-budget-basic-expenditure:row 1:一般公共预算基本支出/合计 expected 1439.55 found 1439.65',
      'error stated-figure statedFigures.expenditure.personnel expected 1315.27 found 1315.17',
    ]);
  });

  it('cross-table: a 类 line of the 收支总表 against the 支出总表', () => {
    const filing = variant((f) => setCell(f, 'income-expenditure-summary', '二十、住房保障支出', '支出/预算数', '114.29'));
    expect(errors(filing)).toEqual([
      'error balance income-expenditure-summary:row 32:支出/预算数 expected 25332.30 found 25332.93',
      'error cross-table expenditure-summary:row 21:合计 expected 114.29 found 114.92',
    ]);
  });

  it('cross-table: an empty 政府性基金 table while the 财政拨款收支总表 shows a figure', () => {
    const filing = variant((f) => {
      setCell(f, 'fiscal-summary', '本年支出合计', '支出/政府性基金预算财政拨款', '1.00');
    });
    expect(errors(filing)).toContain('error cross-table government-fund-expenditure expected 1.00 found 空表列示');
  });

  it('stated-figure and stated-sum: the 三公 paragraph against the table and itself', () => {
    const filing = variant((f) => {
      f.statedFigures['threePublic.total']!.value = '2.43';
    });
    expect(errors(filing)).toEqual([
      'error stated-figure statedFigures.threePublic.total expected 2.34 found 2.43',
      'error stated-sum statedFigures.threePublic.total expected 2.34 found 2.43',
    ]);
  });

  it('operating-costs: 机关运行经费 different from 公用经费 is a warning', () => {
    const findings = checkFiling(variant((f) => (f.statedFigures.operatingCosts!.value = '100.00')));
    expect(summary(findings.filter((f) => f.rule === 'operating-costs'))).toEqual(['warning operating-costs statedFigures.operatingCosts expected 124.38 found 100.00']);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('code-hierarchy: a 项 whose 款 is missing, and a repeated code', () => {
    const filing = variant((f) => {
      const t = table(f, 'general-budget-expenditure');
      const index = t.rows.findIndex((r) => r.includes('20805'));
      t.rows.splice(index, 1);
      t.lines.splice(index, 1);
      t.rows.push([...t.rows[t.rows.length - 1]!]);
      t.lines.push(99);
    });
    expect(errors(filing).filter((l) => l.includes('code-hierarchy'))).toEqual([
      'error code-hierarchy general-budget-expenditure:row 6:功能分类科目/科目编码 expected 20805 found 2080506',
      'error code-hierarchy general-budget-expenditure:row 7:功能分类科目/科目编码 expected 20805 found 2080507',
      'error code-hierarchy general-budget-expenditure:row 23:功能分类科目/科目编码 expected （不重复） found 2210201',
    ]);
  });

  it('code-name: one code, two names across tables (punctuation and spacing do not count)', () => {
    const filing = variant((f) => {
      setCell(f, 'general-budget-expenditure', '2080101', '功能分类科目/科目名称', '行政 运行');
      setCell(f, 'general-budget-expenditure', '2080199', '功能分类科目/科目名称', '其他人力资源管理事务支出');
    });
    expect(errors(filing)).toEqual(['error code-name general-budget-expenditure:row 5:功能分类科目/科目名称 expected 其他人力资源和社会保障管理事务支出 found 其他人力资源管理事务支出']);
  });

  it('classification-depth: a 款 shown without its 项 is a warning', () => {
    const findings = checkFiling(
      variant((f) => {
        const t = table(f, 'expenditure-summary');
        for (const code of ['2210201']) {
          const index = t.rows.findIndex((r) => r.includes(code));
          t.rows.splice(index, 1);
          t.lines.splice(index, 1);
        }
      }),
    );
    expect(summary(findings.filter((f) => f.rule === 'classification-depth'))).toEqual(['warning classification-depth expenditure-summary:row 22:功能分类科目/科目编码 expected 7 位项级科目 found 22102']);
  });

  it('required-table: a missing standard table is a warning naming it; no standard tables at all is one warning', () => {
    const missing = checkFiling(variant((f) => (f.tables = f.tables.filter((t) => t.standard !== 'state-capital-expenditure'))));
    expect(summary(missing.filter((f) => f.rule === 'required-table'))).toEqual(['warning required-table tables:state-capital-expenditure expected 国有资本经营预算财政拨款支出表 found （缺）']);
    const none = checkFiling(variant((f) => ((f.tables = []), (f.statedFigures = {}), (f.acknowledgments = []))));
    expect(summary(none)).toEqual(['warning no-standard-tables tables expected - found -']);
  });

  it('empty-table: a table with no rows must be marked 空表列示', () => {
    const filing = variant((f) => (table(f, 'state-capital-expenditure').empty = false));
    expect(errors(filing)).toEqual(['error empty-table state-capital-expenditure expected empty: true（空表列示） found 0 行']);
  });

  it('stale-acknowledgment: an acknowledgment that matches no finding is an error', () => {
    const filing = variant((f) => {
      setCell(f, 'general-budget-basic-expenditure', '302', '一般公共预算基本支出/合计', '124.39');
      setCell(f, 'general-budget-basic-expenditure', '302', '一般公共预算基本支出/公用经费', '124.39');
    });
    const findings = checkFiling(filing).filter((f) => f.rule === 'stale-acknowledgment');
    expect(findings.map((f) => [f.severity, f.at, f.file.endsWith('/acknowledgments.yaml')])).toEqual([
      ['error', 'general-budget-basic-expenditure:row 12:一般公共预算基本支出/合计', true],
      ['error', 'general-budget-basic-expenditure:row 12:一般公共预算基本支出/公用经费', true],
    ]);
  });

  it('an acknowledgment excuses the discrepancy it names and no other: the same cell off by more is an error', () => {
    const filing = variant((f) => setCell(f, 'general-budget-basic-expenditure', '302', '一般公共预算基本支出/合计', '24.38'));
    const at = 'general-budget-basic-expenditure:row 12:一般公共预算基本支出/合计';
    const findings = checkFiling(filing).filter((f) => f.at === at && f.rule !== 'row-sum');
    expect(findings.map((f) => [f.rule, f.severity, f.expected, f.found, f.acknowledged])).toEqual([
      ['column-sum', 'error', '124.39', '24.38', undefined],
      ['stale-acknowledgment', 'error', undefined, undefined, undefined],
    ]);
    expect(findings[1]!.message).toContain('针对的是 expected 124.39, found 124.38，现在的核对结果是 expected 124.39, found 24.38');
  });

  it('project-budget: a 项目绩效目标表 whose 资金总额 is not 财政资金 + 其他资金', () => {
    const withBudget = (budget: { total: string; fiscal: string; other: string | null }) =>
      variant((f) => f.projectList.push({ number: 1, title: '就业补助资金绩效目标表', name: '就业补助资金', unit: '万元', facts: {}, budget, spendingPlan: [], goals: [], indicators: [] }));
    expect(errors(withBudget({ total: '99.99', fiscal: '14.26', other: null }))).toEqual(['error project-budget project 1:budget expected 14.26 found 99.99']);
    expect(errors(withBudget({ total: '20.00', fiscal: '14.26', other: '5.74' }))).toEqual([]);
  });
});
