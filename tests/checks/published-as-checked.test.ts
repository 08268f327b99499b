import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { TSX, fingerprint, isolatedProject, type IsolatedProject } from './isolated-build.ts';

/**
 * Issues 12 and 13: figures published that no check saw. The pages once read
 * the records again as they rendered, after the checks, and the check cache
 * trusted a file's size and modification time. Proved from the outside:
 * `npm run build` publishes the figures the compile step checked when a
 * record changes on disk between the compile and the render (and the next
 * build checks and publishes the change), and `npm run check` compiles a
 * filing again after an edit that keeps the file's size and modification
 * time.
 */

const COMPLETE = join(PROJECT_ROOT, 'tests', 'checks', 'fixtures', 'complete', 'filings');
const RECORD = '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算';

/** `@<seconds>.<nanoseconds>`, as touch -d takes a time to the nanosecond. */
const touchTime = (ns: bigint) => `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`;

/** Rewrite a file, keeping its size and its modification time to the nanosecond (both asserted). */
function editInPlace(file: string, from: string, to: string): void {
  const before = statSync(file, { bigint: true });
  const text = readFileSync(file, 'utf8');
  expect([text.includes(from), Buffer.byteLength(from), from === to]).toEqual([true, Buffer.byteLength(to), false]);
  writeFileSync(file, text.replace(from, to));
  execFileSync('touch', ['-m', '-d', touchTime(before.mtimeNs), file]);
  const after = statSync(file, { bigint: true });
  expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
}

describe('npm run build publishes exactly what the checks read', () => {
  let project: IsolatedProject;
  let content: string;
  let dist: string;
  let first: string[];
  /** One line per compile of a filing, by any process of a build (compile/compile-folders.ts). */
  let trace: string;
  const compiles = () => readFileSync(trace, 'utf8').split('\n').filter(Boolean);

  beforeAll(() => {
    // The copy is outside git, so its records are dated by the build: one date for every build, or the sitemap and feed differ.
    process.env['SOURCE_DATE_EPOCH'] = '1735689600';
    project = isolatedProject();
    process.env['GONGKAI_TRACE_COMPILE'] = trace = join(project.dir, 'compiles.txt');
    content = join(project.dir, 'records', 'filings');
    cpSync(COMPLETE, content, { recursive: true });
    dist = join(project.dir, 'site');
    const build = project.run([...TSX, 'scripts/build.ts', '--outDir', dist], content);
    if (build.status !== 0) throw new Error(`the first build failed:\n${build.output}`);
    first = fingerprint(dist);
  }, 300_000);
  afterAll(() => {
    delete process.env['SOURCE_DATE_EPOCH'];
    delete process.env['GONGKAI_TRACE_COMPILE'];
    project?.remove();
  });

  it('a figure changed on disk after the compile step: the build publishes the figure it checked, and the next build the new one', () => {
    // A figure of the text that no rule compares (a change on the year before), so that the checks pass either way.
    const overview = join(content, RECORD, 'sections', 'overview.md');
    const edited = join(project.dir, 'overview.md');
    writeFileSync(edited, readFileSync(overview, 'utf8').replace('增加 1888.65 万元', '增加 9888.65 万元'));
    process.env['GONGKAI_TEST_AFTER_CHECKS'] = `cp '${edited}' '${overview}'`;
    const build = (() => {
      try {
        return project.run([...TSX, 'scripts/build.ts', '--outDir', dist], content);
      } finally {
        delete process.env['GONGKAI_TEST_AFTER_CHECKS'];
      }
    })();
    expect(build.status).toBe(0);
    // The first build compiled the filing once; this one took it from the store, and no page compiled it again.
    expect(compiles()).toEqual([`records/filings/${RECORD}`]);
    expect(build.output).toContain('(0 compiled, 1 unchanged since an earlier compile)');
    expect(readFileSync(overview, 'utf8')).toContain('增加 9888.65 万元');
    expect(fingerprint(dist)).toEqual(first);
    const page = () => readFileSync(join(dist, ...RECORD.split('/'), 'index.html'), 'utf8');
    expect([page().includes('增加 1888.65 万元'), page().includes('9888.65')]).toEqual([true, false]);

    const next = project.run([...TSX, 'scripts/build.ts', '--outDir', dist], content);
    expect(next.status).toBe(0);
    expect(next.output).toContain('build: 1 filing(s) checked in');
    expect(next.output).toContain('(1 compiled, 0 unchanged since an earlier compile)');
    expect(compiles()).toEqual([`records/filings/${RECORD}`, `records/filings/${RECORD}`]);
    expect([page().includes('增加 1888.65 万元'), page().includes('增加 9888.65 万元')]).toEqual([false, true]);
  }, 300_000);

  it('a same-size edit that keeps the modification time is checked again, not taken from the cache', () => {
    const check = () => project.run([...TSX, 'scripts/check.ts', content], content);
    check();
    expect(check().output).toContain('(1 of 1 unchanged since the last run, 0 compiled on 1 thread)');
    editInPlace(join(content, RECORD, 'tables', 'general-budget-expenditure.csv'), '20,2130804,创业担保贷款贴息及奖补,316.55,,316.55', '20,2130804,创业担保贷款贴息及奖补,316.56,,316.56');
    const after = check();
    expect(after.status).toBe(1);
    expect(after.output).toContain('(0 of 1 unchanged since the last run, 1 compiled on 1 thread)');
    expect(after.output.split('\n').filter((line) => line.startsWith('error: '))).toEqual([
      `error: records/filings/${RECORD}/tables/general-budget-expenditure.csv:20: general-budget-expenditure row 19 column "合计": column-sum: 款 21308 普惠金融发展支出 不等于 所属各项之和: expected 316.56, found 316.55`,
      `error: records/filings/${RECORD}/tables/general-budget-expenditure.csv:20: general-budget-expenditure row 19 column "项目支出": column-sum: 款 21308 普惠金融发展支出 不等于 所属各项之和: expected 316.56, found 316.55`,
    ]);
  }, 120_000);
});
