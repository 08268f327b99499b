import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

/**
 * Issue 12: a record is validated and checked once, by the compile step.
 * What renders and exports the site must not be able to do it again: no
 * module the pages, components, layouts or output integrations import,
 * directly or through others, reaches the loader, the checks or the
 * compiler. (tests/checks/published-as-checked.test.ts counts the compiles
 * of real builds.)
 */

/** Imports that load a module when the importer runs: `import type` is erased and loads nothing. */
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|import\('([^']+)'\)/gm;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3]!;
    if (spec.startsWith('.')) found.push(resolve(dirname(file), spec));
  }
  return found;
}

function reachable(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (/\.(ts|astro|mdx)$/.test(file)) queue.push(...importsOf(file));
  }
  return seen;
}

const filesBelow = (dir: string) =>
  readdirSync(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|astro|mdx)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

describe('what renders the site', () => {
  const entries = [...filesBelow('src/pages'), ...filesBelow('src/components'), ...filesBelow('src/layouts'), ...['exports', 'pagefind'].map((name) => join(PROJECT_ROOT, 'integrations', `${name}.ts`))];
  const modules = [...reachable(entries)].map((file) => relative(PROJECT_ROOT, file).split('\\').join('/'));

  it('reads compiled filings and never loads, validates or checks a record', () => {
    expect(modules).toContain('src/lib/records/collection.ts');
    expect(modules.filter((m) => /^src\/lib\/(records\/(load-filing|read-record-file|load-all)|checks\/check-filing|compile\/(compile-|folder-snapshot))/.test(m))).toEqual([]);
  });
});
