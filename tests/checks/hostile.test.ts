import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, writeHostileContent } from './hostile-record.ts';
import { ASTRO, isolatedProject, type IsolatedProject } from './isolated-build.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * The hostile record puts <script>, javascript: links, event handlers and raw
 * HTML in Markdown, table cells, notes, titles and the glossary, and the
 * generated one hostile text in every field (hostile-record.ts). Built into
 * a site, none of it may reach the page as markup; all of it stays readable
 * as text where the page shows that field. What a script puts on a page is
 * tested in the browser (tests/browser/hostile-search.test.ts).
 */
describe('hostile text in a record is never executed', () => {
  let project: IsolatedProject;
  let temp = '';
  let pages: { file: string; html: string }[] = [];

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
    const content = writeHostileContent(temp);
    project = isolatedProject();
    const outDir = join(project.dir, 'dist');
    const build = project.run([ASTRO, 'build', '--outDir', outDir], content);
    if (build.status !== 0) throw new Error(`the hostile fixture site did not build:\n${build.output}`);
    pages = htmlFiles(outDir).map((file) => ({ file, html: readFileSync(file, 'utf8') }));
  }, 180_000);
  afterAll(() => {
    project?.remove();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('builds the filing page', () => {
    expect(pages.some((p) => p.html.includes('公务用车运行维护费'))).toBe(true);
  });

  it('no <script> from the record', () => {
    for (const { file, html } of pages) {
      const scripts = parse(html).querySelectorAll('script').map((s) => s.rawText);
      expect(scripts.filter((s) => s.includes('alert(')), file).toEqual([]);
    }
  });

  it('no javascript: link, whatever its case', () => {
    for (const { file, html } of pages) {
      const hrefs = parse(html).querySelectorAll('[href]').map((a) => a.getAttribute('href') ?? '');
      expect(hrefs.filter((h) => /^\s*javascript:/i.test(h)), file).toEqual([]);
    }
  });

  it('no event-handler attribute, no iframe, no javascript: in a style', () => {
    for (const { file, html } of pages) {
      const elements = parse(html).querySelectorAll('*');
      const handlers = elements.flatMap((el) => Object.keys(el.attributes).filter((name) => /^on/i.test(name)));
      expect(handlers, file).toEqual([]);
      expect(elements.filter((el) => el.tagName === 'IFRAME').length, file).toBe(0);
      expect(elements.filter((el) => /javascript:/i.test(el.getAttribute('style') ?? '')).length, file).toBe(0);
    }
  });

  it('hostile table cells, notes, titles and glossary entries are shown as text', () => {
    const texts = pages.flatMap((p) => parse(p.html).querySelectorAll('th, td, p, dt, dd, caption span, h2').map((el) => el.text));
    expect(texts).toContain("二、公务用车购置及运维费<script>alert('cell')</script>");
    expect(texts).toContain("公务用车运行维护费<img src=x onerror=alert('cell-img')>");
    expect(texts).toContain('注：<img src=x onerror=alert("note")>');
    expect(texts).toContain("部门预算财政拨款“三公”经费支出表<script>alert('table-title')</script>");
    expect(texts).toContain("<b onmouseover=alert('term')>上年结转</b>");
    expect(texts).toContain(`2024 年部门预算信息公开（节选）${HOSTILE_TEXT}`);
  });

  it('the generated record is on the site, its title as text', () => {
    const titles = pages.flatMap((p) => parse(p.html).querySelectorAll('h1').map((h) => h.text));
    expect(titles).toContain(`永清县人力资源和社会保障局2024年部门预算信息公开${HOSTILE_TEXT}`);
  });
});
