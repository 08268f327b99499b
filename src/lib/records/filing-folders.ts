import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { FILING_FILE } from './schema/filing.ts';
import type { Problem } from './record-error.ts';
import { specialFileKind } from './read-record-file.ts';

/**
 * Every folder below `contentRoot` that holds a filing.yaml, sorted for
 * stable output, and a problem for whatever would otherwise vanish from the
 * portal without a word: a folder with files but no filing.yaml (a
 * `filing.yml`, a declaration deleted by mistake), and a symbolic link,
 * which is not followed (it could lead anywhere on the machine).
 */
export function findFilingFolders(root: string, contentRoot: string): { dirs: string[]; problems: Problem[] } {
  const dirs: string[] = [];
  const problems: Problem[] = [];
  const path = (dir: string, name: string) => relative(root, join(dir, name)).split(sep).join('/');
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
    if (entries.some((e) => e.isFile() && e.name === FILING_FILE)) {
      dirs.push(dir);
      for (const sub of entries.filter((e) => e.isDirectory())) nestedFilings(join(dir, sub.name), dir);
      return;
    }
    for (const link of entries.filter((e) => e.isSymbolicLink())) {
      problems.push({ file: path(dir, link.name), message: 'expected a folder or file of the content tree, found a symbolic link: it is not followed, and any filing behind it is not read' });
    }
    // issue 13, class 10: a named pipe or a device is named, never opened (reading one could wait forever).
    for (const special of entries.filter((e) => !e.isFile() && !e.isDirectory() && !e.isSymbolicLink())) {
      problems.push({ file: path(dir, special.name), message: `expected a folder or file of the content tree, found ${specialFileKind(special)}: it is not read` });
    }
    const files = entries.filter((e) => e.isFile());
    const misnamed = files.find((e) => /^filing\./i.test(e.name));
    if (files.length > 0 || entries.some((e) => e.isDirectory() && e.name === 'tables')) {
      problems.push({
        file: path(dir, misnamed?.name ?? FILING_FILE),
        message: misnamed
          ? `expected the filing declaration in a file named ${FILING_FILE}, found ${misnamed.name}: the filing is not read until it is renamed`
          : `the folder holds ${files.length > 0 ? `files (${files.map((e) => e.name).slice(0, 3).join(', ')}${files.length > 3 ? ' …' : ''})` : "a filing's tables"} but no ${FILING_FILE}: a filing is not read without it`,
      });
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) walk(join(dir, entry.name));
  };
  // issue 13, class 9: a filing folder inside another was never read, and nothing said so.
  const nestedFilings = (dir: string, filing: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name === FILING_FILE) {
        problems.push({ file: path(dir, entry.name), message: `expected a filing in a folder of its own, found one inside the filing ${relative(root, filing).split(sep).join('/')}: it is not read; move it to its own region/department/year folder` });
      } else if (entry.isDirectory() && !entry.name.startsWith('.')) nestedFilings(join(dir, entry.name), filing);
    }
  };
  walk(contentRoot);
  return { dirs: dirs.sort(), problems };
}
