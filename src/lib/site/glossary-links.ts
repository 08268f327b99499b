import { escapeHtml } from '../render/escape-html.ts';

/**
 * Glossary where the word is: a term of the filing's 名词解释, or of the
 * portal's glossary, is linked where it first appears on a page (a table's
 * header, a paragraph), once, never inside another link or a heading.
 */

/** Term → where its explanation is. */
export type TermLinks = ReadonlyMap<string, string>;

/** A term is linked only as plain words: markup characters would have to match the escaped page text. */
export const LINKABLE_TERM = /^[^<>&"'\s]{2,}$/;

const matchers = new WeakMap<TermLinks, RegExp>();

/** One pattern for all terms, the longest first, so that 事业单位经营收入 is found before 经营收入 at the same place. */
function matcher(terms: TermLinks): RegExp | undefined {
  if (terms.size === 0) return undefined;
  let pattern = matchers.get(terms);
  if (!pattern) {
    const alternatives = [...terms.keys()].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(alternatives.join('|'), 'gu');
    matchers.set(terms, pattern);
  }
  return pattern;
}

/** The terms in `text`, in order of appearance, each once. */
export function termsIn(text: string, terms: TermLinks): string[] {
  const pattern = matcher(terms);
  if (!pattern) return [];
  return [...new Set([...text.matchAll(pattern)].map((m) => m[0]))];
}

/**
 * `text` with each term of `pending` linked at its first appearance, the
 * terms linked taken out of `pending`. Terms are found as `all` finds them
 * (the longest at each place), so that 经营收入 is not linked inside
 * 事业单位经营收入. `text` is plain (escaped here) or, with `escaped`,
 * already HTML-escaped text.
 */
export function linkTerms(text: string, all: TermLinks, pending: Map<string, string>, escaped = false): string {
  const out = (s: string) => (escaped ? s : escapeHtml(s));
  const pattern = matcher(all);
  if (!pattern || pending.size === 0) return out(text);
  let html = '';
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const href = pending.get(match[0]);
    if (href === undefined) continue;
    html += `${out(text.slice(at, match.index))}<a class="gk-term" href="${escapeHtml(href)}">${out(match[0])}</a>`;
    at = match.index + match[0].length;
    pending.delete(match[0]);
    if (pending.size === 0) break;
  }
  return html + out(text.slice(at));
}

/** Elements whose text is never linked: a link inside a link is invalid, and a heading or code stays as written. */
const NO_LINKS = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'summary', 'button', 'label']);

/**
 * A tag as the Markdown renderer writes it (hast-util-to-html): attribute
 * values are always double-quoted with `"` escaped, and text escapes `<`,
 * so a tag ends at the first `>` outside quotes.
 */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*(\/?)>/g;

/** The HTML split into text runs outside NO_LINKS elements (`open`), other text and tags, in order. */
function* runs(html: string): Generator<{ text: string; open: boolean }> {
  let depth = 0;
  let at = 0;
  for (const tag of html.matchAll(TAG)) {
    if (tag.index > at) yield textRun(html.slice(at, tag.index), depth);
    yield { text: tag[0], open: false };
    const name = tag[2]!.toLowerCase();
    if (NO_LINKS.has(name) && tag[4] === '') depth = Math.max(0, depth + (tag[1] ? -1 : 1));
    at = tag.index + tag[0].length;
  }
  if (at < html.length) yield textRun(html.slice(at), depth);
}

/** A run of text; one holding a `<` is not text the renderer wrote, and is left alone. */
const textRun = (run: string, depth: number) => ({ text: run, open: depth === 0 && !run.includes('<') });

/** The text of rendered Markdown where a term may be linked, run by run (still HTML-escaped). */
export function linkableText(html: string): string[] {
  return [...runs(html)].filter((r) => r.open).map((r) => r.text);
}

/**
 * Rendered (and sanitised) Markdown with the terms of `pending` linked at
 * their first appearance outside links, headings and code. Only text
 * between tags changes; the tags are copied as they are.
 */
export function linkTermsInHtml(html: string, all: TermLinks, pending: Map<string, string>): string {
  if (pending.size === 0) return html;
  let out = '';
  for (const run of runs(html)) out += run.open && pending.size > 0 ? linkTerms(run.text, all, pending, true) : run.text;
  return out;
}

/** A place of a page where terms may appear (a table's header, a Markdown block), with its text in page order. */
export interface TermPlace {
  key: string;
  texts: readonly string[];
  /** The glossary list itself: a term first met there is explained there, and linked nowhere. */
  explains?: boolean;
}

/** For each place, the terms to link there: each term at the first place, in page order, whose text has it. */
export function termPlan(places: Iterable<TermPlace>, terms: TermLinks): Map<string, Map<string, string>> {
  const plan = new Map<string, Map<string, string>>();
  const seen = new Set<string>();
  for (const place of places) {
    for (const text of place.texts) {
      for (const term of termsIn(text, terms)) {
        if (seen.has(term)) continue;
        seen.add(term);
        if (place.explains) continue;
        let here = plan.get(place.key);
        if (!here) plan.set(place.key, (here = new Map()));
        here.set(term, terms.get(term)!);
      }
    }
  }
  return plan;
}
