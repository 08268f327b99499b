/**
 * Radical code points that some PDF producers' ToUnicode maps give for
 * ordinary characters (Chromium/Skia and WPS write ⼀ for 一, ⻬ for 齐,
 * because the font draws both with one glyph). A reader sees the ideograph;
 * matching and search need it too.
 */

/** CJK Radicals Supplement forms that stand for a whole simplified or common character (Unicode's EquivalentUnifiedIdeograph). */
const RADICALS: Record<string, string> = {
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ea9': '王',
  '\u2ec1': '虎',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed7': '雨',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
};

/**
 * Kangxi radicals and compatibility ideographs folded by NFKC, the radical
 * forms above by the table; nothing else is normalised (（ stays full-width).
 */
export function foldLookalikes(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]/gu, (ch) => RADICALS[ch] ?? ch.normalize('NFKC'));
}
