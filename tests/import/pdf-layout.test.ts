import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Piece, Segment } from '../../src/lib/import/pdf/geometry.ts';
import { gridCells } from '../../src/lib/import/pdf/grid-cells.ts';
import { findGrids } from '../../src/lib/import/pdf/lattice.ts';
import { foldLookalikes } from '../../src/lib/import/pdf/lookalikes.ts';
import { itemPieces } from '../../src/lib/import/pdf/page-text.ts';
import type { TableBlock } from '../../src/lib/import/blocks.ts';
import { readPdf } from '../../src/lib/import/pdf/read-pdf.ts';
import { readDrawing } from '../../src/lib/import/pdf/rulings.ts';
import { blockText, tidy } from '../../src/lib/import/pdf/text-lines.ts';
import { ruledRows, streamRows } from '../fixtures/documents/chromium-tables-data.ts';

const fixture = (name: string) => readPdf(`in/${name}`, new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/documents', name))));

/** A piece of 10 pt text whose baseline is at y (display space, y down). */
const piece = (text: string, x0: number, y: number, width = 10 * text.length): Piece => ({ text, x0, x1: x0 + width, top: y - 8.5, bottom: y + 1.5, size: 10, spaceBefore: false });
const h = (y: number, x0: number, x1: number): Segment => ({ x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, x1: x, y0, y1 });

describe('text of a cell', () => {
  it('joins Chinese without spaces and keeps one space elsewhere', () => {
    expect(tidy('因 公 出 国 （ 境 ） 费 用')).toBe('因公出国（境）费用');
    expect(tidy('财政拨款 “ 三 公 ” 经费')).toBe('财政拨款“三公”经费');
    expect(tidy('  年初预算为 1560.05  万元 ')).toBe('年初预算为 1560.05 万元');
    expect(tidy('Hello \u3000 world')).toBe('Hello world');
  });

  it('reads a wrapped cell top to bottom, each line left to right', () => {
    const pieces = [piece('费支出', 100, 40), piece('机关事业单位基本养老保险缴', 100, 27), piece('本年收入合', 300, 27), piece('计', 320, 40)];
    expect(blockText(pieces.slice(0, 2))).toBe('机关事业单位基本养老保险缴费支出');
    expect(blockText(pieces.slice(2))).toBe('本年收入合计');
    expect(blockText([piece('2,940.05', 200, 20, 40), piece('万元', 245, 20)])).toBe('2,940.05 万元');
    expect(blockText([piece('2,940.05', 200, 20, 40), piece('万元', 241, 20)])).toBe('2,940.05万元');
  });

  it('cuts a text item at its spaces into pieces placed along its width', () => {
    const view = [1, 0, 0, -1, 0, 842] as const;
    const pieces = itemPieces({ str: '201   06', transform: [10, 0, 0, 10, 50, 742], width: 44 }, view);
    expect(pieces.map((p) => [p.text, p.x0, p.x1, p.spaceBefore])).toEqual([
      ['201', 50, 66.5, false],
      ['06', 83, 94, true],
    ]);
    expect(pieces[0]!.top).toBeCloseTo(91.5);
    expect(pieces[0]!.bottom).toBeCloseTo(101.5);
  });

  it('folds radical code points to the ideographs they stand for, and nothing else', () => {
    expect(foldLookalikes('对⻬ ⼀般 ⻓期（境）')).toBe('对齐 一般 长期（境）');
  });
});

describe('rulings from the operator list', () => {
  const list = (ops: [number, unknown][]) => ({ fnArray: ops.map((o) => o[0]), argsArray: ops.map((o) => o[1]) });
  const path = (paint: number, ...coords: number[]) => [OPS.constructPath, [paint, [new Float32Array(coords)], null]] as [number, unknown];
  const view = [1, 0, 0, -1, 0, 800] as const;

  it('takes stroked lines and rectangles under the current transform, thin filled bars, images; not white or unpainted paths', () => {
    const drawing = readDrawing(
      list([
        [OPS.save, null],
        [OPS.transform, [2, 0, 0, 2, 10, 0]],
        path(OPS.stroke, 0, 0, 100, 1, 50, 100), // moveTo 0,100 lineTo 50,100
        [OPS.restore, null],
        path(OPS.stroke, 0, 10, 10, 1, 10, 60, 1, 40, 60, 1, 40, 10, 4),
        path(OPS.fill, 0, 100, 200, 1, 300, 200, 1, 300, 200.5, 1, 100, 200.5, 4),
        path(OPS.fill, 0, 100, 300, 1, 300, 300, 1, 300, 350, 1, 100, 350, 4),
        path(OPS.endPath, 0, 0, 0, 1, 500, 0),
        [OPS.setStrokeRGBColor, ['#ffffff']],
        path(OPS.stroke, 0, 0, 500, 1, 500, 500),
        [OPS.setStrokeRGBColor, ['#000000']],
        [OPS.paintFormXObjectBegin, [[1, 0, 0, 1, 0, 100], null]],
        path(OPS.stroke, 0, 0, 0, 1, 0, 20),
        [OPS.paintFormXObjectEnd, []],
        [OPS.transform, [595, 0, 0, 842, 0, 0]],
        [OPS.paintImageXObject, ['img_p0_1', 16, 16]],
      ]),
      OPS,
      view,
    );
    expect(drawing.horizontal).toEqual([h(600, 10, 110), h(740, 10, 40), h(790, 10, 40), h(599.75, 100, 300)]);
    expect(drawing.vertical).toEqual([v(10, 740, 790), v(40, 740, 790), v(0, 680, 700)]);
    expect(drawing.images).toEqual([{ x0: 0, x1: 595, top: -42, bottom: 800 }]);
  });
});

describe('grid of a ruled table', () => {
  // Three columns (0–50–100–150), three rows (0–20–40–60); the top row has no ruling at x=50 and x=100
  // (one cell across), and the left column has no ruling at y=40 (a cell over two rows).
  const horizontal = [h(0, 0, 150), h(20, 0, 150), h(40, 50, 150), h(60, 0, 150)];
  const vertical = [v(0, 0, 60), v(150, 0, 60), v(50, 20.5, 60), v(100, 20, 59.6)];

  it('finds merged cells where an internal ruling is missing, puts their text top-left and says which cells they cover', () => {
    const [grid, ...more] = findGrids(horizontal, vertical);
    expect(more).toEqual([]);
    expect(grid!.xs).toEqual([0, 50, 100, 150]);
    expect(grid!.ys).toEqual([0, 20, 40, 60]);
    const pieces = [piece('标题', 60, 14), piece('类', 10, 44), piece('1.00', 60, 34), piece('2.00', 110, 34), piece('3.00', 60, 54), piece('x', 110, 54)];
    expect(gridCells(grid!, pieces)).toEqual([
      { cells: ['标题', '', ''], coveredBy: [undefined, '标题', '标题'] },
      { cells: ['类', '1.00', '2.00'], coveredBy: [undefined, undefined, undefined] },
      { cells: ['', '3.00', 'x'], coveredBy: ['类', undefined, undefined] },
    ]);
  });

  it('reads cells drawn edge by edge with gaps and near-equal coordinates as one grid', () => {
    const split = [h(0, 0, 74.6), h(0.3, 75, 150), h(30, 0.4, 149.6), v(0, 0, 30), v(75.2, 0, 14.8), v(75, 15.2, 30), v(150.1, 0, 30)];
    const [grid] = findGrids(
      split.filter((s) => s.y0 === s.y1),
      split.filter((s) => s.x0 === s.x1),
    );
    expect(grid!.xs.map(Math.round)).toEqual([0, 75, 150]);
    expect(grid!.ys.map(Math.round)).toEqual([0, 30]);
    expect(new Set(grid!.owner.flat()).size).toBe(2);
  });

  it('is not made from a frame around a paragraph or a lone rule', () => {
    expect(findGrids([h(0, 0, 100), h(50, 0, 100)], [v(0, 0, 50), v(100, 0, 50)])).toEqual([]);
    expect(findGrids([h(10, 0, 400)], [])).toEqual([]);
  });
});

describe('a table Chromium prints with borders (thin filled rectangles)', () => {
  it('reads merged header cells, wrapped names and every row, one table per page with its repeated header', async () => {
    const blocks = await fixture('ruled-table.pdf');
    const header = [
      ['项目', '', '', '', '本年收入合计', '财政拨款收入', '其他收入'],
      ['支出功能分类科目编码', '', '', '科目名称', '', '', ''],
      ['类', '款', '项', '', '', '', ''],
    ];
    const tables = blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables.map((t) => t.page)).toEqual([1, 2, 3]);
    for (const t of tables) expect(t.rows.slice(0, 3).map((r) => r.cells)).toEqual(header);
    expect(tables[0]!.rows[3]!.cells).toEqual(['合计', '', '', '', '99,999.99', '99,000.00', '999.99']);
    expect([...tables[0]!.rows.slice(4), ...tables.slice(1).flatMap((t) => t.rows.slice(3))].map((r) => r.cells)).toEqual(ruledRows);
    expect(blocks.filter((b) => b.kind === 'text').map((b) => b.kind === 'text' && b.text)).toEqual(['收入决算表', '单位：万元', '注：本表反映部门本年度取得的各项收入情况。']);
  });
});

