/**
 * `npm run bench -- --filings N [--seed S] [--trace-gc] [--skip-check] [--max-rss-gib 14] [--keep]`
 *
 * Builds a site of N synthetic filings plus the real ones and prints, for
 * `npm run check`, the Astro build and Pagefind separately: wall time, peak
 * memory of the process tree, ms per filing and output size.
 *
 * The build runs in a throw-away copy of the project (sources copied,
 * node_modules linked entry by entry) so that its Astro caches
 * (`.astro/`, `node_modules/.astro/`) never touch the working tree that
 * other builds and tests use. Pagefind is switched off inside the Astro
 * build (GONGKAI_PAGEFIND=off) and run on its own afterwards, so each step
 * is measured alone.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findFilingFolders } from '../src/lib/records/filing-folders.ts';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';
import { writeSyntheticFilings } from './synth/write-filings.ts';
import { copyProject } from './project-copy.ts';

const { values } = parseArgs({
  options: {
    filings: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    'trace-gc': { type: 'boolean', default: false },
    'skip-check': { type: 'boolean', default: false },
    'max-rss-gib': { type: 'string', default: '14' },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(values.filings);
/** The machine is shared: a step whose process tree grows past this is stopped and reported, not left to the OOM killer. */
const maxTreeKiB = Number(values['max-rss-gib']) * 1024 * 1024;
if (!Number.isInteger(count) || count < 0) throw new Error(`--filings expects a whole number, found "${values.filings}"`);

/** What the project copy needs to build; everything else (content, docs, tests) stays behind. */
interface Measurement {
  step: string;
  exitCode: number;
  wallMs: number;
  /** Largest sum of VmRSS over the process tree seen while sampling. */
  peakTreeRssKiB: number;
  /** Largest VmHWM (peak RSS) of any single process in the tree. */
  peakProcessKiB: number;
  /** Largest VmHWM by program name (node, pagefind_extended …), to tell a child's memory from its parent's. */
  peakByProgram: Map<string, number>;
  /** Lines of output with the ms since start, for finding where the time goes. */
  log: { at: number; line: string }[];
  gcPauseMs?: number;
  /** Set when the step was stopped for using more memory than --max-rss-gib. */
  stopped?: string;
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended between readdir and read
    }
  }
  const found = [root];
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]!) ?? []));
  return found;
}

function memoryKiB(pid: number): { name: string; rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?', rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return { name: '?', rss: 0, hwm: 0 };
  }
}

/** Run a command, sampling the memory of its whole process tree every 200 ms. */
function measure(step: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; traceGc?: boolean }): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Its own process group, so that a step over the memory limit is stopped with everything it started.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const result: Measurement = { step, exitCode: -1, wallMs: 0, peakTreeRssKiB: 0, peakProcessKiB: 0, peakByProgram: new Map(), log: [] };
    let gcPause = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      let tree = 0;
      for (const pid of descendants(child.pid)) {
        const { name, rss, hwm } = memoryKiB(pid);
        tree += rss;
        result.peakProcessKiB = Math.max(result.peakProcessKiB, hwm);
        result.peakByProgram.set(name, Math.max(result.peakByProgram.get(name) ?? 0, hwm));
      }
      result.peakTreeRssKiB = Math.max(result.peakTreeRssKiB, tree);
      if (tree > maxTreeKiB && result.stopped === undefined) {
        result.stopped = `stopped at ${((performance.now() - started) / 1000).toFixed(0)} s: the process tree used ${gib(tree)}, over --max-rss-gib ${values['max-rss-gib']}`;
        process.kill(-child.pid, 'SIGKILL');
      }
    };
    const timer = setInterval(sample, 200);
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        const gc = /(Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)[^,]*,.*?([\d.]+) \/ [\d.]+ ms/.exec(line);
        if (options.traceGc && gc) {
          gcPause += Number(gc[2]);
          continue;
        }
        result.log.push({ at: performance.now() - started, line });
      }
    };
    child.stdout.on('data', onLine);
    child.stderr.on('data', onLine);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(new Error(`${step}: could not start ${command}`, { cause: error }));
    });
    child.on('close', (code) => {
      clearInterval(timer);
      result.exitCode = code ?? -1;
      result.wallMs = performance.now() - started;
      if (options.traceGc) result.gcPauseMs = gcPause;
      resolve(result);
    });
    sample();
  });
}

