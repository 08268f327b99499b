import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MANIFEST_ENV, MANIFEST_PENDING_ENV, buildManifest, manifestWritten, writeManifest } from '../../src/lib/compile/build-manifest.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

const temp = mkdtempSync(join(tmpdir(), 'gongkai-manifest-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
afterEach(() => {
  delete process.env[MANIFEST_ENV];
  delete process.env[MANIFEST_PENDING_ENV];
});

const MANIFEST = { store: join(temp, 'store'), heads: [] };
const until = async (done: () => boolean, what: string) => {
  for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 25))) {
    if (Date.now() - started > 20_000) throw new Error(`waited 20 s for ${what}`);
  }
};

describe('the manifest of a build that starts Astro beside its compile step', () => {
  it('is read whole once written, by an Astro process that waited for it', async () => {
    const file = join(temp, 'waited.json');
    process.env[MANIFEST_ENV] = file;
    process.env[MANIFEST_PENDING_ENV] = '1';
    let resolved = false;
    const waiting = manifestWritten().then(() => (resolved = true));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(resolved).toBe(false);
    writeManifest(file, MANIFEST);
    await waiting;
    expect(buildManifest().manifest).toEqual(MANIFEST);
  });

  it('is not waited for by an Astro process started without the pending flag (astro build alone, or a manifest written first)', async () => {
    process.env[MANIFEST_ENV] = join(temp, 'missing.json');
    await manifestWritten();
    expect(existsSync(join(temp, 'missing.json'))).toBe(false);
  });

  it('is no longer waited for by an Astro process whose build is gone: it stops, saying why', async () => {
    const child = join(temp, 'child.mts');
    const out = join(temp, 'child.out');
    writeFileSync(child, `import { manifestWritten } from ${JSON.stringify(join(PROJECT_ROOT, 'src/lib/compile/build-manifest.ts'))};\nconsole.log('waiting');\nawait manifestWritten();\nconsole.log('resolved');\n`);
    // A shell stands for the build: it starts the waiting process, and exits once that process waits, never writing the manifest.
    const script = `"${process.execPath}" --import tsx '${child}' > '${out}' 2>&1 & until grep -q waiting '${out}' 2>/dev/null; do sleep 0.05; done`;
    const build = spawn('sh', ['-c', script], { cwd: PROJECT_ROOT, env: { ...process.env, [MANIFEST_ENV]: join(temp, 'never.json'), [MANIFEST_PENDING_ENV]: '1' }, stdio: 'ignore' });
    await new Promise((resolve) => build.on('close', resolve));
    await until(() => readFileSync(out, 'utf8').includes('gone'), 'the orphaned process to stop');
    expect(readFileSync(out, 'utf8')).toBe('waiting\nthe build that started this Astro process is gone: it stops too\n');
  }, 30_000);
});
