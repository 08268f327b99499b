import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import { formatProblem } from '../../src/lib/records/record-error.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { recoverAbandoned, replaceAtomically, type FileOps } from '../../scripts/atomic-dist.ts';
import { TSX, isolatedProject } from './isolated-build.ts';
import { Random } from '../../scripts/synth/random.ts';

/**
 * Issue 13, class 10: crashes instead of messages. Whatever the content tree
 * or the output folder is like, a command ends with a message naming the
 * record or the folder, never a stack trace and never a hang, and the
 * previous site stays in place or is put back.
 */

const VALID = join(PROJECT_ROOT, 'tests', 'fixtures', 'bad', 'valid');
const WRONG_TOTAL = join(PROJECT_ROOT, 'tests', 'fixtures', 'bad', 'wrong-total');
const RECORD = '河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算';
/** A command that does not end within this is taken to hang. */
const BOUND = 90_000;

const temp = mkdtempSync(join(tmpdir(), 'gongkai-build-robustness-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let copies = 0;
function copyOf(fixture = VALID): string {
  const root = join(temp, `tree-${++copies}`);
  cpSync(fixture, root, { recursive: true });
  return root;
}

/** Problems as `npm run check` prints them, paths relative to the tree. */
const problems = (root: string) => loadAllFilings(root, join(root, 'filings')).problems.map(formatProblem);

/** A command of the project, bounded in time; its exit status and everything it printed. */
function command(args: string[], cwd: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: BOUND, killSignal: 'SIGKILL' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A line of a JavaScript stack trace. */
const STACK = /^\s+at .+[:(]/m;

describe('a place or department named like a file or a page of the portal is refused, at every level', () => {
  const LEVELS = [
    { field: 'region.province', segment: 0, yaml: (name: string) => `region: { province: ${name}, city: 廊坊市, county: 永清县 }` },
    { field: 'region.city', segment: 1, yaml: (name: string) => `region: { province: 河北省, city: ${name}, county: 永清县 }` },
    { field: 'region.county', segment: 2, yaml: (name: string) => `region: { province: 河北省, city: 廊坊市, county: ${name} }` },
    { field: 'department.shortName', segment: 3, yaml: (name: string) => `shortName: ${name}` },
  ] as const;
  const MESSAGE =
    'expected a place or department name, found the name of a file or page the portal writes itself (index.html, feed.xml, 2024年, 2024-预算 …; any name ending in .html .json .xml .csv .txt .svg): its pages would be written over that file';

  /** The valid record with one name replaced, filed in the folder its record names, so that the name is its only problem. */
  function named(level: (typeof LEVELS)[number], name: string): string {
    const root = copyOf();
    const file = join(root, 'filings', RECORD, 'filing.yaml');
    const text = readFileSync(file, 'utf8');
    const edited = level.field === 'department.shortName' ? text.replace('shortName: 人力资源和社会保障局', level.yaml(`"${name}"`)) : text.replace('region: { province: 河北省, city: 廊坊市, county: 永清县 }', level.yaml(`"${name}"`));
    writeFileSync(file, edited);
    // A folder cannot be named . or ..: such a record stays where it is, and the folder mismatch is reported besides.
    if (/^\.+$/.test(name)) return root;
    const segments = RECORD.split('/');
    segments[level.segment] = level.segment === 3 ? `316-${name}` : name;
    mkdirSync(join(root, 'filings', ...segments.slice(0, -1)), { recursive: true });
    renameSync(join(root, 'filings', RECORD), join(root, 'filings', ...segments));
    return root;
  }

  it('index.html as a county: the record is refused with the field named', () => {
    expect(problems(named(LEVELS[2], 'index.html'))).toEqual([`filings/河北省/廊坊市/index.html/316-人力资源和社会保障局/2024-预算/filing.yaml: region.county: ${MESSAGE}`]);
  });

  it('any level, any name ending in a file extension, a page of the portal, or dots', () => {
    const random = new Random(13);
    const bases = ['index', 'feed', 'sitemap', '永清县', 'robots', '404', 'data', 'a.b'];
    const extensions = ['.html', '.HTM', '.json', '.xml', '.csv', '.txt', '.svg', '.Html'];
    const names = ['index.html', '404.html', 'favicon.svg', 'feed.xml', 'robots.txt', 'datapackage.json', '2024年', '2023-预算', '2024-决算', '2024-预算与决算', '..', '.'];
    for (let i = 0; i < 12; i++) names.push(`${random.pick(bases)}${random.pick(extensions)}`);
    for (const name of names) {
      const level = LEVELS[random.int(0, LEVELS.length - 1)]!;
      const found = problems(named(level, name)).filter((line) => !line.includes('the folder does not match'));
      expect({ name, found }).toEqual({ name, found: [expect.stringMatching(new RegExp(`: ${level.field.replace('.', '\\.')}: ${MESSAGE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))] });
    }
  });

  it('names that merely contain a dot or a year are kept', () => {
    expect(problems(named(LEVELS[2], '永清县2024年度'))).toEqual([]);
  });

  it('npm run build stops at the checks with the message, not a stack trace', () => {
    const project = isolatedProject();
    try {
      const root = named(LEVELS[2], 'index.html');
      const site = join(temp, 'index-html-site');
      const build = command([...TSX, 'scripts/build.ts', '--outDir', site], project.dir, { GONGKAI_CONTENT: join(root, 'filings') });
      expect(build.status).toBe(1);
      expect(build.output).toContain(`/index.html/316-人力资源和社会保障局/2024-预算/filing.yaml: region.county: ${MESSAGE}`);
      expect(build.output).toContain(`build: the checks found errors; no ${site} was written`);
      expect(build.output).not.toMatch(STACK);
    } finally {
      project.remove();
    }
  }, BOUND + 30_000);
});

describe('a named pipe in the content tree is named, never opened: the checks end', () => {
  it('a record file that is a named pipe, and a named pipe between the filing folders', () => {
    const root = copyOf();
    const md = join(root, 'filings', RECORD, 'sections', 'three-public.md');
    rmSync(md);
    execFileSync('mkfifo', [md]);
    execFileSync('mkfifo', [join(root, 'filings', '河北省', 'pipe')]);
    const check = command([...TSX, 'scripts/check.ts', join(root, 'filings'), '--no-cache'], PROJECT_ROOT);
    expect(check.status).toBe(1);
    const errors = check.output.split('\n').filter((line) => line.startsWith('error: '));
    const path = (file: string) => relative(PROJECT_ROOT, file);
    expect(errors).toEqual([
      `error: ${path(join(root, 'filings', '河北省', 'pipe'))}: expected a folder or file of the content tree, found a named pipe (FIFO): it is not read`,
      `error: ${path(md)}: sections[0].blocks[0].markdown: expected a file of the record, found a named pipe (FIFO): it is not read, as reading it could wait forever`,
    ]);
    expect(check.output).not.toMatch(STACK);
  }, BOUND + 10_000);
});

/** Every file of a folder with its contents, sorted: equal listings, identical trees. */
function listing(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => `${join(e.parentPath, e.name).slice(dir.length + 1)}: ${readFileSync(join(e.parentPath, e.name), 'utf8')}`)
    .sort();
}

/** A folder with these files (relative path → text). */
function tree(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const OLD_SITE = { 'index.html': 'old home', '河北省/index.html': 'old region', 'only-old.txt': 'gone after the build' };
const NEW_SITE = { 'index.html': 'new home', '河北省/index.html': 'new region', 'pagefind/index.js': 'new index' };
const builds = (files: Record<string, string>) => (outDir: string) => (tree(outDir, files), { ok: true as const });

/** The real operations, except that `dist` itself cannot be renamed (`code`), and, when `writable` is false, nothing can be copied into it. */
function failing(dist: string, code: string, options: { writable?: boolean; failOn?: string } = {}): FileOps {
  const fail = (c: string) => Object.assign(new Error(`${c}: operation refused`), { code: c });
  return {
    rename(from, to) {
      if (from === dist || (options.failOn && to.endsWith(options.failOn))) throw fail(from === dist ? code : 'EIO');
      renameSync(from, to);
    },
    copy(from, to) {
      if (options.writable === false && to.startsWith(`${dist}/`)) throw fail('EPERM');
      cpSync(from, to, { recursive: true });
    },
  };
}

describe('dist/ that cannot be renamed: a mount point (EBUSY), an immutable folder (EPERM)', () => {
  it('a mount point: its contents are replaced, the folder itself stays', async () => {
    const dist = tree(join(temp, 'mount', 'dist'), OLD_SITE);
    const inode = statSync(dist).ino;
    const outcome = await replaceAtomically(dist, builds(NEW_SITE), failing(dist, 'EBUSY'));
    expect(outcome).toEqual({ ok: true, note: `${dist} could not be renamed (EBUSY: a mount point?), so its contents were replaced` });
    expect(listing(dist)).toEqual(['index.html: new home', 'pagefind/index.js: new index', '河北省/index.html: new region']);
    expect([statSync(dist).ino, readdirSync(join(temp, 'mount', '.build-staging'))]).toEqual([inode, []]);
  });

  it('an immutable folder: the build stops saying what to do, the previous site untouched', async () => {
    const dist = tree(join(temp, 'immutable', 'dist'), OLD_SITE);
    const outcome = await replaceAtomically(dist, builds(NEW_SITE), failing(dist, 'EPERM', { writable: false }));
    expect(outcome).toEqual({
      ok: false,
      reason:
        `${dist} can be neither renamed (EPERM) nor written into (EPERM), so the new site was not put in place. ` +
        `Make ${dist} writable by this user (an immutable folder: chattr -i), or build into another folder with npm run build -- --outDir <folder> and publish that`,
    });
    expect(listing(dist)).toEqual(['index.html: old home', 'only-old.txt: gone after the build', '河北省/index.html: old region']);
    expect(readdirSync(join(temp, 'immutable', '.build-staging'))).toEqual([]);
  });

  it('a move that fails half-way through the exchange puts every old file back', async () => {
    const dist = tree(join(temp, 'half', 'dist'), OLD_SITE);
    const outcome = await replaceAtomically(dist, builds(NEW_SITE), failing(dist, 'EBUSY', { failOn: `${dist}/pagefind` }));
    expect(outcome).toEqual({ ok: false, reason: `could not exchange the files of ${dist} (EIO); the previous site's files are back in place` });
    expect(listing(dist)).toEqual(['index.html: old home', 'only-old.txt: gone after the build', '河北省/index.html: old region']);
  });
});

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('a build killed half-way: the next build puts the last whole site back before anything else', () => {
  it('killed between its two renames, then a build that fails at the checks: the previous site is back in place', () => {
    const project = isolatedProject();
    try {
      const parent = join(temp, 'killed-swap');
      const dist = join(parent, 'site');
      const pid = deadPid();
      tree(join(parent, '.build-staging', `previous-${pid}`), OLD_SITE);
      tree(join(parent, '.build-staging', `dist-${pid}`), { 'index.html': 'half built' });
      const build = command([...TSX, 'scripts/build.ts', '--outDir', dist], project.dir, { GONGKAI_CONTENT: join(WRONG_TOTAL, 'filings') });
      expect(build.status).toBe(1);
      expect(build.output).toContain(`build: put back ${dist}, which a build stopped half-way had moved aside`);
      expect(build.output).toContain(`build: the checks found errors; the previous ${dist} is unchanged`);
      expect(build.output).not.toMatch(STACK);
      expect([listing(dist), readdirSync(join(parent, '.build-staging'))]).toEqual([['index.html: old home', 'only-old.txt: gone after the build', '河北省/index.html: old region'], []]);
    } finally {
      project.remove();
    }
  }, BOUND + 30_000);

  it('killed while exchanging the contents of a mount point, the new site complete: the exchange is finished', () => {
    const dist = join(temp, 'killed-forward', 'dist');
    const pid = deadPid();
    tree(dist, { 'index.html': 'new home' });
    tree(join(dist, `.gongkai-ready-${pid}`), { '河北省/index.html': 'new region', 'pagefind/index.js': 'new index' });
    tree(join(dist, `.gongkai-previous-${pid}`), OLD_SITE);
    recoverAbandoned(dist);
    expect(listing(dist)).toEqual(['index.html: new home', 'pagefind/index.js: new index', '河北省/index.html: new region']);
  });

  it('killed while moving the old files out: they are put back and the copy deleted', () => {
    const dist = join(temp, 'killed-back', 'dist');
    const pid = deadPid();
    tree(dist, { 'index.html': 'old home' });
    tree(join(dist, `.gongkai-incoming-${pid}`), NEW_SITE);
    tree(join(dist, `.gongkai-previous-${pid}`), { '河北省/index.html': 'old region', 'only-old.txt': 'gone after the build' });
    recoverAbandoned(dist);
    expect(listing(dist)).toEqual(['index.html: old home', 'only-old.txt: gone after the build', '河北省/index.html: old region']);
  });

  it('two abandoned previous sites and no dist: the later one is put back', () => {
    const parent = join(temp, 'two-previous');
    const [older, later] = [deadPid(), deadPid()];
    tree(join(parent, '.build-staging', `previous-${older}`), { 'index.html': 'older' });
    tree(join(parent, '.build-staging', `previous-${later}`), { 'index.html': 'later' });
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(parent, '.build-staging', `previous-${older}`), past, past);
    recoverAbandoned(join(parent, 'dist'));
    expect([listing(join(parent, 'dist')), readdirSync(join(parent, '.build-staging'))]).toEqual([['index.html: later'], []]);
  });
});
