import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackageError, builtBase, parseBase, webConfigFor, writeIntranetZip } from '../../scripts/package-intranet.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

/** A built site in miniature: what the packager reads of a real one. */
function fakeSite(dir: string, base: string): void {
  const files: Record<string, string> = {
    'index.html': `<!doctype html><link rel="stylesheet" href="${base}_astro/BaseLayout.Bb3LXO2D.css"><link rel="stylesheet" href="${base}_astro/RegionTree.QkvqWe2G.css"><a href="${base}河北省/">河北省</a>`,
    '404.html': `<!doctype html><link rel="stylesheet" href="${base}_astro/BaseLayout.Bb3LXO2D.css">`,
    '_astro/BaseLayout.Bb3LXO2D.css': 'body{margin:0}',
    '_astro/RegionTree.QkvqWe2G.css': 'ul{padding:0}',
    '河北省/index.html': '<!doctype html>河北省',
    'pagefind/index/zh-cn_ea8fb02.pf_index': 'gzip data',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

interface CentralEntry {
  name: string;
  /** General purpose bit 11: the name is UTF-8. */
  utf8: boolean;
  /** 0 stored, 8 deflated. */
  method: number;
  /** "Version made by", high byte: 3 is Unix. */
  system: number;
  /** Unix mode, from the external attributes. */
  mode: number;
}

function centralEntries(zip: Uint8Array): CentralEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  const entries: CentralEntry[] = [];
  for (let i = 0, at = view.getUint32(end + 16, true); i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      utf8: (view.getUint16(at + 8, true) & 0x800) !== 0,
      method: view.getUint16(at + 10, true),
      system: view.getUint8(at + 5),
      mode: view.getUint32(at + 38, true) >>> 16,
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

describe('npm run package:intranet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-package-test-'));
  const sub = join(dir, 'built-for-yjsgk');
  const root = join(dir, 'built-for-root');
  beforeAll(() => {
    fakeSite(sub, '/yjsgk/');
    fakeSite(root, '/');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads --base as the site configuration does, and names the flag when it is wrong', () => {
    expect([parseBase('/yjsgk'), parseBase('/yjsgk/'), parseBase('/'), parseBase('/a/b/')]).toEqual(['/yjsgk/', '/yjsgk/', '/', '/a/b/']);
    expect(() => parseBase('yjsgk/')).toThrow(
      new PackageError('package:intranet: --base: expected "/" or a sub-path such as /yjsgk/: starting with /, made of letters, digits, - _ . ~, found "yjsgk/"'),
    );
    expect(() => parseBase(undefined)).toThrow(new PackageError('package:intranet: --base is required, for example --base /yjsgk/ (or --base / for the root of a server)'));
  });

  it('tells the base a site was built for from its home page', () => {
    expect([builtBase(sub), builtBase(root)]).toEqual(['/yjsgk/', '/']);
  });

  it('zips the site under its URL paths, with web.config for the base, names in UTF-8, the search index stored as it is', async () => {
    const out = join(dir, 'yjsgk.zip');
    const written = await writeIntranetZip(sub, '/yjsgk/', out);
    const zip = new Uint8Array(readFileSync(out));
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual([
      'yjsgk/404.html',
      'yjsgk/_astro/BaseLayout.Bb3LXO2D.css',
      'yjsgk/_astro/RegionTree.QkvqWe2G.css',
      'yjsgk/index.html',
      'yjsgk/pagefind/index/zh-cn_ea8fb02.pf_index',
      'yjsgk/web.config',
      'yjsgk/河北省/index.html',
    ]);
    expect(written).toEqual({ files: 7, bytes: zip.length });
    expect(new TextDecoder().decode(entries['yjsgk/河北省/index.html'])).toBe('<!doctype html>河北省');
    expect(new TextDecoder().decode(entries['yjsgk/web.config'])).toBe(webConfigFor('/yjsgk/'));
    expect(webConfigFor('/yjsgk/')).toBe(readFileSync(join(PROJECT_ROOT, 'deploy', 'web.config'), 'utf8'));
    const headers = centralEntries(zip);
    expect(headers.filter((h) => /[^\x20-\x7e]/.test(h.name)).map((h) => [h.name, h.utf8])).toEqual([['yjsgk/河北省/index.html', true]]);
    expect(headers.find((h) => h.name.endsWith('.pf_index'))!.method).toBe(0);
    expect(headers.find((h) => h.name.endsWith('index.html'))!.method).toBe(8);
    // Info-ZIP's unzip reads a UTF-8 name as UTF-8 only in an entry made on Unix; the mode makes the unzipped files readable by the web server.
    expect(new Set(headers.map((h) => `${h.system} ${h.mode.toString(8)}`))).toEqual(new Set(['3 100644']));
  });

  it("writes web.config's 404 page for the base it packs", async () => {
    const out = join(dir, 'root.zip');
    await writeIntranetZip(root, '/', out);
    const config = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(out)))['web.config']);
    expect(config.match(/<error statusCode="404"[^>]*>/g)).toEqual(['<error statusCode="404" path="/404.html" responseMode="ExecuteURL" />']);
  });

  it('refuses a site built for another base, writing no zip, and says what to do', async () => {
    const out = join(dir, 'wrong.zip');
    await expect(writeIntranetZip(root, '/yjsgk/', out)).rejects.toThrow(
      new PackageError(
        `package:intranet: ${root} was built for /, not for /yjsgk/: its pages would ask for /_astro/… on the server. Leave out --dist to build for /yjsgk/, or build with GONGKAI_BASE=/yjsgk/ npm run build`,
      ),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('as a command: one line naming the problem and exit 1, or the zip and where to unzip it', () => {
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'package-intranet.ts'), ...args], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, INIT_CWD: dir },
        encoding: 'utf8',
      });
    const wrong = run(['--base', '/yjsgk/', '--dist', root]);
    expect([wrong.status, wrong.stderr.trim().split('\n').length, wrong.stderr.startsWith(`package:intranet: ${root} was built for /, not for /yjsgk/`)]).toEqual([1, 1, true]);
    const unknown = run(['--base', '/yjsgk/', '--zip', 'x.zip']);
    expect([unknown.status, unknown.stderr.trim()]).toEqual([1, 'package:intranet: unknown option --zip; the options are --base <path> [--dist <built site>] [--out <file.zip>]']);
    const ok = run(['--base', '/yjsgk', '--dist', sub]);
    const zip = join(dir, 'gongkai-intranet-yjsgk.zip');
    expect([ok.status, ok.stdout.trim().split('\n')[1], existsSync(zip)]).toEqual([
      0,
      "Unzip it into the web server's document root: /yjsgk/index.html is then the home page (docs/deploy.md).",
      true,
    ]);
  });
});
