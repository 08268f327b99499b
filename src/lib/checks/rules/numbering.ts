import type { Rule } from '../rule.ts';

const CHINESE_DIGITS = '一二三四五六七八九';

/** 一 → 1, 十 → 10, 十二 → 12, 二十一 → 21; null for anything else. */
export function chineseNumeral(text: string): number | null {
  const match = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!match || text === '') return null;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? CHINESE_DIGITS.indexOf(tens) + 1 : null;
  return (tens ? CHINESE_DIGITS.indexOf(tens) + 1 : 1) * 10 + (units ? CHINESE_DIGITS.indexOf(units) + 1 : 0);
}

/** Places where a list jumps (…7, 9…): each gap as [previous, next]. A list may start again at 1. */
export function numberingGaps(numbers: readonly number[]): [number, number][] {
  const gaps: [number, number][] = [];
  for (let i = 1; i < numbers.length; i++) {
    const previous = numbers[i - 1]!;
    const next = numbers[i]!;
    if (next !== previous + 1 && next !== 1) gaps.push([previous, next]);
  }
  return gaps;
}

/** Arabic list numbers at the start of Markdown paragraphs: `1、…`, `2.…`, `3．…`. */
const PARAGRAPH_NUMBER = /^(\d{1,3})[、.．](?!\d)/gm;

/**
 * A numbered list that skips a number (部门职责 1 … 7, 9, 10) usually means an
 * item was lost when the document was drafted or converted. The portal cannot
 * know what is missing, so it publishes the text as it stands and tells the
 * reader where the gap is.
 */
export const numbering: Rule = {
  id: 'numbering',
  severity: 'warning',
  description: '说明文字、章节和项目绩效目标表的编号连续，没有跳号',
  check(filing, out) {
    for (const [file, text] of Object.entries(filing.texts)) {
      const numbers = [...text.matchAll(PARAGRAPH_NUMBER)].map((m) => Number(m[1]));
      for (const [previous, next] of numberingGaps(numbers)) {
        out.filingLevel(this, `${file}:${previous}→${next}`, { expected: String(previous + 1), found: String(next), message: `编号不连续：${previous} 之后是 ${next}` }, file);
      }
    }
    const sectionNumbers = filing.sections.map((s) => chineseNumeral(s.number ?? '')).filter((n): n is number => n !== null);
    for (const [previous, next] of numberingGaps(sectionNumbers)) {
      out.filingLevel(this, `sections:${previous}→${next}`, { expected: String(previous + 1), found: String(next), message: `章节编号不连续：第 ${previous} 部分之后是第 ${next} 部分` });
    }
    const groups = new Map<string, number[]>();
    for (const project of filing.projectList) groups.set(project.group ?? '', [...(groups.get(project.group ?? '') ?? []), project.number]);
    for (const [group, numbers] of groups) {
      for (const [previous, next] of numberingGaps(numbers)) {
        out.filingLevel(this, `projects${group ? `:${group}` : ''}:${previous}→${next}`, { expected: String(previous + 1), found: String(next), message: `${group || '项目'}绩效目标表编号不连续：${previous} 之后是 ${next}` }, filing.projects ?? 'projects.yaml');
      }
    }
  },
};
