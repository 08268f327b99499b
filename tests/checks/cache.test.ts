import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { runChecks } from '../../src/lib/checks/run-checks.ts';

const COMPLETE = join(PROJECT_ROOT, 'tests', 'checks', 'fixtures', 'complete', 'filings');
const RECORD = '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算';

const temp = mkdtempSync(join(tmpdir(), 'gongkai-check-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the check cache', () => {
  const content = join(temp, 'filings');
  cpSync(COMPLETE, content, { recursive: true });
  const cacheFile = join(temp, 'cache', 'checks.json');
  const run = () => runChecks(temp, content, { cacheFile });

  it('gives the same result as a run without it, and reuses unchanged filings', async () => {
    const uncached = await runChecks(temp, content);
    const first = await run();
    const second = await run();
    expect(first.cached).toBe(0);
    expect(second.cached).toBe(1);
    expect(second.findings).toEqual(uncached.findings);
    expect(second.findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
  });

  it('re-reads a filing when one of its files changes', async () => {
    const csv = join(content, RECORD, 'tables', 'general-budget-expenditure.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('20,2130804,创业担保贷款贴息及奖补,316.55,,316.55', '20,2130804,创业担保贷款贴息及奖补,316.56,,316.56'));
    const changed = await run();
    expect(changed.cached).toBe(0);
    expect(changed.findings.filter((f) => f.severity === 'error').map((f) => f.at)).toContain('general-budget-expenditure:row 19:合计');
  });

  it('re-reads a filing whose acknowledgments changed', async () => {
    const file = join(content, RECORD, 'acknowledgments.yaml');
    const stamp = new Date('2024-01-01T00:00:00Z');
    utimesSync(file, stamp, stamp);
    await run();
    appendFileSync(file, '# reviewed\n');
    const after = await run();
    expect(after.cached).toBe(0);
  });
});

describe('the check cache with two content roots', () => {
  it('keeps the results of one tree when the other is checked', async () => {
    const cacheFile = join(temp, 'two-roots', 'checks.json');
    const minimal = join(PROJECT_ROOT, 'tests', 'fixtures', 'minimal', 'filings');
    await runChecks(PROJECT_ROOT, COMPLETE, { cacheFile });
    await runChecks(PROJECT_ROOT, minimal, { cacheFile });
    expect((await runChecks(PROJECT_ROOT, COMPLETE, { cacheFile })).cached).toBe(1);
    expect((await runChecks(PROJECT_ROOT, minimal, { cacheFile })).cached).toBe(1);
  });
});

describe('the check cache in a git repository', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-C', cwd, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { stdio: 'ignore' });

  it('is reused by a fresh clone elsewhere, where every file has a new modification time', async () => {
    const origin = join(temp, 'origin');
    cpSync(COMPLETE, join(origin, 'content', 'filings'), { recursive: true });
    git(origin, 'init', '-q');
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'filings');
    const cacheFile = join(temp, 'clone-cache', 'checks.json');
    const first = await runChecks(origin, join(origin, 'content', 'filings'), { cacheFile });
    expect(first.cached).toBe(0);

    const clone = join(temp, 'clone');
    execFileSync('git', ['clone', '-q', origin, clone]);
    const content = join(clone, 'content', 'filings');
    const reused = await runChecks(clone, content, { cacheFile });
    expect(reused.cached).toBe(1);
    expect(reused.findings.map((f) => f.at)).toEqual(first.findings.map((f) => f.at));

    const csv = join(content, RECORD, 'tables', 'general-budget-expenditure.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('20,2130804,创业担保贷款贴息及奖补,316.55,,316.55', '20,2130804,创业担保贷款贴息及奖补,316.56,,316.56'));
    const edited = await runChecks(clone, content, { cacheFile });
    expect(edited.cached).toBe(0);
    expect(edited.findings.filter((f) => f.severity === 'error').map((f) => f.at)).toContain('general-budget-expenditure:row 19:合计');
  });

  it('reads a tracked file again after an edit that keeps its size and modification time (issue 13, class 3)', async () => {
    const origin = join(temp, 'same-size');
    cpSync(COMPLETE, join(origin, 'content', 'filings'), { recursive: true });
    git(origin, 'init', '-q');
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'filings');
    const content = join(origin, 'content', 'filings');
    const cacheFile = join(temp, 'same-size-cache', 'checks.json');
    await runChecks(origin, content, { cacheFile });
    expect((await runChecks(origin, content, { cacheFile })).cached).toBe(1);
    const csv = join(content, RECORD, 'tables', 'general-budget-expenditure.csv');
    const before = statSync(csv, { bigint: true });
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('20,2130804,创业担保贷款贴息及奖补,316.55,,316.55', '20,2130804,创业担保贷款贴息及奖补,316.56,,316.56'));
    execFileSync('touch', ['-m', '-d', `@${before.mtimeNs / 1_000_000_000n}.${String(before.mtimeNs % 1_000_000_000n).padStart(9, '0')}`, csv]);
    expect([statSync(csv, { bigint: true }).size, statSync(csv, { bigint: true }).mtimeNs]).toEqual([before.size, before.mtimeNs]);
    const edited = await runChecks(origin, content, { cacheFile });
    expect(edited.cached).toBe(0);
    expect(edited.findings.filter((f) => f.severity === 'error').map((f) => f.at)).toEqual(['general-budget-expenditure:row 19:合计', 'general-budget-expenditure:row 19:项目支出']);
  });
});
