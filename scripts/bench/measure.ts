import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/**
 * Running a step of a benchmark: wall time, and the peak memory of its whole
 * process tree sampled from /proc every 200 ms; a step whose tree grows past
 * `maxTreeKiB` is stopped with everything it started (the machine is shared:
 * better a reported stop than the OOM killer).
 */
export interface Measurement {
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
  /** Everything the step printed, as printed (a line may come in two chunks, which `log` splits). */
  text: string;
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
export function measure(step: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; traceGc?: boolean; maxTreeKiB: number }): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Its own process group, so that a step over the memory limit is stopped with everything it started.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const result: Measurement = { step, exitCode: -1, wallMs: 0, peakTreeRssKiB: 0, peakProcessKiB: 0, peakByProgram: new Map(), log: [], text: '' };
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
      if (tree > options.maxTreeKiB && result.stopped === undefined) {
        result.stopped = `stopped at ${((performance.now() - started) / 1000).toFixed(0)} s: the process tree used ${gib(tree)}, over the limit of ${gib(options.maxTreeKiB)}`;
        process.kill(-child.pid, 'SIGKILL');
      }
    };
    const timer = setInterval(sample, 200);
    const onLine = (chunk: string) => {
      result.text += chunk;
      for (const line of chunk.split('\n')) {
        if (line.trim() === '') continue;
        const gc = /(Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)[^,]*,.*?([\d.]+) \/ [\d.]+ ms/.exec(line);
        if (options.traceGc && gc) {
          gcPause += Number(gc[2]);
          continue;
        }
        // Astro colours its lines where it thinks a terminal shows them (CI=true): the phases are read from the text.
        result.log.push({ at: performance.now() - started, line: stripVTControlCharacters(line) });
      }
    };
    // Decoded per stream: a character split between two chunks is joined, not garbled.
    child.stdout.setEncoding('utf8').on('data', onLine);
    child.stderr.setEncoding('utf8').on('data', onLine);
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

export function sizeOf(path: string, skip?: string): { bytes: number; files: number; pages: number } {
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

export const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
export const gib = (kib: number) => `${(kib / 1024 / 1024).toFixed(2)} GiB`;
export const memory = (kib: number) => (kib >= 1024 * 1024 ? gib(kib) : mib(kib));
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

