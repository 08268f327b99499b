/**
 * One case for each class of document the fixture corpus found read wrong
 * (tests/import/fixture-corpus.test.ts): the smallest document of that
 * class, and what the reader must make of it.
 */
import * as XLSX from '@e965/xlsx';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { foldLookalikes } from '../../src/lib/import/pdf/lookalikes.ts';
import { readDocument } from '../../src/lib/import/read-document.ts';

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
