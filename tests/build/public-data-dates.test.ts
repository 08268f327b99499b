/**
 * The dates of the feed, sitemap and index come from the record's history
 * (src/lib/public-data/record-dates.ts): the same commit gives the same
 * dates; uncommitted changes and trees outside git are dated by the build.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDate, recordDates } from '../../src/lib/public-data/record-dates.ts';

const A = '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算';
const B = '河北省/廊坊市/永清县/316-人力资源和社会保障局/2023-决算';
const C = '上海市/普陀区/财政局/2024-决算';
const BUILT = new Date('2030-01-02T03:04:05Z');

const root = mkdtempSync(join(tmpdir(), 'gongkai-dates-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

function commit(date: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  execFileSync('git', ['add', '-A'], { cwd: root, env });
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', date], { cwd: root, env });
}

describe('recordDates', () => {
  it('dates a tree outside git by the build alone', () => {
    write(`${A}/filing.yaml`, 'a');
    expect(recordDates(root, [A], BUILT)).toEqual(new Map([[A, { first: BUILT, updated: BUILT }]]));
  });

  it('dates each record by its first and last commit, and a changed or new one by the build', () => {
    execFileSync('git', ['init', '-q'], { cwd: root });
    write(`${B}/filing.yaml`, 'b');
    commit('2024-03-01T10:00:00+08:00');
    write(`${A}/tables/income-summary.csv`, '1');
    commit('2024-05-06T12:00:00+08:00');
    write(`${B}/filing.yaml`, 'b, edited');
    write(`${C}/filing.yaml`, 'c');
    expect(recordDates(root, [A, B, C], BUILT)).toEqual(
      new Map([
        [A, { first: new Date('2024-03-01T02:00:00Z'), updated: new Date('2024-05-06T04:00:00Z') }],
        [B, { first: new Date('2024-03-01T02:00:00Z'), updated: BUILT }],
        [C, { first: BUILT, updated: BUILT }],
      ]),
    );
  });

  it('takes the build date from SOURCE_DATE_EPOCH when set', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1700000000' })).toEqual(new Date('2023-11-14T22:13:20Z'));
  });
});
