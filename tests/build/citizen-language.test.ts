import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NodeType, parse, type HTMLElement, type Node } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { allPages, pageFile } from '../helpers/site-pages.ts';

const siteDir = inject('siteDir');
const contentRoot = inject('contentRoot');

/**
 * Latin words a citizen may meet on a page: the formats of the downloads,
 * the filing number's own letters, the name of the accessibility standard
 * (with its level), the key that moves focus, and units.
 */
const ALLOWED = new Set(['PDF', 'CSV', 'JSON', 'Excel', 'Word', 'ICP', 'WCAG', 'AA', 'Tab', 'km', 'kg', 'kWh', 'MB', 'GB']);

/** A file offered for download or named as a source, as its name is printed. */
const FILE_NAME = /^[\w-]+(?:\.[\w-]+)*\.(?:txt|md|csv|json|pdf|docx?|xlsx?|wps|et|ofd|zip|xml)$/i;

const LATIN_WORD = /[A-Za-z][A-Za-z0-9_.'-]*/g;

function latinWords(text: string): string[] {
  const withoutAddresses = text.replace(/\S+@\S+\.[A-Za-z]+/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  return [...withoutAddresses.matchAll(LATIN_WORD)].map((m) => m[0].replace(/[._'-]+$/, ''));
}

/**
 * The words the published documents print themselves (their tables, prose
 * and converted text): a project code or a typo in the source is published
 * as printed, whatever its letters. The record's YAML is not among them: the
 * importer writes parts of it in the site's own voice (出处).
 */
function documentWords(root: string): Set<string> {
  const words = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(?:csv|md|txt)$/.test(entry.name) && entry.name !== 'import-report.md') {
        for (const word of latinWords(readFileSync(path, 'utf8'))) words.add(word);
      }
    }
  };
  walk(root);
  return words;
}

/** Each text node on its own line: words of neighbouring elements never run together. */
function textNodes(node: Node): string[] {
  return node.nodeType === NodeType.TEXT_NODE ? [node.text] : node.childNodes.flatMap(textNodes);
}

/** What a reader sees or hears: text (the <noscript> message included), the title, alternative text and labels. */
function readableText(html: string): string {
  const root = parse(html);
  for (const noscript of root.querySelectorAll('noscript')) noscript.replaceWith(parse(noscript.innerHTML));
  root.querySelectorAll('script, style, template').forEach((node) => node.remove());
  const labels = root
    .querySelectorAll('[alt], [aria-label], [title], [placeholder]')
    .flatMap((node: HTMLElement) => ['alt', 'aria-label', 'title', 'placeholder'].map((name) => node.getAttribute(name) ?? ''));
  return [...textNodes(root.querySelector('html') ?? root), ...labels].join('\n');
}

describe('pages speak to citizens in Chinese', () => {
  const pages = allPages(siteDir);
  const printed = documentWords(contentRoot);
  const foreign = (word: string) => !/\d/.test(word) && !FILE_NAME.test(word) && !ALLOWED.has(word) && !printed.has(word);

  it('the scan covers the portal: pages of every kind', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)('%s has no English or developer word', (url) => {
    const words = [...new Set(latinWords(readableText(readFileSync(pageFile(siteDir, url), 'utf8'))).filter(foreign))];
    expect(words.map((word) => `${url}: ${word}`)).toEqual([]);
  });

  it('the scan finds the words it is meant to find', () => {
    const page = '<html><head><title>column-sum</title></head><body><p>规则 <code>npm run import</code></p><noscript><p>JavaScript</p></noscript><img alt="logo" src="x.png"><p>PDF A4 SHA-256 a.txt 京ICP备1号</p></body></html>';
    expect(latinWords(readableText(page)).filter(foreign)).toEqual(['column-sum', 'npm', 'run', 'import', 'JavaScript', 'logo']);
  });
});
