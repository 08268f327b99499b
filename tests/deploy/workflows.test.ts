import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { SHARD_PART } from '../../src/lib/public-data/shard-part.ts';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');

/** A YAML file as data, failing on any syntax error or duplicate key. */
function yamlFile(path: string): Record<string, unknown> {
  const document = parseDocument(read(path), { uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) throw new Error(`${path}: ${document.errors.map((e) => e.message).join('; ')}`);
  return document.toJS() as Record<string, unknown>;
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
}

/** Rows of docs/deploy.md's table of CI steps: job, step, command. */
function documentedSteps(): string[][] {
  const docs = read('docs/deploy.md');
  const table = docs.slice(docs.indexOf('| job | step | command |'));
  const rows = table.split('\n').slice(2);
  const end = rows.findIndex((line) => !line.startsWith('|'));
  return rows.slice(0, end).map((line) =>
    line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim().replace(/^`|`$/g, '')),
  );
}

/** The commands .ci/run runs and the Debian packages it installs, from its text. */
function ciRun(): { packages: string[]; npm: string[] } {
  const text = read('.ci/run');
  const packages = [...text.matchAll(/needed\+=\(([a-z0-9-]+)\)/g)].map((m) => m[1]!);
  const npm = text
    .split('\n')
    .filter((line) => /^npm /.test(line))
    .map((line) => line.replace(/\s*<\/dev\/null$/, ''));
  return { packages, npm };
}

const STORE_PATH = 'node_modules/.cache/gongkai/';
const ASTRO_PATH = 'node_modules/.astro/';
/** The store's version is a digest of src/lib and the lock file (src/lib/compile/compiled-store.ts): a store of another version is of no use. */
const STORE_VERSION_KEY = "gongkai-compiled-${{ hashFiles('package-lock.json', 'src/lib/**') }}-";
const STORE_KEY = `${STORE_VERSION_KEY}\${{ hashFiles('content/**') }}`;
/** What the pages are made from: Astro's page cache needs a new key only when one of these changed. */
const PAGE_INPUTS = "${{ hashFiles('package-lock.json', 'astro.config.mjs', 'content/**', 'src/**', 'integrations/**', 'public/**') }}";

/** A step's commands as docs/deploy.md writes them: `apt-get update` goes without saying, the checkout's path is `…`. */
function command(run: string, checkout: string): string {
  return run
    .trim()
    .split('\n')
    .filter((line) => line !== 'apt-get update')
    .join('\n')
    .replace(checkout, '…');
}

describe('.github/workflows/portal.yml', () => {
  const workflow = yamlFile('.github/workflows/portal.yml');
  const jobs = workflow['jobs'] as Record<string, { container: string; steps: Step[] }>;

  it('has the jobs and steps docs/deploy.md lists, name for name, with its commands', () => {
    const steps = Object.entries(jobs).flatMap(([job, { steps }]) => steps.map((s) => [job, s.name ?? '', command(s.run ?? '', '"$GITHUB_WORKSPACE"')]));
    expect(steps).toEqual(documentedSteps());
  });

  it('runs in Debian, where chromium is a real browser', () => {
    expect(Object.values(jobs).map((j) => j.container)).toEqual(['node:22-bookworm', 'node:22-bookworm']);
  });

  it('restores and saves the compiled store under a key naming its version (src/lib, the lock file) and the content, saving it even after a failed check', () => {
    const steps = jobs['build']!.steps;
    const restore = steps.find((s) => s.name === 'Restore the compiled store')!;
    const save = steps.find((s) => s.name === 'Save the compiled store')!;
    expect([restore.uses, restore.with]).toEqual(['actions/cache/restore@v4', { path: STORE_PATH, key: STORE_KEY, 'restore-keys': `${STORE_VERSION_KEY}\n` }]);
    expect([save.uses, save.if, save.with]).toEqual(['actions/cache/save@v4', 'always()', { path: STORE_PATH, key: STORE_KEY }]);
  });

  it("restores Astro's page cache before the build and saves it only after a build that succeeded", () => {
    const steps = jobs['build']!.steps;
    const names = steps.map((s) => s.name);
    const restore = steps.find((s) => s.name === "Restore Astro's page cache")!;
    const save = steps.find((s) => s.name === "Save Astro's page cache")!;
    const key = `gongkai-astro-${PAGE_INPUTS}`;
    expect([restore.uses, restore.with]).toEqual(['actions/cache/restore@v4', { path: ASTRO_PATH, key, 'restore-keys': 'gongkai-astro-\n' }]);
    expect([save.uses, save.if, save.with]).toEqual(['actions/cache/save@v4', undefined, { path: ASTRO_PATH, key }]);
    expect(names.indexOf("Restore Astro's page cache")).toBeLessThan(names.indexOf('Build the portal'));
    expect(names.indexOf("Save Astro's page cache")).toBeGreaterThan(names.indexOf('Build the portal'));
  });

  it('uploads dist/, failing when there is nothing to upload', () => {
    const upload = jobs['build']!.steps.find((s) => s.name === 'Upload dist/')!;
    expect([upload.uses, upload.with]).toEqual(['actions/upload-artifact@v4', { name: 'portal-dist', path: 'dist/', 'if-no-files-found': 'error' }]);
  });

  it("test job does what .ci/run does: its packages (and nginx), npm install, then npm test", () => {
    const runs = jobs['test']!.steps.flatMap((s) => (s.run ? s.run.trim().split('\n') : []));
    const ci = ciRun();
    const install = runs.find((r) => r.startsWith('apt-get install -y '))!;
    expect(new Set(install.replace('apt-get install -y ', '').split(' '))).toEqual(new Set([...ci.packages, 'nginx']));
    expect(runs.filter((r) => r.startsWith('npm '))).toEqual(ci.npm);
    expect(ci.npm).toEqual(['npm install', 'npm test']);
  });
});

