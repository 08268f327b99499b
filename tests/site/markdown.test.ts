import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/render/markdown.ts';
import { Random } from '../../scripts/synth/random.ts';

/** A seeded random source: the same cases on every run. */
function random(seed: number): () => number {
  const source = new Random(seed);
  return () => source.next();
}

describe('renderMarkdown', () => {
  it('renders paragraphs, emphasis and GFM tables', () => {
    const html = renderMarkdown('**财政拨款收入**：指本级财政当年拨付的资金。\n\n| 项目 | 金额 |\n| --- | ---: |\n| 合计 | 2.34 |\n');
    expect(html).toContain('<strong>财政拨款收入</strong>');
    expect(html).toContain('<table>');
    expect(html).toContain('<td align="right">2.34</td>');
  });

  it('never lets a <script> element through', () => {
    const html = renderMarkdown('前言\n\n<script>alert(1)</script>\n\n后记');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('前言');
    expect(html).toContain('后记');
  });

  it('drops raw HTML with event handlers', () => {
    const html = renderMarkdown('图片 <img src="x" onerror="alert(1)"> 结束');
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/<img/i);
  });

  it('strips javascript: links but keeps their text', () => {
    const html = renderMarkdown('[点击](javascript:alert(1)) 与 [链接](https://www.example.gov.cn/)');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('点击');
    expect(html).toContain('href="https://www.example.gov.cn/"');
  });

  it('strips disguised script URLs: upper case, entity-encoded, autolinks, data: images', () => {
    const html = renderMarkdown(
      ['[a](JAVASCRIPT:alert(1))', '[b](&#106;avascript:alert(1))', '<javascript:alert(1)>', '![c](data:text/html;base64,PHNjcmlwdD4=)', '[d](vbscript:msgbox(1))'].join('\n\n'),
    );
    // The links and the image stay as text or bare elements; no URL attribute survives.
    expect(html).not.toMatch(/\b(href|src)=/i);
    expect(html).toContain('<a>a</a>');
  });

  it('loads no image from elsewhere: a remote image becomes a link the reader may follow, any other its alt text', () => {
    const html = renderMarkdown('![办公楼](https://evil.example/pixel.png?who=reader) 与 ![](images/local.png)');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('<a href="https://evil.example/pixel.png?who=reader">［图片：办公楼］</a>');
    expect(html).toContain('［图片：未命名］');
  });

  it('escapes comparison signs in text and drops inline tags', () => {
    const html = renderMarkdown('指标值 <= 95% 且 a<b>c</b>');
    expect(html).toContain('指标值 &#x3C;= 95%');
    expect(html).not.toContain('<b>');
  });

  it('demotes headings below the section heading (h2), so a page keeps one h1', () => {
    const html = renderMarkdown('# 收入说明\n\n## 其中\n\n##### 细目');
    expect(html).toContain('<h3>收入说明</h3>');
    expect(html).toContain('<h4>其中</h4>');
    expect(html).toContain('<h6>细目</h6>');
    expect(html).not.toMatch(/<h[12]>/);
  });

  it('returns the same HTML for the same text', () => {
    const text = '上年结转：指以前年度安排的资金。';
    expect(renderMarkdown(text)).toBe(renderMarkdown(text));
    expect(renderMarkdown(text)).toBe('<p>上年结转：指以前年度安排的资金。</p>');
  });

  it('numbers footnotes 注1 注2 … with a heading and back links in Chinese, ids carrying the prefix given', () => {
    expect(renderMarkdown('收入[^1]。\n\n[^1]: 说明', 'three-public-')).toBe(
      [
        '<p>收入<sup><a href="#three-public-fn-1" id="three-public-fnref-1" data-footnote-ref aria-describedby="three-public-footnote-label">注1</a></sup>。</p>',
        '<section data-footnotes class="footnotes"><h4 id="three-public-footnote-label">注释</h4>',
        '<ol>',
        '<li id="three-public-fn-1">',
        '<p>说明 <a href="#three-public-fnref-1" data-footnote-backref="" aria-label="返回正文注1处" class="data-footnote-backref">↩</a></p>',
        '</li>',
        '</ol>',
        '</section>',
      ].join('\n'),
    );
  });

  it("leaves a record's own link to an anchor of the page as written", () => {
    expect(renderMarkdown('[见收入总表](#table-income-summary)', 'overview-')).toBe('<p><a href="#table-income-summary">见收入总表</a></p>');
  });

  it('footnotes of many blocks on one page: every id once, every footnote link lands on its note and back', () => {
    const labels = ['1', '2', 'a', '注一', 'note', 'x"y', '<b>'];
    const next = random(13);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    for (let page = 0; page < 50; page++) {
      // Blocks of one page, with the prefix of their section or none (then the text makes one).
      const blocks = Array.from({ length: 2 + Math.floor(next() * 4) }, (_, b) => {
        const used = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(labels)))];
        const text = `${used.map((label) => `第${b % 2}段[^${label}]`).join('，')}。\n\n${used.map((label) => `[^${label}]: 注释${label}`).join('\n')}`;
        return next() < 0.5 ? renderMarkdown(text, `section-${b}-`) : renderMarkdown(`${text}\n\n第 ${b} 块`);
      });
      const root = parse(blocks.join('\n'));
      const ids = root.querySelectorAll('[id]').map((el) => el.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), `page ${page}`).toEqual([]);
      const links = root.querySelectorAll('a[data-footnote-ref], a[data-footnote-backref]');
      const target = (href: string) => root.querySelector(`[id="${decodeURIComponent(href.slice(1)).replace(/["\\]/g, '\\$&')}"]`) ?? root.querySelector(`[id="${href.slice(1).replace(/["\\]/g, '\\$&')}"]`);
      expect(links.filter((a) => target(a.getAttribute('href') ?? '') === null).map((a) => a.getAttribute('href')), `page ${page}`).toEqual([]);
      const calls = root.querySelectorAll('a[data-footnote-ref]').map((a) => a.text);
      expect(calls.filter((text) => !/^注\d+$/.test(text)), `page ${page}`).toEqual([]);
      expect(root.querySelectorAll('section.footnotes > h4').map((h) => h.text).filter((text) => text !== '注释')).toEqual([]);
    }
  });
});
