import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { holds, readTextPages, truePages } from '../../scripts/bench-search/ground-truth.ts';
import { normalise, queryWords } from '../../src/lib/search/normalise.ts';
import { BLOCK, pageText } from '../../scripts/bench-search/page-text.ts';

describe('normalise', () => {
  it('folds width, punctuation variants, letter case, spaces, characters that print nothing and thousands separators', () => {
    expect(normalise('２４，４８７．９２ 万元 “三公”经费——劳务　费 ⼈员 Ａbc\u200b')).toBe('24487.92万元"三公"经费--劳务费人员abc');
    expect(normalise('〔2024〕【注】‘单’・1,2 2019,2020 1,234,567.00')).toBe("[2024][注]'单'·1,22019,20201234567.00");
  });

  it('splits a query into its words at half- and full-width spaces', () => {
    expect(queryWords(' 劳务费　２０８０５０５  24,487.92 ')).toEqual(['劳务费', '2080505', '24487.92']);
    expect(queryWords(' \u3000 ')).toEqual([]);
  });
});

describe('pageText', () => {
  it("reads the data-pagefind-body only, in blocks, leaving ignored parts and table headers out of the indexed text but keeping the filing's own figures", () => {
    const html = [
      '<!doctype html><html><head><title>标题</title><script>var a = "<p>劳务费</p>";</script></head><body>',
      '<nav>导航 劳务费</nav>',
      '<main data-pagefind-body><h1 data-pagefind-meta="title">永清县人力资源和社会保障局2024年部门预算</h1>',
      '<p>支出<a href="#g">劳务费</a>12.00万元，&#x201C;三公&#x201D;经费&amp;其他</p>',
      '<table><caption><span>收入总表</span><span data-pagefind-ignore>单位：万元</span></caption>',
      '<thead><tr><th>科目编码</th><th>金额</th></tr></thead>',
      '<tbody><tr><td>2080505</td><td class="gk-table__num" data-pagefind-ignore>24,487.92</td></tr>',
      '<tr><th scope="row">行政运行</th><td data-pagefind-ignore>1<br>2</td><td class="gk-table__num gk-table__previous" data-pagefind-ignore>77.10</td></tr></tbody></table>',
      '<div class="gk-table__notes"><p>表注</p></div><section class="gk-headline"><p>主要数字</p></section>',
      '<dl class="gk-facts"><dt>部门</dt><dd><span data-pagefind-filter="部门">财政局</span><span>单位编码 316</span></dd></dl>',
      '<style>.x { color: red }</style><img src="a.png" alt="图"><p>最后<br/>一段</p></main>',
      '<footer>页脚</footer></body></html>',
    ].join('\n');
    const text = pageText(html);
    expect(text.indexed.split(BLOCK)).toEqual(['永清县人力资源和社会保障局2024年部门预算', '支出劳务费12.00万元,"三公"经费&其他', '收入总表', '2080505', '24487.92', '行政运行', '财政局', '最后', '一段']);
    expect(text.visible.split(BLOCK)).toEqual(['永清县人力资源和社会保障局2024年部门预算', '支出劳务费12.00万元,"三公"经费&其他', '收入总表单位:万元', '科目编码', '金额', '2080505', '24487.92', '行政运行', '1', '2', '77.10', '表注', '主要数字', '部门', '财政局单位编码316', '最后', '一段']);
  });

  it('gives a page without data-pagefind-body no text', () => {
    expect(pageText('<html><body><main><h1>搜索</h1><p>劳务费</p></main></body></html>')).toEqual({ indexed: '', visible: '' });
  });
});

/** Three filing pages as the site writes them, the search's ground truth is read from. */
const PAGES: Record<string, string> = {
  '河北省/甲县/财政局/2024-预算': [
    '<h1 data-pagefind-meta="title">甲县财政局2024年部门预算</h1>',
    '<p>劳务费支出12.00万元。</p>',
    '<table><thead><tr><th>科目编码</th><th>金额</th></tr></thead>',
    '<tbody><tr><td>2080505</td><td data-pagefind-ignore>24,487.92</td></tr></tbody></table>',
  ].join(''),
  '河北省/乙县/财政局/2024-预算': '<h1 data-pagefind-meta="title">乙县财政局2024年部门预算</h1><p>劳务 费和培训费</p><p>20805</p>',
  '河北省/丙县/教育局/2023-决算': '<h1 data-pagefind-meta="title">丙县教育局2023年部门决算</h1><p>劳动服务费用</p><p>上年结转２０８０５０５，“三公”经费</p>',
};

describe('holds', () => {
  it('finds Chinese text anywhere and a figure at either end of the word only as a whole number', () => {
    const text = '项目支出6101.63万元,上年2024.5万元,编码13030224p000302241249,2024年预算30224';
    expect(['项目支', '101.63', '6101.63', '101.6', '2024', '2024年', '年预算30224', '30224', '0224', '13030224', '13030224p', 'p00030224'].map((word) => holds(text, word))).toEqual([
      true, false, true, false, true, true, true, true, false, true, true, false,
    ]);
  });
});

describe('truePages', () => {
  const site = mkdtempSync(join(tmpdir(), 'gongkai-bench-truth-'));
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  for (const [id, body] of Object.entries(PAGES)) {
    mkdirSync(join(site, ...id.split('/')), { recursive: true });
    writeFileSync(join(site, ...id.split('/'), 'index.html'), `<!doctype html><html lang="zh-CN"><body><nav>劳务费 2080505 24487.92</nav><main data-pagefind-body>${body}</main></body></html>`);
  }
  const pages = readTextPages(site, Object.keys(PAGES));
  const [甲, 乙, 丙] = Object.keys(PAGES);

  it('finds exactly the pages whose indexed text holds the query, after normalising, in page order', () => {
    expect(truePages(pages, '劳务费')).toEqual([甲, 乙]);
    expect(truePages(pages, '2080505')).toEqual([甲, 丙]);
    expect(truePages(pages, '20805')).toEqual([乙]);
    expect(truePages(pages, '"三公"经费')).toEqual([丙]);
    expect(truePages(pages, '劳务')).toEqual([甲, 乙]);
    expect(truePages(pages, '财政局')).toEqual([甲, 乙]);
  });

  it('needs every word of a query of several words', () => {
    expect(truePages(pages, '甲县 劳务费')).toEqual([甲]);
    expect(truePages(pages, '乙县　2080505')).toEqual([]);
    expect(truePages(pages, '  ')).toEqual([]);
  });

  it('leaves out what the index leaves out (ignored figures, table headers), which the visible text keeps', () => {
    expect(truePages(pages, '24487.92')).toEqual([]);
    expect(truePages(pages, '24,487.92', { in: 'visible' })).toEqual([甲]);
    expect(truePages(pages, '科目编码')).toEqual([]);
    expect(truePages(pages, '科目编码', { in: 'visible' })).toEqual([甲]);
  });

  it('never matches across blocks or outside the page body', () => {
    expect(truePages(pages, '2080505,"三公"')).toEqual([丙]);
    expect(truePages(pages, '12.00万元。科目编码', { in: 'visible' })).toEqual([]);
    expect(truePages(pages, '培训费20805', { in: 'visible' })).toEqual([]);
    expect(truePages(pages, '部门预算劳务费', { in: 'visible' })).toEqual([]);
  });
});
