import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { headerPaths } from '../../src/lib/import/columns.ts';
import { importDocument, type ImportResult } from '../../src/lib/import/import-document.ts';
import { ImportError } from '../../src/lib/import/report.ts';
import { checkImportedRecord } from '../../src/lib/import/self-check.ts';
import { writeRecord } from '../../src/lib/import/write-record.ts';
import { CONTENT } from './records-from-sources.ts';
import { rowLines, tableStart, textForms, type TextForm } from './text-forms.ts';

const paths = (rows: string[][], width: number) => headerPaths(rows, width).map((p) => p.join('/'));

describe('header paths of the standard tables as each converter writes their header rows', () => {
  it('基本支出表, a merged cell written once (Word → text): each group covers exactly the labels under it', () => {
    expect(paths([['序号', '支出部门经济分类科目', '一般公共预算基本支出'], ['', '科目编码', '科目名称', '合计', '人员经费', '公用经费']], 6)).toEqual([
      '序号',
      '支出部门经济分类科目/科目编码',
      '支出部门经济分类科目/科目名称',
      '一般公共预算基本支出/合计',
      '一般公共预算基本支出/人员经费',
      '一般公共预算基本支出/公用经费',
    ]);
    expect(paths([['科目', '合计', '人员经费', '公用经费'], ['科目编码', '科目名称', '', '', '']], 5)).toEqual(['科目/科目编码', '科目/科目名称', '合计', '人员经费', '公用经费']);
    expect(paths([['功能分类科目编码', '科目名称', '合计', '人员经费', '公用经费'], ['类', '款', '项', '', '', '', '']], 7)).toEqual(['功能分类科目编码/类', '功能分类科目编码/款', '功能分类科目编码/项', '科目名称', '合计', '人员经费', '公用经费']);
  });

  it('基本支出表, every cell written (tab or pipe rows): 合计 printed low under a blank is its own column, not the classification’s', () => {
    expect(paths([['序号', '支出部门经济分类科目', '', '', '', ''], ['', '科目编码', '科目名称', '合计', '人员经费', '公用经费']], 6)).toEqual(['序号', '支出部门经济分类科目/科目编码', '支出部门经济分类科目/科目名称', '合计', '人员经费', '公用经费']);
    expect(paths([['功能分类科目编码', '', '', '科目名称', '合计', '人员经费', '公用经费'], ['类', '款', '项', '', '', '', '']], 7)).toEqual(['功能分类科目编码/类', '功能分类科目编码/款', '功能分类科目编码/项', '科目名称', '合计', '人员经费', '公用经费']);
  });

  it('财政拨款收支总表: 收入 covers 项目 and 预算数, 支出 the rest, in two or three rows', () => {
    const expected = ['收入/项目', '收入/预算数', '支出/项目', '支出/合计', '支出/一般公共预算', '支出/政府性基金', '支出/国有资本经营'];
    expect(paths([['收入', '支出'], ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金', '国有资本经营']], 7)).toEqual(expected);
    expect(paths([['收入', '', '支出', '', '', '', ''], ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金', '国有资本经营']], 7)).toEqual(expected);
    expect(paths([['收入', '支出'], ['项目', '预算数', '项目', '合计', '财政拨款'], ['', '', '', '', '一般公共预算', '政府性基金', '国有资本经营']], 7)).toEqual([
      '收入/项目',
      '收入/预算数',
      '支出/项目',
      '支出/合计',
      '支出/财政拨款/一般公共预算',
      '支出/财政拨款/政府性基金',
      '支出/财政拨款/国有资本经营',
    ]);
  });

  it('三公 table of a 决算: a group in a lower row never reaches under the next cell of a row above', () => {
    const funds = (label: string) => [`${label}/预算数`, `${label}/决算数`];
    expect(
      paths(
        [
          ['“三公”经费', '', '', '', '', '', '', '', '', '', '', ''],
          ['合计', '', '因公出国（境）费', '', '公务用车购置及运行费', '', '', '', '', '', '公务接待费', ''],
          ['', '', '', '', '小计', '', '公务用车购置费', '', '公务用车运行费', '', '', ''],
          ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数'],
        ],
        12,
      ),
    ).toEqual([
      ...funds('“三公”经费/合计'),
      ...funds('“三公”经费/因公出国（境）费'),
      ...funds('“三公”经费/公务用车购置及运行费/小计'),
      ...funds('“三公”经费/公务用车购置及运行费/公务用车购置费'),
      ...funds('“三公”经费/公务用车购置及运行费/公务用车运行费'),
      ...funds('“三公”经费/公务接待费'),
    ]);
  });

  it('收入总表: 本年收入 covers 小计 to 其他收入; 合计 and 上年结转, merged down, stand alone', () => {
    const expected = ['序号', '功能分类科目/科目编码', '功能分类科目/科目名称', '合计', '本年收入/小计', '本年收入/财政拨款收入', '本年收入/事业收入', '上年结转'];
    expect(paths([['序号', '功能分类科目', '合计', '本年收入', '上年结转'], ['', '科目编码', '科目名称', '', '小计', '财政拨款收入', '事业收入', '']], 8)).toEqual(expected);
    expect(paths([['序号', '功能分类科目', '', '合计', '本年收入', '', '', '上年结转'], ['', '科目编码', '科目名称', '', '小计', '财政拨款收入', '事业收入', '']], 8)).toEqual(expected);
  });
});

const YONGQING = join(CONTENT, '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算');
/** The body rows of a 永清县 table, from its committed CSV. */
const bodyOf = (id: string) => Papa.parse<string[]>(readFileSync(join(YONGQING, `tables/${id}.csv`), 'utf8').trim(), { delimiter: ',' }).data.slice(1);
const TITLE = '永清县人力资源和社会保障局 2024 年部门预算信息公开情况说明';
const INCOME = ['小计', '财政拨款收入', '财政专户收入', '事业收入', '经营收入', '上级补助收入', '附属单位上缴收入', '其他收入'];
const FUNDS = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];

interface Spec {
  title: string;
  id: string;
  /** Header rows as the form writes them. */
  header: Record<TextForm, string[][]>;
  expected: Record<TextForm, string[]>;
}

const pipesLike = <T,>(wordCells: T, rows: T): Record<TextForm, T> => ({ 'word-cells': wordCells, 'tab-rows': rows, 'markdown-pipes': rows });

const specs: Spec[] = [
  {
    title: '部门预算收入总表',
    id: 'income-summary',
    header: pipesLike(
      [['序号', '功能分类科目', '合计', '本年收入', '上年结转'], ['', '科目编码', '科目名称', '', ...INCOME, '']],
      // 合计 and 上年结转 printed in the lower row: only the row sums tell 上年结转 from a part of 本年收入.
      [['序号', '功能分类科目', '', '', '本年收入', ...INCOME.slice(1).map(() => ''), ''], ['', '科目编码', '科目名称', '合计', ...INCOME, '上年结转']],
    ),
    expected: pipesLike(
      ['序号', '功能分类科目/科目编码', '功能分类科目/科目名称', '合计', ...INCOME.map((l) => `本年收入/${l}`), '上年结转'],
      ['序号', '功能分类科目/科目编码', '功能分类科目/科目名称', '合计', ...INCOME.map((l) => `本年收入/${l}`), '上年结转'],
    ),
  },
  {
    title: '部门预算财政拨款收支总表',
    id: 'fiscal-summary',
    header: pipesLike(
      [['序号', '收入', '支出'], ['', '项目', '预算数', '项目', '合计', ...FUNDS]],
      [['序号', '收入', '', '支出', '', '', '', ''], ['', '项目', '预算数', '项目', '合计', ...FUNDS]],
    ),
    expected: pipesLike(
      ['序号', '收入/项目', '收入/预算数', '支出/项目', '支出/合计', ...FUNDS.map((l) => `支出/${l}`)],
      ['序号', '收入/项目', '收入/预算数', '支出/项目', '支出/合计', ...FUNDS.map((l) => `支出/${l}`)],
    ),
  },
  {
    title: '部门预算一般公共预算财政拨款基本支出表',
    id: 'general-budget-basic-expenditure',
    header: pipesLike(
      [['序号', '支出部门经济分类科目', '一般公共预算基本支出'], ['', '科目编码', '科目名称', '合计', '人员经费', '公用经费']],
      [['序号', '支出部门经济分类科目', '', '', '', ''], ['', '科目编码', '科目名称', '合计', '人员经费', '公用经费']],
    ),
    expected: pipesLike(
      ['序号', '支出部门经济分类科目/科目编码', '支出部门经济分类科目/科目名称', '一般公共预算基本支出/合计', '一般公共预算基本支出/人员经费', '一般公共预算基本支出/公用经费'],
      ['序号', '支出部门经济分类科目/科目编码', '支出部门经济分类科目/科目名称', '合计', '人员经费', '公用经费'],
    ),
  },
];

function document(form: TextForm): string[] {
  return [
    TITLE,
    '',
    ...specs.flatMap((spec) => {
      const body = bodyOf(spec.id);
      const width = body[0]!.length;
      const lanes = ['栏次', ...Array.from({ length: width - 1 }, (_, k) => String(k + 1))];
      return [spec.title, '', '316 永清县人力资源和社会保障局', '', '单位：万元', '', ...tableStart(form, width), ...[...spec.header[form], lanes, ...body].flatMap((r) => rowLines(form, r)), ''];
    }),
    '一、部门职责及机构设置情况',
    '负责全县人力资源和社会保障工作。',
  ];
}

describe('a 2023-style document whose multi-level headers each converter writes its own way', () => {
  for (const form of textForms) {
    describe(form, async () => {
      const result: ImportResult = await importDocument({ file: `in/headers-${form}.txt`, bytes: new TextEncoder().encode(document(form).join('\n')) });
      const decl = parse(String(result.files.get('filing.yaml'))) as { tables: { id: string; columns: { header: string[] }[] }[] };

      for (const spec of specs) {
        it(`reads the whole header of ${spec.title}, and its rows as printed`, () => {
          expect(decl.tables.find((t) => t.id === spec.id)!.columns.map((c) => c.header.join('/'))).toEqual(spec.expected[form]);
          const csv = Papa.parse<string[]>(String(result.files.get(`tables/${spec.id}.csv`)).trim(), { delimiter: ',' }).data;
          expect(csv.slice(1)).toEqual(bodyOf(spec.id));
        });
      }

      it('checks itself: every table adds up but the 基本支出表, whose 302 the document itself prints 0.01 short', () => {
        const root = mkdtempSync(join(tmpdir(), 'gongkai-headers-'));
        onTestFinished(() => rmSync(root, { recursive: true, force: true }));
        const check = checkImportedRecord(root, writeRecord(root, result), result.report);
        expect(check.tables.map((t) => `${t.id}: ${t.verdict}`)).toEqual([
          'income-summary: adds up',
          'fiscal-summary: adds up',
          'general-budget-basic-expenditure: the document disagrees with itself',
        ]);
        expect(check.document.map((f) => `${f.at} ${f.expected} ${f.found}`)).toEqual([
          `general-budget-basic-expenditure:row 12:${spec3(form)}合计 124.39 124.38`,
          `general-budget-basic-expenditure:row 12:${spec3(form)}公用经费 124.39 124.38`,
        ]);
      });

      if (form !== 'word-cells') {
        it('says that the 收入总表’s header was read by its row sums', () => {
          expect(result.report.entries.filter((e) => e.kind === 'note' && /header read as/.test(e.text)).map((e) => e.text)).toEqual([
            `"部门预算收入总表": header read as ${spec0(form)}, under which 46 row sum(s) hold and 0 fail; the first reading, ${spec0(form).replace(' | 上年结转', ' | 本年收入/上年结转')}, had 18 failing`,
          ]);
        });
      }
    });
  }
});

function spec3(form: TextForm): string {
  return form === 'word-cells' ? '一般公共预算基本支出/' : '';
}
function spec0(form: TextForm): string {
  return specs[0]!.expected[form].join(' | ');
}

describe('a header under which no row adds up while the 合计 row agrees with its 科目', () => {
  it('stops the import, naming the table and its line', async () => {
    const doc = [TITLE, '', '部门预算支出总表', '', '316 永清县人力资源和社会保障局', '', '序号\t科目编码\t科目名称\t合计\t基本支出\t项目支出', '1\t\t合计\t30.00\t9.00\t9.00', '2\t208\t社会保障和就业支出\t20.00\t5.00\t5.00', '3\t221\t住房保障支出\t10.00\t4.00\t4.00', ''];
    let error: unknown;
    try {
      await importDocument({ file: 'in/misread.txt', bytes: new TextEncoder().encode(doc.join('\n')) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe(
      'in/misread.txt:7: the columns of "部门预算支出总表" add up under no reading of its header (1 tried; first: 序号 | 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出), while its 合计 row agrees with its 科目: the header is probably misread (or no 合计 column of the document is the sum of the others in any row); check its header rows',
    );
  });
});
