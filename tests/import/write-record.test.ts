import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/lib/import/import-document.ts';
import { writeRecord } from '../../src/lib/import/write-record.ts';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import { sourceOf } from './records-from-sources.ts';

describe('writing a record', async () => {
  const { sourceFile, bytes } = sourceOf('funing-hrss-2020-performance.txt');
  const result = await importDocument({ file: sourceFile, bytes });

  it('writes a record that loads without problems under another content root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-write-'));
    writeRecord(root, result);
    const loaded = loadAllFilings(root, root);
    expect(loaded.problems).toEqual([]);
    expect(loaded.filings.map((f) => f.projectList.length)).toEqual([9]);
  });

  it('replaces what an earlier import wrote but keeps a reviewer’s acknowledgments.yaml', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-write-'));
    const dir = writeRecord(root, result);
    writeFileSync(join(dir, 'acknowledgments.yaml'), '- { rule: r, at: x, note: kept }\n');
    writeFileSync(join(dir, 'sections', 'stale.md'), 'from an earlier import\n');
    writeRecord(root, result, { replace: true });
    expect(existsSync(join(dir, 'sections', 'stale.md'))).toBe(false);
    expect(readFileSync(join(dir, 'acknowledgments.yaml'), 'utf8')).toBe('- { rule: r, at: x, note: kept }\n');
  });
});
