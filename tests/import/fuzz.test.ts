/**
 * The importer's own fuzz test (issue 13, classes 9 and 10): no document,
 * however broken, makes `npm run import` crash with a stack trace, hang, or
 * write outside --out; the documents a web team uploads by mistake (six
 * lines, a title alone) stop with a message; a closing section the 目录
 * lists is kept.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { Document, Packer, Paragraph } from 'docx';
import { strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../src/lib/import/import-document.ts';
import { readDocument } from '../../src/lib/import/read-document.ts';
import { ImportError } from '../../src/lib/import/report.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { docxPackage, listNumbering, listParagraph } from './fuzz-docx.ts';
import { mutateByteLines, mutateBytes, mutateText, mutateZipPart, type Mutant } from './fuzz-mutations.ts';
import { caseSeed, Rng } from './fuzz-random.ts';
import { FuzzRunner, type RunOutcome } from './fuzz-runner.ts';
import { committedSources, fixturePdfs, officeSeeds, type SeedDocument } from './fuzz-seeds.ts';
import { tinyDocument } from './fuzz-tiny.ts';

/** The run's seed: fixed, so every run tries the same documents; FUZZ_SEED=<n> tries others. */
const RUN_SEED = Number(process.env['FUZZ_SEED'] ?? 13);

async function refusal(file: string, bytes: Uint8Array): Promise<string> {
  try {
    await importDocument({ file, bytes });
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error(`${file} was imported, expected an ImportError`);
}

const TITLE = '香河县人力资源和社会保障局2024年部门预算信息公开';

describe('a six-line document and a title alone stop with a message naming the file', () => {
  it('six lines: a title, a table title, its unit and a table that starts with its 栏次 row (a TypeError in header-check before)', async () => {
    const six = [TITLE, '部门预算收支总表', '单位：万元', '栏次\t1\t2', '1\t合计\t2.34', '2\t公务接待费\t2.34'].join('\n');
    expect(await refusal('in/six.txt', strToU8(six))).toBe('in/six.txt:4: table "部门预算收支总表" starts with its 栏次 row: the header rows that name its columns are missing');
  });

  it('the first six lines of each committed text source', async () => {
    const texts = committedSources().filter((s) => s.kind === 'text');
    const messages = await Promise.all(texts.map((s) => refusal(s.name, strToU8(new TextDecoder().decode(s.bytes).split('\n').slice(0, 6).join('\n')))));
    expect(messages).toEqual(texts.map((s) => `${s.name}: no table in a known text form (tab-separated rows, one cell per line, or pipe tables) was found`));
  });

  it('a title line alone, as text, Word and Excel', async () => {
    const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(TITLE)] }] })));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[TITLE]]), 'Sheet1');
    const xlsx = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
    expect([await refusal('title.txt', strToU8(TITLE)), await refusal('title.docx', docx), await refusal('title.xlsx', xlsx)]).toEqual([
      'title.txt: no table in a known text form (tab-separated rows, one cell per line, or pipe tables) was found',
      'title.docx: no recognisable table: found neither a standard budget table, a table with a title, nor a 项目绩效目标表',
      'title.xlsx: no recognisable table: found neither a standard budget table, a table with a title, nor a 项目绩效目标表',
    ]);
  });
});

describe('Word parts no Word writes stop nothing', () => {
  it('a list counted from 0 in letters and one started at 999999999999 in roman numerals print their counters as numbers (a TypeError and an endless loop before)', async () => {
    const numbering = listNumbering(0, 'lowerLetter', '0') + listNumbering(1, 'upperRoman', '999999999999');
    const read = await readDocument('lists.docx', docxPackage(listParagraph(1, '项目') + listParagraph(2, '合计'), numbering));
    expect(read.blocks).toEqual([
      { kind: 'text', text: '0. 项目', line: 1 },
      { kind: 'text', text: '999999999999. 合计', line: 2 },
    ]);
  });

  it('a symbol whose code is no Unicode character is left out (the whole document was refused before)', async () => {
    const read = await readDocument('symbol.docx', docxPackage('<w:p><w:r><w:t>合计</w:t></w:r><w:r><w:sym w:font="Arial" w:char="FFFFFFF"/></w:r></w:p>'));
    expect(read.blocks).toEqual([{ kind: 'text', text: '合计', line: 1 }]);
  });
});

