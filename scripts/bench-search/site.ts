import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFilingFolders } from '../../src/lib/records/filing-folders.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { copyProject } from '../project-copy.ts';
import { writeSyntheticFilings } from '../synth/write-filings.ts';

export interface BenchSite {
  /** Holds `content/` (the records), `site/` (the built site) and, once built, `built.json`. */
  work: string;
  contentRoot: string;
  siteDir: string;
  /** Wall time of the build, or null when a kept site was reused. */
  buildMs: number | null;
  /** When the site was built and from which commit, as built.json records it. */
  built: BuildStamp;
}

interface BuildStamp {
  synthetic: number;
  seed: number;
  real: string[];
  at: string;
  commit: string;
}

/** Where `--keep` keeps the site of N filings and seed S, so that the next run finds it. */
export function keptWork(synthetic: number, seed: number): string {
  return join(tmpdir(), `gongkai-bench-search-${synthetic}-${seed}`);
}

/**
 * The records of N synthetic filings beside the real ones of content/filings,
 * and the site built from them by `npm run build`'s own script, in a copy of
 * the project (its Astro caches never touch the working tree) with its own
 * output folder. With `keep`, a site built before for the same N and seed is
 * reused as it is.
 */
export async function prepareSite(options: { synthetic: number; seed: number; keep: boolean; log: (line: string) => void }): Promise<BenchSite> {
  const work = options.keep ? keptWork(options.synthetic, options.seed) : mkdtempSync(join(tmpdir(), 'gongkai-bench-search-'));
  const contentRoot = join(work, 'content');
  const siteDir = join(work, 'site');
  const stampFile = join(work, 'built.json');
  if (options.keep && existsSync(stampFile)) {
    const built = JSON.parse(readFileSync(stampFile, 'utf8')) as BuildStamp;
    options.log(`bench:search: reusing the site built ${built.at} from commit ${built.commit} in ${work} (delete the folder to rebuild)`);
    return { work, contentRoot, siteDir, buildMs: null, built };
  }
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  const realRoot = join(PROJECT_ROOT, 'content', 'filings');
  const real = existsSync(realRoot) ? findFilingFolders(realRoot, realRoot).dirs.map((d) => d.slice(realRoot.length + 1).split('\\').join('/')) : [];
  if (real.length > 0) cpSync(realRoot, contentRoot, { recursive: true });
  else mkdirSync(contentRoot);
  writeSyntheticFilings(contentRoot, options.synthetic, options.seed, new Set(real));

  const project = join(work, 'project');
  mkdirSync(project);
  copyProject(project);
  // Read when the copy is made: the working tree may move on during a build of several minutes.
  const commit = headCommit();
  options.log(`bench:search: building ${options.synthetic} synthetic + ${real.length} real filings in ${work} …`);
  const started = performance.now();
  await build(project, contentRoot, siteDir);
  const buildMs = performance.now() - started;
  rmSync(project, { recursive: true, force: true });

  const built: BuildStamp = { synthetic: options.synthetic, seed: options.seed, real, at: new Date().toISOString(), commit };
  writeFileSync(stampFile, `${JSON.stringify(built, null, 2)}\n`);
  return { work, contentRoot, siteDir, buildMs, built };
}

/** `npm run build -- --outDir <siteDir>` in the project copy, for the site's root path; its output is shown only if it fails. */
function build(project: string, contentRoot: string, siteDir: string): Promise<void> {
  const env = {
    ...process.env,
    GONGKAI_CONTENT: contentRoot,
    GONGKAI_BASE: '/',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--outDir', siteDir], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const keep = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim() !== ''));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => reject(new Error('bench:search: could not start the build', { cause: error })));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`bench:search: the build exited with ${code}; its last lines:\n${output.slice(-40).join('\n')}`))));
  });
}

/** The commit the working tree was at (the copy also holds its uncommitted changes). */
function headCommit(): string {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : 'unknown';
}
