import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { TSX, fingerprint, isolatedProject, type IsolatedProject } from '../checks/isolated-build.ts';

/**
 * Issue 12: a portal built on several machines. The real filings (five
 * regions) built in 3 shards and merged give, file for file, the site one
 * build gives; a merge refuses an incomplete set of shards.
 */

const CONTENT = join(PROJECT_ROOT, 'content', 'filings');

describe('npm run build -- --shard K/N and npm run merge', () => {
  let project: IsolatedProject;
  const out = (name: string) => join(project.dir, name);
  const logs: string[] = [];

  beforeAll(() => {
    // The copy is outside git: one build date for every build, or the feed and sitemap would differ by the minute.
    process.env['SOURCE_DATE_EPOCH'] = '1735689600';
    project = isolatedProject();
    const run = (args: string[]) => {
      const result = project.run([...TSX, ...args], CONTENT);
      if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.output}`);
      logs.push(result.output);
    };
    run(['scripts/build.ts', '--outDir', out('whole')]);
    for (const k of [1, 2, 3]) run(['scripts/build.ts', '--shard', `${k}/3`, '--outDir', out(`shard-${k}`)]);
    run(['scripts/merge.ts', '--outDir', out('merged'), out('shard-1'), out('shard-2'), out('shard-3')]);
  }, 600_000);
  afterAll(() => {
    delete process.env['SOURCE_DATE_EPOCH'];
    project?.remove();
  });

  it('splits the filings by whole regions', () => {
    expect(logs.slice(1, 4).map((log) => log.split('\n').find((line) => line.startsWith('build: shard')))).toEqual([
      'build: shard 1 of 3: 2 region(s), 2 filing(s)',
      'build: shard 2 of 3: 2 region(s), 2 filing(s)',
      'build: shard 3 of 3: 1 region(s), 1 filing(s)',
    ]);
  });

  it('merged, gives the same files as one build, byte for byte', () => {
    const whole = fingerprint(out('whole'));
    expect(whole.length).toBeGreaterThan(100);
    expect(fingerprint(out('merged'))).toEqual(whole);
  });

  it('refuses shards that do not make a whole portal, naming what is missing, and keeps the merged site', () => {
    const before = fingerprint(out('merged'));
    const missing = project.run([...TSX, 'scripts/merge.ts', '--outDir', out('merged'), out('shard-1'), out('shard-3')], CONTENT);
    expect([missing.status, missing.output.trim().split('\n').at(-1)]).toEqual([1, 'merge: expected shards 1 to 3, missing 2']);
    const twice = project.run([...TSX, 'scripts/merge.ts', '--outDir', out('merged'), out('shard-1'), out('shard-1'), out('shard-2')], CONTENT);
    expect([twice.status, twice.output.trim().split('\n').at(-1)]).toEqual([1, `merge: ${out('shard-1')} and ${out('shard-1')} are both shard 1 of 3`]);
    const notShard = project.run([...TSX, 'scripts/merge.ts', '--outDir', out('merged'), out('whole')], CONTENT);
    expect([notShard.status, notShard.output.trim().split('\n').at(-1)]).toEqual([1, `merge: ${out('whole')} is not the output of npm run build -- --shard K/N: it has no .gongkai-shard`]);
    expect(fingerprint(out('merged'))).toEqual(before);
  });
});