describe('.gitlab-ci.yml', () => {
  const pipeline = yamlFile('.gitlab-ci.yml');
  type Job = { script: string[]; cache?: Record<string, unknown>; artifacts?: Record<string, unknown> };
  const build = pipeline['build'] as Job;
  const test = pipeline['test'] as Job;

  it('runs in Debian and has the build and test jobs with the commands docs/deploy.md lists', () => {
    const commands = (job: string) =>
      documentedSteps()
        .filter(([j, , command]) => j === job && command !== '')
        .map(([, , command]) => command);
    const scripts = (job: Job) => job.script.map((line) => command(line, '"$CI_PROJECT_DIR"')).filter((line) => line !== '');
    expect([(pipeline['default'] as { image: string }).image, scripts(build), scripts(test)]).toEqual(['node:22-bookworm', commands('build'), commands('test')]);
  });

  it("keeps the compiled store per branch, starting from the default branch, after failures too; Astro's page cache after successes", () => {
    expect(build.cache).toEqual([
      { key: 'gongkai-compiled-$CI_COMMIT_REF_SLUG', fallback_keys: ['gongkai-compiled-$CI_DEFAULT_BRANCH'], paths: [STORE_PATH], when: 'always' },
      { key: 'gongkai-astro-$CI_COMMIT_REF_SLUG', fallback_keys: ['gongkai-astro-$CI_DEFAULT_BRANCH'], paths: [ASTRO_PATH], when: 'on_success' },
    ]);
  });

  it('keeps dist/ as the artifact of the build job', () => {
    expect(build.artifacts).toEqual({ name: 'portal-dist', paths: ['dist/'], expire_in: '30 days' });
  });

  it('test job installs what .ci/run installs (and nginx), then npm install, then npm test', () => {
    const ci = ciRun();
    const install = test.script.find((r) => r.startsWith('apt-get install -y '))!;
    expect(new Set(install.replace('apt-get install -y ', '').split(' '))).toEqual(new Set([...ci.packages, 'nginx']));
    expect(test.script.filter((r) => r.startsWith('npm '))).toEqual(ci.npm);
  });
});

/** The project's npm scripts, from package.json. */
const npmScripts = () => Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
/** Every `npm run <script>` a workflow file runs, by script name. */
const npmRuns = (path: string) => [...read(path).matchAll(/^\s*(?:-\s+)?(?:run:\s*)?npm run ([\w:-]+)/gm)].map((m) => m[1]!);
const SHARD_FILES = ['deploy/ci/github-shards.yml', 'deploy/ci/gitlab-shards.yml'];
/** The number of shards both files ship with, until docs/scale.md's measurements say otherwise. */
const SHIPPED_SHARDS = 8;

