import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Rng } from './fuzz-random.ts';

/** A damaged copy of a document and what was done to it, in order. */
export interface Mutant {
  bytes: Uint8Array;
  steps: string[];
}

/** What a web team's files and hostile authors put into text: paths, controls, invisible and bidirectional marks, separators of the text forms. */
const HOSTILE = ['../', '/', '\\', '..', '\u0000', '\u202e', '\u2066', '\ufeff', '\u200b', '\t', '|', '\r', '\u2028', '\u0085', '\u3000', '**', '#', '<script>', '\uf928', '：', '、', '…………', '\ud800'];

/** Lines that the recogniser reads as structure: headings, a 目录, units, notes, totals, table and project titles. */
const STRUCTURE = ['目录', '目 录', '一、其他需要说明的事项', '十、名词解释', '第三部分', '第十部分 ', '注：', '单位：万元', '单位：', '合计', '部门预算收支总表', '收入支出决算总表', '1、项目支出绩效目标表', '（一）绩效目标：', '绩效目标：', '绩效指标1：', '栏次', '预算年度：2024', '30', '-1-', '..', '', '\t', '\t\t', '|', '| |', '|---|---|', '[bookmark: x]'];

const DIGITS = ['0', '7', '00', '-3', '.5', '1e9', '１２', ',', '99999999999999999999', '-', '0.000001', '1,2,3'];

/** Runs that patterns over a line can rescan: spaces, dots and leaders, digits, separators, the marks of headings and 科目 paths. */
const RUNS = ['x', '合计', '1', '\t', '|', '| ', '、', ' ', '\u3000', '一、', '.', '…', '·', '十', '-', '（款）', 'A（类）1'];

const longLine = (rng: Rng) => rng.pick(RUNS).repeat(rng.pick([500, 5_000, 50_000]));

const isRow = (line: string) => line.includes('\t') || /^\s*\|/.test(line);

type TextMutation = (lines: string[], rng: Rng) => string;

function spliceChars(line: string, rng: Rng, insert: string): string {
  const chars = [...line];
  const at = rng.int(chars.length + 1);
  const cut = rng.chance(0.5) ? rng.int(Math.min(4, chars.length - at) + 1) : 0;
  chars.splice(at, cut, insert);
  return chars.join('');
}

const randomLine = (lines: string[], rng: Rng) => rng.int(lines.length);
const rowIndexes = (lines: string[]) => lines.flatMap((l, k) => (isRow(l) ? [k] : []));

/** Each edits `lines` in place and says what it did, naming 1-based line numbers. */
const TEXT_MUTATIONS: Record<string, TextMutation> = {
  'keep the first lines': (lines, rng) => {
    const keep = rng.chance(0.5) ? rng.between(1, 12) : rng.between(1, lines.length);
    lines.splice(keep);
    return `kept lines 1–${keep}`;
  },
  'cut mid-line': (lines, rng) => {
    const k = randomLine(lines, rng);
    const chars = [...lines[k]!];
    lines.splice(k + 1);
    lines[k] = chars.slice(0, rng.int(chars.length + 1)).join('');
    return `cut the document inside line ${k + 1}`;
  },
  'delete lines': (lines, rng) => {
    const k = randomLine(lines, rng);
    const n = rng.pick([1, 1, 2, 5, 40]);
    lines.splice(k, n);
    return `deleted ${n} line(s) from line ${k + 1}`;
  },
  'duplicate lines': (lines, rng) => {
    const k = randomLine(lines, rng);
    const run = lines.slice(k, k + rng.pick([1, 3, 30]));
    const to = randomLine(lines, rng);
    lines.splice(to, 0, ...run);
    return `copied ${run.length} line(s) from line ${k + 1} to line ${to + 1}`;
  },
  'swap lines': (lines, rng) => {
    const [a, b] = [randomLine(lines, rng), randomLine(lines, rng)];
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return `swapped lines ${a + 1} and ${b + 1}`;
  },
  'hostile characters': (lines, rng) => {
    const k = randomLine(lines, rng);
    const hostile = rng.pick(HOSTILE);
    lines[k] = spliceChars(lines[k] ?? '', rng, hostile);
    return `put ${JSON.stringify(hostile)} into line ${k + 1}`;
  },
  'very long line': (lines, rng) => {
    const k = randomLine(lines, rng);
    const long = longLine(rng);
    lines[k] = spliceChars(lines[k] ?? '', rng, long);
    return `put a run of ${long.length} characters into line ${k + 1}`;
  },
  'structure line': (lines, rng) => {
    const k = rng.int(lines.length + 1);
    const line = rng.pick(STRUCTURE);
    lines.splice(k, 0, line);
    return `inserted ${JSON.stringify(line)} before line ${k + 1}`;
  },
  'digits in a cell': (lines, rng) => {
    const rows = rowIndexes(lines);
    const k = rows.length > 0 ? rng.pick(rows) : randomLine(lines, rng);
    const separator = lines[k]?.includes('\t') ? '\t' : '|';
    const cells = (lines[k] ?? '').split(separator);
    const c = rng.int(cells.length);
    const digits = rng.pick(DIGITS);
    cells[c] = spliceChars(cells[c]!, rng, digits);
    lines[k] = cells.join(separator);
    return `put ${JSON.stringify(digits)} into cell ${c + 1} of line ${k + 1}`;
  },
  'drop table rows': (lines, rng) => {
    const rows = rowIndexes(lines);
    const drop = new Set(Array.from({ length: rng.pick([1, 2, 10]) }, () => rows[rng.int(rows.length)]));
    const kept = lines.filter((_, k) => !drop.has(k));
    lines.splice(0, lines.length, ...kept);
    return `dropped table line(s) ${[...drop].filter((k) => k !== undefined).map((k) => k + 1).join(', ')}`;
  },
};

