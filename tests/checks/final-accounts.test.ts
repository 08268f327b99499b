import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import type { Filing } from '../../src/lib/records/load-filing.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import type { Cell, Table } from '../../src/lib/records/schema/table.ts';
import { checkFiling } from '../../src/lib/checks/check-filing.ts';
import { rulesFor } from '../../src/lib/checks/rules/index.ts';
import type { Finding } from '../../src/lib/checks/finding.ts';

/** The 上海市普陀区财政局 2024 决算, hand-written from the published PDF (fixtures/final-accounts/PROVENANCE.md). */
const FIXTURE = join(PROJECT_ROOT, 'tests', 'checks', 'fixtures', 'final-accounts');
const load = loadAllFilings(PROJECT_ROOT, join(FIXTURE, 'filings'));
const putuo = load.filings[0]!;

function variant(change: (filing: Filing) => void): Filing {
  const filing = structuredClone(putuo);
  change(filing);
  return filing;
}

function table(filing: Filing, id: string): Table {
  const found = filing.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

/** Set the cell in the row whose cells include `rowKey` (a code or a label; the first row for null) and the column with this header path. */
function setCell(filing: Filing, id: string, rowKey: string | null, header: string, value: string | null, nth = 0): void {
  const t = table(filing, id);
  const row = rowKey === null ? t.rows[0] : t.rows.filter((r) => r.includes(rowKey))[nth];
  const column = t.columns.findIndex((c) => c.header.join('/') === header);
  if (!row || column < 0) throw new Error(`no cell ${rowKey} / ${header} in ${id}`);
  row[column] = value;
}

const line = (f: Finding) => `${f.severity} ${f.rule} ${f.at} expected ${f.expected ?? '-'} found ${f.found ?? '-'}`;
const detail = (f: Finding) => ({ line: line(f), message: f.message });

/** What the document itself gets wrong, as the checks report it. */
const PUBLISHED = [
  {
    line: 'error column-sum income-summary:row 1:本年收入合计 expected 2946.26 found 2946.25',
    message: '合计 不等于 各类之和',
  },
  {
    line: 'error column-sum income-summary:row 1:财政拨款收入 expected 2940.06 found 2940.05',
    message: '合计 不等于 各类之和',
  },
  {
    line: 'error column-sum expenditure-summary:row 1:本年支出合计 expected 2940.06 found 2940.05',
    message: '合计 不等于 各类之和',
  },
  {
    line: 'error column-sum expenditure-summary:row 1:基本支出 expected 2336.92 found 2336.91',
    message: '合计 不等于 各类之和',
  },
  {
    line: 'error column-sum general-budget-expenditure:row 20:合计 expected 2940.06 found 2940.05',
    message: '合计 不等于 各类之和',
  },
  {
    line: 'error column-sum general-budget-expenditure:row 20:基本支出 expected 2336.92 found 2336.91',
    message: '合计 不等于 各类之和',
  },
  {
    line: 'error column-sum general-budget-basic-expenditure:row 1:决算数 expected 2082.86 found 2082.85',
    message: '类 301 工资福利支出 不等于 所属各款之和',
  },
  {
    line: 'error column-sum general-budget-basic-expenditure:row 28:决算数 expected 171.09 found 171.07',
    message: '类 302 商品和服务支出 不等于 所属各款之和',
  },
  {
    line: 'error cross-table expenditure-summary:row 8:本年支出合计 expected 326.71 found 326.72',
    message: '支出决算表 208 社会保障和就业支出 合计 与 收入支出决算总表 社会保障和就业支出 不一致',
  },
  {
    line: 'error cross-table general-budget-expenditure:row 7:合计 expected 326.71 found 326.72',
    message: '一般公共预算财政拨款支出决算表 208 社会保障和就业支出 合计 与 财政拨款收入支出决算总表 社会保障和就业支出 不一致',
  },
  {
    line: 'error stated-figure statedFigures.fiscal.total expected 2961.68 found 0.3',
    message: '情况说明“上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。”中的 0.3 万元 与 财政拨款收入支出决算总表 总计 2961.68 不一致',
  },
];

/** The findings a change adds to the published ones, and those it takes away. */
function change(filing: Filing): { added: ReturnType<typeof detail>[]; removed: string[] } {
  const now = checkFiling(filing).map(detail);
  const was = PUBLISHED.map((p) => p.line);
  return { added: now.filter((f) => !was.includes(f.line)), removed: was.filter((l) => !now.some((f) => f.line === l)) };
}

describe('the 上海市普陀区财政局 2024 决算 record', () => {
  it('loads through the loader with no problem', () => {
    expect(load.problems).toEqual([]);
    expect(load.filings.map((f) => [f.id, f.kind, f.tables.length])).toEqual([['上海市/普陀区/财政局/2024-决算', '决算', 9]]);
  });

  it('gives exactly the document’s own inconsistencies: 208 printed 326.72 in the detail tables and 326.71 in the summaries (so three 合计 rows do not add up), 301 and 302 of the 基本支出决算表, and a 财政拨款收入支出总计 of 0.3', () => {
    expect(checkFiling(putuo).map(detail)).toEqual(PUBLISHED);
  });

  it('is checked by the rules for a 决算: the 预算’s balance stands aside for final-balance', () => {
    expect(rulesFor('决算').map((r) => r.id)).toEqual([
      'required-table', 'listed-table', 'no-standard-tables', 'empty-table', 'code-hierarchy', 'unread-row', 'classification-depth', 'code-name', 'column-sum', 'row-sum',
      'three-public-sum', 'funding-totals', 'final-balance', 'cross-table', 'final-cross-table', 'stated-figure', 'stated-sum', 'stated-comparison', 'operating-costs',
      'project-budget', 'numbering',
    ]);
    expect(rulesFor('预算').map((r) => r.id).filter((id) => !rulesFor('决算').some((r) => r.id === id))).toEqual(['balance']);
  });

  it('names the cell in the CSV', () => {
    const finding = checkFiling(putuo).find((f) => f.rule === 'cross-table')!;
    expect(finding).toMatchObject({
      file: 'tests/checks/fixtures/final-accounts/filings/上海市/普陀区/财政局/2024-决算/tables/expenditure-summary.csv',
      table: 'expenditure-summary',
      row: 8,
      line: 9,
      column: '本年支出合计',
    });
  });
});

describe('each 决算 rule catches its mistake, naming the cell', () => {
  it('final-balance: 年初结转和结余 changed, 收入栏总计 no longer adds up', () => {
    const filing = variant((f) => setCell(f, 'income-expenditure-summary', '年初结转和结余', '收入/决算数', '49.41'));
    expect(change(filing)).toEqual({
      added: [
        {
          line: 'error final-balance income-expenditure-summary:row 30:收入/决算数 expected 2995.66 found 2995.39',
          message: '收入栏总计 不等于 本年收入合计 + 使用非财政拨款结余（含专用结余） + 年初结转和结余',
        },
      ],
      removed: [],
    });
  });

  it('final-balance: 年末结转和结余 changed, 支出栏总计 no longer adds up', () => {
    const filing = variant((f) => setCell(f, 'income-expenditure-summary', '年末结转和结余', '支出/决算数', '55.43'));
    expect(change(filing)).toEqual({
      added: [
        {
          line: 'error final-balance income-expenditure-summary:row 30:支出/决算数 expected 2995.48 found 2995.39',
          message: '支出栏总计 不等于 本年支出合计 + 结余分配 + 年末结转和结余',
        },
      ],
      removed: [],
    });
  });

  it('final-balance: the two 总计 differ', () => {
    const filing = variant((f) => {
      const t = table(f, 'income-expenditure-summary');
      t.rows[t.rows.length - 1]![3] = '2995.93';
    });
    expect(change(filing)).toEqual({
      added: [
        { line: 'error final-balance income-expenditure-summary:row 30:支出/决算数 expected 2995.39 found 2995.93', message: '支出栏总计 不等于 本年支出合计 + 结余分配 + 年末结转和结余' },
        { line: 'error final-balance income-expenditure-summary:row 30:支出/决算数 expected 2995.39 found 2995.93', message: '支出栏总计 不等于 收入栏总计' },
      ],
      removed: [],
    });
  });

  it('final-balance: the 财政拨款收入支出决算总表’s 年初财政拨款结转和结余 is not its breakdown by fund', () => {
    const filing = variant((f) => setCell(f, 'fiscal-summary', '一、一般公共预算财政拨款', '收入/决算数', '21.36', 1));
    expect(change(filing)).toEqual({
      added: [
        {
          line: 'error final-balance fiscal-summary:row 28:收入/决算数 expected 21.36 found 21.63',
          message: '年初财政拨款结转和结余 不等于 其下所列各项之和',
        },
      ],
      removed: [],
    });
  });

  it('final-balance: the 财政拨款 总计 of one fund’s column does not add up', () => {
    const filing = variant((f) => setCell(f, 'fiscal-summary', '年末财政拨款结转和结余', '支出/一般公共预算财政拨款', '12.63'));
    expect(change(filing).added).toEqual([
      {
        line: 'error row-sum fiscal-summary:row 28:支出/合计 expected 12.63 found 21.63',
        message: '支出/合计 不等于 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款',
      },
      {
        line: 'error final-balance fiscal-summary:row 32:支出/一般公共预算财政拨款 expected 2952.68 found 2961.68',
        message: '支出栏总计 不等于 本年支出合计 + 年末财政拨款结转和结余',
      },
    ]);
  });

  it('funding-totals: 人员经费合计 is not 301 + 303 (and no longer matches the 基本支出 elsewhere)', () => {
    const filing = variant((f) => setCell(f, 'general-budget-basic-expenditure', '人员经费合计', '决算数', '2152.62'));
    expect(change(filing)).toEqual({
      added: [
        {
          line: 'error funding-totals general-budget-basic-expenditure:row 27:决算数 expected 2152.26 found 2152.62',
          message: '人员经费合计 不等于 301 工资福利支出 + 303 对个人和家庭的补助之和',
        },
        {
          line: 'error final-cross-table general-budget-basic-expenditure expected 2336.91 found 2337.27',
          message: '一般公共预算财政拨款基本支出决算表 人员经费合计 + 公用经费合计 2337.27 与 一般公共预算财政拨款支出决算表 合计行 基本支出 不一致',
        },
        {
          line: 'error stated-figure statedFigures.expenditure.personnel expected 2152.62 found 2152.26',
          message: expect.stringMatching(/^情况说明“其中：人员经费2152\.26万元，.*”中的 2152\.26 万元 与 一般公共预算财政拨款基本支出决算表 人员经费合计 2152\.62 不一致$/),
        },
      ],
      removed: [],
    });
  });

  it('funding-totals: a class changed, 公用经费合计 is not 302 + 310', () => {
    const filing = variant((f) => setCell(f, 'general-budget-basic-expenditure', '310', '决算数', '13.85'));
    expect(change(filing)).toEqual({
      added: [
        { line: 'error column-sum general-budget-basic-expenditure:row 56:决算数 expected 13.58 found 13.85', message: '类 310 资本性支出 不等于 所属各款之和' },
        {
          line: 'error funding-totals general-budget-basic-expenditure:row 66:决算数 expected 184.92 found 184.65',
          message: '公用经费合计 不等于 302 商品和服务支出 + 310 资本性支出之和',
        },
      ],
      removed: [],
    });
  });

  it('three-public-sum: 合计 ≠ the items, for the 预算数', () => {
    const filing = variant((f) => setCell(f, 'three-public', null, '财政拨款“三公”经费/公务接待费/预算数', '0.59'));
    expect(change(filing)).toEqual({
      added: [
        {
          line: 'error three-public-sum three-public:row 1:财政拨款“三公”经费/合计/预算数 expected 0.59 found 0.95',
          message: '合计（预算数）不等于 因公出国(境)费 + 公务用车购置及运维费 + 公务接待费',
        },
      ],
      removed: [],
    });
  });

  it('three-public-sum: 公务用车 小计 ≠ 购置费 + 运行费, for the 决算数', () => {
    const filing = variant((f) => setCell(f, 'three-public', null, '财政拨款“三公”经费/公务用车购置及运行费/公务用车运行费/决算数', '0.30'));
    expect(change(filing)).toEqual({
      added: [
        {
          line: 'error three-public-sum three-public:row 1:财政拨款“三公”经费/公务用车购置及运行费/小计/决算数 expected 0.30 found ',
          message: '公务用车购置及运维费（决算数）不等于 公务用车购置费 + 公务用车运行维护费',
        },
      ],
      removed: [],
    });
  });

  it('final-cross-table: an income column of the 收入决算表 differs from its line in the 收入支出决算总表', () => {
    const filing = variant((f) => setCell(f, 'income-summary', '合计', '其他收入', '6.02'));
    expect(change(filing)).toEqual({
      added: [
        { line: 'error column-sum income-summary:row 1:其他收入 expected 6.20 found 6.02', message: '合计 不等于 各类之和' },
        { line: 'error row-sum income-summary:row 1:本年收入合计 expected 2946.07 found 2946.25', message: '本年收入合计 不等于 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入' },
        { line: 'error final-cross-table income-summary:row 1:其他收入 expected 6.20 found 6.02', message: '收入决算表 合计行 其他收入 与 收入支出决算总表 八、其他收入 不一致' },
      ],
      removed: [],
    });
  });

  it('final-cross-table: 财政拨款收入 is checked against the three funds’ lines of the 收入支出决算总表 and the 财政拨款收入支出决算总表', () => {
    const filing = variant((f) => {
      setCell(f, 'income-summary', '合计', '财政拨款收入', '2940.50');
      setCell(f, 'income-summary', '合计', '本年收入合计', '2946.70');
    });
    expect(change(filing)).toEqual({
      added: [
        { line: 'error column-sum income-summary:row 1:本年收入合计 expected 2946.26 found 2946.70', message: '合计 不等于 各类之和' },
        { line: 'error column-sum income-summary:row 1:财政拨款收入 expected 2940.06 found 2940.50', message: '合计 不等于 各类之和' },
        { line: 'error final-cross-table income-summary:row 1:本年收入合计 expected 2946.25 found 2946.70', message: '收入决算表 合计行 本年收入合计 与 收入支出决算总表 本年收入合计 不一致' },
        {
          line: 'error final-cross-table income-summary:row 1:财政拨款收入 expected 2940.05 found 2940.50',
          message: '收入决算表 合计行 财政拨款收入 与 收入支出决算总表 一、一般公共预算财政拨款收入 + 二、政府性基金预算财政拨款收入 + 三、国有资本经营预算财政拨款收入 不一致',
        },
        { line: 'error final-cross-table income-summary:row 1:财政拨款收入 expected 2940.05 found 2940.50', message: '收入决算表 合计行 财政拨款收入 与 财政拨款收入支出决算总表 本年收入合计 不一致' },
        { line: 'error stated-figure statedFigures.income.fiscal expected 2940.50 found 2940.05', message: expect.stringContaining('与 收入决算表 合计行 财政拨款收入 2940.50 不一致') },
      ],
      removed: [
        'error column-sum income-summary:row 1:本年收入合计 expected 2946.26 found 2946.25',
        'error column-sum income-summary:row 1:财政拨款收入 expected 2940.06 found 2940.05',
      ],
    });
  });

  it('final-cross-table: where all spending is 一般公共预算, the 支出决算表’s 项目支出 is that table’s', () => {
    const filing = variant((f) => setCell(f, 'expenditure-summary', '合计', '项目支出', '603.41'));
    expect(change(filing).added).toEqual([
      { line: 'error column-sum expenditure-summary:row 1:项目支出 expected 603.14 found 603.41', message: '合计 不等于 各类之和' },
      { line: 'error row-sum expenditure-summary:row 1:本年支出合计 expected 2940.32 found 2940.05', message: '本年支出合计 不等于 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出' },
      { line: 'error final-cross-table general-budget-expenditure:row 20:项目支出 expected 603.41 found 603.14', message: '一般公共预算财政拨款支出决算表 合计行 项目支出 与 支出决算表 合计行 项目支出 不一致' },
      { line: 'error stated-figure statedFigures.expenditure.project expected 603.41 found 603.14', message: '情况说明“项目支出603.14万元，占20.51%；”中的 603.14 万元 与 支出决算表 合计行 项目支出 603.41 不一致' },
    ]);
  });

  it('stated-comparison: 决算数小于预算数 where the figures say otherwise', () => {
    const filing = variant((f) => (f.statedFigures['comparison.2']!.compared!.value = '1500.00'));
    expect(change(filing).added).toEqual([
      {
        line: 'error stated-comparison statedFigures.comparison.2 expected 大于 found 小于',
        message: '情况说明“一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万元。 决算数小于预算数”说 1511.89 万元小于 1500.00 万元，实为大于',
      },
    ]);
  });

  it('stated-comparison: 基本持平 allows 1% of the 预算数, no more', () => {
    const within = variant((f) => (f.statedFigures['comparison.3']!.compared!.value = '10.10'));
    const beyond = variant((f) => (f.statedFigures['comparison.3']!.compared!.value = '10.11'));
    expect(change(within)).toEqual({ added: [], removed: [] });
    expect(change(beyond).added).toEqual([
      {
        line: 'error stated-comparison statedFigures.comparison.3 expected 小于 found 基本持平',
        message: expect.stringMatching(/”说 10\.00 万元基本持平 10\.11 万元，实为小于，相差超过 10\.11 万元的 1%$/),
      },
    ]);
  });

  it('stated-figure: the 支出决算 of a 科目 a comparison names is its row of the 一般公共预算财政拨款支出决算表', () => {
    const filing = variant((f) => (f.statedFigures['comparison.2']!.value = '1511.98'));
    expect(change(filing).added).toEqual([
      {
        line: 'error stated-figure statedFigures.comparison.2 expected 1511.89 found 1511.98',
        message: expect.stringMatching(/中的 1511\.98 万元 与 一般公共预算财政拨款支出决算表 2010601 行政运行 合计 1511\.89 不一致$/),
      },
    ]);
  });

  it('stated-figure: the 三公 年初预算 a comparison states is the table’s 预算数', () => {
    const filing = variant((f) => (f.statedFigures['comparison.13']!.compared!.value = '0.59'));
    expect(change(filing).added).toEqual([
      {
        line: 'error stated-figure statedFigures.comparison.13.compared expected 0.95 found 0.59',
        message: expect.stringMatching(/中的 0\.59 万元 与 财政拨款“三公”经费支出决算表 合计 预算数 0\.95 不一致$/),
      },
    ]);
  });

  it('stated-figure: the 三公 决算 figures are the table’s 决算数', () => {
    const filing = variant((f) => setCell(f, 'three-public', null, '财政拨款“三公”经费/公务接待费/决算数', '0.20'));
    expect(change(filing).added.map((f) => f.line)).toEqual([
      'error three-public-sum three-public:row 1:财政拨款“三公”经费/合计/决算数 expected 0.20 found ',
      'error stated-figure statedFigures.threePublic.reception expected 0.20 found 0.00',
    ]);
  });
});

describe('a 决算 rule that cannot find its row or column warns', () => {
  it('final-balance: 总计 of the 支出 side printed as 支出总额', () => {
    const filing = variant((f) => {
      const t = table(f, 'income-expenditure-summary');
      t.rows[t.rows.length - 1]![2] = '支出总额';
    });
    const added = checkFiling(filing).filter((f) => !PUBLISHED.some((p) => p.line === line(f)));
    expect(added.map(detail)).toEqual([
      {
        line: 'warning final-balance income-expenditure-summary expected “支出总计”行 found （缺）',
        message: '收入支出决算总表 没有找到“支出总计”行，未核对：支出栏总计 = 本年支出合计 + 结余分配 + 年末结转和结余；收入栏总计 = 支出栏总计',
      },
    ]);
  });

  it('three-public-sum: a column renamed is reported and its sum left unchecked', () => {
    const filing = variant((f) => {
      for (const column of table(f, 'three-public').columns) if (column.header[1] === '公务接待费') column.header = [column.header[0]!, '接待费', column.header[2]!];
    });
    expect(change(filing).added).toEqual([
      {
        line: 'warning three-public-sum three-public expected “公务接待费/预算数”列、“公务接待费/决算数”列 found （缺）',
        message: '财政拨款“三公”经费支出决算表 没有找到“公务接待费/预算数”列、“公务接待费/决算数”列，未核对：合计 = 因公出国(境)费 + 公务用车购置及运维费 + 公务接待费（预算数）；合计 = 因公出国(境)费 + 公务用车购置及运维费 + 公务接待费（决算数）',
      },
      {
        line: 'warning three-public-sum three-public:row 1:财政拨款“三公”经费/接待费/预算数 expected “三公”经费表的项目 found 财政拨款“三公”经费/接待费/预算数',
        message: expect.stringMatching(/^“财政拨款“三公”经费\/接待费\/预算数”列不是“三公”经费表的项目（“合计”、.*），该列未核对$/),
      },
      {
        line: 'warning three-public-sum three-public:row 1:财政拨款“三公”经费/接待费/决算数 expected “三公”经费表的项目 found 财政拨款“三公”经费/接待费/决算数',
        message: expect.stringMatching(/列不是“三公”经费表的项目/),
      },
      {
        line: 'warning stated-figure statedFigures.threePublic.reception expected 财政拨款“三公”经费支出决算表 “公务接待费/决算数”列 found （缺）',
        message: '情况说明“公务接待费支出决算为0.00万元，完成预算的0%。”中的 0.00 万元 未与表核对：没有找到财政拨款“三公”经费支出决算表 “公务接待费/决算数”列',
      },
    ]);
  });

  it('three-public-sum: a header misread into a second column of one item (公务接待费/公务用车运行费/预算数) is reported', () => {
    const filing = variant((f) => {
      for (const column of table(f, 'three-public').columns) if (column.header[1] === '公务接待费') column.header = [column.header[0]!, '公务接待费', '公务用车运行费', column.header[2]!];
    });
    expect(change(filing).added.map((f) => f.line)).toEqual([
      'warning three-public-sum three-public expected “公务接待费/预算数”列、“公务接待费/决算数”列 found （缺）',
      'warning three-public-sum three-public:row 1:财政拨款“三公”经费/公务接待费/公务用车运行费/预算数 expected “三公”经费表的项目 found 财政拨款“三公”经费/公务接待费/公务用车运行费/预算数',
      'warning three-public-sum three-public:row 1:财政拨款“三公”经费/公务接待费/公务用车运行费/决算数 expected “三公”经费表的项目 found 财政拨款“三公”经费/公务接待费/公务用车运行费/决算数',
      'warning stated-figure statedFigures.threePublic.reception expected 财政拨款“三公”经费支出决算表 “公务接待费/决算数”列 found （缺）',
    ]);
    expect(change(filing).added[1]!.message).toBe(
      '“财政拨款“三公”经费/公务接待费/公务用车运行费/预算数”列与“财政拨款“三公”经费/公务用车购置及运行费/公务用车运行费/预算数”列是同一项目，该列未核对',
    );
  });

  it('funding-totals: a 基本支出决算表 without its 公用经费合计 row (机关运行经费 is then compared with the stated 公用经费)', () => {
    const filing = variant((f) => {
      const t = table(f, 'general-budget-basic-expenditure');
      t.rows.pop();
      t.lines.pop();
    });
    expect(change(filing).added).toEqual([
      {
        line: 'warning funding-totals general-budget-basic-expenditure expected “公用经费合计”行 found （缺）',
        message: '一般公共预算财政拨款基本支出决算表 没有找到“公用经费合计”行，未核对：人员经费合计 = 301 + 303；公用经费合计 = 302 + 310',
      },
      {
        line: 'warning final-cross-table general-budget-basic-expenditure expected “人员经费合计”和“公用经费合计”行 found （缺）',
        message: '一般公共预算财政拨款基本支出决算表 没有找到“人员经费合计”和“公用经费合计”行，未核对：一般公共预算财政拨款基本支出决算表 人员经费合计 + 公用经费合计 = 一般公共预算财政拨款支出决算表 基本支出',
      },
      {
        line: 'warning stated-figure statedFigures.expenditure.publicFunds expected 一般公共预算财政拨款基本支出决算表 “公用经费”列（或“公用经费合计”行） found （缺）',
        message: expect.stringMatching(/中的 184\.65 万元 未与表核对：没有找到一般公共预算财政拨款基本支出决算表 “公用经费”列（或“公用经费合计”行）$/),
      },
    ]);
  });
});

describe('the same 决算 printed in other layouts is read by its labels', () => {
  it('a 三公 table with its items as rows and a 预算数 and a 决算数 column', () => {
    const filing = variant((f) => {
      const t = table(f, 'three-public');
      t.columns = [{ header: ['项目'], type: 'text' }, { header: ['预算数'], type: 'amount' }, { header: ['决算数'], type: 'amount' }];
      const items = ['合计', '因公出国（境）费', '公务用车购置及运行费', '其中：公务用车购置费', '公务用车运行费', '公务接待费'];
      t.rows = items.map((item) => [item, item === '合计' || item === '公务接待费' ? '0.95' : null, null]);
      t.lines = items.map((_, i) => i + 2);
    });
    expect(change(filing)).toEqual({ added: [], removed: [] });
    const wrong = variant((f) => {
      const t = table(f, 'three-public');
      t.columns = [{ header: ['项目'], type: 'text' }, { header: ['预算数'], type: 'amount' }, { header: ['决算数'], type: 'amount' }];
      t.rows = [['合计', '0.95', null], ['因公出国（境）费', null, null], ['公务用车购置及运行费', null, null], ['公务接待费', '0.59', null]];
      t.lines = [2, 3, 4, 5];
    });
    expect(change(wrong).added).toEqual([{ line: 'error column-sum three-public:row 1:预算数 expected 0.59 found 0.95', message: '合计 不等于 所列各项之和' }]);
  });

  it('a 三公 table without the caption over its columns', () => {
    const filing = variant((f) => {
      for (const column of table(f, 'three-public').columns) column.header = column.header.slice(1);
    });
    expect(change(filing)).toEqual({ added: [], removed: [] });
  });

  it('a 基本支出决算表 with 人员经费 and 公用经费 as columns beside 合计', () => {
    const filing = variant((f) => {
      const t = table(f, 'general-budget-basic-expenditure');
      const coded = t.rows.filter((r) => r[0] !== null);
      t.columns = [
        { header: ['经济分类科目编码'], type: 'code', classification: 'economic' },
        { header: ['科目名称'], type: 'text' },
        { header: ['决算数', '合计'], type: 'amount' },
        { header: ['决算数', '人员经费'], type: 'amount' },
        { header: ['决算数', '公用经费'], type: 'amount' },
      ];
      const personnel = (code: Cell) => Boolean(code && (code.startsWith('301') || code.startsWith('303')));
      t.rows = [[null, '合计', '2336.91', '2152.26', '184.65'], ...coded.map(([code = null, name = null, value = null]) => [code, name, value, personnel(code) ? value : null, personnel(code) ? null : value])];
      t.lines = t.rows.map((_, i) => i + 2);
    });
    expect(change(filing)).toEqual({
      added: [
        { line: 'error column-sum general-budget-basic-expenditure:row 2:决算数/合计 expected 2082.86 found 2082.85', message: '类 301 工资福利支出 不等于 所属各款之和' },
        { line: 'error column-sum general-budget-basic-expenditure:row 28:决算数/合计 expected 171.09 found 171.07', message: '类 302 商品和服务支出 不等于 所属各款之和' },
        { line: 'error column-sum general-budget-basic-expenditure:row 2:决算数/人员经费 expected 2082.86 found 2082.85', message: '类 301 工资福利支出 不等于 所属各款之和' },
        { line: 'error column-sum general-budget-basic-expenditure:row 28:决算数/公用经费 expected 171.09 found 171.07', message: '类 302 商品和服务支出 不等于 所属各款之和' },
      ],
      removed: [
        'error column-sum general-budget-basic-expenditure:row 1:决算数 expected 2082.86 found 2082.85',
        'error column-sum general-budget-basic-expenditure:row 28:决算数 expected 171.09 found 171.07',
      ],
    });
  });
});

describe('required-table and listed-table', () => {
  it('a missing 决算 table is named by its 决算 name, and by the 目录 entry that lists it; a part heading is no table', () => {
    const filing = variant((f) => {
      f.tables = f.tables.filter((t) => t.standard !== 'three-public');
      f.contents = [...f.contents, '十、政府采购情况表'];
    });
    expect(change(filing).added).toEqual([
      { line: 'warning required-table tables:three-public expected 财政拨款“三公”经费支出决算表 found （缺）', message: '缺少财政拨款“三公”经费支出决算表；无数据时应以空表列示' },
      { line: 'warning listed-table contents:七、财政拨款“三公”经费支出决算表 expected 七、财政拨款“三公”经费支出决算表 found （缺）', message: '目录列有“七、财政拨款“三公”经费支出决算表”，本公开中没有这张表' },
      { line: 'warning listed-table contents:十、政府采购情况表 expected 十、政府采购情况表 found （缺）', message: '目录列有“十、政府采购情况表”，本公开中没有这张表' },
    ]);
  });
});
