import { describe, expect, it } from 'vitest';
import { score, spread, summarise, type Outcome } from '../../scripts/bench-search/metrics.ts';
import { kindTable, targets } from '../../scripts/bench-search/report.ts';

const outcome = (o: Partial<Outcome> & Pick<Outcome, 'query' | 'truth' | 'results'>): Outcome => ({ visible: o.truth, coldMs: 100, warmMs: 10, coldBytes: 200 * 1024, coldRequests: 20, ...o });
const pages = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('score', () => {
  it('counts recall over all results and precision over the first ten', () => {
    // 12 true pages, 11 of them found among 20 results; the first ten hold 6.
    const results = ['x1', 'p1', 'p2', 'x2', 'p3', 'x3', 'p4', 'x4', 'p5', 'p6', ...pages(5, 'y'), 'p7', 'p8', 'p9', 'p10', 'p11'];
    expect(score(outcome({ query: { kind: 'row-label', text: '劳务费' }, truth: pages(12), results }))).toEqual({ recall: 11 / 12, precision: 0.6, firstTrueRank: 2, ownRank: null });
  });

  it('scores precision over the results there are when fewer than ten, and not at all without true pages or results', () => {
    expect(score(outcome({ query: { kind: 'code', text: '2080505' }, truth: ['p1'], results: ['x1', 'p1'] }))).toEqual({ recall: 1, precision: 0.5, firstTrueRank: 2, ownRank: null });
    expect(score(outcome({ query: { kind: 'code', text: '2080505' }, truth: ['p1'], results: [] }))).toEqual({ recall: 0, precision: null, firstTrueRank: null, ownRank: null });
    expect(score(outcome({ query: { kind: 'miss', text: '化务财培' }, truth: [], results: ['x1'] }))).toEqual({ recall: null, precision: null, firstTrueRank: null, ownRank: null });
  });

  it("ranks a department's first own filing", () => {
    const query = { kind: 'department' as const, text: '甲县财政局', own: ['p2', 'p3'] };
    expect(score(outcome({ query, truth: ['p1', 'p2', 'p3'], results: ['p1', 'p3', 'p2'] })).ownRank).toBe(2);
    expect(score(outcome({ query, truth: ['p1', 'p2', 'p3'], results: ['p1'] })).ownRank).toBe(null);
  });
});

describe('summarise and targets', () => {
  it('sums a group of queries up and sets it beside the targets', () => {
    const outcomes = [
      outcome({ query: { kind: 'row-label', text: '劳务费' }, truth: ['p1', 'p2'], results: ['p1', 'x1'], coldMs: 250, warmMs: 40, coldBytes: 310 * 1024, coldRequests: 30 }),
      outcome({ query: { kind: 'department', text: '甲县财政局', own: ['p3'] }, truth: ['p3'], results: ['p3'] }),
      outcome({ query: { kind: 'amount', text: '24487.92' }, truth: [], visible: ['p4'], results: ['x2'], coldMs: 400 }),
      outcome({ query: { kind: 'miss', text: '化务财培' }, truth: [], results: [] }),
    ];
    const all = summarise('all', outcomes);
    expect(all).toEqual({
      label: 'all',
      queries: 4,
      withHits: 2,
      meanRecall: 0.75,
      recallBelowOne: 1,
      meanPrecision: 0.75,
      precisionBelowOne: 1,
      noTrueHitInTop: 0,
      onNoPage: 2,
      onNoPageEmpty: 1,
      visibleOnly: 1,
      ownQueries: 1,
      ownFirst: 1,
      ownMissing: 0,
      ownWorst: 1,
      cold: { median: 175, worst: 400 },
      warm: { median: 10, worst: 40 },
      bytes: { median: 200 * 1024, worst: 310 * 1024 },
      requests: { median: 20, worst: 30 },
    });
    expect(targets(all)).toEqual([
      { target: 'recall 1.000', measured: '0.750 (1 of 2 below 1)', met: false },
      { target: 'precision@10 at least 0.95', measured: '0.750 (1 below 1)', met: false },
      { target: "a department's exact name finds its own filing first", measured: '1 of 1 (0 not found at all)', met: true },
      { target: 'a term on no page returns nothing', measured: '1 of 2', met: false },
      { target: 'first results at most 300 ms cold (worst query)', measured: 'median 175 ms, worst 400 ms', met: false },
      { target: 'first results at most 100 ms warm (worst query)', measured: 'median 10 ms, worst 40 ms', met: true },
      { target: 'at most 300 KB per cold query (worst query)', measured: 'median 200 KB, worst 310 KB', met: false },
    ]);
  });

  it('prints a row per group, with the rank of the latest own filing and those not found', () => {
    const query = { kind: 'department' as const, text: '甲县财政局', own: ['p3'] };
    const outcomes = [outcome({ query, truth: ['p3'], results: ['p1', 'p2', 'p3'] }), outcome({ query, truth: ['p3'], results: ['p3'] }), outcome({ query, truth: ['p3'], results: ['p1'] })];
    expect(kindTable([summarise('department', outcomes)]).slice(2)).toEqual(['| department | 3 | 3 | 0.667 (1) | 0.444 (2) | 1 | – | 0 | 1 of 3 (worst 3), 1 not found | 100 / 100 | 10 / 10 | 200 / 200 | 20 |']);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(spread([5, 1, 3])).toEqual({ median: 3, worst: 5 });
    expect(spread([4, 1, 3, 10])).toEqual({ median: 3.5, worst: 10 });
    expect(spread([])).toEqual({ median: 0, worst: 0 });
  });
});
