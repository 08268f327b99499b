import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Block } from '../../src/lib/import/blocks.ts';
import { importDocument, type ImportResult } from '../../src/lib/import/import-document.ts';
import { mendPageBreaks } from '../../src/lib/import/page-breaks.ts';
import { readWordCells } from '../../src/lib/import/read-word-cells.ts';
import { readTabRows } from '../../src/lib/import/read-tab-rows.ts';
import { readMarkdownPipes } from '../../src/lib/import/read-markdown-pipes.ts';
import { ImportReport } from '../../src/lib/import/report.ts';
import { CONTENT, sourceOf } from './records-from-sources.ts';
import { excerpt, renderLines, rowLines, textForms, type TextForm } from './text-forms.ts';

const YONGQING = join(CONTENT, '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算');
const seed = sourceOf('yongqing-hrss-2024-budget.txt').bytes.toString('utf8').split('\n');
const TITLE = '永清县人力资源和社会保障局 2024 年部门预算信息公开情况说明';
const DUTIES = ['一、部门职责及机构设置情况', '负责全县人力资源和社会保障工作。'];
/** 部门预算支出总表 (two pages, the header repeated) and 部门预算一般公共预算财政拨款支出表 as 永清县 prints them. */
const expenditure = excerpt(seed, '部门预算支出总表', '部门预算财政拨款收支总表');
const general = excerpt(seed, '部门预算一般公共预算财政拨款支出表', '部门预算一般公共预算财政拨款基本支出表');
const secondPage = expenditure.findIndex((l, k) => k > 2 && l.startsWith('316 '));

const trimEnd = (lines: string[]) => {
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
};
const utf8 = (lines: readonly string[]) => new TextEncoder().encode(lines.join('\n'));
const file = (r: ImportResult, path: string) => String(r.files.get(path));
const committed = (path: string) => readFileSync(join(YONGQING, path), 'utf8');

/** A page number, and the next table's title, as each converter glues them under the last row of a table. */
const glued: Record<TextForm, { inside: string; between: string[] }> = {
  'word-cells': { inside: '- 2 -', between: ['3', '[bookmark: _Toc8]部门预算一般公共预算财政拨款支出表'] },
  'tab-rows': { inside: '\t\t\t- 2 -\t\t\t\t', between: ['3', '部门预算一般公共预算财政拨款支出表\t\t\t\t\t'] },
  'markdown-pipes': { inside: '| | | | - 2 - | | | | |', between: ['| - 3 - | | | | | | | | |', '| 部门预算一般公共预算财政拨款支出表 | | | | | |'] },
};

/**
 * The two tables with the accidents of real documents: a page number under
 * the last row of the first page with no blank line; the table's end glued
 * to a page number and the next table's title (bookmarked in Word), whose
 * rows follow at once; the last table running straight into a heading.
 */
function accidents(form: TextForm): string[] {
  const firstRow = general.findIndex((l) => l.includes('\t'));
  return [
    TITLE,
    '',
    ...trimEnd(renderLines(form, expenditure.slice(0, secondPage))),
    glued[form].inside,
    '',
    ...trimEnd(renderLines(form, expenditure.slice(secondPage))),
    ...glued[form].between,
    ...trimEnd(renderLines(form, general.slice(firstRow))),
    ...DUTIES,
  ];
}

