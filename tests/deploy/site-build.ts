import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyProject } from '../../scripts/project-copy.ts';
import { fixtureContent } from '../helpers/fixture-content.ts';

export interface BuiltSite {
  /** The Astro outDir: what a web team copies to its server. */
  dir: string;
  remove(): void;
}

/**
 * The fixture content built for `base` (GONGKAI_BASE, one build's override of
 * content/site.yaml's basePath) in a throw-away copy of the project, so that
 * Astro's caches never touch the working tree where other builds run.
 */
export function buildSite(base: string): BuiltSite {
  const project = mkdtempSync(join(tmpdir(), 'gongkai-deploy-project-'));
  copyProject(project);
  const dir = join(project, 'site');
  const result = spawnSync(process.execPath, [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', dir], {
    cwd: project,
    env: {
      ...process.env,
      GONGKAI_CONTENT: fixtureContent().root,
      GONGKAI_BASE: base,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const remove = () => rmSync(project, { recursive: true, force: true });
  if (result.status !== 0) {
    remove();
    throw new Error(`the site did not build for base ${base} (astro build exited ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  return { dir, remove };
}
