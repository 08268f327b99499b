import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTree } from '../../scripts/remove-tree.ts';

const temp = mkdtempSync(join(tmpdir(), 'gongkai-remove-tree-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('removing a replaced site', () => {
  it('removes every file and folder below it, and no file a link in it points to', () => {
    const site = join(temp, 'site');
    mkdirSync(join(site, '河北省', '廊坊市', '2020年'), { recursive: true });
    writeFileSync(join(site, 'index.html'), 'home');
    writeFileSync(join(site, '河北省', '廊坊市', '2020年', 'index.html'), 'year');
    writeFileSync(join(temp, 'outside.txt'), 'kept');
    symlinkSync(join(temp, 'outside.txt'), join(site, 'link.txt'));
    symlinkSync(temp, join(site, '河北省', 'folder-link'));
    removeTree(site);
    expect(existsSync(site)).toBe(false);
    expect(readFileSync(join(temp, 'outside.txt'), 'utf8')).toBe('kept');
  });

  it('does nothing for a folder that is not there', () => {
    expect(() => removeTree(join(temp, 'missing'))).not.toThrow();
  });
});
