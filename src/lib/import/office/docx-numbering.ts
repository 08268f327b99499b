import { type XmlNode, attrOf, childOf, childrenOf, findElement, parseXml, tagOf } from './xml.ts';
import type { ZipPackage } from './zip-package.ts';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
}

interface List {
  abstractId: string;
  levels: Map<number, Level>;
  /** w:startOverride per level: the list restarts there the first time this numbering is used. */
  starts: Map<number, number>;
}

const val = (node: XmlNode | undefined) => (node ? attrOf(node, 'w:val') : undefined);
const intVal = (node: XmlNode | undefined, fallback: number) => {
  const n = Number.parseInt(val(node) ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
};
const elements = (node: XmlNode | undefined, tag: string) => childrenOf(node ?? {}).filter((c) => tagOf(c) === tag);

function readLevels(nodes: readonly XmlNode[]): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of nodes) {
    levels.set(Number.parseInt(attrOf(lvl, 'w:ilvl') ?? '0', 10), {
      start: intVal(childOf(lvl, 'w:start'), 0),
      format: val(childOf(lvl, 'w:numFmt')) ?? 'decimal',
      text: val(childOf(lvl, 'w:lvlText')) ?? '',
      suffix: val(childOf(lvl, 'w:suff')) ?? 'tab',
      legal: childOf(lvl, 'w:isLgl') !== undefined,
    });
  }
  return levels;
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五: Word's chineseCounting, to 9999. */
export function chineseNumeral(n: number): string {
  if (n < 1 || n > 9999 || !Number.isInteger(n)) return String(n);
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, k) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += CN_DIGITS[d]! + units[k]!;
  });
  return out.startsWith('一十') ? out.slice(1) : out;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** Word counts a list from 0 to 32767; letters and roman numerals have no 0 or negatives, and a counter a made-up numbering.xml starts beyond is no list of Word's. */
const printsAsLetters = (n: number) => Number.isInteger(n) && n >= 1 && n <= 32767;

/** A counter as Word prints it in a list format; one the format cannot print, as a number. */
export function formatCounter(n: number, format: string): string {
  if (/^(lower|upper)(Letter|Roman)$/.test(format) && !printsAsLetters(n)) return String(n);
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseNumeral(n);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = ALPHABET[(n - 1) % 26]!.repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      let rest = n;
      let roman = '';
      for (const [value, digits] of ROMAN) while (rest >= value) [rest, roman] = [rest - value, roman + digits];
      return format === 'upperRoman' ? roman.toUpperCase() : roman;
    }
    case 'none':
      return '';
    default:
      return String(n);
  }
}

const CJK_END = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]$/u;

/**
 * Word's automatic list numbers (一、 （一） 1. ①), which are not in the
 * paragraph's text but in numbering.xml: without them a heading 一、部门职责
 * reads as 部门职责 and an auto-numbered 序号 column is blank. Counters run
 * in document order per abstract list, as Word counts them.
 */
export class Numbering {
  private readonly lists = new Map<string, List>();
  /** Style id → [numId, level] from styles.xml, following w:basedOn. */
  private readonly styles = new Map<string, { numId?: string | undefined; level?: number | undefined; basedOn?: string | undefined }>();
  private readonly counters = new Map<string, number[]>();
  private readonly restarted = new Set<string>();

  constructor(file: string, pkg: ZipPackage) {
    if (pkg.has('word/numbering.xml')) {
      const root = findElement(parseXml(file, 'word/numbering.xml', pkg.textOf('word/numbering.xml')), 'w:numbering');
      const abstracts = new Map(elements(root, 'w:abstractNum').map((a) => [attrOf(a, 'w:abstractNumId') ?? '', readLevels(elements(a, 'w:lvl'))]));
      for (const num of elements(root, 'w:num')) {
        const abstractId = val(childOf(num, 'w:abstractNumId')) ?? '';
        const levels = new Map(abstracts.get(abstractId) ?? []);
        const starts = new Map<number, number>();
        for (const override of elements(num, 'w:lvlOverride')) {
          const ilvl = Number.parseInt(attrOf(override, 'w:ilvl') ?? '0', 10);
          const start = childOf(override, 'w:startOverride');
          if (start) starts.set(ilvl, intVal(start, 0));
          for (const [k, level] of readLevels(elements(override, 'w:lvl'))) levels.set(k, level);
        }
        this.lists.set(attrOf(num, 'w:numId') ?? '', { abstractId, levels, starts });
      }
    }
    if (pkg.has('word/styles.xml') && this.lists.size > 0) {
      const root = findElement(parseXml(file, 'word/styles.xml', pkg.textOf('word/styles.xml')), 'w:styles');
      for (const style of elements(root, 'w:style')) {
        const numPr = childOf(childOf(style, 'w:pPr') ?? {}, 'w:numPr');
        this.styles.set(attrOf(style, 'w:styleId') ?? '', {
          numId: val(childOf(numPr ?? {}, 'w:numId')),
          level: numPr && childOf(numPr, 'w:ilvl') ? intVal(childOf(numPr, 'w:ilvl'), 0) : undefined,
          basedOn: val(childOf(style, 'w:basedOn')),
        });
      }
    }
  }

  /** The paragraph's list number with what follows it, advancing the counters; '' when it has none or a bullet. */
  label(paragraph: XmlNode): string {
    if (this.lists.size === 0) return '';
    const pPr = childOf(paragraph, 'w:pPr');
    const numPr = childOf(pPr ?? {}, 'w:numPr');
    let numId = val(childOf(numPr ?? {}, 'w:numId'));
    let level = numPr && childOf(numPr, 'w:ilvl') ? intVal(childOf(numPr, 'w:ilvl'), 0) : undefined;
    for (let style = val(childOf(pPr ?? {}, 'w:pStyle')), depth = 0; style && depth < 10 && (numId === undefined || level === undefined); depth++) {
      const s = this.styles.get(style);
      numId ??= s?.numId;
      level ??= s?.level;
      style = s?.basedOn;
    }
    const list = numId ? this.lists.get(numId) : undefined;
    if (!list || numId === undefined) return '';
    const ilvl = Math.min(8, Math.max(0, level ?? 0));
    const counts = this.counters.get(list.abstractId) ?? [];
    this.counters.set(list.abstractId, counts);
    const startOf = (k: number) => list.starts.get(k) ?? list.levels.get(k)?.start ?? 0;
    if (!this.restarted.has(numId) && list.starts.size > 0) {
      this.restarted.add(numId);
      for (const k of list.starts.keys()) counts[k] = startOf(k) - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? startOf(ilvl) - 1) + 1;
    counts.length = ilvl + 1;
    const lvl = list.levels.get(ilvl);
    if (!lvl || lvl.format === 'bullet') return '';
    const text = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const format = lvl.legal ? 'decimal' : (list.levels.get(k)?.format ?? 'decimal');
      return formatCounter(counts[k] ?? startOf(k), format);
    });
    if (text === '' || lvl.suffix === 'nothing') return text;
    // Word puts a tab (or a space) after the number; after 、 or （一） a CJK text needs none.
    return CJK_END.test(text) ? text : `${text} `;
  }
}