describe('a table ruled between columns but not between its body rows', () => {
  it('cuts the body into rows where white space runs across, joining a name wrapped in its cell', async () => {
    const blocks = await fixture('column-ruled-table.pdf');
    expect(blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.map((r) => r.cells)))).toEqual([
      '一般公共预算财政拨款支出决算表',
      [['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ...streamRows],
    ]);
  });
});

describe('a page shown turned (/Rotate 90 over upright content)', () => {
  it('is read the way its text runs', async () => {
    const blocks = await fixture('rotated-page.pdf');
    expect(blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.slice(0, 4).map((r) => r.cells)))).toEqual([
      '收入决算表',
      '单位：万元',
      [
        ['项目', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
        ['功能分类科目编码', '科目名称', '', '', '', '', '', '', ''],
        ['合计', '', '', '', '', '', '', '', ''],
        ['205', '教育支出', '', '', '', '', '', '', ''],
      ],
      '注：本表反映部门本年度取得的各项收入情况。',
    ]);
  });
});

describe('a table printed without rulings (stream mode)', () => {
  it('takes its columns from the alignment of its text and keeps the prose around it as paragraphs', async () => {
    const blocks = await fixture('stream-table.pdf');
    expect(blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.map((r) => r.cells)))).toEqual([
      '一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；卫生健康支出（类）60.99万元，占2.07%。',
      '一般公共预算财政拨款支出决算表',
      '单位：万元',
      [
        ['', '项目', '', '本年支出', ''],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ...streamRows,
      ],
      '注：本表无线框，用于检验按文字对齐读取表格。',
    ]);
  });
});