describe('deploy/ci/github-shards.yml', () => {
  const workflow = yamlFile('deploy/ci/github-shards.yml');
  type Job = { needs?: string; container: string; strategy?: { 'fail-fast': boolean; matrix: Record<string, unknown> }; steps: Step[] };
  const jobs = workflow['jobs'] as Record<string, Job>;
  const step = (job: string, name: string) => jobs[job]!.steps.find((s) => s.name === name)!;
  const matrix = jobs['shard']!.strategy!.matrix;
  const shards = matrix['shard'] as number[];

  it('checks, then builds the shards, then merges them, in Debian', () => {
    expect(Object.entries(jobs).map(([name, job]) => [name, job.needs, job.container])).toEqual([
      ['check', undefined, 'node:22-bookworm'],
      ['shard', 'check', 'node:22-bookworm'],
      ['merge', 'shard', 'node:22-bookworm'],
    ]);
  });

  it('runs shards 1 to K as its only matrix variable, so that strategy.job-total is K, and stops them all when one fails', () => {
    expect(Object.keys(matrix)).toEqual(['shard']);
    expect(shards).toEqual(Array.from({ length: SHIPPED_SHARDS }, (_, i) => i + 1));
    expect(jobs['shard']!.strategy!['fail-fast']).toBe(true);
  });

  it('builds shard k of K into shard-k, with K the number of jobs in the matrix', () => {
    expect(step('shard', 'Build the shard').run).toBe('npm run build -- --shard ${{ matrix.shard }}/${{ strategy.job-total }} --outDir shard-${{ matrix.shard }}');
  });

  it("uploads each shard's folder as its own artifact, with the hidden part file the merge reads", () => {
    expect(SHARD_PART.startsWith('.')).toBe(true);
    expect([step('shard', 'Upload the shard').uses, step('shard', 'Upload the shard').with]).toEqual([
      'actions/upload-artifact@v4',
      { name: 'shard-${{ matrix.shard }}', path: 'shard-${{ matrix.shard }}/', 'include-hidden-files': true, 'if-no-files-found': 'error', 'retention-days': 1 },
    ]);
  });

  it('saves the compiled store in the check job only, even after a failed check; every shard restores that key, read only', () => {
    const saves = Object.entries(jobs).flatMap(([job, { steps }]) => steps.filter((s) => s.uses === 'actions/cache/save@v4' && s.with?.['path'] === STORE_PATH).map((s) => [job, s.if, s.with?.['key']]));
    expect(saves).toEqual([['check', 'always()', STORE_KEY]]);
    const restore = { path: STORE_PATH, key: STORE_KEY, 'restore-keys': `${STORE_VERSION_KEY}\n` };
    expect([step('check', 'Restore the compiled store').with, step('shard', 'Restore the compiled store').with]).toEqual([restore, restore]);
    const names = jobs['check']!.steps.map((s) => s.name);
    expect(names.indexOf('Check every filing')).toBeLessThan(names.indexOf('Save the compiled store'));
  });

  it("keeps each shard's Astro page cache under a key naming the shard and K, saved after a build that succeeded", () => {
    const shard = 'gongkai-astro-${{ matrix.shard }}-of-${{ strategy.job-total }}-';
    expect(step('shard', "Restore Astro's page cache").with).toEqual({ path: ASTRO_PATH, key: `${shard}${PAGE_INPUTS}`, 'restore-keys': `${shard}\n` });
    expect([step('shard', "Save Astro's page cache").if, step('shard', "Save Astro's page cache").with]).toEqual([undefined, { path: ASTRO_PATH, key: `${shard}${PAGE_INPUTS}` }]);
  });

  it('shards and only shards fetch the whole history and trust the checkout, for the feed dates', () => {
    const history = Object.entries(jobs).map(([job, { steps }]) => [job, steps[0]!.with?.['fetch-depth'], steps.some((s) => s.name === 'Trust the checkout')]);
    expect(history).toEqual([
      ['check', undefined, false],
      ['shard', 0, true],
      ['merge', undefined, false],
    ]);
  });

  it('downloads every shard-k artifact into a folder of its name and merges every one of them into dist/, then uploads dist/', () => {
    const download = step('merge', 'Download the shards');
    expect([download.uses, download.with]).toEqual(['actions/download-artifact@v4', { pattern: 'shard-*' }]);
    const merge = step('merge', 'Merge the shards').run!;
    expect(merge).toBe('npm run merge -- --outDir dist shard-*');
    // The folders the download makes, each artifact's name, and the ones the merge's glob takes: every shard's.
    const glob = new RegExp(`^${merge.split(' ').at(-1)!.replace('*', '.*')}$`);
    const folders = shards.map((k) => `shard-${k}`);
    expect(folders.filter((f) => glob.test(f))).toEqual(folders);
    expect(step('merge', 'Upload dist/').with).toEqual({ name: 'portal-dist', path: 'dist/', 'if-no-files-found': 'error' });
  });
});

