/**
 * Nothing lost between the record and the page: every cell of every table
 * of the 永清县 2024 record, and every figure and indicator of its 项目绩效
 * 目标表, is read back from the rendered HTML in its own table and row.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { Decimal } from '../../src/lib/records/decimal.ts';
import { filingSegments, urlFor } from '../../src/lib/records/filing-path.ts';
import { loadFiling, type Filing } from '../../src/lib/records/load-filing.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import type { Indicator } from '../../src/lib/records/schema/project.ts';
import type { Cell, Column, Table } from '../../src/lib/records/schema/table.ts';
import { YONGQING_2024 } from '../helpers/fixture-content.ts';
import { bodyGrid, parseHtml, tableByCaption, textOf } from '../helpers/html-table.ts';
import { readPage } from '../helpers/site-pages.ts';

const siteDir = inject('siteDir');
const contentRoot = inject('contentRoot');
const realContent = inject('realContent');
const filing: Filing = loadFiling(join(contentRoot, YONGQING_2024), { root: PROJECT_ROOT, contentRoot });
const filingUrl = urlFor(filingSegments(filing));
const pages = [{ name: 'filing page', url: filingUrl }];

/** A figure on the page: two decimals for amounts (the tables print 万元 to the fen), equal as a decimal to the record. */
function sameFigure(shown: string, recorded: string, column: Pick<Column, 'type'>): boolean {
  const plain = shown.replace(/,/g, '');
  if (column.type === 'amount' && !/^-?\d+\.\d{2}$/.test(plain)) return false;
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return false;
  return new Decimal(plain).equals(recorded);
}

function sameCell(shown: string, recorded: Cell, column: Pick<Column, 'type'>): boolean {
  if (recorded === null) return shown === '';
  if (column.type === 'amount' || column.type === 'number') return sameFigure(shown, recorded, column);
  return shown === recorded.replace(/\s+/g, ' ').trim();
}

/** Compare a table's body with the record row by row; returns how many cells were compared and which differ. */
function compareTable(root: HTMLElement, table: Table): { cells: number; differences: string[] } {
  const element = tableByCaption(root, table.title);
  const grid = bodyGrid(element);
  const differences: string[] = [];
  if (table.empty || table.rows.length === 0) {
    if (!textOf(element.querySelector('tbody') ?? element).includes('空表列示')) differences.push(`${table.id}: an empty table shows no 空表列示`);
    return { cells: 0, differences };
  }
  if (grid.length !== table.rows.length) differences.push(`${table.id}: ${table.rows.length} rows in the record, ${grid.length} on the page`);
  let cells = 0;
  table.rows.forEach((row, r) => {
    const line = grid[r] ?? [];
    if (line.length !== row.length) differences.push(`${table.id} row ${r + 1}: ${row.length} cells in the record, ${line.length} on the page`);
    row.forEach((cell, c) => {
      cells++;
      const shown = line[c] ?? '';
      if (!sameCell(shown, cell, table.columns[c]!)) differences.push(`${table.id} row ${r + 1}, column "${table.columns[c]!.header.join('/')}": record ${JSON.stringify(cell)}, page ${JSON.stringify(shown)}`);
    });
  });
  return { cells, differences };
}

/**
 * The element holding one project's tables: the nearest article or section
 * around its heading. Sources repeat titles (two projects under one 文号), so
 * the heading is the title with the project's number in front (11、…).
 */
function projectBlock(root: HTMLElement, number: number, title: string): HTMLElement {
  const label = `${number}、${title}`;
  const headings = root.querySelectorAll('h2, h3, h4, h5').filter((h) => textOf(h).replace(/^(\d+)[.．、]\s*/, '$1、') === label);
  if (headings.length !== 1) throw new Error(`expected one heading "${label}", found ${headings.length}`);
  let block: HTMLElement | null = headings[0]!.parentNode;
  while (block && block.tagName !== 'ARTICLE' && block.tagName !== 'SECTION') block = block.parentNode;
  if (!block) throw new Error(`the heading "${title}" is not inside an article or section`);
  return block;
}

const INDICATOR_FIELDS: (keyof Indicator)[] = ['level1', 'level2', 'level3', 'description', 'comparison', 'value', 'unit', 'score', 'basis'];

