import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { copyProject } from '../../scripts/project-copy.ts';

/** What a build needs from the project; content comes from `GONGKAI_CONTENT`. */
export interface IsolatedProject {
  dir: string;
  /** Run a command of the copy (`scripts/build.ts`, `astro build …`) with the content root set. */
  run(args: string[], contentRoot: string): { status: number | null; output: string };
  remove(): void;
}

/**
 * A throw-away copy of the project for tests that build a site: Astro's
 * caches (`.astro/`, `node_modules/.astro/`) of the copy never touch the
 * working tree, where other builds and tests run at the same time.
 * node_modules is linked entry by entry so that its `.astro` stays apart.
 */
export function isolatedProject(): IsolatedProject {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-checks-project-'));
  copyProject(dir);
  return {
    dir,
    run(args, contentRoot) {
      const result = spawnSync(process.execPath, args, {
        cwd: dir,
        env: { ...process.env, GONGKAI_CONTENT: contentRoot },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const ASTRO = join('node_modules', 'astro', 'bin', 'astro.mjs');
/** Node arguments that run a TypeScript script the way the npm scripts do. */
export const TSX = ['--import', 'tsx'];

/** Every file of a folder with the digest of its bytes: equal fingerprints, identical trees. */
export function fingerprint(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((file) => `${relative(dir, file)} ${createHash('sha256').update(readFileSync(file)).digest('hex')}`)
    .sort();
}

/** Builds a content tree into `outDir` in a copy of the project, which is removed after; a failed build throws with its output. */
export function buildIsolatedSite(content: string, outDir: string, what: string): void {
  const project = isolatedProject();
  try {
    const build = project.run([ASTRO, 'build', '--outDir', outDir], content);
    if (build.status !== 0) throw new Error(`${what} did not build:\n${build.output.slice(-4000)}`);
  } finally {
    project.remove();
  }
}
