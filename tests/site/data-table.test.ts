import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { dataTableHtml, type DataTableProps } from '../../src/lib/render/data-table.ts';
import { escapeHtml } from '../../src/lib/render/escape-html.ts';

const base: DataTableProps = {
  id: 'table-expenditure',
  title: '部门预算支出总表',
  context: '永清县人力资源和社会保障局 2024年部门预算',
  unit: '万元',
  columns: [
    { header: ['序号'], type: 'seq' },
    { header: ['功能分类科目', '科目编码'], type: 'code', classification: 'function' },
    { header: ['功能分类科目', '科目名称'], type: 'text' },
    { header: ['合计'], type: 'amount' },
    { header: ['基本支出'], type: 'amount' },
  ],
  rows: [
    ['1', null, '合计', '25332.93', '1439.5'],
    ['2', '208', '社会保障和就业支出', '24901.46', null],
    ['3', '20807', '就业补助', '1659.01', null],
    ['4', '2080711', '就业见习补贴', '507.36', null],
  ],
  columnNumbers: true,
};

const dom = (props: DataTableProps) => parse(dataTableHtml(props));

describe('DataTable markup', () => {
  it('captions the table with title, department and year, and unit, and labels the scroll region by it', () => {
    const root = dom(base);
    const caption = root.querySelector('caption')!;
    expect(caption.id).toBe('table-expenditure-caption');
    expect(caption.text).toBe('部门预算支出总表永清县人力资源和社会保障局 2024年部门预算单位：万元');
    const wrap = root.querySelector('.gk-table__wrap')!;
    expect(wrap.getAttribute('role')).toBe('region');
    expect(wrap.getAttribute('aria-labelledby')).toBe('table-expenditure-caption');
    expect(wrap.getAttribute('tabindex')).toBe('0');
  });

  it('builds a two-level head with scopes and the 栏次 row', () => {
    const rows = dom(base).querySelectorAll('thead tr');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.querySelectorAll('th').map((th) => [th.text, th.getAttribute('scope'), th.getAttribute('colspan') ?? '1', th.getAttribute('rowspan') ?? '1'])).toEqual([
      ['序号', 'col', '1', '2'],
      ['功能分类科目', 'colgroup', '2', '1'],
      ['合计', 'col', '1', '2'],
      ['基本支出', 'col', '1', '2'],
    ]);
    expect(rows[1]!.querySelectorAll('th').map((th) => th.text)).toEqual(['科目编码', '科目名称']);
    expect(rows[2]!.querySelectorAll('th, td').map((c) => c.text)).toEqual(['栏次', '1', '2', '3', '4']);
  });

  it('shows amounts with two decimals, right-aligned and out of the search index, and names each row', () => {
    const body = dom(base).querySelectorAll('tbody tr');
    const first = body[0]!;
    expect(first.classList.contains('gk-table__total')).toBe(true);
    expect(first.querySelector('th[scope=row]')!.text).toBe('合计');
    const amounts = first.querySelectorAll('td.gk-table__num');
    expect(amounts.map((td) => td.text)).toEqual(['1', '25332.93', '1439.50']);
    for (const td of amounts) expect(td.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(dom(base).querySelector('tfoot')).toBeNull();
  });

  it('indents 类, 款 and 项 by code level', () => {
    const labels = dom(base).querySelectorAll('tbody th.gk-table__label');
    expect(labels.map((th) => th.classList.value.filter((c) => c.startsWith('gk-table__label--')))).toEqual([[], ['gk-table__label--level-0'], ['gk-table__label--level-1'], ['gk-table__label--level-2']]);
  });

  it('draws an empty table with its head and the note 空表列示', () => {
    const root = dom({ ...base, rows: [], empty: true, notes: ['注：无政府性基金预算财政拨款预算，空表列示。'] });
    expect(root.querySelectorAll('thead tr')).toHaveLength(3);
    expect(root.querySelector('tbody td')!.text).toBe('空表列示');
    expect(root.querySelector('tbody td')!.getAttribute('colspan')).toBe('5');
    expect(root.querySelector('.gk-table__notes')!.text).toBe('注：无政府性基金预算财政拨款预算，空表列示。');
  });

  it('merges indicator groups into row headers with rowspan', () => {
    const root = dom({
      ...base,
      columns: [
        { header: ['一级指标'], type: 'text' },
        { header: ['二级指标'], type: 'text' },
        { header: ['三级指标'], type: 'text' },
        { header: ['指标值'], type: 'text' },
      ],
      rows: [
        ['产出指标', '数量指标', '享受补贴人数', '≥300人'],
        ['产出指标', '质量指标', '资金发放率', '≥95%'],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '≥95%'],
      ],
      columnNumbers: false,
      groupColumns: 2,
      rowHeader: 2,
    });
    const rows = root.querySelectorAll('tbody tr');
    expect(rows[0]!.querySelectorAll('th').map((th) => [th.text, th.getAttribute('rowspan') ?? '1'])).toEqual([
      ['产出指标', '2'],
      ['数量指标', '1'],
      ['享受补贴人数', '1'],
    ]);
    expect(rows[1]!.querySelectorAll('th').map((th) => th.text)).toEqual(['质量指标', '资金发放率']);
  });

  it('keeps unsearchable columns and, when asked, the title out of the search index', () => {
    const root = dom({
      ...base,
      columns: [
        { header: ['一级指标'], type: 'text', searchable: false },
        { header: ['三级指标'], type: 'text' },
        { header: ['指标值'], type: 'text', searchable: false },
      ],
      rows: [['产出指标', '享受补贴人数', '≥300人']],
      columnNumbers: false,
      groupColumns: 1,
      rowHeader: 1,
      searchableTitle: false,
    });
    const cells = root.querySelectorAll('tbody th, tbody td');
    expect(cells.map((c) => [c.text, c.hasAttribute('data-pagefind-ignore')])).toEqual([
      ['产出指标', true],
      ['享受补贴人数', false],
      ['≥300人', true],
    ]);
    expect(root.querySelector('.gk-table__title')!.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(dom(base).querySelector('.gk-table__title')!.hasAttribute('data-pagefind-ignore')).toBe(false);
  });

  it('marks a flagged figure and links the note to its finding', () => {
    const root = dom({ ...base, flags: new Map([['0:3', { id: 'finding-2', number: 2 }]]) });
    const mark = root.querySelector('tbody mark')!;
    expect(mark.text).toBe('25332.93');
    expect(mark.getAttribute('aria-describedby')).toBe('finding-2');
    expect(root.querySelector('.gk-table__notes a')!.getAttribute('href')).toBe('#finding-2');
  });

  it('escapes every text from the record', () => {
    const hostile = '<script>alert(1)</script>"onmouseover="x';
    const html = dataTableHtml({ ...base, title: hostile, context: hostile, unit: hostile, notes: [hostile], meta: { [hostile]: hostile }, rows: [['1', null, hostile, '1', null]], columns: base.columns.map((c, i) => (i === 4 ? { ...c, header: [hostile] } : c)) });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('"onmouseover="');
    // title, context, unit, note, meta label and value, a cell and a header
    expect(html.split(escapeHtml(hostile)).length - 1).toBe(8);
  });
});