describe('text forms read whole tables through the accidents of real documents', () => {
  for (const form of textForms) {
    it(`${form}: the clean document reads both tables as the 永清县 record has them`, async () => {
      const doc = [TITLE, '', ...renderLines(form, expenditure), ...renderLines(form, general), ...DUTIES];
      const r = await importDocument({ file: `in/clean-${form}.txt`, bytes: utf8(doc) });
      expect(file(r, 'tables/expenditure-summary.csv')).toBe(committed('tables/expenditure-summary.csv'));
      expect(file(r, 'tables/general-budget-expenditure.csv')).toBe(committed('tables/general-budget-expenditure.csv'));
    });

    it(`${form}: page numbers inside and after a table, a title glued to it, a table ending without a blank line`, async () => {
      const r = await importDocument({ file: `in/accidents-${form}.txt`, bytes: utf8(accidents(form)) });
      expect(r.id).toBe('河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算');
      expect(file(r, 'tables/expenditure-summary.csv')).toBe(committed('tables/expenditure-summary.csv'));
      expect(file(r, 'tables/general-budget-expenditure.csv')).toBe(committed('tables/general-budget-expenditure.csv'));
      const decl = parse(file(r, 'filing.yaml')) as { tables: { id: string }[]; sections: { id: string; title: string }[] };
      expect(decl.tables.map((t) => t.id)).toEqual(['expenditure-summary', 'general-budget-expenditure']);
      expect(decl.sections.map((s) => `${s.id}:${s.title}`)).toEqual([`introduction:${TITLE}`, 'duties:部门职责及机构设置情况']);
      expect(r.report.entries.filter((e) => e.kind === 'skipped' && /page number/.test(e.text)).map((e) => e.text)).toEqual([
        '"- 2 -": a page number or stray mark between pages, not content',
        `"${form === 'markdown-pipes' ? '- 3 -' : '3'}": a page number or stray mark between pages, not content`,
      ]);
    });
  }
});

const rowsOf = (blocks: Block[]) => blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells) : b.text));

describe('one cell per line: what a line under a cell is', () => {
  const row = (...cells: string[]) => rowLines('word-cells', cells);

  it('a page number and a bookmarked title under the last row end the table; the next table starts with its own row', () => {
    const lines = [...row('序号', '项目', '金额'), ...row('1', '合计', '2.34').slice(0, -1), '3', '[bookmark: _Toc8]部门预算支出总表', '\t序号', '\t科目编码', '\t合计', ''];
    expect(rowsOf(readWordCells(lines))).toEqual([[['序号', '项目', '金额'], ['1', '合计', '2.34']], '3', '部门预算支出总表', [['序号', '科目编码', '合计']]]);
  });

  it('words under a figure, and a heading under a finished row, are not the rest of the cell', () => {
    const lines = [...row('项目', '金额'), ...row('合计', '2.34').slice(0, -1), '2024年预算收入2.34万元。', ...row('项目', '说明'), ...row('合计', '').slice(0, -1), '二、部门预算安排的总体情况'];
    expect(rowsOf(readWordCells(lines))).toEqual([[['项目', '金额'], ['合计', '2.34']], '2024年预算收入2.34万元。', [['项目', '说明'], ['合计', '']], '二、部门预算安排的总体情况']);
  });

  it('a second line of a cell, a line under a blank cell and a title-like line in an unfinished first row still continue their cell', () => {
    const lines = ['\t绩效目标', '\t1、按时足额发放', '2、及时拨付', '', '\t', '《河北省人力资源和社会保障厅关于…的通知》', '\t12月底', '', '\t', '部门固定资产占用情况表', ''];
    expect(rowsOf(readWordCells(lines))).toEqual([[['绩效目标', '1、按时足额发放\n2、及时拨付'], ['\n《河北省人力资源和社会保障厅关于…的通知》', '12月底'], ['\n部门固定资产占用情况表']]]);
  });
});

describe('tab-separated rows and pipe tables: a line that is not a row', () => {
  it('a title, a 注 line and a page mark printed with tabs are text; a lone figure stays a row', () => {
    const blocks = readTabRows(['序号\t项目\t金额', '1\t合计\t2.34', '\t\t- 2 -', '\t\t119.63', '注：空表列示。\t\t', '部门预算支出总表\t\t\t', '序号\t项目\t金额']);
    expect(rowsOf(blocks)).toEqual([[['序号', '项目', '金额'], ['1', '合计', '2.34']], '- 2 -', [['', '', '119.63']], '注：空表列示。', '部门预算支出总表', [['序号', '项目', '金额']]]);
  });

  it('a separator line inside a pipe table starts the next table at the row above it', () => {
    const blocks = readMarkdownPipes(['| | |', '|---|---|', '| 项目 | 金额 |', '| 合计 | 2.34 |', '| 序号 | 名称 |', '|---|---|', '| 1 | 甲 |']);
    expect(rowsOf(blocks).map((b) => (typeof b === 'string' ? b : b.map((r) => r.map((c) => c.trim()))))).toEqual([[['项目', '金额'], ['合计', '2.34']], [['序号', '名称'], ['1', '甲']]]);
  });
});