function sizeOf(path: string, skip?: string): { bytes: number; files: number; pages: number } {
  const total = { bytes: 0, files: 0, pages: 0 };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (full === skip) continue;
      if (entry.isDirectory()) walk(full);
      else {
        total.bytes += statSync(full).size;
        total.files += 1;
        if (entry.name.endsWith('.html')) total.pages += 1;
      }
    }
  };
  if (existsSync(path)) walk(path);
  return total;
}

const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const gib = (kib: number) => `${(kib / 1024 / 1024).toFixed(2)} GiB`;
const memory = (kib: number) => (kib >= 1024 * 1024 ? gib(kib) : mib(kib));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Key moments of an Astro build log, as seconds since the build started. */
function astroPhases(log: Measurement['log']): string[] {
  const marks: [RegExp, string][] = [
    [/Syncing content|Syncing$|\[content\] Syncing/, 'content sync starts'],
    [/Synced content|\[content\] Synced/, 'content synced'],
    [/loaded \d+ filing/, 'filing loader done'],
    [/Building static entrypoints|building client|Collecting build info/i, 'bundling starts'],
    [/generating static routes/i, 'page rendering starts'],
    [/page\(s\) built in|Complete!/, 'build done'],
  ];
  const hits = marks.flatMap(([pattern, label]) => {
    const hit = log.find((l) => pattern.test(l.line));
    return hit ? [{ ...hit, label }] : [];
  });
  return hits.sort((a, b) => a.at - b.at).map((h) => `  ${(h.at / 1000).toFixed(1).padStart(7)} s  ${h.label}: ${h.line.trim().slice(0, 100)}`);
}

/** `Pagefind took 1.23 s in all` / `… 456 ms in all`, as integrations/pagefind.ts logs it. */
function pagefindTimeInBuild(log: Measurement['log']): number | null {
  for (const { line } of log) {
    const match = /Pagefind took ([\d.]+) (ms|s) in all/.exec(line);
    if (match) return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  }
  return null;
}

function pagefindPeak(m: Measurement): number {
  return Math.max(0, ...[...m.peakByProgram].filter(([name]) => name.startsWith('pagefind')).map(([, kib]) => kib));
}