describe('a closing section whose heading the 目录 lists is kept (issue 13, class 9)', () => {
  const source = readFileSync(join(PROJECT_ROOT, 'content/filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算/source/yongqing-hrss-2024-budget.txt'), 'utf8').split('\n');
  const HEADING = '十、其他需要说明的事项';
  const body = source.slice(0, source.lastIndexOf(HEADING));
  /** The 部门职责 paragraphs of the 情况说明, and the same as a converter appends them again: broken lines with a page number between. */
  const duties = body.slice(body.lastIndexOf('一、部门职责及机构设置情况')).filter((l) => l.startsWith('（')).slice(0, 4);
  const repeatedPages = duties.flatMap((p) => [p.slice(0, 25), '18', p.slice(25)]);
  const own = ['我部门无其他需要说明的事项。'];
  /** The same 目录 printed as lines of text with dot leaders (a PDF), above its first table, with its label lines (部门预算公开表) as they stand. */
  const firstTable = body.indexOf('部门预算收支总表');
  const asText = (lines: string[]) => lines.map((l, k) => (k < firstTable ? l.replace(/\t(\d+)$/, '……………$1') : l));
  const closings: [string, string[], string[]][] = [
    ['after a converter’s repeated pages', [...repeatedPages, HEADING, '', ...own], own],
    ['before a converter’s repeated pages', [HEADING, '', ...own, ...repeatedPages], own],
    ['quoting earlier pages', [HEADING, '', ...duties], duties],
  ];
  const forms = {
    'a table': (lines: string[]) => lines,
    'lines of text': asText,
    'lines of text without its 目录 heading': (lines: string[]) => asText(lines).filter((l) => l !== '2024 年部门预算信息公开目录'),
  };
  for (const [contents, print] of Object.entries(forms)) {
    for (const [where, closing, kept] of closings) {
      it(`目录 as ${contents}, the closing section ${where}`, async () => {
        const result = await importDocument({ file: 'closing.txt', bytes: strToU8(print([...body, ...closing]).join('\n')) });
        expect(result.files.get('sections/other.md')).toBe(`${kept.join('\n\n')}\n`);
        expect(String(result.files.get('filing.yaml'))).toContain(`  - id: other\n    number: 十\n    title: 其他需要说明的事项\n    blocks:\n      - markdown: sections/other.md\n`);
      });
    }
  }
});

/** How many damaged copies of each seed a run tries, and how: sized to run in about a minute on the project's loaded 2-core machine. */
interface Campaign {
  seed: SeedDocument;
  cases: number;
  mutate: (rng: Rng) => Mutant;
  /** Longest one import of it may take. */
  limitMs: number;
}

async function campaigns(): Promise<Campaign[]> {
  const sources = committedSources();
  const texts = sources.filter((s) => s.kind === 'text');
  const seen = new Set<string>();
  const pdfs = [...sources.filter((s) => s.kind === 'pdf'), ...fixturePdfs()].filter((s) => {
    const hash = createHash('sha256').update(s.bytes).digest('hex');
    return !seen.has(hash) && seen.add(hash);
  });
  const tiny: SeedDocument = { name: 'tiny.txt', kind: 'text', bytes: new Uint8Array() };
  return [
    ...texts.map((seed) => ({ seed, cases: 200, mutate: (rng: Rng) => mutateText(new TextDecoder().decode(seed.bytes), rng), limitMs: 10_000 })),
    { seed: tiny, cases: 1500, mutate: tinyDocument, limitMs: 10_000 },
    ...(await officeSeeds(texts)).map((seed) => ({ seed, cases: 14, mutate: (rng: Rng) => (seed.kind === 'zip' && rng.chance(0.6) ? mutateZipPart(seed.bytes, rng) : mutateBytes(seed.bytes, rng)), limitMs: 10_000 })),
    // A PDF is slow to read (the Putuo 决算 is 3.6 MB): fewer cases, the largest fewest, and more time each on a loaded machine.
    ...pdfs.map((seed) => ({ seed, cases: seed.bytes.length > 1e6 ? 4 : 8, mutate: (rng: Rng) => (rng.chance(0.5) ? mutateByteLines(seed.bytes, rng) : mutateBytes(seed.bytes, rng)), limitMs: 30_000 })),
  ];
}

