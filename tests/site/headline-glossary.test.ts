/**
 * Glossary where the word is: on a synthetic filing page (the headline, a
 * standard table, Markdown sections and the 名词解释 list, rendered as the
 * page renders them), every term is linked once, at its first appearance,
 * never inside a link, a heading or code, and the Markdown stays as safe as
 * the renderer made it.
 */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { Filing } from '../../src/lib/records/load-filing.ts';
import type { Table } from '../../src/lib/records/schema/table.ts';
import { dataTableHtml } from '../../src/lib/render/data-table.ts';
import { escapeHtml } from '../../src/lib/render/escape-html.ts';
import { textsHtml } from '../../src/lib/site/filing-view.ts';
import { linkableText, linkTerms, linkTermsInHtml, termPlan } from '../../src/lib/site/glossary-links.ts';
import { pageTerms, termPlace, termTargets } from '../../src/lib/site/page-terms.ts';
import { GLOSSARY_URL } from '../../src/lib/site/urls.ts';

const table: Table = {
  id: 'expenditure-summary',
  standard: 'expenditure-summary',
  title: '部门预算支出总表',
  unit: '万元',
  csv: 'tables/expenditure-summary.csv',
  columns: [
    { header: ['科目名称'], type: 'text' },
    { header: ['基本支出'], type: 'amount' },
    { header: ['项目支出'], type: 'amount' },
  ],
  columnNumbers: false,
  empty: false,
  notes: [],
  meta: {},
  rows: [['合计', '300.00', '700.00']],
  lines: [2],
};

const texts: Record<string, string> = {
  'sections/overview.md': [
    '## 基本支出和“三公”经费',
    '',
    '见[基本支出的说明](https://example.gov.cn/基本支出 "基本支出>说明")和`项目支出`。',
    '',
    '本年基本支出300万元，项目支出700万元，上年结转100万元，事业单位经营收入为零，经营收入也为零。<script>alert("上年结转")</script>',
  ].join('\n'),
  'sections/later.md': '上年结转再次出现；项目支出再次出现；机关运行经费首次出现在这里。',
};

const page: Filing = {
  schemaVersion: 1,
  id: '河北省/测试县/1-测试局/2024-预算',
  dir: 'x',
  title: '测试局2024年部门预算',
  kind: '预算',
  year: 2024,
  region: { province: '河北省', county: '测试县' },
  department: { code: '1', name: '测试县测试局', shortName: '测试局', units: [] },
  unit: '万元',
  sources: [],
  contents: [],
  tables: [table],
  statedFigures: {},
  sections: [
    { id: 'overview', title: '总体情况', blocks: [{ markdown: 'sections/overview.md' }], subsections: [{ id: 'later', title: '其他', blocks: [{ markdown: 'sections/later.md' }] }] },
    {
      id: 'glossary',
      title: '名词解释',
      blocks: [
        {
          glossary: [
            { term: '上年结转', definition: '以前年度安排的资金。' },
            { term: '事业单位经营收入', definition: '事业单位经营活动的收入。' },
            { term: '经营收入', definition: '经营活动的收入。' },
            { term: '政府采购', definition: '只在这里出现的词。' },
          ],
        },
      ],
      subsections: [],
    },
  ],
  projectList: [],
  texts,
  acknowledgments: [],
};

const portal = ['基本支出', '项目支出', '“三公”经费', '机关运行经费', '上年结转', '<b>'];

/** The page as the filing page draws it: headline labels, the table, the two Markdown blocks, in this order. */
function render(): string {
  const html = textsHtml(texts);
  const terms = pageTerms(page, html, ['“三公”经费预算', '支出总计'], portal);
  const headline = ['“三公”经费预算', '支出总计'].map((label) => `<dt>${linkTerms(label, terms.all, terms.at(termPlace.headline))}</dt>`).join('');
  const tableHtml = dataTableHtml({ id: 'table-x', title: table.title, context: '测试', columns: table.columns, rows: table.rows, terms: { all: terms.all, link: terms.at(termPlace.table(table.id)) } });
  const prose = Object.keys(texts).map((path) => linkTermsInHtml(html[path]!, terms.all, terms.at(termPlace.markdown(path))));
  return `<dl>${headline}</dl>${tableHtml}${prose.join('')}`;
}

