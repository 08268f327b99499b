import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/lib/records/paths.ts';

/** What a build of the project needs from the working tree. */
// The site configuration, not the filings: a copy builds whatever content tree it is pointed at.
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'integrations', 'public', 'scripts', 'content/site.yaml'];

/**
 * Copy the project into `into` for a build that must not share the working
 * tree's caches (benchmarks start cold; tests run beside other builds).
 * node_modules is linked entry by entry so the copy keeps its own
 * `.astro`, `.vite` and `.cache`.
 */
export function copyProject(into: string): void {
  for (const name of PROJECT_FILES) {
    const from = join(PROJECT_ROOT, name);
    if (existsSync(from)) cpSync(from, join(into, name), { recursive: true });
  }
  const modules = join(into, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    symlinkSync(join(PROJECT_ROOT, 'node_modules', entry), join(modules, entry));
  }
}
