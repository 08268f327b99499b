import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearAbandoned } from '../../scripts/atomic-dist.ts';

const temp = mkdtempSync(join(tmpdir(), 'gongkai-atomic-dist-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

function site(path: string, text: string) {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'index.html'), text);
}

describe('what a killed build left behind', () => {
  it('a half-built site is deleted; a running build’s staging is left alone', () => {
    const staging = join(temp, 'a', '.build-staging');
    const [dead, running] = [join(staging, `dist-${deadPid()}`), join(staging, `dist-${process.pid}`)];
    site(dead, 'half');
    site(running, 'building');
    site(join(temp, 'a', 'dist'), 'live');
    clearAbandoned(staging, join(temp, 'a', 'dist'));
    expect([existsSync(dead), existsSync(running), readFileSync(join(temp, 'a', 'dist', 'index.html'), 'utf8')]).toEqual([false, true, 'live']);
  });

  it('a previous site moved away by a swap that never finished is put back when dist is missing', () => {
    const staging = join(temp, 'b', '.build-staging');
    const previous = join(staging, `previous-${deadPid()}`);
    site(previous, 'last whole site');
    clearAbandoned(staging, join(temp, 'b', 'dist'));
    expect([existsSync(previous), readFileSync(join(temp, 'b', 'dist', 'index.html'), 'utf8')]).toEqual([false, 'last whole site']);
  });

  it('and deleted when dist is there', () => {
    const staging = join(temp, 'c', '.build-staging');
    const previous = join(staging, `previous-${deadPid()}`);
    site(previous, 'older');
    site(join(temp, 'c', 'dist'), 'live');
    clearAbandoned(staging, join(temp, 'c', 'dist'));
    expect([existsSync(previous), readFileSync(join(temp, 'c', 'dist', 'index.html'), 'utf8')]).toEqual([false, 'live']);
  });
});