describe('deploy/ci/gitlab-shards.yml', () => {
  const pipeline = yamlFile('deploy/ci/gitlab-shards.yml');
  type Job = { stage: string; needs?: string[]; parallel?: number; script: string[]; cache?: unknown; artifacts?: Record<string, unknown> };
  const job = (name: string) => pipeline[name] as Job;

  it('checks, then builds K shards, then merges them, in Debian with the whole history', () => {
    expect([(pipeline['default'] as { image: string }).image, (pipeline['variables'] as Record<string, unknown>)['GIT_DEPTH'], pipeline['stages']]).toEqual(['node:22-bookworm', 0, ['check', 'build', 'merge']]);
    expect(['check', 'shard', 'merge'].map((name) => [name, job(name).stage, job(name).needs])).toEqual([
      ['check', 'check', undefined],
      ['shard', 'build', ['check']],
      ['merge', 'merge', ['shard']],
    ]);
  });

  it('runs K copies of the shard job, each building shard CI_NODE_INDEX of CI_NODE_TOTAL (which GitLab sets to parallel) into its own artifact', () => {
    const shard = job('shard');
    expect(shard.parallel).toBe(SHIPPED_SHARDS);
    expect(shard.script).toEqual([
      'git config --global --add safe.directory "$CI_PROJECT_DIR"',
      'npm install',
      'npm run build -- --shard $CI_NODE_INDEX/$CI_NODE_TOTAL --outDir shard-$CI_NODE_INDEX',
    ]);
    expect(shard.artifacts).toEqual({ name: 'shard-$CI_NODE_INDEX', paths: ['shard-$CI_NODE_INDEX/'], expire_in: '1 day' });
  });

  it("pushes the compiled store from the check job only, after failures too; the shards pull it and keep their own Astro page caches", () => {
    const store = { key: 'gongkai-compiled-$CI_COMMIT_REF_SLUG', fallback_keys: ['gongkai-compiled-$CI_DEFAULT_BRANCH'], paths: [STORE_PATH] };
    expect(job('check').cache).toEqual({ ...store, when: 'always' });
    expect(job('check').script).toEqual(['npm install', 'npm run check']);
    expect(job('shard').cache).toEqual([
      { ...store, policy: 'pull' },
      {
        key: 'gongkai-astro-$CI_NODE_INDEX-of-$CI_NODE_TOTAL-$CI_COMMIT_REF_SLUG',
        fallback_keys: ['gongkai-astro-$CI_NODE_INDEX-of-$CI_NODE_TOTAL-$CI_DEFAULT_BRANCH'],
        paths: [ASTRO_PATH],
        when: 'on_success',
      },
    ]);
    expect(job('merge').cache).toBeUndefined();
  });

  it('merges every shard the parallel job left into dist/ and keeps it', () => {
    expect(job('merge').script).toEqual(['npm install', 'npm run merge -- --outDir dist shard-*']);
    expect(job('merge').artifacts).toEqual({ name: 'portal-dist', paths: ['dist/'], expire_in: '30 days' });
  });
});

describe('the CI files', () => {
  it('run only npm scripts the project has, and the sharded ones exactly check, build and merge', () => {
    const files = ['.github/workflows/portal.yml', '.gitlab-ci.yml', ...SHARD_FILES];
    const scripts = npmScripts();
    expect(files.flatMap(npmRuns).filter((name) => !scripts.includes(name))).toEqual([]);
    expect(SHARD_FILES.map(npmRuns)).toEqual([
      ['check', 'build', 'merge'],
      ['check', 'build', 'merge'],
    ]);
  });

});

describe('install advice', () => {
  it('nowhere says npm ci is the way to install, as .ci/run says it fails on the lock file', () => {
    const files = ['.github/workflows/portal.yml', '.gitlab-ci.yml', ...SHARD_FILES];
    const commands = files.flatMap((f) => read(f).split('\n').filter((line) => /^\s*(?:-\s+)?(?:run:\s*)?npm ci\b/.test(line)));
    expect(commands).toEqual([]);
    const readme = read('README.md');
    const advice = readme.slice(readme.indexOf('In CI, keep `node_modules/.cache/gongkai/`'));
    expect(advice.split('\n\n')[0]).not.toMatch(/restore it after `npm ci`/);
    expect(advice.split('\n\n')[0]).toContain('`npm install`');
  });
});