describe('page breaks mended on the block stream', () => {
  const text = (line: number, t: string): Block => ({ kind: 'text', text: t, line });
  const table = (line: number, ...rows: string[][]): Block => ({ kind: 'table', line, rows: rows.map((cells, k) => ({ cells, line: line + k })) });

  it('a sentence broken by a page is one paragraph, with the page number between left out; headings, labels and numbered items are not joined', () => {
    const report = new ImportReport('doc.txt', 'tab-rows');
    const blocks = mendPageBreaks(
      [
        text(1, '2024年支出预算25332.93万元，其中基本支出1439.55万元，包括人员经'),
        text(2, '- 12 -'),
        text(3, '费 1315.17 万元和日常公用经费 124.38 万元；项目支出 23893.38 万元。'),
        text(4, '三、机关运行经费安排情况，及其增减变化'),
        text(5, '2024年，我部门机关运行经费共计安排124.38万元，主要用于办公'),
        text(6, '（一）人社局干部档案管理经费，按要求整理完成'),
        text(7, '绩效指标：按照相关工作需要报人事档案整理，费用控制'),
      ],
      report,
    );
    expect(rowsOf(blocks)).toEqual([
      '2024年支出预算25332.93万元，其中基本支出1439.55万元，包括人员经费 1315.17 万元和日常公用经费 124.38 万元；项目支出 23893.38 万元。',
      '三、机关运行经费安排情况，及其增减变化',
      '2024年，我部门机关运行经费共计安排124.38万元，主要用于办公',
      '（一）人社局干部档案管理经费，按要求整理完成',
      '绩效指标：按照相关工作需要报人事档案整理，费用控制',
    ]);
    expect(report.entries).toEqual([
      { line: 2, kind: 'skipped', text: '"- 12 -": a page number or stray mark between pages, not content' },
      { line: 3, kind: 'joined', text: 'line 3 continues the sentence of line 1 broken by a page ("…，包括人员经" + "费 1315…"): one paragraph' },
    ]);
  });

  it('lines of one printed page (a PDF\'s) are left to its reader: only a page between two lines joins them', () => {
    const report = new ImportReport('doc.pdf', 'pdf');
    const line = (n: number, page: number, t: string): Block => ({ kind: 'text', text: t, line: n, page });
    const blocks = mendPageBreaks([line(1, 3, '负责拟订本区财政发展战略、规划、政策和改革方案并组织实施，参与拟订'), line(2, 3, '本区经济发展战略，分析预测宏观经济形势，提出'), line(3, 4, '运用财税政策实施宏观调控的建议。')], report);
    expect(rowsOf(blocks)).toEqual(['负责拟订本区财政发展战略、规划、政策和改革方案并组织实施，参与拟订', '本区经济发展战略，分析预测宏观经济形势，提出运用财税政策实施宏观调控的建议。']);
    expect(report.entries.map((e) => `${e.line} ${e.kind}`)).toEqual(['3 joined']);
  });

  it('paragraphs of a Word file are the author\'s: none is joined', () => {
    const report = new ImportReport('doc.docx', 'docx');
    const blocks = mendPageBreaks([text(1, '2024年支出预算25332.93万元，其中基本支出1439.55万元，包括人员经'), text(2, '费 1315.17 万元和日常公用经费 124.38 万元；项目支出 23893.38 万元。')], report);
    expect(blocks).toHaveLength(2);
    expect(report.entries).toEqual([]);
  });

  it('a row cut by a page number is one row again; a page header after it is not joined', () => {
    const report = new ImportReport('doc.txt', 'word-cells');
    const blocks = mendPageBreaks([table(1, ['序号', '项目', '金额', '备注'], ['1', '合计']), text(3, '7'), table(4, ['2.34', '']), text(5, '8'), table(6, ['402香河县民政局']), table(7, ['序号', '项目', '金额', '备注'])], report);
    expect(rowsOf(blocks)).toEqual([[['序号', '项目', '金额', '备注'], ['1', '合计', '2.34', '']], [['402香河县民政局']], [['序号', '项目', '金额', '备注']]]);
    expect(report.entries.map((e) => `${e.line} ${e.kind}`)).toEqual(['3 skipped', '4 joined', '5 skipped']);
  });
});
