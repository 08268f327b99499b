import { describe, expect, it, vi } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { indexFiles } from '../../src/lib/search/build-index.ts';
import type { SearchDocument } from '../../src/lib/search/documents.ts';
import { SearchIndex } from '../../src/lib/search/engine.ts';
import { decodeKeySet } from '../../src/lib/search/key-set.ts';
import { SearchRun } from '../../src/lib/search/search-run.ts';
import { documentSearch } from '../../src/lib/search/filing-search.ts';
import { FIELD } from '../../src/lib/search/layout.ts';
import { wordFigures } from '../../src/lib/search/grams.ts';
import { UNCHANGED, excerpt, findWord } from '../../src/lib/search/match.ts';
import { place, type Fragment } from '../../src/lib/search/fragment-check.ts';
import { normalise, queryWords } from '../../src/lib/search/normalise.ts';
import { encodePostings, unpackPostings } from '../../src/lib/search/postings.ts';
import { changeLists, type IndexChange } from '../../src/lib/search/index-state.ts';
import { encodeLists, sortById } from '../../src/lib/search/build-index.ts';

/** A filing page with a title block and the given units. */
function doc(id: string, department: string, units: [anchor: string, field: number, text: string][]): SearchDocument {
  return {
    id,
    title: `${department}2024年部门预算`,
    region: ['河北省', '甲县'],
    department,
    year: 2024,
    kind: '预算',
    units: [
      { anchor: '', blocks: [{ field: FIELD.title, text: `${department}2024年部门预算` }, { field: FIELD.title, text: department }] },
      ...units.map(([anchor, field, text]) => ({ anchor, blocks: [{ field: field as 1 | 2 | 4, text }] })),
    ],
  };
}

const DOCS = [
  doc('河北省/甲县/1-财政局/2024-预算', '甲县财政局', [['table-a', FIELD.label, '劳务费'], ['table-a', FIELD.text, '24487.92'], ['table-a', FIELD.text, '2080505']]),
  // Every n-gram of 劳务费 is here (劳务, 务费 … in 劳务派遣 and 服务费), never the word: only the check of the text rejects it.
  doc('河北省/甲县/2-教育局/2024-预算', '甲县教育局', [['section-x', FIELD.text, '劳务派遣和劳务费用'], ['table-b', FIELD.text, '124487.92'], ['table-b', FIELD.text, '20805']]),
  doc('河北省/甲县/3-人社局/2024-预算', '甲县人社局', [['section-y', FIELD.text, '支付甲县财政局代管的培训费'], ['table-c', FIELD.label, '培训费']]),
  doc('河北省/甲县/4-卫健委/2024-预算', '甲县卫健委', [['section-z', FIELD.text, '劳务派遣，服务费']]),
];

async function open(docs: readonly SearchDocument[], loaded: string[] = []): Promise<SearchIndex> {
  const files = indexFiles(docs.map(documentSearch));
  const encoder = new TextEncoder();
  return SearchIndex.open(async (path) => {
    loaded.push(path);
    const file = files.get(path);
    if (file === undefined) throw new Error(`no file ${path}`);
    // Fragments are written gzipped; the page unzips them (search-ui.ts).
    if (path.startsWith('f/')) return gunzipSync(file as Uint8Array);
    return typeof file === 'string' ? encoder.encode(file) : file;
  });
}

async function ids(index: SearchIndex, query: string): Promise<string[]> {
  const run = await SearchRun.start(index, query);
  return (await run.next(10)).map((hit) => hit.fragment.id);
}

