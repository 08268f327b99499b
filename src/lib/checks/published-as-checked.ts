import { relative, sep } from 'node:path';
import { findFilingFolders } from '../records/filing-folders.ts';
import { FolderStamps } from './folder-stamps.ts';

/**
 * The filing folders whose contents are no longer what the checks read
 * (`checked`: the stamps of the check run, folder-stamps.ts): changed,
 * added or removed since. The pages read the records again as they render,
 * so a build asks this after rendering and publishes nothing when any
 * folder is named: its pages could show figures no check saw. Folders are
 * given relative to `root` with `/`, sorted.
 */
export async function changedSinceChecked(root: string, contentRoot: string, checked: ReadonlyMap<string, string>): Promise<string[]> {
  const stamps = await FolderStamps.of(contentRoot);
  const { dirs } = findFilingFolders(root, contentRoot);
  const now = new Set(dirs);
  const changed = dirs.filter((dir) => checked.get(dir) !== stamps.stamp(dir));
  const removed = [...checked.keys()].filter((dir) => !now.has(dir));
  return [...changed, ...removed].map((dir) => relative(root, dir).split(sep).join('/')).sort();
}
