import type { NetTime } from './browser-run.ts';
import type { Query } from './queries.ts';

/** One query measured: what should be found, what was, and how fast. */
export interface Outcome {
  query: Query;
  /** Pages whose indexed text holds the query (ground-truth.ts), in page order. */
  truth: string[];
  /** Pages whose body shows the query, indexed or not. */
  visible: string[];
  /** Pages found, best first. */
  results: string[];
  coldMs: number;
  warmMs: number;
  coldBytes: number;
  coldRequests: number;
  /** Where the time of the cold and the warm search went (not part of any figure: it explains the slowest). */
  coldNet?: NetTime;
  warmNet?: NetTime;
}

export interface Scores {
  /** True hits found among all results / true hits; null without true hits. */
  recall: number | null;
  /** True hits among the first 10 results / the number of those results; null without true hits or without results. */
  precision: number | null;
  /** Rank of the first true hit (1 = first); null when none is found or there is none. */
  firstTrueRank: number | null;
  /** For a department's name: the rank of its first own filing; null when none is found or for other queries. */
  ownRank: number | null;
}

export const TOP = 10;

export function score(outcome: Outcome): Scores {
  const truth = new Set(outcome.truth);
  const top = outcome.results.slice(0, TOP);
  const rank = (set: ReadonlySet<string>) => {
    const at = outcome.results.findIndex((page) => set.has(page));
    return at < 0 ? null : at + 1;
  };
  return {
    recall: truth.size === 0 ? null : new Set(outcome.results.filter((page) => truth.has(page))).size / truth.size,
    precision: truth.size === 0 || top.length === 0 ? null : top.filter((page) => truth.has(page)).length / top.length,
    firstTrueRank: truth.size === 0 ? null : rank(truth),
    ownRank: outcome.query.own ? rank(new Set(outcome.query.own)) : null,
  };
}

export interface Spread {
  median: number;
  worst: number;
}

/** Figures over a group of queries (one kind, or all). */
export interface Summary {
  label: string;
  queries: number;
  /** Queries with at least one true hit. */
  withHits: number;
  meanRecall: number | null;
  recallBelowOne: number;
  meanPrecision: number | null;
  precisionBelowOne: number;
  /** Queries with true hits none of which is among the first 10 results. */
  noTrueHitInTop: number;
  /** Queries whose indexed text holds them on no page, and of those, how many got no result (as they should). */
  onNoPage: number;
  onNoPageEmpty: number;
  /** Queries on no page's indexed text that a page shows in its ignored parts (figures kept out of the index). */
  visibleOnly: number;
  /** Department names: how many, how many have their own filing first, how many have it nowhere, and its worst rank where found. */
  ownQueries: number;
  ownFirst: number;
  ownMissing: number;
  ownWorst: number | null;
  cold: Spread;
  warm: Spread;
  bytes: Spread;
  requests: Spread;
}

export function summarise(label: string, outcomes: readonly Outcome[]): Summary {
  const scored = outcomes.map((o) => ({ o, s: score(o) }));
  const recalls = scored.flatMap(({ s }) => (s.recall === null ? [] : [s.recall]));
  const precisions = scored.flatMap(({ s }) => (s.precision === null ? [] : [s.precision]));
  const onNoPage = outcomes.filter((o) => o.truth.length === 0);
  const own = scored.filter(({ o }) => o.query.own !== undefined);
  const ranks = own.map(({ s }) => s.ownRank);
  const found = ranks.filter((r): r is number => r !== null);
  return {
    label,
    queries: outcomes.length,
    withHits: recalls.length,
    meanRecall: mean(recalls),
    recallBelowOne: recalls.filter((r) => r < 1).length,
    meanPrecision: mean(precisions),
    precisionBelowOne: precisions.filter((p) => p < 1).length,
    noTrueHitInTop: scored.filter(({ s }) => s.recall !== null && (s.firstTrueRank === null || s.firstTrueRank > TOP)).length,
    onNoPage: onNoPage.length,
    onNoPageEmpty: onNoPage.filter((o) => o.results.length === 0).length,
    visibleOnly: onNoPage.filter((o) => o.visible.length > 0).length,
    ownQueries: own.length,
    ownFirst: ranks.filter((r) => r === 1).length,
    ownMissing: ranks.filter((r) => r === null).length,
    ownWorst: found.length === 0 ? null : Math.max(...found),
    cold: spread(outcomes.map((o) => o.coldMs)),
    warm: spread(outcomes.map((o) => o.warmMs)),
    bytes: spread(outcomes.map((o) => o.coldBytes)),
    requests: spread(outcomes.map((o) => o.coldRequests)),
  };
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Median (the mean of the middle two for an even count) and maximum; zeros for no values. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: 0, worst: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, worst: sorted[sorted.length - 1]! };
}
