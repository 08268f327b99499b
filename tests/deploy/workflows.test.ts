import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

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
  with?: Record<string, string>;
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

const CACHE_PATH = 'node_modules/.cache/gongkai/';

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

  it('restores and saves the check cache under one key naming the lock file and the content, saving it even after a failed check', () => {
    const steps = jobs['build']!.steps;
    const restore = steps.find((s) => s.name === 'Restore the check cache')!;
    const save = steps.find((s) => s.name === 'Save the check cache')!;
    const key = "gongkai-checks-${{ hashFiles('package-lock.json') }}-${{ hashFiles('content/**', 'src/lib/records/**', 'src/lib/checks/**') }}";
    expect([restore.uses, restore.with]).toEqual([
      'actions/cache/restore@v4',
      { path: CACHE_PATH, key, 'restore-keys': "gongkai-checks-${{ hashFiles('package-lock.json') }}-\ngongkai-checks-\n" },
    ]);
    expect([save.uses, save.if, save.with]).toEqual(['actions/cache/save@v4', 'always()', { path: CACHE_PATH, key }]);
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

  it('keeps the check cache per branch, starting from the default branch, after failures too', () => {
    expect(build.cache).toEqual({
      key: 'gongkai-checks-$CI_COMMIT_REF_SLUG',
      fallback_keys: ['gongkai-checks-$CI_DEFAULT_BRANCH'],
      paths: [CACHE_PATH],
      when: 'always',
    });
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

describe('install advice', () => {
  it('nowhere says npm ci is the way to install, as .ci/run says it fails on the lock file', () => {
    const files = ['.github/workflows/portal.yml', '.gitlab-ci.yml'];
    const commands = files.flatMap((f) => read(f).split('\n').filter((line) => /^\s*(?:-\s+)?(?:run:\s*)?npm ci\b/.test(line)));
    expect(commands).toEqual([]);
    const readme = read('README.md');
    const advice = readme.slice(readme.indexOf('In CI, keep `node_modules/.cache/gongkai/`'));
    expect(advice.split('\n\n')[0]).not.toMatch(/restore it after `npm ci`/);
    expect(advice.split('\n\n')[0]).toContain('`npm install`');
  });
});
