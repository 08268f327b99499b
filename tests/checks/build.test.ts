import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { ASTRO, TSX, fingerprint, isolatedProject, type IsolatedProject } from './isolated-build.ts';

const COMPLETE = join(PROJECT_ROOT, 'tests', 'checks', 'fixtures', 'complete', 'filings');
const WRONG_TOTAL = join(PROJECT_ROOT, 'tests', 'fixtures', 'bad', 'wrong-total', 'filings');
const CELL = 'tables/general-budget-expenditure.csv:3: general-budget-expenditure row 2 column "合计": column-sum: 类 221 住房保障支出 不等于 所属各款之和: expected 114.92, found 114.29';

describe('a filing with a wrong total stops the build, naming the cell; a failed build keeps the previous site', () => {
  let project: IsolatedProject;
  let dist: string;
  let first: string[];

  beforeAll(() => {
    project = isolatedProject();
    dist = join(project.dir, 'site');
    const build = project.run([...TSX, 'scripts/build.ts', '--outDir', dist], COMPLETE);
    if (build.status !== 0) throw new Error(`the first build failed:\n${build.output}`);
    first = fingerprint(dist);
  }, 240_000);
  afterAll(() => project?.remove());

  it('npm run build puts a built site in place', () => {
    expect(first.some((line) => line.startsWith('index.html '))).toBe(true);
    expect(existsSync(join(project.dir, '.build-staging'))).toBe(true);
    expect(readdirSync(join(project.dir, '.build-staging'))).toEqual([]);
  });

  it('npm run check exits 1 and prints the cell, expected and found', () => {
    const check = project.run([...TSX, 'scripts/check.ts', WRONG_TOTAL], WRONG_TOTAL);
    expect(check.status).toBe(1);
    expect(check.output).toContain(CELL);
    expect(check.output).toContain('1 filing checked: 2 errors, 8 warnings');
  });

  it('the build stops at the checks and the previous site is unchanged', () => {
    const build = project.run([...TSX, 'scripts/build.ts', '--outDir', dist], WRONG_TOTAL);
    expect(build.status).toBe(1);
    expect(build.output).toContain(CELL);
    expect(build.output).toContain(`build: the checks found errors; the previous ${dist} is unchanged`);
    expect(fingerprint(dist)).toEqual(first);
  });

  it('when astro build itself fails after the checks pass, the previous site is unchanged', () => {
    // Between the compile step and the pages, the test adds a page whose script throws as it is rendered, and removes it after.
    // (Astro has read its configuration by then: it starts beside the compile step.)
    const broken = join(project.dir, 'src', 'pages', 'broken-by-test.astro');
    process.env['GONGKAI_TEST_AFTER_CHECKS'] = `printf '%s\n' '---' "throw new Error('a page the test broke');" '---' > '${broken}'`;
    const build = (() => {
      try {
        return project.run([...TSX, 'scripts/build.ts', '--outDir', dist], COMPLETE);
      } finally {
        delete process.env['GONGKAI_TEST_AFTER_CHECKS'];
        rmSync(broken, { force: true });
      }
    })();
    expect(build.status).toBe(1);
    expect(build.output).toContain('a page the test broke');
    expect(build.output).toMatch(/build: astro build exited with \d+; the previous .* is unchanged/);
    expect(fingerprint(dist)).toEqual(first);
    expect(readdirSync(join(project.dir, '.build-staging'))).toEqual([]);
  });

  it('astro build alone (the checks integration) fails with a summary naming the cell', () => {
    const build = project.run([ASTRO, 'build', '--outDir', join(project.dir, 'plain')], WRONG_TOTAL);
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('The checks found errors; the build stops before anything is published.');
    expect(build.output).toContain(CELL);
    expect(existsSync(join(project.dir, 'plain'))).toBe(false);
  });
});
