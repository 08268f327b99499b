/**
 * One case for each class of document the fixture corpus found read wrong
 * (tests/import/fixture-corpus.test.ts): the smallest document of that
 * class, and what the reader must make of it.
 */
import * as XLSX from '@e965/xlsx';
import type { TableRow as BlockRow } from '../../src/lib/import/blocks.ts';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { onFirstPageColumns } from '../../src/lib/import/pdf/continued-columns.ts';
import type { Piece } from '../../src/lib/import/pdf/geometry.ts';
import { gridCells } from '../../src/lib/import/pdf/grid-cells.ts';
import type { Grid } from '../../src/lib/import/pdf/lattice.ts';
import { foldLookalikes } from '../../src/lib/import/pdf/lookalikes.ts';
import { paragraphs } from '../../src/lib/import/pdf/paragraphs.ts';
import { advance } from '../../src/lib/import/pdf/page-text.ts';
import { blockText, type Line } from '../../src/lib/import/pdf/text-lines.ts';
import { splitUnruledRows } from '../../src/lib/import/pdf/unruled-rows.ts';
import { readDocument } from '../../src/lib/import/read-document.ts';
import { ImportReport } from '../../src/lib/import/report.ts';
import { normaliseTableShape } from '../../src/lib/import/table-shapes.ts';

const cell = (lines: string[]) => new TableCell({ children: lines.map((t) => new Paragraph(t)) });

describe('Word: the paragraphs of one table cell', () => {
  it('are lines of the cell: numbered goals, a line printed twice, a note after a name', async () => {
    const table = new Table({
      columnWidths: [3000, 3000, 3000],
      rows: [
        new TableRow({ children: [cell(['绩效目标']), cell(['1、及时将资金拨入财政专户', '2、按月足额发放到位']), cell([])] }),
        new TableRow({ children: [cell(['就业困难人员就业人数', '就业困难人员就业人数']), cell(['发放频率', 'v']), cell(['  按月\t发放 ', '', '足额'])] }),
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [table] }] })));
    expect((await readDocument('in/goals.docx', bytes)).blocks).toEqual([
      {
        kind: 'table',
        line: 1,
        rows: [
          { cells: ['绩效目标', '1、及时将资金拨入财政专户\n2、按月足额发放到位', ''], line: 1 },
          { cells: ['就业困难人员就业人数\n就业困难人员就业人数', '发放频率\nv', '按月 发放\n足额'], line: 2 },
        ],
      },
    ]);
  });
});

