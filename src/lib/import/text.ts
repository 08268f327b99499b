/** Helpers for matching Chinese document text whose spacing and punctuation vary between converters. */

const FULL_TO_HALF: Record<string, string> = {
  '（': '(',
  '）': ')',
  '：': ':',
  '，': ',',
  '．': '.',
  '％': '%',
  '【': '[',
  '】': ']',
};

/** Text without any whitespace, full-width ASCII folded to half-width: for matching, never for output. */
export function compact(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\s\u3000\u00a0]/g, '')) {
    const code = ch.charCodeAt(0);
    if (FULL_TO_HALF[ch]) out += FULL_TO_HALF[ch];
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else out += ch;
  }
  return out;
}

/**
 * A header label as printed, without the spaces that justify it in a cell
 * ("项 目" → "项目", "一般公共预算 财政拨款" → "一般公共预算财政拨款").
 * Spaces between two Latin letters or digits are kept.
 */
export function headerText(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/(?<=[^\x00-\x7f]) (?=\S)|(?<=\S) (?=[^\x00-\x7f])/g, '');
}

/**
 * A cell's text as published, trimmed of the padding converters add
 * (trim() takes the same white space as \s, U+3000 among it; a pattern
 * anchored at the end would rescan a long inner run of spaces once per space).
 */
export function cellText(text: string): string {
  return text.trim();
}

/**
 * A figure as the source prints it in a table cell, or null when the cell
 * is not a plain number: `1,234.50`, ` 24487.92 `, `１２.５`, `1315.17 万元` (the
 * unit of the table, which the record states once).
 */
export function numericCell(text: string): string | null {
  const c = compact(text).replace(/万元$/, '');
  if (/^-?\d+(\.\d+)?$/.test(c)) return c;
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(c)) return c.replace(/,/g, '');
  return null;
}

/** A 目录 line: a title, then dot leaders or a gap, then a page number of at most three digits (`十、其他需要说明的事项……60`). */
export function isContentsLine(text: string): boolean {
  const t = text.trim();
  let end = t.length;
  while (end > 0 && t.length - end < 3 && /\d/.test(t[end - 1]!)) end--;
  let gap = end;
  while (gap > 0 && /[.·…\s]/.test(t[gap - 1]!)) gap--;
  return end < t.length && gap > 0 && /[.·…]{2}|\s/.test(t.slice(gap, end));
}

/**
 * A page number or stray mark a converter leaves where a page ended: `30`,
 * `-1-`, `— 3 —`, `+`, `6.3.`, `第 3 页`, `第3页 共25页`, `3 / 25`. No words.
 * Such a mark is short: a long line is not one, and is never given to the
 * patterns, whose runs of spaces two parts can share (quadratic).
 */
export function isPageFurniture(text: string): boolean {
  const t = text.trim();
  if (t.length > 60) return false;
  return /^[\s\-–—_+.·\d]{1,8}$/.test(t) || /^[-–—\s]*第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?[-–—\s]*$/.test(t) || /^\d{1,4}\s*\/\s*\d{1,4}$/.test(t);
}

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number; null when the text is not a Chinese numeral. */
export function chineseNumber(text: string): number | null {
  if (!/^[零一二三四五六七八九十]+$/.test(text)) return null;
  if (text === '十') return 10;
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? (CN_DIGITS[text] ?? null) : null;
  const tens = ten === 0 ? 1 : (CN_DIGITS[text.slice(0, ten)] ?? NaN);
  const units = ten === text.length - 1 ? 0 : (CN_DIGITS[text.slice(ten + 1)] ?? NaN);
  const value = tens * 10 + units;
  return Number.isNaN(value) ? null : value;
}