describe('the site search over its own index', () => {
  it('finds Chinese text as an exact substring: a page with every n-gram of the word apart is a candidate the check of its text rejects', async () => {
    const index = await open(DOCS);
    const run = await SearchRun.start(index, '劳务费');
    expect(run.candidates.slice().map((c) => c.doc)).toEqual([0, 1]);
    const hits = await run.next(10);
    expect(hits.map((h) => h.fragment.id)).toEqual(['河北省/甲县/1-财政局/2024-预算', '河北省/甲县/2-教育局/2024-预算']);
    expect(await ids(index, '务费用')).toEqual(['河北省/甲县/2-教育局/2024-预算']);
    // Checked in one batch, shown one at a time: the page not yet shown is still pending, not lost.
    const one = await SearchRun.start(index, '劳务费');
    expect((await one.next(1)).map((h) => h.doc)).toEqual([0]);
    expect(one.pending).toEqual([1]);
    expect(await ids(index, '派遣服务')).toEqual([]);
  });

  it('finds figures as whole tokens, with or without thousands separators', async () => {
    const index = await open(DOCS);
    expect(await ids(index, '24487.92')).toEqual(['河北省/甲县/1-财政局/2024-预算']);
    expect(await ids(index, '24,487.92')).toEqual(['河北省/甲县/1-财政局/2024-预算']);
    expect(await ids(index, '124487.92')).toEqual(['河北省/甲县/2-教育局/2024-预算']);
    expect(await ids(index, '2080505')).toEqual(['河北省/甲县/1-财政局/2024-预算']);
    expect(await ids(index, '20805')).toEqual(['河北省/甲县/2-教育局/2024-预算']);
  });

  it('needs every word of a query separated by spaces', async () => {
    const index = await open(DOCS);
    expect(await ids(index, '劳务派遣 服务费')).toEqual(['河北省/甲县/4-卫健委/2024-预算']);
    expect(await ids(index, '劳务派遣　劳务费')).toEqual(['河北省/甲县/2-教育局/2024-预算']);
  });

  it("ranks the department's own page first for its exact name, before a page that names it in its text", async () => {
    const index = await open(DOCS);
    expect(await ids(index, '甲县财政局')).toEqual(['河北省/甲县/1-财政局/2024-预算', '河北省/甲县/3-人社局/2024-预算']);
    expect(await ids(index, '培训费')).toEqual(['河北省/甲县/3-人社局/2024-预算']);
  });

  it('links a hit to the part that holds it, with the whole term marked in the excerpt', async () => {
    const index = await open(DOCS);
    const [hit] = await (await SearchRun.start(index, '24,487.92')).next(1);
    expect(hit?.anchor).toBe('table-a');
    expect(hit?.excerpt).toEqual([{ text: '24487.92', marked: true }]);
  });

  it('finds nothing for a word on no page, and suggests the closest terms', async () => {
    const index = await open(DOCS);
    expect(await ids(index, '劳务派遣费')).toEqual([]);
    expect(await index.suggestions('培训经费')).toEqual(['培训费']);
    expect(await index.suggestions('财政')).toEqual(['甲县财政局']);
  });
});