describe.each(pages)('every cell of the 永清县 2024 record on the $name', ({ url }) => {
  const root = parseHtml(readPage(siteDir, url));

  it('shows every cell of every table in its table and row', () => {
    let cells = 0;
    const differences: string[] = [];
    for (const table of filing.tables) {
      const result = compareTable(root, table);
      cells += result.cells;
      differences.push(...result.differences);
    }
    console.log(`${url}: ${cells} table cells compared in ${filing.tables.length} tables`);
    expect(differences).toEqual([]);
    expect(cells).toBeGreaterThan(0);
    if (realContent) expect(filing.tables.filter((t) => t.standard).length).toBe(9);
  });

  it('shows every 项目绩效目标表 with its code, budget, spending plan and every indicator row', () => {
    let cells = 0;
    let indicatorRows = 0;
    const differences: string[] = [];
    for (const project of filing.projectList) {
      const block = projectBlock(root, project.number, project.title);
      const text = textOf(block);
      if (project.code && !text.includes(project.code)) differences.push(`project ${project.number}: code ${project.code} missing`);
      cells++;

      const figures = [project.budget?.total, project.budget?.fiscal, project.budget?.other, ...project.spendingPlan.map((p) => p.amount)].filter((v): v is string => v !== null && v !== undefined);
      const shownFigures = block
        .querySelectorAll('table')
        .filter((t) => !textOf(t.querySelector('thead') ?? t).includes('三级指标'))
        .flatMap((t) => bodyGrid(t).flat())
        .filter((s) => /^-?[\d,]+\.\d+$/.test(s));
      const missing = figures.filter((f) => !shownFigures.some((s) => sameFigure(s, f, { type: 'amount' })));
      if (missing.length > 0) differences.push(`project ${project.number}: budget or spending-plan figures ${missing.join(', ')} not shown`);
      cells += figures.length;

      if (project.indicators.length > 0) {
        const tables = block.querySelectorAll('table').filter((t) => textOf(t.querySelector('thead') ?? t).includes('三级指标'));
        if (tables.length !== 1) {
          differences.push(`project ${project.number}: expected one indicator table, found ${tables.length}`);
          continue;
        }
        const grid = bodyGrid(tables[0]!);
        if (grid.length !== project.indicators.length) differences.push(`project ${project.number}: ${project.indicators.length} indicator rows in the record, ${grid.length} on the page`);
        project.indicators.forEach((indicator, r) => {
          indicatorRows++;
          const line = grid[r] ?? [];
          for (const field of INDICATOR_FIELDS) {
            const value = indicator[field];
            if (value === undefined || value === '') continue;
            cells++;
            if (!line.includes(value.replace(/\s+/g, ' ').trim())) differences.push(`project ${project.number} indicator row ${r + 1}: ${field} ${JSON.stringify(value)} not in that row (${JSON.stringify(line)})`);
          }
        });
      }
    }
    console.log(`${url}: ${filing.projectList.length} projects, ${indicatorRows} indicator rows, ${cells} project cells compared`);
    expect(differences).toEqual([]);
    if (realContent) expect(filing.projectList).toHaveLength(30);
  });
});

describe('the comparison itself', () => {
  it('notices a changed figure, a missing row and a shifted cell', () => {
    const table: Table = {
      id: 't',
      title: '测试表',
      unit: '万元',
      csv: 't.csv',
      columnNumbers: false,
      empty: false,
      notes: [],
      meta: {},
      columns: [
        { header: ['项目'], type: 'text' },
        { header: ['金额'], type: 'amount' },
      ],
      rows: [
        ['合计', '10.5'],
        ['其中', null],
      ],
      lines: [2, 3],
    };
    const page = (body: string) => parseHtml(`<table><caption>测试表 单位：万元</caption><tbody>${body}</tbody></table>`);
    expect(compareTable(page('<tr><th>合计</th><td>10.50</td></tr><tr><th>其中</th><td></td></tr>'), table).differences).toEqual([]);
    expect(compareTable(page('<tr><th>合计</th><td>10.51</td></tr><tr><th>其中</th><td></td></tr>'), table).differences).toHaveLength(1);
    expect(compareTable(page('<tr><th>合计</th><td>10.5</td></tr><tr><th>其中</th><td></td></tr>'), table).differences).toHaveLength(1);
    expect(compareTable(page('<tr><th>合计</th><td>10.50</td></tr>'), table).differences.length).toBeGreaterThan(0);
    expect(compareTable(page('<tr><td>10.50</td><th>合计</th></tr><tr><th>其中</th><td></td></tr>'), table).differences).toHaveLength(2);
  });
});
