import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import type { CompiledStore } from '../../src/lib/compile/compiled-store.ts';
import type { SearchDocument } from '../../src/lib/search/documents.ts';
import { documentSearch } from '../../src/lib/search/filing-search.ts';
import { readIndexState, writeIndexState } from '../../src/lib/search/index-state.ts';
import { FIELD } from '../../src/lib/search/layout.ts';
import { writeSearchIndex } from '../../src/lib/search/write-index.ts';

const temp = mkdtempSync(join(tmpdir(), 'gongkai-write-index-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A filing page of `rows` labels and a paragraph: enough keys for a few hundred of them, in many buckets. */
function page(id: string, department: string, rows: readonly string[], text: string): SearchDocument {
  return {
    id,
    title: `${department}2024年部门预算`,
    region: ['河北省', '甲县'],
    department,
    year: 2024,
    kind: '预算',
    units: [
      { anchor: '', blocks: [{ field: FIELD.title, text: `${department}2024年部门预算` }] },
      ...rows.map((row, i) => ({ anchor: `table-${i}`, blocks: [{ field: FIELD.label, text: row }] })),
      { anchor: 'section-a', blocks: [{ field: FIELD.text, text }] },
    ],
  };
}

const ROWS = ['工资福利支出', '商品和服务支出', '办公费', '印刷费', '水电费', '邮电费', '差旅费', '维修（护）费', '会议费', '培训费', '公务接待费', '劳务费'];
const PHRASES = ['开展劳务派遣', '完成年度目标', '推进项目建设', '保障基本运转', '加强预算管理', '落实过紧日子要求', '压减一般性支出', '提高资金使用效益'];
/** 300 pages, each with its own figures and phrases: a few dozen buckets, so that one page's change leaves most of them as they were. */
const pages = Array.from({ length: 300 }, (_, i) =>
  page(
    `河北省/甲县/${String(i).padStart(3, '0')}-局/2024-预算`,
    `甲县第${i}局`,
    ROWS.slice(i % 5, 6 + (i % 7)),
    Array.from({ length: 6 }, (_, k) => `${PHRASES[(i + k * 3) % PHRASES.length]}，支出${1000 + i * 37 + k * 11}.5万元`).join('；'),
  ),
);
/** A store holding the search part of each page under a hash of its own. */
const parts = new Map<string, Uint8Array>();
const headOf = (doc: SearchDocument, version = 1) => {
  const hash = `${doc.id}#${version}`;
  parts.set(hash, serialize(documentSearch(doc)));
  return { id: doc.id, hash };
};
const store = { search: (hash: string) => Buffer.from(parts.get(hash)!) } as unknown as CompiledStore;

const files = (dir: string) =>
  readdirSync(join(dir, 'search', 'data'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(join(dir, 'search', 'data').length + 1))
    .sort();
const bytesOf = (dir: string) => files(dir).map((path) => [path, readFileSync(join(dir, 'search', 'data', path)).toString('base64')]);

describe('writing the search index after one filing changed', () => {
  const before = pages.map((doc) => headOf(doc));
  // One sentence more at the end of its text.
  const edited = page(pages[7]!.id, '甲县第7局', ROWS.slice(2, 6), `${(pages[7]!.units.at(-1)!.blocks[0]!.text)}另有说明。`);
  const after = before.map((head, i) => (i === 7 ? headOf(edited, 2) : head));

  const first = writeSearchIndex(join(temp, 'first'), store, before);
  const stateFile = join(temp, 'state');
  writeIndexState(stateFile, first.state);
  const state = readIndexState(stateFile)!;
  const changed = writeSearchIndex(join(temp, 'changed'), store, after, { site: join(temp, 'first'), digests: new Map(Object.entries(first.digests)), state });
  const scratch = writeSearchIndex(join(temp, 'scratch'), store, after);

  it('reads back the state it wrote', () => {
    expect(state).toEqual(first.state);
  });

  it('reads only the changed filing’s parts, writes again only the lists they touch, and gives the index made from scratch', () => {
    expect([first.partsRead, changed.partsRead, scratch.partsRead]).toEqual([300, 2, 300]);
    expect(changed.listsRewritten).toBeGreaterThan(0);
    expect(changed.listsRewritten).toBeLessThan(changed.lists / 2);
    expect(bytesOf(join(temp, 'changed'))).toEqual(bytesOf(join(temp, 'scratch')));
    expect(changed.digests).toEqual(scratch.digests);
  });

  it('links every other file from the replaced index: its buckets without a touched key are the same files', () => {
    const linked = files(join(temp, 'changed')).filter((path) => statSync(join(temp, 'changed', 'search', 'data', path)).ino === statSync(join(temp, 'first', 'search', 'data', path), { throwIfNoEntry: false })?.ino);
    expect(changed.linked).toBe(linked.length);
    const buckets = files(join(temp, 'first')).filter((path) => path.startsWith('b/')).length;
    // Most buckets hold none of the keys the added sentence touched.
    expect(linked.filter((path) => path.startsWith('b/')).length).toBeGreaterThan(buckets / 2);
    expect(linked.filter((path) => path.startsWith('b/')).length).toBeLessThan(buckets);
    // Its page's fragments are new (its text grew); the other pages' fragments are the replaced index's.
    const others = files(join(temp, 'first')).filter((path) => path.startsWith('f/') && !/^f\/(2[89]|3[01])\.bin$/.test(path));
    expect(linked.filter((path) => path.startsWith('f/'))).toEqual(others);
  });
});
