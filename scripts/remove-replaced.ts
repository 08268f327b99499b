/**
 * `node --import tsx scripts/remove-replaced.ts <folder>`: removes the site a
 * build replaced, started by the build (scripts/atomic-dist.ts), which does
 * not wait for it. The folder is first renamed `removing-<this pid>` beside
 * it, so that a later build leaves it alone while this runs and removes what
 * is left if this stopped; gone already (a later build took it), nothing to do.
 */
import { renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { removeTree } from './remove-tree.ts';

const { positionals } = parseArgs({ strict: true, allowPositionals: true, options: {} });
if (positionals.length !== 1) {
  console.error('usage: remove-replaced.ts <folder>');
  process.exit(2);
}
const folder = positionals[0]!;
const mine = join(dirname(folder), `removing-${process.pid}`);
try {
  renameSync(folder, mine);
} catch {
  process.exit(0);
}
removeTree(mine);
