import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/lib/import/blocks.ts';
import { ImportReport } from '../../src/lib/import/report.ts';
import { normaliseTableShape } from '../../src/lib/import/table-shapes.ts';

const page = (line: number, rows: string[][]): TableBlock => ({ kind: 'table', line, rows: rows.map((cells, k) => ({ cells, line: line + k })) });
const cellsOf = (pages: TableBlock[]) => pages.map((p) => p.rows.map((r) => r.cells));

describe('table shapes the templates print', () => {
  it('joins a code printed over 类 | 款 | 项 into one column on every page: its label wrapped over two header rows is one label, a 合计 row sharing the 类 款 项 row stays, a 合计 spanning the code columns moves to the name column', () => {
    const report = new ImportReport('in.pdf', 'pdf');
    const pages = normaliseTableShape(
      [
        page(10, [
          ['项目', '', '', '', '本年支出合计', '基本支出'],
          ['支出功能分类', '', '', '科目名称', '', ''],
          ['科目编码', '', '', '', '', ''],
          ['', '', '', '', '', ''],
          ['类', '款', '项', '合计', '2,940.05', '2,336.91'],
          ['201', '', '', '一般公共服务支出', '2,106.66', '1,503.52'],
          ['201', '06', '01', '行政运行', '1,511.89', '1,503.52'],
        ]),
        page(20, [
          ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '160.75', '160.75'],
          ['合计', '', '', '', '2,940.05', '2,336.91'],
        ]),
      ],
      report,
      '支出决算表',
    );
    expect(cellsOf(pages)).toEqual([
      [
        ['项目', '', '本年支出合计', '基本支出'],
        ['支出功能分类科目编码', '科目名称', '', ''],
        ['', '合计', '2,940.05', '2,336.91'],
        ['201', '一般公共服务支出', '2,106.66', '1,503.52'],
        ['2010601', '行政运行', '1,511.89', '1,503.52'],
      ],
      [
        ['2080505', '机关事业单位基本养老保险缴费支出', '160.75', '160.75'],
        ['', '合计', '2,940.05', '2,336.91'],
      ],
    ]);
    expect(report.entries).toEqual([{ line: 10, kind: 'note', text: '"支出决算表": classification codes printed over 类/款/项 columns are kept as one code column each (201 | 06 | 01 → 2010601)' }]);
  });

  it('reads two side-by-side blocks with the same columns as one table, the left block first', () => {
    const report = new ImportReport('in.pdf', 'pdf');
    const pages = normaliseTableShape(
      [
        page(1, [
          ['经济分类科目编码', '', '科目名称', '决算数', '经济分类科目编码', '', '科目名称', '决算数'],
          ['类', '款', '', '', '类', '款', '', ''],
          ['301', '', '工资福利支出', '2,082.85', '302', '', '商品和服务支出', '171.07'],
          ['301', '01', '基本工资', '262.33', '302', '01', '办公费', '21.21'],
          ['303', '', '对个人和家庭的补助', '69.41', '310', '', '资本性支出', '13.58'],
          ['人员经费合计', '', '', '2,152.26', '公用经费合计', '', '', '184.65'],
        ]),
      ],
      report,
      '一般公共预算财政拨款基本支出决算表',
    );
    expect(cellsOf(pages)).toEqual([
      [
        ['经济分类科目编码', '科目名称', '决算数'],
        ['301', '工资福利支出', '2,082.85'],
        ['30101', '基本工资', '262.33'],
        ['303', '对个人和家庭的补助', '69.41'],
        ['', '人员经费合计', '2,152.26'],
        ['302', '商品和服务支出', '171.07'],
        ['30201', '办公费', '21.21'],
        ['310', '资本性支出', '13.58'],
        ['', '公用经费合计', '184.65'],
      ],
    ]);
    expect(report.entries.map((e) => e.text)).toEqual([
      '"一般公共预算财政拨款基本支出决算表": classification codes printed over 类/款 and 类/款 columns are kept as one code column each (201 | 06 | 01 → 2010601)',
      '"一般公共预算财政拨款基本支出决算表": printed as 2 blocks side by side with the same columns; read as one table, the left block first',
    ]);
  });

  it('leaves a table whose two halves differ (收入 | 支出) as it is', () => {
    const report = new ImportReport('in.pdf', 'pdf');
    const rows = [
      ['收入', '', '支出', ''],
      ['项目', '决算数', '项目', '决算数'],
      ['一、一般公共预算财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,106.66'],
    ];
    expect(cellsOf(normaliseTableShape([page(1, rows)], report, '收入支出决算总表'))).toEqual([rows]);
    expect(report.entries).toEqual([]);
  });
});