/** One to three line-level mutations of a text document, and now and then a cut at a byte inside a character. */
export function mutateText(text: string, rng: Rng): Mutant {
  const lines = text.split('\n');
  const steps: string[] = [];
  const names = Object.keys(TEXT_MUTATIONS);
  for (let n = rng.between(1, 3); n > 0 && lines.length > 0; n--) {
    const name = rng.pick(names);
    steps.push(TEXT_MUTATIONS[name]!(lines, rng));
  }
  let bytes = strToU8(lines.join('\n'));
  if (rng.chance(0.1)) {
    const at = rng.int(bytes.length + 1);
    bytes = bytes.slice(0, at);
    steps.push(`cut at byte ${at}`);
  }
  return { bytes, steps };
}

/** Random bytes overwritten, or the file cut short: what a broken download or disk does. */
export function mutateBytes(bytes: Uint8Array, rng: Rng): Mutant {
  const out = new Uint8Array(bytes);
  if (rng.chance(0.4)) {
    const at = rng.int(bytes.length);
    return { bytes: out.slice(0, at), steps: [`cut at byte ${at} of ${bytes.length}`] };
  }
  const n = rng.pick([1, 3, 20, 200]);
  for (let k = 0; k < n; k++) out[rng.int(out.length)] = rng.int(256);
  return { bytes: out, steps: [`overwrote ${n} random byte(s)`] };
}

/** A zipped document (.docx, .xlsx) whose zip is sound but one part is damaged, dropped or doubled: the readers behind the unzip. */
export function mutateZipPart(bytes: Uint8Array, rng: Rng): Mutant {
  const parts = unzipSync(bytes);
  const names = Object.keys(parts).sort();
  const xml = names.filter((n) => /\.(xml|rels)$/.test(n));
  const name = rng.pick(xml.length > 0 && rng.chance(0.9) ? xml : names);
  const steps: string[] = [];
  if (rng.chance(0.1)) {
    delete parts[name];
    steps.push(`removed ${name}`);
  } else {
    const chars = [...strFromU8(parts[name]!)];
    for (let n = rng.between(1, 3); n > 0; n--) {
      const at = rng.int(chars.length + 1);
      const what = rng.int(4);
      if (what === 0) {
        chars.splice(at);
        steps.push(`cut ${name} at character ${at}`);
      } else if (what === 1) {
        const len = rng.pick([1, 10, 200]);
        chars.splice(at, len);
        steps.push(`deleted ${len} character(s) of ${name} at ${at}`);
      } else if (what === 2) {
        const len = rng.pick([10, 200, 2000]);
        chars.splice(rng.int(chars.length + 1), 0, ...chars.slice(at, at + len));
        steps.push(`copied ${len} character(s) of ${name} from ${at}`);
      } else {
        const hostile = rng.chance(0.5) ? rng.pick(HOSTILE) : rng.pick(DIGITS);
        chars.splice(at, 0, hostile);
        steps.push(`put ${JSON.stringify(hostile)} into ${name} at ${at}`);
      }
    }
    parts[name] = strToU8(chars.join(''));
  }
  return { bytes: zipSync(parts, { level: 1, mtime: new Date('2024-01-01T00:00:00Z') }), steps };
}

/**
 * A binary document's bytes read as lines (latin1, split at LF): lines cut,
 * dropped, doubled or swapped break a PDF's objects and cross-reference
 * table rather than the insides of its compressed streams.
 */
export function mutateByteLines(bytes: Uint8Array, rng: Rng): Mutant {
  const lines = Buffer.from(bytes).toString('latin1').split('\n');
  const steps: string[] = [];
  for (let n = rng.between(1, 3); n > 0 && lines.length > 0; n--) {
    const k = randomLine(lines, rng);
    const what = rng.int(4);
    if (what === 0) {
      const run = rng.pick([1, 5, 50]);
      lines.splice(k, run);
      steps.push(`deleted ${run} byte line(s) from line ${k + 1}`);
    } else if (what === 1) {
      const to = randomLine(lines, rng);
      lines.splice(to, 0, ...lines.slice(k, k + rng.pick([1, 5, 50])));
      steps.push(`copied byte lines from line ${k + 1} to line ${to + 1}`);
    } else if (what === 2) {
      const other = randomLine(lines, rng);
      [lines[k], lines[other]] = [lines[other]!, lines[k]!];
      steps.push(`swapped byte lines ${k + 1} and ${other + 1}`);
    } else {
      const digits = rng.pick(['0', '9999999999', '-1', '1 0 R', '<<', '>>', 'endobj', 'stream']);
      lines[k] = `${lines[k]!.slice(0, rng.int(lines[k]!.length + 1))}${digits}`;
      steps.push(`cut byte line ${k + 1} and put ${JSON.stringify(digits)} at its end`);
    }
  }
  return { bytes: new Uint8Array(Buffer.from(lines.join('\n'), 'latin1')), steps };
}