describe('groups of units', () => {
  // The title's unit (19 characters) and eight units of 30: the i-th of the eight starts at 19 + 30i of 259, in group ⌊4(19 + 30i) / 259⌋ = ⌊i / 2⌋.
  const filler = '一二三四五六七八九十'.repeat(3);
  const grouped = (id: string, texts: string[]) =>
    doc(id, '乙县民政局', texts.map((text, i) => [`section-${i}`, FIELD.text, `${text}${filler}`.slice(0, 30)] as [string, number, string]));
  const name = '县级民政婚姻登记服务经费（三期）';
  const PAGES = [
    // Every n-gram of the name, but in two groups (0 and 2): not a candidate.
    grouped('河北省/乙县/1-民政局/2024-预算', ['甲', '县级民政婚姻登记服务经费（二期）', '乙', '丙', '丁', '交通经费（三期）', '戊', '己']),
    // Every 3-gram of the name in one unit, never the name, nor its 12-gram 婚姻登记服务经费（三期）: a long word is looked up by its 12-grams.
    grouped('河北省/乙县/2-民政局/2024-预算', ['甲', '乙', '丙', '丁', '戊', '己', '庚', '县级民政婚姻登记服务经费（二期）交通经费（三期）']),
    grouped('河北省/乙县/3-民政局/2024-预算', ['甲', '乙', '丙', `${name}`, '丁', '戊', '己', '庚']),
  ];

  it('makes a page a candidate only when one group holds every key of a word (a long word\'s 6- or 12-grams), and checks it against that group alone', async () => {
    const loaded: string[] = [];
    const index = await open(PAGES, loaded);
    const run = await SearchRun.start(index, name);
    expect(run.candidates.slice()).toEqual([{ doc: 2, bound: 1, groups: 1 << 1, bounds: [1], first: 1 << 1, whole: false }]);
    const hits = await run.next(10);
    expect(hits.map((h) => [h.fragment.id, h.anchor])).toEqual([['河北省/乙县/3-民政局/2024-预算', 'section-3']]);
    expect(loaded.filter((path) => path.startsWith('f/')).sort()).toEqual(['f/9.bin']);
    // A word of six by its 6-grams (page 1's last group holds each 3-gram of 服务经费（三, not the word), a word of five by its 3-grams:
    // page 1's last group holds them all, apart, and its check rejects it.
    const short = await SearchRun.start(index, '服务经费（三');
    expect(short.candidates.slice().map((c) => c.doc)).toEqual([2]);
    const five = await SearchRun.start(index, '务经费（三');
    expect(five.candidates.slice().map((c) => [c.doc, c.groups])).toEqual([
      [1, 1 << 3],
      [2, 1 << 1],
    ]);
    expect((await five.next(10)).map((h) => h.doc)).toEqual([2]);
    expect(five.rejected).toBe(1);
  });

  it('makes a page holding a word with a figure in it a candidate only when the group holds that figure whole, as a match needs', async () => {
    const pages = [
      doc('河北省/丙县/1-财政局/2024-预算', '丙县财政局', [['section-1', FIELD.text, '安排资金291.00万元，较上年增加']]),
      doc('河北省/丙县/2-民政局/2024-预算', '丙县民政局', [['section-2', FIELD.text, '安排资金91.00万元，较上年增加']]),
      doc('河北省/丙县/3-教育局/2024-预算', '丙县教育局', [['section-3', FIELD.text, '结余1.91.00万元']]),
    ];
    const index = await open(pages);
    // Every 6-gram of 91.00万元 is on the first and third pages; the figure 91.00 is on the second alone.
    expect((await SearchRun.start(index, '91.00万元')).candidates.slice().map((c) => c.doc)).toEqual([1]);
    expect(await ids(index, '91.00万元')).toEqual(['河北省/丙县/2-民政局/2024-预算']);
    // A figure the word does not bound (.91万: a page may print 3.91万) adds no key: the three pages stay candidates.
    expect((await SearchRun.start(index, '.00万元')).candidates.slice().map((c) => c.doc)).toEqual([0, 1, 2]);
    expect(wordFigures('91.00万元')).toEqual(['91.00']);
    expect(wordFigures('共计91.00万元，第1.5期')).toEqual(['91.00', '1.5']);
    expect(wordFigures('.91万')).toEqual([]);
    expect(wordFigures('万元91.')).toEqual([]);
    expect(wordFigures('万元91')).toEqual(['91']);
  });

  it('looks a word of 12 or more up by its 12-grams, past a run of 6 that two names share', async () => {
    const index = await open([
      // Every 6-gram of the name (退役军人事务 is in both), not its first 12-gram.
      doc('河北省/乙县/4-退役军人事务局/2024-预算', '乙县退役军人事务局', [['project-1', FIELD.label, '年度退役军人事务优抚对象'], ['project-2', FIELD.label, '专项退役军人事务烈士纪念设施']]),
      doc('河北省/乙县/5-退役军人事务局/2024-预算', '乙县退役军人事务局', [['project-1', FIELD.label, '年度退役军人事务烈士纪念设施（二期）']]),
    ]);
    const run = await SearchRun.start(index, '年度退役军人事务烈士纪念设施');
    expect(run.candidates.slice().map((c) => c.doc)).toEqual([1]);
    expect((await run.next(10)).map((h) => [h.fragment.id, h.anchor])).toEqual([['河北省/乙县/5-退役军人事务局/2024-预算', 'project-1']]);
  });

  it.each([
    // 21 characters shared (城市管理…资金（): every 12-gram of the 28 is in one of the two, not its 24-grams that start in 市级补助 and end in 七期.
    ['24', '市级补助城市管理综合行政执法垃圾清运处置经费资金（七期）', '市级补助城市管理综合行政执法垃圾清运处置经费资金（三期）', '县级城市管理综合行政执法垃圾清运处置经费资金（七期）'],
    // 16 shared (人大常委会…资金（): every 12-gram of the 20 is in one of the two, not its 18-grams.
    ['18', '年度人大常委会人大代表活动经费资金（八期）', '年度人大常委会人大代表活动经费资金（三期）', '县级人大常委会人大代表活动经费资金（八期）'],
  ])('looks a long name up by its %s-grams, past two names in one group that share its middle', async (_, name, first, second) => {
    const index = await open([
      // Both names in one unit, so in one group.
      { ...doc('河北省/乙县/8-城市管理局/2024-预算', '乙县城市管理局', []), units: [{ anchor: 'projects', blocks: [first, second].map((text) => ({ field: FIELD.label, text })) }] },
      doc('河北省/乙县/9-城市管理局/2024-预算', '乙县城市管理局', [['project-1', FIELD.text, `其中${name}资金安排如下`]]),
    ]);
    const twelve = (text: string) => new Set([...text].flatMap((_, i) => (i + 12 <= [...text].length ? [[...text].slice(i, i + 12).join('')] : [])));
    // The group of the first page holds every 12-gram of the name, so only the longer keys keep it from being a candidate.
    expect([...twelve(name)].filter((gram) => !first.includes(gram) && !second.includes(gram))).toEqual([]);
    const run = await SearchRun.start(index, name);
    expect(run.candidates.slice().map((c) => c.doc)).toEqual([1]);
    expect((await run.next(10)).map((h) => [h.fragment.id, h.anchor])).toEqual([['河北省/乙县/9-城市管理局/2024-预算', 'project-1']]);
  });

  it('checks first the pages that hold a long word as a whole block, past pages whose group holds its every 12-gram in two other names', async () => {
    const loaded: string[] = [];
    const index = await open(
      [
        // Both names in one unit, so in one group.
        {
          ...doc('河北省/乙县/6-退役军人事务局/2024-预算', '乙县退役军人事务局', []),
          units: [{ anchor: 'projects', blocks: [{ field: FIELD.label, text: '1、专项退役军人事务烈士纪念（五期）' }, { field: FIELD.label, text: '2、年度退役军人事务烈士纪念（七期）' }] }],
        },
        doc('河北省/乙县/7-退役军人事务局/2024-预算', '乙县退役军人事务局', [['project-3', FIELD.label, '3、年度退役军人事务烈士纪念（五期）']]),
      ],
      loaded,
    );
    const run = await SearchRun.start(index, '年度退役军人事务烈士纪念（五期）');
    expect(run.candidates.slice().map((c) => [c.doc, c.bound, c.whole])).toEqual([
      [1, FIELD.label, true],
      [0, FIELD.label, false],
    ]);
    expect((await run.next(1)).map((h) => [h.fragment.id, h.anchor])).toEqual([['河北省/乙县/7-退役军人事务局/2024-预算', 'project-3']]);
    // Checked in one batch of four, the whole block's page first.
    expect(loaded.filter((path) => path.startsWith('f/')).map((path) => Math.floor(Number(path.slice(2, -4)) / 4))).toEqual([1, 0]);
    expect(run.rejected).toBe(1);
  });

  it('checks first the pages with a title that starts as the long word does, where it is no whole block', async () => {
    const index = await open([
      {
        ...doc('河北省/乙县/6-退役军人事务局/2024-预算', '乙县退役军人事务局', []),
        units: [{ anchor: 'projects', blocks: [{ field: FIELD.label, text: '1、专项退役军人事务烈士纪念（五期）绩效目标表' }, { field: FIELD.label, text: '2、年度退役军人事务烈士纪念（七期）绩效目标表' }] }],
      },
      doc('河北省/乙县/7-退役军人事务局/2024-预算', '乙县退役军人事务局', [['project-3', FIELD.label, '3、年度退役军人事务烈士纪念（五期）绩效目标表']]),
    ]);
    const run = await SearchRun.start(index, '年度退役军人事务烈士纪念（五期）');
    expect(run.candidates.slice().map((c) => [c.doc, c.bound, c.whole])).toEqual([
      [1, FIELD.label, true],
      [0, FIELD.label, false],
    ]);
    expect((await run.next(10)).map((h) => [h.fragment.id, h.anchor])).toEqual([['河北省/乙县/7-退役军人事务局/2024-预算', 'project-3']]);
  });

  it("checks a word that is in every group against each page's first group alone when it holds the word at its bound", async () => {
    const loaded: string[] = [];
    const index = await open(PAGES, loaded);
    const run = await SearchRun.start(index, '五六七');
    expect(run.candidates.slice().map((c) => [c.doc, c.groups, c.first])).toEqual([
      [0, 0xf, 1],
      [1, 0xf, 1],
      [2, 0xf, 1],
    ]);
    expect((await run.next(10)).map((h) => [h.doc, h.anchor])).toEqual([
      [0, 'section-0'],
      [1, 'section-0'],
      [2, 'section-0'],
    ]);
    expect(loaded.filter((path) => path.startsWith('f/')).sort()).toEqual(['f/0.bin', 'f/4.bin', 'f/8.bin']);
  });
});

