import type { FilingHead } from '../compile/compiled.ts';
import { escapeHtml } from '../render/escape-html.ts';
import { siteConfig } from './site-config.ts';
import { absoluteUrl, filingUrl, sitePath } from './urls.ts';

/** Where a filing's printable view was (…/2024-预算/print/): its address is kept. */
export const printAddressUrl = (f: Pick<FilingHead, 'region' | 'department' | 'year' | 'kind'>): string => `${filingUrl(f)}print/index.html`;

/**
 * The page at the address the printable view had, kept so that links and
 * bookmarks to it still work: the filing page itself prints as the view
 * did, so this only sends the reader there. Written with the filing's open
 * data (scripts/write-filing-data.ts), off the process that renders the
 * pages: a few hundred bytes a filing, no template needed. It names the
 * site's icon as every page does: without it a browser asks for
 * /favicon.ico, which the site does not have (and which is outside a
 * sub-path portal).
 */
export function printAddressPage(f: Pick<FilingHead, 'title' | 'region' | 'department' | 'year' | 'kind'>): string {
  const page = escapeHtml(filingUrl(f));
  const title = escapeHtml(`${f.title}（打印版）`);
  return `<!DOCTYPE html><html lang="${escapeHtml(siteConfig.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><meta name="robots" content="noindex"><link rel="icon" href="${escapeHtml(sitePath('favicon.svg'))}" type="image/svg+xml"><link rel="canonical" href="${escapeHtml(absoluteUrl(filingUrl(f)))}"><meta http-equiv="refresh" content="0; url=${page}"></head><body><main><h1>${title}</h1><p>打印版已并入网页：<a href="${page}">${escapeHtml(f.title)}</a>。直接打印该网页即可（A4），每页页眉注明部门和年度，页脚注明页码，折叠的部分全部印出。</p></main></body></html>\n`;
}
