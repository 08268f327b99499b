import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearAbandoned, replaceAtomically } from '../../scripts/atomic-dist.ts';

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

describe('the site a build replaces', () => {
  it('is removed by a process of its own after the new one is in place, which the build does not wait for', async () => {
    const dist = join(temp, 'd', 'dist');
    site(dist, 'old');
    for (let i = 0; i < 200; i++) site(join(dist, 'pages', String(i)), `old ${i}`);
    const outcome = await replaceAtomically(dist, (outDir) => {
      site(outDir, 'new');
      return { ok: true };
    });
    expect(outcome).toEqual({ ok: true, note: expect.stringMatching(/^the site it replaced is removed in the background \(process \d+\)$/) });
    expect([readFileSync(join(dist, 'index.html'), 'utf8'), existsSync(join(dist, 'pages'))]).toEqual(['new', false]);
    const staging = join(temp, 'd', '.build-staging');
    for (let waited = 0; readdirSync(staging).length > 0 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(staging)).toEqual([]);
  });

  it('is left to its remover while that runs, and deleted by the next build when the remover stopped', () => {
    const staging = join(temp, 'e', '.build-staging');
    const [stopped, running] = [join(staging, `removing-${deadPid()}`), join(staging, `removing-${process.pid}`)];
    site(stopped, 'replaced');
    site(running, 'being removed');
    site(join(temp, 'e', 'dist'), 'live');
    clearAbandoned(staging, join(temp, 'e', 'dist'));
    expect([existsSync(stopped), existsSync(running), readFileSync(join(temp, 'e', 'dist', 'index.html'), 'utf8')]).toEqual([false, true, 'live']);
  });
});

