import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { isolatedProject } from '../checks/isolated-build.ts';
import { fixtureContent } from './fixture-content.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Built fixture site (the Astro outDir, Pagefind index included). */
    siteDir: string;
    /** The fixture site built for SUB_PATH (GONGKAI_BASE), as most 政府网站 mount a column. */
    subPathSiteDir: string;
    /** Content root the fixture site was built from. */
    contentRoot: string;
    /** Whether that content is the real imported record or the minimal excerpt. */
    realContent: boolean;
  }
}

/** Where the second fixture site is built for: the base path tests and the nginx test serve it there. */
export const SUB_PATH = '/yjsgk/';

const ASTRO = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** `astro build` of the fixture content into `outDir`, from `cwd`: resolves with the exit status and the output. */
function astroBuild(cwd: string, outDir: string, env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO, 'build', '--outDir', outDir], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** The fixture content built into a new temporary folder from `cwd`, with `env`; a failed build throws with its output. */
async function buildFixture(what: string, cwd: string, env: Record<string, string>): Promise<string> {
  const started = Date.now();
  const content = fixtureContent();
  const outDir = mkdtempSync(join(tmpdir(), 'gongkai-test-site-'));
  const { status, output } = await astroBuild(cwd, outDir, { GONGKAI_CONTENT: content.root, ...env });
  if (status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`${what} did not build (astro build exited ${status}):\n${output}`);
  }
  console.log(`${what} built from ${content.isReal ? 'content/filings' : 'tests/fixtures/minimal'} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${outDir}`);
  return outDir;
}

/**
 * Vitest global setup of the `site` project: build the fixture site once,
 * for the base path of content/site.yaml and for SUB_PATH, into temporary
 * folders, for every build and browser test file. The two builds run at
 * once, the second in a copy of the project (isolatedProject) so that their
 * Astro caches stay apart. `GONGKAI_TEST_SITE=<dir>` and
 * `GONGKAI_TEST_SUB_PATH_SITE=<dir>` reuse sites built earlier (when
 * iterating on tests).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const content = fixtureContent();
  project.provide('contentRoot', content.root);
  project.provide('realContent', content.isReal);
  const reused = [process.env['GONGKAI_TEST_SITE'], process.env['GONGKAI_TEST_SUB_PATH_SITE']];
  const copy = reused[1] ? null : isolatedProject();
  const results = await Promise.allSettled([
    reused[0] ?? buildFixture('the fixture site', PROJECT_ROOT, {}),
    reused[1] ?? buildFixture(`the fixture site for ${SUB_PATH}`, copy!.dir, { GONGKAI_BASE: SUB_PATH }),
  ]);
  copy?.remove();
  const built = results.flatMap((result, i) => (result.status === 'fulfilled' && !reused[i] ? [result.value] : []));
  const remove = () => built.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) {
    remove();
    throw failed.reason;
  }
  const [siteDir, subPathSiteDir] = results.map((result) => (result as PromiseFulfilledResult<string>).value);
  project.provide('siteDir', siteDir!);
  project.provide('subPathSiteDir', subPathSiteDir!);
  return remove;
}