describe('glossary terms on a filing page', () => {
  const root = parse(render());
  const links = root.querySelectorAll('a.gk-term');

  it('links each term once, where it first appears: the headline, the table head, then the text', () => {
    expect(links.map((a) => [a.text, a.getAttribute('href'), a.closest('dt, th, p')!.tagName])).toEqual([
      ['“三公”经费', `${GLOSSARY_URL}#term-三公经费`, 'DT'],
      ['基本支出', `${GLOSSARY_URL}#term-基本支出`, 'TH'],
      ['项目支出', `${GLOSSARY_URL}#term-项目支出`, 'TH'],
      ['上年结转', '#term-上年结转', 'P'],
      ['事业单位经营收入', '#term-事业单位经营收入', 'P'],
      ['经营收入', '#term-经营收入', 'P'],
      ['机关运行经费', `${GLOSSARY_URL}#term-机关运行经费`, 'P'],
    ]);
  });

  it('never links inside a heading, a link or code, and never a term only the glossary list itself has', () => {
    for (const a of links) expect(a.closest('h1, h2, h3, h4, h5, h6, code, a:not(.gk-term)')).toBeNull();
    expect(root.querySelector('h4')!.text).toBe('基本支出和“三公”经费');
    expect(root.querySelectorAll('a:not(.gk-term)').map((a) => a.text)).toEqual(['基本支出的说明']);
    expect(root.querySelector('code')!.text).toBe('项目支出');
    expect(links.map((a) => a.text)).not.toContain('政府采购');
  });

  it('changes nothing of the rendered Markdown but the text where it links', () => {
    for (const html of Object.values(textsHtml(texts))) {
      const linked = linkTermsInHtml(html, termTargets(['上年结转'], portal), new Map(termTargets(['上年结转'], portal)));
      expect(linked.replace(/<a class="gk-term" href="[^"]*">([^<]*)<\/a>/g, '$1')).toBe(html);
      expect(linked).not.toContain('<script');
    }
  });
});

describe('the parts of glossary linking', () => {
  it('links a term to the page\'s own 名词解释 entry, else to the portal\'s glossary, and skips terms that are markup', () => {
    expect([...termTargets(['上年结转', ' 基本支出 '], ['基本支出', '项目支出', '<b>', 'a"b', '支'])]).toEqual([
      ['上年结转', '#term-上年结转'],
      ['基本支出', '#term-基本支出'],
      ['项目支出', `${GLOSSARY_URL}#term-项目支出`],
    ]);
  });

  it('plans each term at its first place and none at a place that explains it', () => {
    const terms = new Map([
      ['甲', '#甲'],
      ['乙', '#乙'],
      ['丙', '#丙'],
    ]);
    const plan = termPlan(
      [
        { key: 'a', texts: ['甲乙'] },
        { key: 'list', texts: ['丙'], explains: true },
        { key: 'b', texts: ['甲丙乙'] },
      ],
      terms,
    );
    expect([...plan].map(([key, here]) => [key, [...here.keys()]])).toEqual([['a', ['甲', '乙']]]);
  });

  it('escapes plain text around the links and treats a run holding a tag it cannot read as no text', () => {
    const all = new Map([['三公', '#x']]);
    expect(linkTerms('<i>三公</i>三公', all, new Map(all))).toBe(`${escapeHtml('<i>')}<a class="gk-term" href="#x">三公</a>${escapeHtml('</i>')}三公`);
    expect(linkableText('<p title="a>b">三公</p><code>三公</code>文<b x=y>三公</b>')).toEqual(['三公']);
    expect(linkTermsInHtml('文<b x=y>三公</b>', all, new Map(all))).toBe('文<b x=y>三公</b>');
  });
});
