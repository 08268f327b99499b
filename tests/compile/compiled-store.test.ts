import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { compileAll } from '../../src/lib/compile/compile-all.ts';

const COMPLETE = join(PROJECT_ROOT, 'tests', 'checks', 'fixtures', 'complete', 'filings');
const RECORD = '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算';
const CELL_BEFORE = '20,2130804,创业担保贷款贴息及奖补,316.55,,316.55';
const CELL_AFTER = '20,2130804,创业担保贷款贴息及奖补,316.56,,316.56';

const temp = mkdtempSync(join(tmpdir(), 'gongkai-compiled-store-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const errorsAt = (run: Awaited<ReturnType<typeof compileAll>>) => run.findings.filter((f) => f.severity === 'error').map((f) => f.at);
const counts = (run: Awaited<ReturnType<typeof compileAll>>) => ({ compiled: run.compiled, reused: run.reused });

describe('the compiled store', () => {
  const content = join(temp, 'filings');
  cpSync(COMPLETE, content, { recursive: true });
  const storeRoot = join(temp, 'store');
  const run = () => compileAll(temp, content, { storeRoot });

  it('gives what a fresh store gives, and compiles an unchanged filing once', async () => {
    const fresh = await compileAll(temp, content, { storeRoot: join(temp, 'fresh') });
    const first = await run();
    const second = await run();
    expect([counts(first), counts(second)]).toEqual([
      { compiled: 1, reused: 0 },
      { compiled: 0, reused: 1 },
    ]);
    expect(second.findings).toEqual(fresh.findings);
    expect(second.heads).toEqual(fresh.heads);
    expect(second.findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
  });

  it('compiles a filing again when one of its files changes', async () => {
    const csv = join(content, RECORD, 'tables', 'general-budget-expenditure.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(CELL_BEFORE, CELL_AFTER));
    const changed = await run();
    expect(counts(changed)).toEqual({ compiled: 1, reused: 0 });
    expect(errorsAt(changed)).toEqual(['general-budget-expenditure:row 19:合计', 'general-budget-expenditure:row 19:项目支出']);
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(CELL_AFTER, CELL_BEFORE));
    expect(counts(await run())).toEqual({ compiled: 0, reused: 1 });
  });

  it('compiles a filing again when its acknowledgments change, whatever their modification time says', async () => {
    const file = join(content, RECORD, 'acknowledgments.yaml');
    const stamp = new Date('2024-01-01T00:00:00Z');
    utimesSync(file, stamp, stamp);
    await run();
    appendFileSync(file, '# reviewed\n');
    utimesSync(file, stamp, stamp);
    expect(counts(await run())).toEqual({ compiled: 1, reused: 0 });
  });

  it('compiles again after an edit that keeps the size and the modification time to the nanosecond', async () => {
    const csv = join(content, RECORD, 'tables', 'general-budget-expenditure.csv');
    expect(counts(await run())).toEqual({ compiled: 0, reused: 1 });
    const before = statSync(csv, { bigint: true });
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(CELL_BEFORE, CELL_AFTER));
    execFileSync('touch', ['-m', '-d', `@${before.mtimeNs / 1_000_000_000n}.${String(before.mtimeNs % 1_000_000_000n).padStart(9, '0')}`, csv]);
    const after = statSync(csv, { bigint: true });
    expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
    const edited = await run();
    expect(counts(edited)).toEqual({ compiled: 1, reused: 0 });
    expect(errorsAt(edited)).toEqual(['general-budget-expenditure:row 19:合计', 'general-budget-expenditure:row 19:项目支出']);
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(CELL_AFTER, CELL_BEFORE));
  });
});

describe('the compiled store and the site configuration', () => {
  it('compiles again for another site address, as filing.json carries absolute URLs', () => {
    const config = join(temp, 'site.yaml');
    writeFileSync(config, readFileSync(join(PROJECT_ROOT, 'content', 'site.yaml'), 'utf8').replace(/^siteUrl: .*$/m, 'siteUrl: https://yjsgk.example.gov.cn'));
    // A process reads its site configuration once: each compile runs in its own.
    const script = `const { compileAll } = await import(${JSON.stringify(join(PROJECT_ROOT, 'src/lib/compile/compile-all.ts'))});
      const { CompiledStore } = await import(${JSON.stringify(join(PROJECT_ROOT, 'src/lib/compile/compiled-store.ts'))});
      const run = await compileAll(${JSON.stringify(PROJECT_ROOT)}, ${JSON.stringify(COMPLETE)}, { storeRoot: ${JSON.stringify(join(temp, 'site-store'))} });
      console.log(JSON.stringify({ compiled: run.compiled, reused: run.reused, origin: new URL(CompiledStore.at(run.store).dataHead(run.heads[0].hash).entry.url).origin }));`;
    const compile = (env: Record<string, string>) =>
      JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' }).trim().split('\n').at(-1)!);
    const { GONGKAI_SITE_CONFIG: _, ...env } = process.env;
    expect([compile(env as Record<string, string>), compile({ GONGKAI_SITE_CONFIG: config }), compile({ GONGKAI_SITE_CONFIG: config })]).toEqual([
      { compiled: 1, reused: 0, origin: 'https://www.example.gov.cn' },
      { compiled: 1, reused: 0, origin: 'https://yjsgk.example.gov.cn' },
      { compiled: 0, reused: 1, origin: 'https://yjsgk.example.gov.cn' },
    ]);
  }, 60_000);
});

describe('the compiled store, shared', () => {
  it('keeps the filings of one content tree when another is compiled', async () => {
    const storeRoot = join(temp, 'two-roots');
    const minimal = join(PROJECT_ROOT, 'tests', 'fixtures', 'minimal', 'filings');
    await compileAll(PROJECT_ROOT, COMPLETE, { storeRoot });
    await compileAll(PROJECT_ROOT, minimal, { storeRoot });
    expect(counts(await compileAll(PROJECT_ROOT, COMPLETE, { storeRoot }))).toEqual({ compiled: 0, reused: 1 });
    expect(counts(await compileAll(PROJECT_ROOT, minimal, { storeRoot }))).toEqual({ compiled: 0, reused: 1 });
  });

  it('is reused by a copy of the project elsewhere, where every file has a new modification time (a CI cache restored on a fresh clone)', async () => {
    const storeRoot = join(temp, 'moved');
    const place = (project: string) => join(project, 'content', 'filings');
    const origin = join(temp, 'origin');
    cpSync(COMPLETE, place(origin), { recursive: true });
    const first = await compileAll(origin, place(origin), { storeRoot });
    const clone = join(temp, 'clone');
    cpSync(place(origin), place(clone), { recursive: true, preserveTimestamps: false });
    const reused = await compileAll(clone, place(clone), { storeRoot });
    expect([counts(first), counts(reused)]).toEqual([
      { compiled: 1, reused: 0 },
      { compiled: 0, reused: 1 },
    ]);
    expect(reused.findings).toEqual(first.findings);
  });
});