const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
const project = join(work, 'project');
const content = join(work, 'content');
const outDir = join(work, 'dist');
try {
  mkdirSync(project);
  copyProject(project);

  const realRoot = join(PROJECT_ROOT, 'content', 'filings');
  const real = existsSync(realRoot) ? findFilingFolders(realRoot, realRoot).dirs.map((d) => d.slice(realRoot.length + 1).split('\\').join('/')) : [];
  if (real.length > 0) cpSync(realRoot, content, { recursive: true });
  const generating = performance.now();
  writeSyntheticFilings(content, count, Number(values.seed), new Set(real));
  const generateMs = performance.now() - generating;
  const filings = count + real.length;
  const contentSize = sizeOf(content);
  console.log(`bench: ${count} synthetic + ${real.length} real filings (${megabytes(contentSize.bytes)} of records, generated in ${seconds(generateMs)}) in ${work}`);

  const node = process.execPath;
  const env = { ...process.env, GONGKAI_CONTENT: content, GONGKAI_PAGEFIND: 'off', ASTRO_TELEMETRY_DISABLED: '1' };
  const results: Measurement[] = [];

  if (!values['skip-check'] && existsSync(join(project, 'scripts', 'check.ts'))) {
    const check = await measure('npm run check', node, ['--import', 'tsx', 'scripts/check.ts'], { cwd: project, env });
    results.push(check);
    console.log(`check: ${seconds(check.wallMs)}, exit ${check.exitCode}`);
  }

  const astroArgs = [...(values['trace-gc'] ? ['--trace-gc'] : []), join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir];
  const build = await measure('astro build', node, astroArgs, { cwd: project, env, traceGc: values['trace-gc'] });
  results.push(build);
  console.log(`astro build: ${seconds(build.wallMs)}, exit ${build.exitCode}`);
  console.log(astroPhases(build.log).join('\n'));
  if (build.exitCode !== 0) {
    console.error(build.stopped ?? build.log.slice(-40).map((l) => l.line).join('\n'));
    throw new Error('astro build failed; see its output above');
  }
  const pagefindDir = join(outDir, 'pagefind');
  const pagefindInBuild = existsSync(pagefindDir);
  if (pagefindInBuild) console.warn('bench: the Astro build wrote dist/pagefind although GONGKAI_PAGEFIND=off: its figures include Pagefind, and Pagefind is measured again below');
  const site = sizeOf(outDir, pagefindDir);

  rmSync(pagefindDir, { recursive: true, force: true });
  // The site's own indexing (integrations/pagefind.ts: filing pages only, in bundles of bounded size), as the Astro build runs it.
  const pagefind = await measure('pagefind', node, ['--import', 'tsx', 'scripts/pagefind.ts', '--site', outDir], { cwd: project, env });
  results.push(pagefind);
  if (pagefind.exitCode !== 0) console.error(pagefind.log.slice(-20).map((l) => l.line).join('\n'));
  const index = sizeOf(pagefindDir);

  const rows = results.map((r) => {
    const output = r.step === 'astro build' ? `${megabytes(site.bytes)} (${site.pages} pages)` : r.step === 'pagefind' ? `${megabytes(index.bytes)} (${index.files} files)` : '–';
    return `| ${r.step}${r.stopped ? ' (stopped: memory limit)' : r.exitCode === 0 ? '' : ` (exit ${r.exitCode})`} | ${seconds(r.wallMs)} | ${(r.wallMs / filings).toFixed(1)} | ${memory(r.peakTreeRssKiB)} | ${memory(r.peakProcessKiB)} | ${output} |`;
  });
  const pipelineMs = build.wallMs + pagefind.wallMs;
  console.log(`\n${count} synthetic + ${real.length} real = ${filings} filings; records ${megabytes(contentSize.bytes)}; ${site.pages} HTML pages, ${(site.bytes / Math.max(site.pages, 1) / 1024).toFixed(0)} KB per page on average\n`);
  console.log('| step | wall | ms per filing | peak RSS (process tree) | peak RSS (one process) | output |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  console.log(rows.join('\n'));
  console.log(`| build + pagefind | ${seconds(pipelineMs)} | ${(pipelineMs / filings).toFixed(1)} | ${memory(Math.max(build.peakTreeRssKiB, pagefind.peakTreeRssKiB))} | | |`);
  if (pagefindInBuild) {
    const inBuild = pagefindTimeInBuild(build.log);
    if (inBuild !== null) {
      const astroOnly = build.wallMs - inBuild;
      console.log(`| astro build without its Pagefind step (derived) | ${seconds(astroOnly)} | ${(astroOnly / filings).toFixed(1)} | | ${memory(build.peakByProgram.get('node') ?? 0)} (node) | |`);
      console.log(`| Pagefind inside astro build (from its log) | ${seconds(inBuild)} | ${(inBuild / filings).toFixed(1)} | | ${memory(pagefindPeak(build))} (pagefind) | |`);
    }
    console.log('\nnote: the astro build row includes Pagefind (the integration ignored GONGKAI_PAGEFIND=off); the derived rows split it using the integration\'s own timing and per-program peak RSS');
  }
  for (const r of results) if (r.stopped) console.log(`\n${r.step}: ${r.stopped}`);
  console.log(`\nPagefind: ${pagefind.log.filter((l) => /pages|words|fragments|index/i.test(l.line)).map((l) => l.line.trim()).slice(0, 6).join(' / ')}`);
  console.log(`\npeak RSS by program: ${results.map((r) => `${r.step}: ${[...r.peakByProgram].filter(([, kib]) => kib > 50 * 1024).map(([name, kib]) => `${name} ${memory(kib)}`).join(', ')}`).join('; ')}`);
  if (build.gcPauseMs !== undefined) console.log(`\nastro build: ${seconds(build.gcPauseMs)} in garbage-collection pauses (--trace-gc)`);
  if (results.some((r) => r.exitCode !== 0)) process.exitCode = 1;
} finally {
  if (values.keep) console.log(`bench: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