describe('what a page keeps between searches', () => {
  it('fetches a common word\'s lists without their buckets, and once: a second search for it fetches nothing again', async () => {
    // 1,100 pages with the word: its lists are longer than a bucket keeps, each in a file of its own (l/…).
    const pages = Array.from({ length: 1100 }, (_, n) => doc(`河北省/乙县/${n}-财政局/2024-预算`, '乙县财政局', [['table-a', FIELD.label, '一般公共预算拨款']]));
    const loaded: string[] = [];
    const index = await open(pages, loaded);
    await (await SearchRun.start(index, '一般公共预算拨款')).next(10);
    const first = [...loaded];
    // Every key of the word has a list of its own (the set is fetched with the meta): no bucket is fetched to find that out.
    expect(first.slice(0, 2).sort()).toEqual(['meta.json', 'own-lists.bin']);
    expect(first.filter((path) => path.startsWith('l/'))).toHaveLength(4);
    expect(first.filter((path) => path.startsWith('b/'))).toEqual([]);
    await (await SearchRun.start(index, '一般公共预算拨款')).next(10);
    expect(loaded).toEqual(first);
  });
});

describe('a file of the index that cannot be read', () => {
  const pages = Array.from({ length: 1100 }, (_, n) => doc(`河北省/乙县/${n}-财政局/2024-预算`, '乙县财政局', [['table-a', FIELD.label, '一般公共预算拨款']]));
  const files = indexFiles(pages.map(documentSearch));
  /** The index's files, `change` deciding what each read gives: the bytes, other bytes, or an error. */
  const loader = (change: (path: string, bytes: Uint8Array) => Uint8Array) => async (path: string) => {
    const file = files.get(path);
    if (file === undefined) throw new Error(`no file ${path}`);
    const bytes = path.startsWith('f/') ? gunzipSync(file as Uint8Array) : typeof file === 'string' ? new TextEncoder().encode(file) : file;
    return change(path, bytes);
  };

  it('fails the search that needed it, and the next search reads it again', async () => {
    let failed = '';
    const index = await SearchIndex.open(
      loader((path, bytes) => {
        if (failed === '' && path.startsWith('l/')) {
          failed = path;
          throw new Error(`HTTP 503 for ${path}`);
        }
        return bytes;
      }),
    );
    await expect(SearchRun.start(index, '一般公共预算拨款')).rejects.toThrow(`HTTP 503 for ${failed}`);
    expect((await (await SearchRun.start(index, '一般公共预算拨款')).next(10)).map((hit) => hit.doc)).toEqual(Array.from({ length: 10 }, (_, n) => n));
  });

  it('own-lists.bin missing or cut short: every list is found through its bucket, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      for (const change of [(bytes: Uint8Array) => bytes.subarray(0, bytes.length - 1), () => { throw new Error('HTTP 404'); }]) {
        const loaded: string[] = [];
        const index = await SearchIndex.open(loader((path, bytes) => (loaded.push(path), path === 'own-lists.bin' ? change(bytes) : bytes)));
        expect((await (await SearchRun.start(index, '一般公共预算拨款')).next(10)).map((hit) => hit.doc)).toEqual(Array.from({ length: 10 }, (_, n) => n));
        expect(loaded.filter((path) => path.startsWith('b/')).length).toBeGreaterThan(0);
      }
      expect(warn.mock.calls.map((call) => String(call[0]))).toEqual(Array(2).fill('search index: own-lists.bin not read, lists are found through their buckets:'));
      const own = decodeKeySet(files.get('own-lists.bin') as Uint8Array).length;
      expect(own).toBeGreaterThan(4);
      expect(warn.mock.calls.map((call) => String(call[1]))).toEqual([`Error: a key set cut short: ${own - 1} of ${own} keys`, 'Error: HTTP 404']);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('fetching ahead', () => {
  it('fetches the fragments of the first ten pages holding a one-word query as a whole block before it ranks the candidates, and no others for a first page', async () => {
    // Pages 0-4 hold 劳务费 in prose only, pages 5-24 as a row label: the first ten of those are the first page of results.
    const pages = Array.from({ length: 25 }, (_, n) => doc(`河北省/丁县/${String(n).padStart(2, '0')}-财政局/2024-预算`, '丁县财政局', [n < 5 ? ['section-a', FIELD.text, '支付劳务费'] : ['table-a', FIELD.label, '劳务费']]));
    const loaded: string[] = [];
    const index = await open(pages, loaded);
    const run = await SearchRun.start(index, '劳务费');
    const fragments = () => loaded.filter((path) => path.startsWith('f/'));
    // One fragment of each of pages 5-14 (a fragment is page × 4 + its group: layout.ts GROUPS).
    const ahead = fragments();
    expect(ahead.map((path) => Math.floor(Number(/\d+/.exec(path)![0]) / 4))).toEqual(Array.from({ length: 10 }, (_, n) => n + 5));
    const hits = await run.next(10);
    expect(hits.map((hit) => hit.doc)).toEqual(Array.from({ length: 10 }, (_, n) => n + 5));
    expect(fragments()).toEqual(ahead);
  });

  it('fetches ahead only among the pages the filters keep, and not for a query of several words', async () => {
    const pages = Array.from({ length: 25 }, (_, n) => doc(`河北省/丁县/${String(n).padStart(2, '0')}-财政局/2024-预算`, '丁县财政局', [['table-a', FIELD.label, '劳务费']]));
    const loaded: string[] = [];
    const index = await open(pages, loaded);
    await SearchRun.start(index, '劳务费', new Set([3, 7, 20]));
    expect(loaded.filter((path) => path.startsWith('f/')).map((path) => Math.floor(Number(/\d+/.exec(path)![0]) / 4))).toEqual([3, 7, 20]);
    loaded.length = 0;
    await SearchRun.start(index, '劳务费 财政局');
    expect(loaded.filter((path) => path.startsWith('f/'))).toEqual([]);
  });
});

describe('bounds the n-grams promise and the text does not keep', () => {
  /** A page whose one unit besides the title has `labels` as row labels and `text` as prose, so that its keys are in one group. */
  const page = (n: number, labels: string[], text: string): SearchDocument => ({
    ...doc(`河北省/丙县/${n}-财政局/2024-预算`, '丙县财政局', []),
    units: [
      { anchor: '', blocks: [{ field: FIELD.title, text: '丙县财政局' }] },
      { anchor: 'section-three-public', blocks: [...labels.map((label) => ({ field: FIELD.label, text: label })), { field: FIELD.text, text }] },
    ],
  });
  // Every 6-gram of 三公经费预算安排 is in the headings (三公经费预算 in the first, 公经费预算安 and 经费预算安排 in the second), the word only in the prose.
  const word = '三公经费预算安排';
  const headings = ['四、三公经费预算情况', '五、公经费预算安排说明'];
  const prose = '我部门财政拨款三公经费预算安排6.56万元。';
  const inALabel = [...headings, '三公经费预算安排情况'];

  it('shows a page whose only group holds the word in a lower field than its n-grams promised, at the rank of that field', async () => {
    const index = await open([page(1, headings, prose)]);
    const run = await SearchRun.start(index, word);
    expect(run.candidates.slice().map((c) => [c.doc, c.bounds])).toEqual([[0, [FIELD.label]]]);
    const hits = await run.next(10);
    expect(hits.map((h) => [h.fragment.id, h.score, h.anchor])).toEqual([['河北省/丙县/1-财政局/2024-预算', FIELD.text, 'section-three-public']]);
    expect(hits[0]!.excerpt).toEqual([
      { text: '我部门财政拨款', marked: false },
      { text: '三公经费预算安排', marked: true },
      { text: '6.56万元。', marked: false },
    ]);
  });

  it('shows the best of three checks per result asked for when the bounds of the rest still promise more, and the rest at their rank later', async () => {
    // 60 pages with the word in prose only, then one with it as a row label: all 61 are bounded by a label.
    const pages = [...Array.from({ length: 60 }, (_, n) => page(n + 10, headings, prose)), page(90, inALabel, prose)];
    const loaded: string[] = [];
    const index = await open(pages, loaded);
    const run = await SearchRun.start(index, word);
    expect(run.candidates.slice().map((c) => c.bound)).toEqual(Array(61).fill(FIELD.label));
    const first = await run.next(10);
    expect(first.map((h) => [h.doc, h.score])).toEqual(Array.from({ length: 10 }, (_, n) => [n, FIELD.text]));
    expect(loaded.filter((path) => path.startsWith('f/'))).toHaveLength(30);
    const rest = await run.next(100);
    expect(rest.map((h) => [h.doc, h.score])).toEqual([[60, FIELD.label], ...Array.from({ length: 50 }, (_, n) => [n + 10, FIELD.text])]);
    expect(run.exhausted).toBe(true);
  });

  it('shows what ten checks per result asked for found, none at all, when the word is on no page its n-grams are on, and checks the rest when asked', async () => {
    // 120 pages with every 6-gram of the word in their headings and the word nowhere.
    const index = await open(Array.from({ length: 120 }, (_, n) => page(n + 10, headings, '其他说明。')));
    const run = await SearchRun.start(index, word);
    expect(await run.next(10)).toEqual([]);
    expect([run.rejected, run.pending.length, run.exhausted]).toEqual([100, 20, false]);
    expect(await run.next(10)).toEqual([]);
    expect([run.rejected, run.pending.length, run.exhausted]).toEqual([120, 0, true]);
  });

  it('bounds a word of four or five characters by its own n-gram among the labels, not by 3-grams the headings hold apart', async () => {
    // Every 3-gram of 经费预算安 is in the headings (经费预, 费预算 in the first, 预算安 in the second); the word is in the prose of 40 pages and in a label of one.
    const apart = ['四、三公经费预算情况', '二、部门预算安排的总体情况'];
    const pages = [...Array.from({ length: 40 }, (_, n) => page(n + 10, apart, prose)), page(90, [...apart, '三公经费预算安排情况'], prose)];
    const loaded: string[] = [];
    const index = await open(pages, loaded);
    const run = await SearchRun.start(index, '经费预算安');
    expect(run.candidates.slice().map((c) => [c.doc, c.bound])).toEqual([[40, FIELD.label], ...Array.from({ length: 40 }, (_, n) => [n, FIELD.text])]);
    const first = await run.next(10);
    expect(first.map((h) => [h.doc, h.score])).toEqual([[40, FIELD.label], ...Array.from({ length: 9 }, (_, n) => [n, FIELD.text])]);
    expect(loaded.filter((path) => path.startsWith('f/'))).toHaveLength(10);
  });

  it('checks the rest at once when no more than four pages of results are left after the first batch', async () => {
    // 40 pages with the word in prose, then the one with it as a row label: 31 left after the first ten, all checked in one batch.
    const pages = [...Array.from({ length: 40 }, (_, n) => page(n + 10, headings, prose)), page(90, inALabel, prose)];
    const loaded: string[] = [];
    const index = await open(pages, loaded);
    const run = await SearchRun.start(index, word);
    const first = await run.next(10);
    expect(first.map((h) => [h.doc, h.score])).toEqual([[40, FIELD.label], ...Array.from({ length: 9 }, (_, n) => [n, FIELD.text])]);
    expect(loaded.filter((path) => path.startsWith('f/'))).toHaveLength(41);
    // All checked: what is not shown yet is the 31 other pages, in rank order.
    expect(run.pending).toEqual(Array.from({ length: 31 }, (_, n) => n + 9));
  });
});

describe('matching and excerpts', () => {
  it('holds a figure only as a whole number', () => {
    expect(findWord('项目13011121p000302241249', '30224')).toBe(-1);
    expect(findWord('合计6101.63', '101.63')).toBe(-1);
    expect(findWord('2024.5', '2024')).toBe(-1);
    expect(findWord('2024年预算', '2024年')).toBe(0);
  });

  it('marks the whole term in the printed text, width and separators as printed', () => {
    expect(excerpt('本年支出２４，４８７．９２万元', '24487.92', 2)).toEqual([
      { text: '…支出', marked: false },
      { text: '２４，４８７．９２', marked: true },
      { text: '万元', marked: false },
    ]);
  });

  it('checks each block of a fragment as normalised on its own, though they are normalised at once', () => {
    const fragment = { ...DOCS[0]!, units: [['table-a', [[FIELD.label, '合计１２，'], [FIELD.text, '３４５万元'], [FIELD.text, '２４，４８７．９２']]], ['section-b', [[FIELD.text, 'ΑΣ'], [FIELD.text, '【注】']]]] } as Fragment;
    // 12,|345 are two cells: not 12345 in one, nor a thousands separator between them.
    expect(place(fragment, ['12345'])).toBeNull();
    expect(place(fragment, ['12,'])).toEqual({ fields: [FIELD.label], anchor: 'table-a', text: '合计１２，' });
    expect(place(fragment, ['24487.92', '345万元'])).toEqual({ fields: [FIELD.text, FIELD.text], anchor: 'table-a', text: '２４，４８７．９２' });
    // A final sigma is final at the end of its block; the brackets are the plain ones.
    expect(place(fragment, ['ας', '[注]'])).toEqual({ fields: [FIELD.text, FIELD.text], anchor: 'section-b', text: 'ΑΣ' });
  });

  it('gives the first block, in page order, of the best field a word is in', () => {
    const fragment = { ...DOCS[0]!, units: [['section-a', [[FIELD.text, '支付劳务费']]], ['table-b', [[FIELD.text, '劳务费用'], [FIELD.label, '劳务费'], [FIELD.label, '劳务费支出']]], ['table-c', [[FIELD.label, '其他劳务费']]]] } as Fragment;
    expect(place(fragment, ['劳务费'])).toEqual({ fields: [FIELD.label], anchor: 'table-b', text: '劳务费' });
    expect(place(fragment, ['其他劳务', '支付'])).toEqual({ fields: [FIELD.label, FIELD.text], anchor: 'table-c', text: '其他劳务费' });
  });

  it('never finds a word across two blocks of a unit, though a block holds the separator they are searched with', () => {
    const fragment = { ...DOCS[0]!, units: [['table-a', [[FIELD.label, '甲\u0000乙'], [FIELD.text, '丙']]]] } as Fragment;
    expect(place(fragment, ['甲\u0000乙'])).toEqual({ fields: [FIELD.label], anchor: 'table-a', text: '甲\u0000乙' });
    expect(place(fragment, ['乙\u0000丙'])).toBeNull();
  });

  it('takes as they are, in an excerpt, only characters normalise() gives back as they are', () => {
    const taken = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((c) => UNCHANGED.test(c));
    expect(taken.length).toBe(0x9fff - 0x4e00 + 1 + 10 + 26 + 1);
    expect(taken.filter((c) => normalise(c) !== c)).toEqual([]);
  });

  it('normalises a query into its words', () => {
    expect(queryWords(' 劳务 费　２４，４８７．９２ ')).toEqual(['劳务', '费', '24487.92']);
    expect(normalise('“三公”经费')).toBe('"三公"经费');
  });
});

describe('posting lists', () => {
  it('are the same whether the keys are grouped in one range or in many, and whatever order the pages come in', () => {
    const parts = DOCS.map(documentSearch);
    const whole = indexFiles(parts);
    expect(indexFiles([...parts].reverse(), 50)).toEqual(whole);
    // Ranges of 50 postings: several of them.
    expect(parts.reduce((n, p) => n + p.keys.length, 0)).toBeGreaterThan(200);
  });


  it('round-trip sparse and as bitmaps, with their fields', () => {
    // From a one-slot array, so that its growing is read too.
    const unpacked = (bytes: Uint8Array) => {
      const { packed, count } = unpackPostings(bytes, 1000, new Uint32Array(1));
      return [...packed.subarray(0, count)];
    };
    const sparse = [3 * 8 + 1, 7 * 8 + 6, 900 * 8 + 4];
    // The text bit is written always, as "in some field", in both forms: a list read back and written again is the same bytes.
    expect(unpacked(encodePostings(sparse, 1000))).toEqual([3 * 8 + 1, 7 * 8 + 7, 900 * 8 + 5]);
    const dense = Array.from({ length: 500 }, (_, i) => i * 2 * 8 + (i % 3 === 0 ? 5 : 1));
    const bytes = encodePostings(dense, 1000);
    expect(bytes[0]).toBe(1);
    expect(unpacked(bytes)).toEqual(Array.from({ length: 500 }, (_, i) => i * 2 * 8 + (i % 3 === 0 ? 5 : 1)));
  });
});

describe('an index changed from the state of the one it replaces', () => {
  const parts = DOCS.map(documentSearch);
  const extra = documentSearch(doc('河北省/甲县/0-发改局/2024-预算', '甲县发改局', [['table-d', FIELD.label, '劳务费'], ['section-w', FIELD.text, '培训费和劳务派遣']]));
  const changed = documentSearch(doc('河北省/甲县/3-人社局/2024-预算', '甲县人社局', [['section-y', FIELD.text, '支付劳务费'], ['table-c', FIELD.label, '会议费']]));
  /** The lists of `after` made by changing those of `before`: pages kept where id and part are the same, the others' parts added. */
  const changeTo = (before: typeof parts, after: typeof parts, touchedFromOld: boolean) => {
    const [b, a] = [sortById(before), sortById(after)];
    const moved = new Int32Array(b.length).fill(-1);
    const added: IndexChange['added'][number][] = [];
    a.forEach((part, doc) => {
      const i = b.findIndex((old) => old === part);
      if (i >= 0) moved[i] = doc;
      else added.push({ doc, keys: part.keys, fields: part.fields });
    });
    const touched = touchedFromOld ? new Set(b.filter((_, i) => moved[i] === -1).flatMap((old) => [...old.keys])) : null;
    return changeLists(encodeLists(b), b.length, { moved, docs: a.length, added, touched });
  };

  it('is the index made from scratch, byte for byte, when a page changed (lists it does not touch copied) and when pages were added and removed (all written again)', () => {
    const swapped = parts.map((p) => (p.id === changed.id ? changed : p));
    const one = changeTo(parts, swapped, true);
    expect(one.lists).toEqual(encodeLists(sortById(swapped)));
    // Only the keys of the old and new part of the changed page.
    const theirs = new Set([...parts[2]!.keys, ...changed.keys]);
    expect([...one.dirty!].filter((key) => !theirs.has(key))).toEqual([]);
    expect(one.dirty!.size).toBeGreaterThan(0);
    expect(one.dirty!.size).toBeLessThan(encodeLists(sortById(swapped)).keys.length);

    const moved = [extra, ...parts.filter((p) => p.id !== parts[1]!.id)];
    const two = changeTo(parts, moved, false);
    expect(two.lists).toEqual(encodeLists(sortById(moved)));
    expect(two.dirty).toBeNull();
  });
});

