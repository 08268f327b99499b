import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import Papa from 'papaparse';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/lib/import/import-document.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

const RECORD = join(PROJECT_ROOT, 'content/filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算');
const CSV_PATH = 'tables/income-expenditure-summary.csv';
const committedCsv = readFileSync(join(RECORD, CSV_PATH), 'utf8');
/** The table's body as the document prints it: 序号, 收入项目, 预算数, 支出项目, 预算数. */
const body = (Papa.parse<string[]>(committedCsv.trim()).data as string[][]).slice(1);

const LINES_ABOVE = ['永清县人力资源和社会保障局2024年部门预算', '316 永清县人力资源和社会保障局', '部门预算收支总表', '单位：万元'];
const HEADER = [
  ['序号', '收入', '', '支出', ''],
  ['', '项 目', '预算数', '项 目', '预算数'],
  ['栏次', '1', '2', '3', '4'],
];

function docxDocument(): Promise<Buffer> {
  const cell = (text: string, options: { columnSpan?: number; verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {}) => new TableCell({ children: [new Paragraph(text)], ...options });
  const header = [
    new TableRow({ children: [cell('序号', { verticalMerge: VerticalMergeType.RESTART }), cell('收入', { columnSpan: 2 }), cell('支出', { columnSpan: 2 })] }),
    new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), ...HEADER[1]!.slice(1).map((t) => cell(t))] }),
    new TableRow({ children: HEADER[2]!.map((t) => cell(t)) }),
  ];
  const rows = body.map((cells) => new TableRow({ children: cells.map((t) => cell(t)) }));
  return Packer.toBuffer(new Document({ sections: [{ children: [...LINES_ABOVE.map((t) => new Paragraph(t)), new Table({ columnWidths: [800, 3000, 1200, 3000, 1200], rows: [...header, ...rows] })] }] }));
}

/** The sheet as a finance system exports it: numbers stored as numbers with a two-decimal format, merged header cells. */
function xlsxDocument(): Uint8Array {
  const number = (t: string) => (t === '' ? null : Number(t));
  const rows: (string | number | null)[][] = [
    [LINES_ABOVE[0]!, null, null, null, null],
    [LINES_ABOVE[1]!],
    [LINES_ABOVE[2]!, null, null, null, null],
    [null, null, null, null, LINES_ABOVE[3]!],
    ...HEADER.slice(0, 2).map((r) => r.map((t) => (t === '' ? null : t))),
    ['栏次', 1, 2, 3, 4],
    ...body.map(([seq, income, incomeAmount, spending, spendingAmount]) => [number(seq!), income || null, number(incomeAmount!), spending || null, number(spendingAmount!)]),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  for (let r = 7; r < rows.length; r++) for (const c of [2, 4]) if (sheet[XLSX.utils.encode_cell({ r, c })]) sheet[XLSX.utils.encode_cell({ r, c })]!.z = '#,##0.00';
  sheet['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 4 } },
    { s: { r: 2, c: 0 }, e: { r: 2, c: 4 } },
    { s: { r: 4, c: 0 }, e: { r: 5, c: 0 } },
    { s: { r: 4, c: 1 }, e: { r: 4, c: 2 } },
    { s: { r: 4, c: 3 }, e: { r: 4, c: 4 } },
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, '收支总表');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
}

const textOf = (files: Map<string, string | Uint8Array>, path: string) => {
  const text = files.get(path);
  if (typeof text !== 'string') throw new Error(`no ${path} in the record`);
  return text;
};

/** The committed declaration of the table, less the meta its document prints around it (预算年度) and this one does not. */
const DECLARATION = {
  id: 'income-expenditure-summary',
  standard: 'income-expenditure-summary',
  title: '部门预算收支总表',
  unit: '万元',
  csv: CSV_PATH,
  columnNumbers: true,
  empty: false,
  notes: [],
  meta: {},
  columns: [
    { header: ['序号'], type: 'seq' },
    { header: ['收入', '项目'], type: 'text' },
    { header: ['收入', '预算数'], type: 'amount' },
    { header: ['支出', '项目'], type: 'text' },
    { header: ['支出', '预算数'], type: 'amount' },
  ],
};

const expectRecord = (result: { id: string; files: Map<string, string | Uint8Array> }) => {
  expect(result.id).toBe('河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算');
  expect(textOf(result.files, CSV_PATH)).toBe(committedCsv);
  expect((parse(textOf(result.files, 'filing.yaml')) as { tables: unknown[] }).tables).toEqual([DECLARATION]);
};

describe('a 永清县 收支总表 in Word and Excel imports to the committed CSV', () => {
  it('.docx', async () => {
    const result = await importDocument({ file: 'in/yongqing-2024.docx', bytes: new Uint8Array(await docxDocument()) });
    expectRecord(result);
  });

  it('.xlsx', async () => {
    const result = await importDocument({ file: 'in/yongqing-2024.xlsx', bytes: xlsxDocument() });
    expectRecord(result);
  });
});
