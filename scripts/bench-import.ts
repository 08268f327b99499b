/**
 * npm run bench:import [-- --only <text>] [--details <n>] [--keep <folder>]
 *
 * How much of each document's tables reaches the record imported from it,
 * for every committed source (content/filings/**\/source/*, or under
 * GONGKAI_CONTENT) and every document of the fixture corpus
 * (scripts/fixtures/: each record printed as .docx, .xlsx and PDF). Each
 * document is imported (timed), and its table cells are counted by a scan of
 * its own that does not use the importer's readers (scan-text.ts for the text
 * forms, scan-office.ts for the raw Word XML and sheet cells, scan-pdf.ts for
 * pdf.js's text items inside each table's region), then scored against the
 * record (bench-score.ts).
 *
 * One table, a row per document. Exit status 1 when a document cannot be
 * imported, or its figure recall is below 100 %, its text-cell recall below
 * 99 %, or its record holds a figure the document does not print.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { importDocument } from '../src/lib/import/import-document.ts';
import { ImportError } from '../src/lib/import/report.ts';
import { findFilingFolders } from '../src/lib/records/filing-folders.ts';
import { loadAllFilings } from '../src/lib/records/load-all.ts';
import { contentRoot, PROJECT_ROOT } from '../src/lib/records/paths.ts';
import { chromiumAvailable } from '../tests/helpers/chromium.ts';
import { entities, score, type Scan, type Score } from './fixtures/bench-score.ts';
import { generateFixtures } from './fixtures/generate.ts';
import { readImported } from './fixtures/imported-record.ts';
import { scanDocx, scanXlsx } from './fixtures/scan-office.ts';
import { scanPdf } from './fixtures/scan-pdf.ts';
import { scanText } from './fixtures/scan-text.ts';

const { values } = parseArgs({
  strict: true,
  options: {
    only: { type: 'string' },
    details: { type: 'string', default: '15' },
    keep: { type: 'string' },
  },
});
const details = Number(values.details);
const inCi = process.env['CI'] === 'true' || process.env['CI'] === '1';

const root = contentRoot();
const documents: { file: string; kind: string }[] = [];
for (const dir of findFilingFolders(root, root).dirs) {
  const sources = join(dir, 'source');
  let names: string[] = [];
  try {
    names = readdirSync(sources).sort();
  } catch {
    continue;
  }
  for (const name of names) documents.push({ file: join(sources, name), kind: 'source' });
}

const { filings, problems } = loadAllFilings(PROJECT_ROOT, root);
for (const p of problems) console.log(`  ${p.file}: ${p.message}`);
const fixtureDir = values.keep ?? mkdtempSync(join(tmpdir(), 'gongkai-bench-fixtures-'));
if (!chromiumAvailable) console.log(`  no Chromium: the PDF fixtures are not printed${inCi ? ' (CI=true: a failure)' : ''}`);
const corpus = await generateFixtures(filings, fixtureDir, { pdf: chromiumAvailable });
for (const f of corpus.fixtures) documents.push({ file: f.file, kind: 'fixture' });
for (const m of corpus.missing) console.log(`  no ${m.variant.name} fixture of ${basename(m.filing.dir)}: ${m.reason}`);

async function scanOf(form: string, file: string, bytes: Uint8Array, list: ReturnType<typeof entities>): Promise<Scan> {
  if (form === 'pdf') return scanPdf(file, bytes, list);
  if (form === 'docx') return scanDocx(bytes, list);
  if (form === 'xlsx' || form === 'xls') return scanXlsx(bytes, list);
  return scanText(form, new TextDecoder().decode(bytes), list);
}

const percent = (found: number, all: number) => `${(all === 0 ? 100 : (100 * found) / all).toFixed(2)}%`;
const rows: string[][] = [];
let failed = inCi && !chromiumAvailable;
for (const { file, kind } of documents) {
  const name = basename(file);
  if (values.only && !name.includes(values.only)) continue;
  const bytes = new Uint8Array(readFileSync(file));
  const started = performance.now();
  let s: Score;
  let form: string;
  let ms: number;
  try {
    const result = await importDocument({ file, bytes });
    ms = performance.now() - started;
    const record = readImported(result.files);
    form = record.form;
    const list = entities(record);
    s = score(await scanOf(form, file, bytes, list), list);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    failed = true;
    rows.push([name, kind, extname(name).slice(1), '—', '—', '—', '—', '—', '—', `${Math.round(performance.now() - started)}`, 'FAIL']);
    console.log(`  ${name}: ${error.message}`);
    continue;
  }
  const textRecall = s.texts === 0 ? 100 : (100 * s.textsFound) / s.texts;
  const ok = s.numbersFound === s.numbers && textRecall >= 99 && s.invented.length === 0;
  failed ||= !ok;
  rows.push([name, kind, form, `${s.numbersFound}/${s.numbers}`, percent(s.numbersFound, s.numbers), `${s.textsFound}/${s.texts}`, percent(s.textsFound, s.texts), String(s.invented.length), String(s.outside), `${Math.round(ms)}`, ok ? 'ok' : 'FAIL']);
  for (const m of s.missing.slice(0, details)) console.log(`  ${name}: ${m}`);
  if (s.missing.length > details) console.log(`  ${name}: … and ${s.missing.length - details} more`);
  for (const n of s.invented.slice(0, details)) console.log(`  ${name}: the record holds ${n}, which the document does not print`);
}
if (!values.keep) rmSync(fixtureDir, { recursive: true, force: true });

const header = ['document', 'kind', 'form', 'figures found', 'recall', 'text cells found', 'recall', 'figures not in source', 'rows outside tables', 'import ms', 'verdict'];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
const fmt = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
console.log([fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(fmt)].join('\n'));
process.exit(failed ? 1 : 0);
