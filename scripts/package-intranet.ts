/**
 * `npm run package:intranet -- --base /some/path/ [--dist <built site>] [--out <file.zip>]`:
 * one zip of the portal for a web server on an intranet (docs/deploy.md).
 * Without --dist it builds the site for that base first (GONGKAI_BASE, the
 * checks included); with --dist it takes a site built earlier, after making
 * sure it was built for that base. The zip's paths are the URL paths: unzipped
 * into a server's document root, `<base>index.html` is the home page. It
 * carries deploy/web.config for the base, which IIS reads and others ignore.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';
import { basePathSchema } from '../src/lib/site/site-config.ts';

/** deploy/web.config is written for the documented example, /yjsgk/. */
const WEB_CONFIG = join(PROJECT_ROOT, 'deploy', 'web.config');
const EXAMPLE_BASE = '/yjsgk/';

/** Already compressed (Pagefind's index is gzip data; Office files and PDFs compress their parts): stored, not deflated again. */
const STORED = /\.(?:pf_meta|pf_index|pf_fragment|pf_filter|pagefind|pdf|docx|xlsx|zip|png|jpe?g|gif|webp|woff2?)$/i;

export class PackageError extends Error {
  override name = 'PackageError';
}

/** `--base` as the site configuration reads it (`/yjsgk` → `/yjsgk/`), or a message naming the flag. */
export function parseBase(value: string | undefined): string {
  if (value === undefined) throw new PackageError('package:intranet: --base is required, for example --base /yjsgk/ (or --base / for the root of a server)');
  const parsed = basePathSchema.safeParse(value);
  if (!parsed.success) throw new PackageError(`package:intranet: --base: ${parsed.error.issues[0]!.message}, found ${JSON.stringify(value)}`);
  return parsed.data;
}

/**
 * The base a built site was made for, read from its home page's stylesheet
 * links (`<base>_astro/…`): every page links the site's shared stylesheet.
 */
export function builtBase(siteDir: string): string {
  const home = join(siteDir, 'index.html');
  if (!existsSync(home)) throw new PackageError(`package:intranet: ${siteDir} is not a built site: it has no index.html (build it with npm run build, or leave out --dist)`);
  const bases = new Set([...readFileSync(home, 'utf8').matchAll(/<link\b[^>]*\bhref="([^"]*?)_astro\/[^"]+\.css"/g)].map((m) => m[1]!));
  if (bases.size !== 1) throw new PackageError(`package:intranet: cannot tell the base ${siteDir} was built for: its index.html links ${bases.size === 0 ? 'no stylesheet under _astro/' : `stylesheets under ${[...bases].join(' and ')}`}`);
  return [...bases][0]!;
}

/** deploy/web.config with the base in its 404 page's path. */
export function webConfigFor(base: string): string {
  const text = readFileSync(WEB_CONFIG, 'utf8');
  return text.replaceAll(EXAMPLE_BASE, base);
}

/** Every file of the site, by its path relative to the site with `/`, in a stable order. */
function siteFiles(siteDir: string): string[] {
  return readdirSync(siteDir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(siteDir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * Writes the zip, one file at a time, so a site of thousands of filings is
 * never held in memory whole. Entry names are UTF-8 (the zip says so), as
 * the Chinese folder names of the filings require.
 */
export async function writeIntranetZip(siteDir: string, base: string, out: string): Promise<{ files: number; bytes: number }> {
  const found = builtBase(siteDir);
  if (found !== base) {
    throw new PackageError(
      `package:intranet: ${siteDir} was built for ${found}, not for ${base}: its pages would ask for ${found}_astro/… on the server. Leave out --dist to build for ${base}, or build with GONGKAI_BASE=${base} npm run build`,
    );
  }
  const prefix = base.slice(1);
  const fd = openSync(out, 'w');
  let bytes = 0;
  let files = 0;
  try {
    await new Promise<void>((done, fail) => {
      const zip = new Zip((error, chunk, final) => {
        if (error) return fail(error);
        writeSync(fd, chunk);
        bytes += chunk.length;
        if (final) done();
      });
      const add = (name: string, data: Uint8Array, mtime: Date) => {
        const entry = STORED.test(name) ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
        entry.mtime = mtime;
        // Made on Unix, mode 0644: Info-ZIP's unzip then takes the UTF-8 names as UTF-8 (as 7-Zip and Windows do by the flag) and gives the files read permission.
        entry.os = 3;
        entry.attrs = 0o100644 << 16;
        zip.add(entry);
        entry.push(data, true);
        files++;
      };
      for (const file of siteFiles(siteDir)) {
        const path = join(siteDir, ...file.split('/'));
        add(prefix + file, readFileSync(path), statSync(path).mtime);
      }
      add(`${prefix}web.config`, new TextEncoder().encode(webConfigFor(base)), new Date());
      zip.end();
    });
  } catch (error) {
    closeSync(fd);
    rmSync(out, { force: true });
    throw error;
  }
  closeSync(fd);
  return { files, bytes };
}

/** `npm run build -- --outDir <dir>` for `base`: the checks, then Astro and Pagefind. */
function buildFor(base: string, outDir: string): void {
  const build = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'build.ts'), '--outDir', outDir], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, GONGKAI_BASE: base },
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new PackageError(`package:intranet: the build for ${base} failed (see above); no zip was written`);
}

function flag(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new PackageError(`package:intranet: ${name} needs a value`);
  return value;
}

async function main(args: string[]): Promise<void> {
  const known = new Set(['--base', '--dist', '--out']);
  const unknown = args.filter((a, i) => a.startsWith('--') && !known.has(a) && !known.has(args[i - 1] ?? ''));
  if (unknown.length > 0) throw new PackageError(`package:intranet: unknown option ${unknown[0]}; the options are --base <path> [--dist <built site>] [--out <file.zip>]`);
  const base = parseBase(flag(args, '--base'));
  const name = base === '/' ? 'root' : base.slice(1, -1).replaceAll('/', '-');
  // npm runs scripts in the project folder; paths on the command line are the caller's.
  const cwd = process.env['INIT_CWD'] ?? process.cwd();
  const out = resolve(cwd, flag(args, '--out') ?? `gongkai-intranet-${name}.zip`);
  const given = flag(args, '--dist');
  const scratch = given ? undefined : mkdtempSync(join(tmpdir(), 'gongkai-intranet-'));
  try {
    const siteDir = given ? resolve(cwd, given) : join(scratch!, 'site');
    if (!given) buildFor(base, siteDir);
    const { files, bytes } = await writeIntranetZip(siteDir, base, out);
    console.log(`package:intranet: ${out}: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB, for ${base}`);
    console.log(`Unzip it into the web server's document root: ${base}index.html is then the home page (docs/deploy.md).`);
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof PackageError ? error.message : error);
    process.exit(1);
  });
}
