import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { fixtureContent } from './fixture-content.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Built fixture site (the Astro outDir, Pagefind index included). */
    siteDir: string;
    /** Content root the fixture site was built from. */
    contentRoot: string;
    /** Whether that content is the real imported record or the minimal excerpt. */
    realContent: boolean;
  }
}

/**
 * Vitest global setup of the `site` project: build the fixture site once,
 * into a temporary folder, for every build and browser test file.
 * `GONGKAI_TEST_SITE=<dir>` reuses a site built earlier (when iterating on tests).
 */
export default function setup(project: TestProject): () => void {
  const content = fixtureContent();
  project.provide('contentRoot', content.root);
  project.provide('realContent', content.isReal);

  const reuse = process.env['GONGKAI_TEST_SITE'];
  if (reuse) {
    project.provide('siteDir', reuse);
    return () => {};
  }

  const outDir = mkdtempSync(join(tmpdir(), 'gongkai-test-site-'));
  const started = Date.now();
  const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, GONGKAI_CONTENT: content.root },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`the fixture site did not build (astro build exited ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`fixture site built from ${content.isReal ? 'content/filings' : 'tests/fixtures/minimal'} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${outDir}`);
  project.provide('siteDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