describe('Excel: rows with one filled cell that belong to a table', () => {
  const read = (rows: (string | number | null)[][], merges: string[]) => {
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    sheet['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheet, 'S');
    return readDocument('in/sheet.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
  };

  it('a label merged over every column under the 单位 line is the top header row; a title above a header is not', async () => {
    const { blocks } = await read(
      [
        ['财政拨款“三公”经费支出决算表', null, null, null],
        [null, null, null, '单位：万元'],
        ['财政拨款“三公”经费', null, null, null],
        ['合计', null, '公务接待费', null],
        ['预算数', '决算数', '预算数', '决算数'],
        [0.95, null, 0.95, null],
        [],
        ['部门收支总表', null, null, null],
        ['项目', '金额', '项目', '金额'],
      ],
      ['A1:D1', 'A3:D3', 'A4:B4', 'C4:D4', 'A8:D8'],
    );
    expect(blocks).toEqual([
      { kind: 'text', text: '财政拨款“三公”经费支出决算表', line: 1 },
      { kind: 'text', text: '单位：万元', line: 2 },
      {
        kind: 'table',
        line: 3,
        sheet: 'S',
        rows: [
          { cells: ['财政拨款“三公”经费', '', '', ''], coveredBy: [undefined, '财政拨款“三公”经费', '财政拨款“三公”经费', '财政拨款“三公”经费'], line: 3 },
          { cells: ['合计', '', '公务接待费', ''], coveredBy: [undefined, '合计', undefined, '公务接待费'], line: 4 },
          { cells: ['预算数', '决算数', '预算数', '决算数'], line: 5 },
          { cells: ['0.95', '', '0.95', ''], line: 6 },
        ],
      },
      { kind: 'text', text: '部门收支总表', line: 7 },
      { kind: 'table', line: 8, sheet: 'S', rows: [{ cells: ['项目', '金额', '项目', '金额'], line: 8 }] },
    ]);
  });

  it('a lone 合计 row ends its table before the 注 line; another lone last line stays text', async () => {
    const { blocks } = await read(
      [
        ['项目', '本年支出', null],
        ['支出功能分类科目编码', '科目名称', '小计'],
        [null, '合　计', null],
        ['注：本部门无政府性基金预算财政拨款支出，故本表无数据。', null, null],
        [],
        ['项目', '金额', null],
        ['工资福利支出', 12, null],
        [null, '以上为基本支出', null],
      ],
      [],
    );
    expect(blocks).toEqual([
      {
        kind: 'table',
        line: 1,
        sheet: 'S',
        rows: [
          { cells: ['项目', '本年支出', ''], line: 1 },
          { cells: ['支出功能分类科目编码', '科目名称', '小计'], line: 2 },
          { cells: ['', '合　计', ''], line: 3 },
        ],
      },
      { kind: 'text', text: '注：本部门无政府性基金预算财政拨款支出，故本表无数据。', line: 4 },
      { kind: 'table', line: 5, sheet: 'S', rows: [{ cells: ['项目', '金额'], line: 5 }, { cells: ['工资福利支出', '12'], line: 6 }] },
      { kind: 'text', text: '以上为基本支出', line: 7 },
    ]);
  });
});

describe('PDF text layers: radicals and ligatures a font draws for ordinary characters', () => {
  const block = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

  it('folds the characters Chromium wrote for 门, 户 and —— in the corpus', () => {
    expect(foldLookalikes('部⻔ 账⼾ 资产总额 ⸺ ⸻ ⼀般 ⻓期')).toBe('部门 账户 资产总额 —— ——— 一般 长期');
  });

  it('reads every Kangxi radical as its character: NFKC but for ⼾, which simplified-Chinese fonts draw as 户', () => {
    const radicals = block(0x2f00, 0x2fd5);
    expect(radicals.filter((r) => foldLookalikes(r) !== (r === '⼾' ? '户' : r.normalize('NFKC')))).toEqual([]);
  });

  it('reads the simplified forms of the Radicals Supplement as simplified characters, and leaves bare components', () => {
    const folded = block(0x2e80, 0x2ef3).map((r) => [r, foldLookalikes(r)] as const);
    expect(folded.filter(([r, c]) => c !== r && !/^\p{Unified_Ideograph}$/u.test(c))).toEqual([]);
    expect(foldLookalikes('⻅⻈⻉⻋⻐⻓⻔⻙⻚⻛⻜⻠⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳⺠⺟')).toBe('见讠贝车钅长门韦页风飞饣马鱼鸟卤麦黄黾齐齿龙龟民母');
    expect(foldLookalikes('⺀⺼')).toBe('⺀⺼');
  });
});

describe('PDF: the lines of one ruled cell', () => {
  /** A line of 9 pt text starting at x0, `row` lines down, as one piece as wide as its characters. */
  const line = (text: string, x0: number, row: number): Piece => {
    const x1 = x0 + [...text].reduce((w, ch) => w + advance(ch), 0) * 9;
    return { text, x0, x1, top: 100 + row * 12, bottom: 109 + row * 12, size: 9, spaceBefore: false };
  };

  it('joins wrapped lines without a space where either side is Chinese or full-width, with one between words', () => {
    const narrow = { x0: 0, x1: 27 };
    expect(blockText([line('元/', 3, 0), line('人/', 3, 1), line('月', 3, 2)], narrow)).toBe('元/人/月');
    expect(blockText([line('（廊人社发[2020]122', 3, 0), line('号）', 3, 1)], { x0: 0, x1: 110 })).toBe('（廊人社发[2020]122号）');
    expect(blockText([line('单价在', 3, 0), line('20万元以上的设备', 3, 1)], narrow)).toBe('单价在20万元以上的设备');
    expect(blockText([line('annual', 3, 0), line('report', 3, 1)], { x0: 0, x1: 40 })).toBe('annual report');
    expect(blockText([line('=2021年1-', 3, 0), line('12月份', 3, 1)], { x0: 0, x1: 60 })).toBe('=2021年1-12月份');
    expect(blockText([line('see a/', 3, 0), line('b', 3, 1)], { x0: 0, x1: 34 })).toBe('see a/b');
  });

  it('keeps a space between two runs of words in a cell, and none in a label spaced out letter by letter', () => {
    // Pieces of one text item cut at its spaces, a quarter em apart.
    const spaced = (texts: string[], x0: number, row: number): Piece[] => {
      const out: Piece[] = [];
      for (const text of texts) out.push({ ...line(text, out.length > 0 ? out[out.length - 1]!.x1 + 2.25 : x0, row), spaceBefore: out.length > 0 });
      return out;
    };
    expect(blockText(spaced(['《河北省劳动和社会保障厅', '河北省财政厅关于劳动仲裁》'], 3, 0), { x0: 0, x1: 600 })).toBe('《河北省劳动和社会保障厅 河北省财政厅关于劳动仲裁》');
    expect(blockText(spaced(['因', '公', '出', '国', '（', '境', '）', '费'], 3, 0), { x0: 0, x1: 600 })).toBe('因公出国（境）费');
    expect(blockText(spaced(['合', '计'], 3, 0), { x0: 0, x1: 600 })).toBe('合计');
  });

  it('reads two Chinese characters one em apart with no space between them, or with an ideographic space, as 合　计', () => {
    const at = (text: string, x0: number, extra: Partial<Piece> = {}): Piece => ({ ...line(text, x0, 0), ...extra });
    expect(blockText([at('合', 3), at('计', 21)], { x0: 0, x1: 100 })).toBe('合　计');
    expect(blockText([at('合', 3), at('计', 21, { spaceBefore: true, ideographicBefore: true })], { x0: 0, x1: 100 })).toBe('合　计');
    expect(blockText([at('合', 3), at('计', 14)], { x0: 0, x1: 100 })).toBe('合计');
    expect(blockText([at('合', 3), at('计', 21, { spaceBefore: true })], { x0: 0, x1: 100 })).toBe('合计');
  });

  it('keeps a line the author broke short of the right edge as a line of its own; a line that ran to the edge continues', () => {
    const goal = [line('1、及时将资金拨入财政专户', 3, 0), line('2、按月足额发放到位，确保每月', 3, 1), line('按时领取', 3, 2)];
    expect(blockText(goal, { x0: 0, x1: 140 })).toBe('1、及时将资金拨入财政专户\n2、按月足额发放到位，确保每月按时领取');
    // In a cell just wide enough for the first line, the second line's 2、 would not have fitted: a wrap.
    expect(blockText(goal.slice(0, 2), { x0: 0, x1: 125 })).toBe('1、及时将资金拨入财政专户2、按月足额发放到位，确保每月');
    expect(blockText([line('就业困难人员就业人数', 3, 0), line('就业困难人员就业人数', 3, 1)], { x0: 0, x1: 200 })).toBe('就业困难人员就业人数\n就业困难人员就业人数');
    expect(blockText([line('发放频率', 3, 0), line('v', 3, 1)], { x0: 0, x1: 60 })).toBe('发放频率\nv');
    // 数 alone would have fitted, but the line breaker keeps 数/12 together.
    expect(blockText([line('考核及时发放养老金月', 3, 0), line('数/12个月', 3, 1)], { x0: 0, x1: 110 })).toBe('考核及时发放养老金月数/12个月');
  });
});

describe('PDF: a centred title too long for one line', () => {
  /** A line of 12-point text from x0 to x1, its top at `top`. */
  const line = (name: string, x0: number, x1: number, top: number): Line => ({ pieces: [{ text: name, x0, x1, top, bottom: top + 12, size: 12, spaceBefore: false }], top, bottom: top + 12, x0, x1 });
  const names = (groups: Line[][]) => groups.map((g) => g.map((l) => l.pieces[0]!.text));

  it('goes on in the line below centred on the same axis (…绩效目标 / 表); the 单位 line on the right does not', () => {
    const lines = [line('4、…通知绩效目标', 4, 496, 0), line('表', 244, 256, 16), line('单位：万元', 440, 500, 32)];
    expect(names(paragraphs(lines, () => false))).toEqual([['4、…通知绩效目标', '表'], ['单位：万元']]);
  });

  it('a short centred line, or an indented line that runs to the edge, is not continued by a centred line', () => {
    const cover = [line('上海市普陀区财政局', 180, 320, 0), line('2024年度部门决算', 190, 310, 16), line('full', 0, 500, 60)];
    expect(names(paragraphs(cover, () => false))).toEqual([['上海市普陀区财政局'], ['2024年度部门决算'], ['full']]);
    const prose = [line('p-first', 24, 500, 0), line('表', 244, 256, 16)];
    expect(names(paragraphs(prose, () => false))).toEqual([['p-first'], ['表']]);
  });
});

describe('PDF: a form continued on the next page with one ruled column fewer', () => {
  const first = [43.1, 106.1, 173.2, 263.6, 337.1, 422.6, 534.4, 553.1];

  it('is read on the columns of the first page: a cell over two of them keeps its text in the first and covers the other', () => {
    const rows = [{ cells: ['满意度指标', '服务对象满意度指标', '群众满意度', '群众满意度', '≥95%', '永财金【2023】16号'], coveredBy: [undefined, undefined, undefined, undefined, undefined, undefined] }];
    expect(onFirstPageColumns(rows, [43.1, 105.0, 172.5, 264.0, 336.4, 422.6, 553.1], first)).toEqual([
      { cells: ['满意度指标', '服务对象满意度指标', '群众满意度', '群众满意度', '≥95%', '永财金【2023】16号', ''], coveredBy: [undefined, undefined, undefined, undefined, undefined, undefined, '永财金【2023】16号'] },
    ]);
  });

  it('is left alone when its edges are not those of the first page: another table, or as many columns', () => {
    const rows = [{ cells: ['a', 'b'], coveredBy: [undefined, undefined] }];
    expect(onFirstPageColumns(rows, [43.1, 300, 553.1], first)).toBeNull();
    expect(onFirstPageColumns(rows, [60, 263.6, 553.1], first)).toBeNull();
    expect(onFirstPageColumns([{ cells: Array<string>(7).fill('x'), coveredBy: Array<undefined>(7).fill(undefined) }], first, first)).toBeNull();
  });
});

describe('PDF: one ruled row whose long cells wrap around a document number', () => {
  const grid: Grid = { box: { x0: 0, x1: 370, top: 0, bottom: 40 }, xs: [0, 125, 200, 370], ys: [0, 40], owner: [[0, 1, 2]] };
  const at = (text: string, x0: number, row: number): Piece => ({ text, x0, x1: x0 + [...text].reduce((w, ch) => w + advance(ch), 0) * 9, top: 3 + row * 12, bottom: 12 + row * 12, size: 9, spaceBefore: false });
  const read = (pieces: Piece[]) => gridCells(splitUnruledRows(grid, pieces), pieces).map((r) => r.cells);

  it('is one row, its wrapped lines joined', () => {
    const pieces = [at('养老金每月及时发放，该指标', 3, 0), at('考核及时发放养老金月数/12', 3, 1), at('个月', 3, 2), at('=100%', 128, 1), at('关于提前下达2021年省级城乡居民养老保', 203, 0), at('险补助资金预算指标的通知(冀财社', 203, 1), at('[2020]185号)', 203, 2)];
    expect(read(pieces)).toEqual([['养老金每月及时发放，该指标考核及时发放养老金月数/12个月', '=100%', '关于提前下达2021年省级城乡居民养老保险补助资金预算指标的通知(冀财社[2020]185号)']]);
  });

  it('is cut into printed rows where lines of figures stand without rulings between them', () => {
    const pieces = [at('工资福利支出', 3, 0), at('对个人和家庭的补助', 3, 1), at('其他支出', 3, 2), at('301', 128, 0), at('303', 128, 1), at('399', 128, 2), at('1,200.50', 203, 0), at('30.00', 203, 1), at('4.10', 203, 2)];
    expect(read(pieces)).toEqual([
      ['工资福利支出', '301', '1,200.50'],
      ['对个人和家庭的补助', '303', '30.00'],
      ['其他支出', '399', '4.10'],
    ]);
  });
});

describe('side-by-side blocks whose 序号 is merged down over the header rows', () => {
  const row = (line: number, cells: string[], coveredBy?: (string | undefined)[]): BlockRow => ({ cells, line, ...(coveredBy ? { coveredBy } : {}) });
  const header = (line: number) => [
    row(line, ['序号', '经济分类科目', '', '基本支出', '序号', '经济分类科目', '', '基本支出'], [undefined, undefined, '经济分类科目', undefined, undefined, undefined, '经济分类科目', undefined]),
    row(line + 1, ['', '科目编码', '科目名称', '合计', '', '科目编码', '科目名称', '合计'], ['序号', undefined, undefined, undefined, '序号', undefined, undefined, undefined]),
  ];

  it('are one table, the left block first, its header repeated on the next page dropped', () => {
    const pages = normaliseTableShape(
      [
        { kind: 'table', line: 1, rows: [...header(1), row(3, ['1', '', '合计', '1,439.55', '3', '303', '对个人和家庭的补助', '77.09']), row(4, ['2', '301', '工资福利支出', '1,238.08', '', '', '', ''])] },
        { kind: 'table', line: 10, rows: [...header(10), row(12, ['4', '302', '商品和服务支出', '124.38', '', '', '', ''])] },
      ],
      new ImportReport('in.pdf', 'pdf'),
      '部门预算一般公共预算财政拨款基本支出表',
    );
    expect(pages.map((p) => p.rows.map((r) => r.cells))).toEqual([
      [
        ['序号', '经济分类科目', '', '基本支出'],
        ['', '科目编码', '科目名称', '合计'],
        ['1', '', '合计', '1,439.55'],
        ['2', '301', '工资福利支出', '1,238.08'],
        ['4', '302', '商品和服务支出', '124.38'],
        ['3', '303', '对个人和家庭的补助', '77.09'],
      ],
    ]);
  });
});
