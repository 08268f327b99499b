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
    const rows = dom(base).querySelectorAll('thead tr:not(.gk-table__running)');
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
    expect(root.querySelectorAll('thead tr:not(.gk-table__running)')).toHaveLength(3);
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
    // title and unit twice (caption and the printed running row), context, note, meta label and value, a cell and a header
    expect(html.split(escapeHtml(hostile)).length - 1).toBe(10);
  });

  it('repeats title and unit in a head row printed on every page, hidden from screen readers and search', () => {
    const running = dom(base).querySelector('thead tr')!;
    expect(running.classList.contains('gk-table__running')).toBe(true);
    expect(running.getAttribute('aria-hidden')).toBe('true');
    expect(running.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(running.querySelector('td')!.getAttribute('colspan')).toBe('5');
    expect(running.text).toBe('部门预算支出总表　单位：万元');
  });

  it('states a unit only for a table with money in it, or a unit of its own that is not money', () => {
    const indicators: DataTableProps = { ...base, title: '项目绩效指标', columns: [{ header: ['三级指标'], type: 'text' }, { header: ['指标值'], type: 'text' }], rows: [['补贴金额', '≤9001084元']], columnNumbers: false };
    expect(dom(indicators).querySelector('.gk-table__unit')).toBeNull();
    expect(dom(indicators).querySelector('.gk-table__running')!.text).toBe('项目绩效指标');
    expect(dom({ ...indicators, unit: '人' }).querySelector('.gk-table__unit')!.text).toBe('单位：人');
    expect(dom(base).querySelector('.gk-table__unit')!.text).toBe('单位：万元');
  });

  it('keeps the column naming the rows in view: its head and every cell of it, blank or not', () => {
    const root = dom(base);
    expect(root.querySelectorAll('.gk-table__sticky').map((c) => `${c.tagName}:${c.text}`)).toEqual(['TH:科目名称', 'TD:2', 'TH:合计', 'TH:社会保障和就业支出', 'TH:就业补助', 'TH:就业见习补贴']);
  });

  it('marks a table for a landscape page and for a page of its own', () => {
    const wide: DataTableProps = { ...base, columns: [...base.columns, ...Array.from({ length: 9 }, (_, i) => ({ header: ['本年收入', `收入${i}`], type: 'amount' as const }))], rows: base.rows.map((r) => [...r, ...Array.from({ length: 9 }, () => '24487.92')]) };
    expect(dom(wide).querySelector('.gk-table')!.classList.value).toEqual(['gk-table', 'gk-table--wide']);
    expect(dom({ ...base, startsPage: true }).querySelector('.gk-table')!.classList.value).toEqual(['gk-table', 'gk-table--page']);
    expect(dom(base).querySelector('.gk-table')!.classList.value).toEqual(['gk-table']);
  });

  it('names the cells the headline links to, blank or not', () => {
    const root = dom({ ...base, anchors: new Map([['0:3', 'table-expenditure-r1-c4'], ['1:4', 'table-expenditure-r2-c5']]) });
    expect(root.querySelector('#table-expenditure-r1-c4')!.text).toBe('25332.93');
    expect(root.querySelector('#table-expenditure-r2-c5')!.text).toBe('');
  });

  it('links glossary terms in the head where they first appear, as found among all the page\'s terms', () => {
    const all = new Map([['基本支出', '#term-基本支出'], ['功能分类', '/glossary/#term-功能分类'], ['功能分类科目', '#term-功能分类科目']]);
    const root = dom({ ...base, columns: [...base.columns, { header: ['其中：基本支出'], type: 'amount' }], rows: base.rows.map((r) => [...r, null]), terms: { all, link: new Map([['基本支出', '#term-基本支出'], ['功能分类', '/glossary/#term-功能分类']]) } });
    const links = root.querySelectorAll('thead a');
    expect(links.map((a) => [a.text, a.getAttribute('href'), a.parentNode!.text])).toEqual([['基本支出', '#term-基本支出', '基本支出']]);
    expect(root.querySelectorAll('tbody a')).toHaveLength(0);
  });
});
