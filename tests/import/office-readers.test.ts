import * as XLSX from '@e965/xlsx';
import { AlignmentType, Document, DeletedTextRun, InsertedTextRun, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, formatCounter } from '../../src/lib/import/office/docx-numbering.ts';
import { formatDecimals, storedNumber } from '../../src/lib/import/office/sheet-cells.ts';
import { readDocument } from '../../src/lib/import/read-document.ts';

const cell = (text: string | string[], options: { columnSpan?: number; verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {}) =>
  new TableCell({ children: (Array.isArray(text) ? text : [text]).map((t) => new Paragraph(t)), ...options });

/** A package with only the parts Word needs, around a hand-written body: for what the docx package cannot write. */
const docxOf = (body: string) =>
  zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`),
  });

describe('Word .docx: paragraphs and tables in body order', () => {
  it('a title, a line break, a table with a gridSpan header, a vMerge 项目 cell and cells of two paragraphs (kept as two lines), tracked changes', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('永清县人力资源和社会保障局2024年部门预算'),
            new Paragraph({ children: [new TextRun('部门预算收支总表'), new TextRun({ text: '单位：万元', break: 1 })] }),
            new Paragraph(''),
            new Table({
              columnWidths: [2000, 1500, 1500, 2000],
              rows: [
                new TableRow({ children: [cell('项目', { verticalMerge: VerticalMergeType.RESTART }), cell('预算数', { columnSpan: 2 }), cell('备注', { verticalMerge: VerticalMergeType.RESTART })] }),
                new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('本年'), cell('上年'), cell('', { verticalMerge: VerticalMergeType.CONTINUE })] }),
                new TableRow({ children: [cell(['机关事业单位基本养老保险缴', '费支出']), cell('2,940.05'), cell(''), cell(['人员经费', '1315.17'])] }),
              ],
            }),
            new Paragraph({
              children: [
                new TextRun('注：本表'),
                new InsertedTextRun({ text: '按功能分类', id: 1, author: 'a', date: '2024-01-01T00:00:00Z' }),
                new DeletedTextRun({ text: '已删除', id: 2, author: 'a', date: '2024-01-01T00:00:00Z' }),
                new TextRun({ text: '列示。', bold: true }),
              ],
            }),
            new Paragraph({ children: [new TextRun('部门预算收支总表'), new TextRun({ text: '\t3' })] }),
          ],
        },
      ],
    });
    const read = await readDocument('in/budget.docx', new Uint8Array(await Packer.toBuffer(doc)));
    expect(read).toEqual({
      form: 'docx',
      blocks: [
        { kind: 'text', text: '永清县人力资源和社会保障局2024年部门预算', line: 1 },
        { kind: 'text', text: '部门预算收支总表', line: 2 },
        { kind: 'text', text: '单位：万元', line: 3 },
        {
          kind: 'table',
          line: 4,
          rows: [
            { cells: ['项目', '预算数', '', '备注'], coveredBy: [undefined, undefined, '预算数', undefined], line: 4 },
            { cells: ['', '本年', '上年', ''], coveredBy: ['项目', undefined, undefined, '备注'], line: 5 },
            { cells: ['机关事业单位基本养老保险缴\n费支出', '2,940.05', '', '人员经费\n1315.17'], line: 6 },
          ],
        },
        { kind: 'text', text: '注：本表按功能分类列示。', line: 7 },
        { kind: 'text', text: '部门预算收支总表\t3', line: 8 },
      ],
    });
  });

  it('content controls, hyperlinks, field results, nested tables, gridBefore/gridAfter, deleted rows; field codes, hidden text and drawings left out', async () => {
    const p = (inner: string) => `<w:p>${inner}</w:p>`;
    const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const tc = (inner: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;
    const body = [
      `<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>${p(r('测试县财政局&amp;2024'))}</w:sdtContent></w:sdt>`,
      p(`<w:hyperlink r:id="rId9">${r('一、部门职责')}</w:hyperlink><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('&#x4E8C;')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
      p(`<w:r><w:drawing><wp:inline><w:txbxContent>${p(r('文本框'))}</w:txbxContent></wp:inline></w:drawing></w:r><w:sdt><w:sdtContent>${r('行内控件')}</w:sdtContent></w:sdt><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>可见</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:delText>删</w:delText></w:r>`),
      p('<w:r><w:t>   </w:t></w:r>'),
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>',
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(r('甲')))}${tc(p(r('乙')))}</w:tr>`,
      `<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>${tc(p(r('删除的行')))}${tc(p(r('x')))}${tc(p(r('y')))}</w:tr>`,
      `<w:sdt><w:sdtContent><w:tr><w:trPr><w:gridAfter w:val="1"/></w:trPr>${tc(p(r('合计')))}${tc(`${p(r('上'))}<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>${tc(p(r('内表')))}</w:tr><w:tr>${tc(p(r('second')))}</w:tr></w:tbl>`)}</w:tr></w:sdtContent></w:sdt>`,
      `<w:tr>${tc(p(r('a')) + p(r('b')), '<w:gridSpan w:val="2"/>')}${tc(`<w:p><w:r><w:t>1</w:t><w:br/><w:t>2</w:t><w:tab/><w:t>3</w:t></w:r></w:p>`)}</w:tr>`,
      '</w:tbl>',
    ].join('');
    const read = await readDocument('in/controls.docx', docxOf(body));
    expect(read).toEqual({
      form: 'docx',
      blocks: [
        { kind: 'text', text: '测试县财政局&2024', line: 1 },
        { kind: 'text', text: '一、部门职责二', line: 2 },
        { kind: 'text', text: '行内控件可见', line: 3 },
        {
          kind: 'table',
          line: 4,
          rows: [
            { cells: ['', '甲', '乙'], line: 4 },
            { cells: ['合计', '上\n内表\nsecond', ''], line: 5 },
            { cells: ['a\nb', '', '1\n2 3'], coveredBy: [undefined, 'a\nb', undefined], line: 6 },
          ],
        },
      ],
    });
  });
  it('a borderless table holding 部门：… and 单位：万元 is the page header: lines of text', async () => {
    const labels = new Table({ columnWidths: [4000, 4000], rows: [new TableRow({ children: [cell('编制单位：永清县人力资源和社会保障局'), cell('单位：万元')] })] });
    const table = new Table({ columnWidths: [4000, 4000], rows: [new TableRow({ children: [cell('项目'), cell('金额')] })] });
    const read = await readDocument('in/labels.docx', new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [labels, new Paragraph(''), table] }] }))));
    expect(read.blocks).toEqual([
      { kind: 'text', text: '编制单位：永清县人力资源和社会保障局', line: 1 },
      { kind: 'text', text: '单位：万元', line: 2 },
      { kind: 'table', line: 3, rows: [{ cells: ['项目', '金额'], line: 3 }] },
    ]);
  });

  it('automatic list numbers: 一、 and （一） headings, a restarted list, an auto-numbered 序号 column, bullets left out', async () => {
    const level = (lvl: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string, suffix?: (typeof LevelSuffix)[keyof typeof LevelSuffix]) => ({
      level: lvl,
      format,
      text,
      alignment: AlignmentType.LEFT,
      ...(suffix ? { suffix } : {}),
    });
    const numbered = (text: string, reference: string, lvl = 0, instance?: number) => new Paragraph({ text, numbering: { reference, level: lvl, ...(instance === undefined ? {} : { instance }) } });
    const doc = new Document({
      numbering: {
        config: [
          { reference: 'heads', levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、', LevelSuffix.NOTHING), level(1, LevelFormat.CHINESE_COUNTING, '（%2）')] },
          { reference: 'seq', levels: [level(0, LevelFormat.DECIMAL, '%1')] },
          { reference: 'dots', levels: [level(0, LevelFormat.BULLET, '\u2022')] },
          { reference: 'steps', levels: [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.DECIMAL_ENCLOSED_CIRCLE, '%2')] },
        ],
      },
      sections: [
        {
          children: [
            numbered('部门职责', 'heads'),
            numbered('主要职能', 'heads', 1),
            numbered('机构设置', 'heads', 1),
            numbered('部门预算安排的总体情况', 'heads'),
            numbered('收入预算', 'heads', 1),
            numbered('要点', 'dots'),
            numbered('第一步', 'steps', 0, 1),
            numbered('细目', 'steps', 1, 1),
            numbered('第二步', 'steps', 0, 1),
            numbered('另一清单', 'steps', 0, 2),
            new Table({
              columnWidths: [800, 3000],
              rows: ['工资福利支出', '商品和服务支出'].map((name) => new TableRow({ children: [new TableCell({ children: [numbered('', 'seq')] }), new TableCell({ children: [new Paragraph(name)] })] })),
            }),
          ],
        },
      ],
    });
    const read = await readDocument('in/numbered.docx', new Uint8Array(await Packer.toBuffer(doc)));
    expect(read.blocks).toEqual([
      { kind: 'text', text: '一、部门职责', line: 1 },
      { kind: 'text', text: '（一）主要职能', line: 2 },
      { kind: 'text', text: '（二）机构设置', line: 3 },
      { kind: 'text', text: '二、部门预算安排的总体情况', line: 4 },
      { kind: 'text', text: '（一）收入预算', line: 5 },
      { kind: 'text', text: '要点', line: 6 },
      { kind: 'text', text: '1. 第一步', line: 7 },
      { kind: 'text', text: '① 细目', line: 8 },
      { kind: 'text', text: '2. 第二步', line: 9 },
      { kind: 'text', text: '1. 另一清单', line: 10 },
      {
        kind: 'table',
        line: 11,
        rows: [
          { cells: ['1', '工资福利支出'], line: 11 },
          { cells: ['2', '商品和服务支出'], line: 12 },
        ],
      },
    ]);
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [19, '十九'],
    [21, '二十一'],
    [105, '一百零五'],
    [110, '一百一十'],
    [2024, '二千零二十四'],
  ])('chineseCounting %s → %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it.each([
    [3, 'ideographTraditional', '丙'],
    [3, 'decimalEnclosedCircle', '③'],
    [28, 'lowerLetter', 'bb'],
    [14, 'upperRoman', 'XIV'],
    [7, 'decimalZero', '07'],
    [12, 'decimalFullWidth', '１２'],
  ])('%s in %s → %s', (n, format, text) => {
    expect(formatCounter(n, format)).toBe(text);
  });
});

describe('Excel .xlsx/.xls: sheets in order, tables and text lines, numbers as stored', () => {
  const workbook = () => {
    const budget = XLSX.utils.aoa_to_sheet([
      ['收入支出决算总表', null, null, null],
      [null, null, null, '单位：万元'],
      ['项目', '预算数', null, '备注'],
      [null, '本年', '上年', null],
      ['合计', 2940.05, 1511.8899999999999, null],
      ['其中：', null, null, null],
      ['工资', 0.1 + 0.2, 25332.929999999993, 'x '],
      ['注：本表为示例。', null, null, null],
      [],
      ['第二表'],
      ['甲', '乙'],
      [],
      ['丙', true],
    ]);
    budget['B5']!.z = '#,##0.00';
    budget['C5']!.z = '#,##0.00';
    budget['C7']!.z = '0.00';
    budget['!merges'] = [
      { s: { r: 0, c: 0 }, e: { r: 0, c: 3 } },
      { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } },
      { s: { r: 2, c: 1 }, e: { r: 2, c: 2 } },
      { s: { r: 2, c: 3 }, e: { r: 3, c: 3 } },
      // 甲 and 乙 merged down over a row that is otherwise blank: it stays in the table.
      { s: { r: 10, c: 0 }, e: { r: 11, c: 0 } },
      { s: { r: 10, c: 1 }, e: { r: 11, c: 1 } },
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, budget, '收支总表');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['隐藏'], ['a', 'b']]), '隐藏');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[null, null, null], [null, '说明', null], [null, '序号', '金额'], [null, 1, -0]]), '说明');
    wb.Workbook = { Sheets: [{}, { Hidden: 1 }, {}] };
    return wb;
  };
  const expected = (form: 'xlsx' | 'xls') => ({
    form,
    blocks: [
      { kind: 'text', text: '收入支出决算总表', line: 1 },
      { kind: 'text', text: '单位：万元', line: 2 },
      {
        kind: 'table',
        line: 3,
        sheet: '收支总表',
        rows: [
          { cells: ['项目', '预算数', '', '备注'], coveredBy: [undefined, undefined, '预算数', undefined], line: 3 },
          { cells: ['', '本年', '上年', ''], coveredBy: ['项目', undefined, undefined, '备注'], line: 4 },
          { cells: ['合计', '2940.05', '1511.89', ''], line: 5 },
          { cells: ['其中：', '', '', ''], line: 6 },
          { cells: ['工资', '0.3', '25332.93', 'x '], line: 7 },
        ],
      },
      { kind: 'text', text: '注：本表为示例。', line: 8 },
      { kind: 'text', text: '第二表', line: 9 },
      {
        kind: 'table',
        line: 10,
        sheet: '收支总表',
        rows: [
          { cells: ['甲', '乙'], line: 10 },
          { cells: ['', ''], coveredBy: ['甲', '乙'], line: 11 },
          { cells: ['丙', 'TRUE'], line: 12 },
        ],
      },
      { kind: 'text', text: '说明', line: 13 },
      {
        kind: 'table',
        line: 14,
        sheet: '说明',
        rows: [
          { cells: ['序号', '金额'], line: 14 },
          { cells: ['1', '0'], line: 15 },
        ],
      },
    ],
  });

  it('.xlsx: two tables on one sheet, merged header cells, 2,940.05 read as stored, float residue rounded, a hidden sheet left out', async () => {
    const bytes = new Uint8Array(XLSX.write(workbook(), { type: 'array', bookType: 'xlsx' }));
    expect(await readDocument('in/budget.xlsx', bytes)).toEqual(expected('xlsx'));
  });

  it('.xls (BIFF8) reads to the same blocks', async () => {
    const bytes = new Uint8Array(XLSX.write(workbook(), { type: 'array', bookType: 'biff8' }));
    expect(await readDocument('in/budget.xls', bytes)).toEqual(expected('xls'));
  });

  it('a row of label：value cells (部门 left, 单位 right) is the page header above the table: lines of text', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([['部门：316 永清县人力资源和社会保障局', null, '单位：万元'], [], ['项目', '金额', '备注'], ['合计', 1, null]]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheet, 'S');
    const read = await readDocument('in/header.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
    expect(read.blocks).toEqual([
      { kind: 'text', text: '部门：316 永清县人力资源和社会保障局', line: 1 },
      { kind: 'text', text: '单位：万元', line: 2 },
      { kind: 'table', line: 3, sheet: 'S', rows: [{ cells: ['项目', '金额', '备注'], line: 3 }, { cells: ['合计', '1', ''], line: 4 }] },
    ]);
  });

  it('a date cell reads as the text Excel shows', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([['截止时间', 45291]]);
    sheet['B1']!.z = 'yyyy-mm-dd';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheet, 'S');
    const read = await readDocument('in/date.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
    expect(read.blocks).toEqual([{ kind: 'table', line: 1, sheet: 'S', rows: [{ cells: ['截止时间', '2023-12-31'], line: 1 }] }]);
  });
});

describe('a stored number as its shortest decimal, without float residue', () => {
  it.each([
    [2940.05, '#,##0.00', '2940.05'],
    [1511.8899999999999, '#,##0.00', '1511.89'],
    [0.30000000000000004, 'General', '0.3'],
    [0.30000000000000004, undefined, '0.3'],
    [25332.929999999993, '0.00', '25332.93'],
    // Residue of many additions, within 15 digits: only the format tells it from a figure.
    [25332.929999999, '0.00', '25332.93'],
    [25332.929999999, 'General', '25332.929999999'],
    [2939.9999999999995, '0', '2940'],
    [1234567890.1200001, 'General', '1234567890.12'],
    [0.1234, '0.0', '0.1234'],
    [0.125, '0.00%', '0.125'],
    [6, '0.00', '6'],
    [1e-7, 'General', '0.0000001'],
    [1e21, 'General', '1000000000000000000000'],
    [-0, 'General', '0'],
    [-12.5, '#,##0.00;[Red]-#,##0.00', '-12.5'],
  ])('%s with format %s → %s', (value, format, text) => {
    expect(storedNumber(value, format)).toBe(text);
  });

  it.each([
    ['#,##0.00', 2],
    ['0.0%', 3],
    ['0', 0],
    ['"¥"#,##0.00_);[Red]("¥"#,##0.00)', 2],
    ['General', undefined],
    ['@', undefined],
  ])('format %s shows %s decimals', (format, decimals) => {
    expect(formatDecimals(format)).toBe(decimals);
  });
});