/** What is wrong with an outcome, or null: an ImportError naming the file, or a record written inside --out and nowhere else. */
function problem(file: string, outcome: RunOutcome, limitMs: number): string | null {
  switch (outcome.kind) {
    case 'refused':
      return outcome.message.startsWith(`${file}:`) ? null : `an ImportError whose message does not start with the file name: ${outcome.message}`;
    case 'record':
      if (outcome.outside.length > 0) return `wrote outside --out: ${outcome.outside.join(', ')}`;
      return outcome.changed.length > 0 ? `changed files beside --out: ${outcome.changed.join(', ')}` : null;
    case 'crash':
      return `crashed: ${outcome.error.split('\n').slice(0, 4).join(' | ')}`;
    case 'timeout':
      return `took more than ${limitMs / 1000} s (stopped)`;
    case 'worker died':
      return `the import ended its thread: ${outcome.error}`;
  }
}

describe('damaged documents through the import (issue 13, class 10)', () => {
  const runner = new FuzzRunner();
  afterAll(() => runner.stop());

  it('a PDF with a damaged object in its page tree, which pdf.js fetches ahead and leaves rejected without a handler (it ended the thread before)', async () => {
    const putuo = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/documents/putuo-finance-2024-final-accounts.pdf'));
    const lines = putuo.toString('latin1').split('\n');
    [lines[2400], lines[14477]] = [lines[14477]!, lines[2400]!];
    const outcome = await runner.run({ file: 'putuo.pdf', bytes: new Uint8Array(Buffer.from(lines.join('\n'), 'latin1')) }, 60_000);
    expect(outcome).toEqual({ kind: 'record', id: '上海市/普陀区/财政局/2024-决算', files: 28, outside: [], changed: [] });
  }, 120_000);

  it('an .xls whose workbook stream leaves the file through its chain of sectors (SheetJS had read the cut-off records until memory ran out)', async () => {
    const [, , xls] = await officeSeeds(committedSources().filter((s) => s.name.startsWith('bazhou')));
    const bytes = new Uint8Array(xls!.bytes);
    const view = new DataView(bytes.buffer);
    // The sector table's entry for the workbook's sector 105 (0x69), which points on to 106, points to 218, past the end.
    view.setUint32(512 * (view.getUint32(0x4c, true) + 1) + 4 * 105, 0xda, true);
    expect(await runner.run({ file: xls!.name, bytes }, 60_000)).toEqual({
      kind: 'refused',
      message: `${xls!.name}: the workbook stream holds 52224 of the 72452 bytes the file's directory declares (its chain of sectors is broken): the file is damaged; save it again from Excel`,
    });
  }, 120_000);

  it('each imports and is written inside --out only, or stops with an ImportError naming the file, within its time', async () => {
    const problems: string[] = [];
    const tally = new Map<string, number>();
    const seconds = new Map<string, number>();
    let slowest = { ms: 0, what: '' };
    for (const { seed, cases, mutate, limitMs } of await campaigns()) {
      const started = performance.now();
      for (let index = 0; index < cases && problems.length < 10; index++) {
        const seedOfCase = caseSeed(RUN_SEED, seed.name, index);
        const mutant = mutate(new Rng(seedOfCase));
        const at = performance.now();
        const outcome = await runner.run({ file: seed.name, bytes: mutant.bytes }, limitMs);
        const ms = performance.now() - at;
        if (ms > slowest.ms) slowest = { ms, what: `${seed.name} case ${index}` };
        tally.set(outcome.kind, (tally.get(outcome.kind) ?? 0) + 1);
        const wrong = problem(seed.name, outcome, limitMs);
        if (wrong === null) continue;
        const saved = join(tmpdir(), `gongkai-fuzz-${RUN_SEED}-${index}-${seed.name}`);
        writeFileSync(saved, mutant.bytes);
        problems.push(`${seed.name}, case ${index} of FUZZ_SEED=${RUN_SEED} (case seed ${seedOfCase}: ${mutant.steps.join('; ')}): ${wrong}; the damaged document is ${saved}`);
      }
      seconds.set(seed.kind, (seconds.get(seed.kind) ?? 0) + (performance.now() - started) / 1000);
    }
    const outcomes = [...tally].map(([k, n]) => `${n} ${k}`).join(', ');
    console.info(`fuzz (FUZZ_SEED=${RUN_SEED}): ${outcomes}; seconds by form: ${[...seconds].map(([k, s]) => `${k} ${s.toFixed(1)}`).join(', ')}; slowest case ${(slowest.ms / 1000).toFixed(1)} s (${slowest.what})`);
    expect(problems).toEqual([]);
  }, 300_000);
});
