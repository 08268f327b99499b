import { TOP, score, type Outcome, type Summary } from './metrics.ts';

export interface Target {
  target: string;
  measured: string;
  met: boolean;
}

const KB = 1024;
const kb = (bytes: number) => `${Math.round(bytes / KB)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const ratio = (value: number | null) => (value === null ? '–' : value.toFixed(3));

/** Issue 14's targets beside the figures over all queries. */
export function targets(all: Summary): Target[] {
  return [
    { target: 'recall 1.000', measured: `${ratio(all.meanRecall)} (${all.recallBelowOne} of ${all.withHits} below 1)`, met: all.recallBelowOne === 0 },
    { target: `precision@${TOP} at least 0.95`, measured: `${ratio(all.meanPrecision)} (${all.precisionBelowOne} below 1)`, met: all.meanPrecision !== null && all.meanPrecision >= 0.95 },
    { target: "a department's exact name finds its own filing first", measured: `${all.ownFirst} of ${all.ownQueries} (${all.ownMissing} not found at all)`, met: all.ownFirst === all.ownQueries },
    { target: 'a term on no page returns nothing', measured: `${all.onNoPageEmpty} of ${all.onNoPage}`, met: all.onNoPageEmpty === all.onNoPage },
    { target: 'first results at most 300 ms cold (worst query)', measured: `median ${ms(all.cold.median)}, worst ${ms(all.cold.worst)}`, met: all.cold.worst <= 300 },
    { target: 'first results at most 100 ms warm (worst query)', measured: `median ${ms(all.warm.median)}, worst ${ms(all.warm.worst)}`, met: all.warm.worst <= 100 },
    { target: 'at most 300 KB per cold query (worst query)', measured: `median ${kb(all.bytes.median)}, worst ${kb(all.bytes.worst)}`, met: all.bytes.worst <= 300 * KB },
  ];
}

/** One row per kind and one for all queries. */
export function kindTable(summaries: readonly Summary[]): string[] {
  const head = `| kind | queries | with hits | recall (mean, below 1) | p@${TOP} (mean, below 1) | no true hit in top ${TOP} | on no page: no result | shown only in ignored parts | own filing first | cold ms (median / worst) | warm ms (median / worst) | cold KB (median / worst) | requests (median) |`;
  const rows = summaries.map((s) =>
    [
      s.label,
      s.queries,
      s.withHits,
      `${ratio(s.meanRecall)} (${s.recallBelowOne})`,
      `${ratio(s.meanPrecision)} (${s.precisionBelowOne})`,
      s.noTrueHitInTop,
      s.onNoPage === 0 ? '–' : `${s.onNoPageEmpty} of ${s.onNoPage}`,
      s.visibleOnly,
      s.ownQueries === 0 ? '–' : `${s.ownFirst} of ${s.ownQueries}${s.ownWorst !== null && s.ownWorst > 1 ? ` (worst ${s.ownWorst})` : ''}${s.ownMissing > 0 ? `, ${s.ownMissing} not found` : ''}`,
      `${Math.round(s.cold.median)} / ${Math.round(s.cold.worst)}`,
      `${Math.round(s.warm.median)} / ${Math.round(s.warm.worst)}`,
      `${Math.round(s.bytes.median / KB)} / ${Math.round(s.bytes.worst / KB)}`,
      s.requests.median,
    ].join(' | '),
  );
  return [head, `|${' --- |'.repeat(13)}`, ...rows.map((row) => `| ${row} |`)];
}

export function targetTable(rows: readonly Target[]): string[] {
  return ['| target (issue 14, at N = 10,000) | measured | met |', '| --- | --- | --- |', ...rows.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : 'no'} |`)];
}

/** The queries that miss most, a few of each failing, and the slowest, to start looking from. */
export function worstExamples(outcomes: readonly Outcome[], perGroup = 5): string[] {
  const scored = outcomes.map((o) => ({ o, s: score(o) }));
  const line = (o: Outcome, detail: string) => `  ${o.query.kind} "${o.query.text}": ${detail}`;
  const lowRecall = scored.filter(({ s }) => s.recall !== null && s.recall < 1).sort((a, b) => a.s.recall! - b.s.recall!);
  const lowPrecision = scored.filter(({ s }) => s.precision !== null && s.precision < 1).sort((a, b) => a.s.precision! - b.s.precision!);
  const noisyMisses = scored.filter(({ o }) => o.truth.length === 0 && o.results.length > 0).sort((a, b) => b.o.results.length - a.o.results.length);
  const ownLate = scored.filter(({ s, o }) => o.query.own !== undefined && s.ownRank !== 1);
  const found = (o: Outcome) => o.results.filter((r) => o.truth.includes(r)).length;
  const net = (time: Outcome['coldNet']) => (time ? `; a request in flight for ${ms(time.inFlightMs)}, the longest wait for a first byte ${ms(time.longestWaitMs)}` : '');
  return [
    'lowest recall:',
    ...lowRecall.slice(0, perGroup).map(({ o, s }) => line(o, `${found(o)} of ${o.truth.length} true pages found, first true hit at rank ${s.firstTrueRank ?? 'none'}, ${o.results.length} results`)),
    `lowest precision@${TOP}:`,
    ...lowPrecision.slice(0, perGroup).map(({ o, s }) => line(o, `${ratio(s.precision)} (${o.truth.length} true pages, ${o.results.length} results, first true hit at rank ${s.firstTrueRank ?? 'none'})`)),
    'on no page, yet results:',
    ...noisyMisses.slice(0, perGroup).map(({ o }) => line(o, `${o.results.length} results${o.visible.length > 0 ? ` (shown, outside the index, on ${o.visible.length} pages)` : ''}`)),
    "department's own filing not first:",
    ...ownLate.slice(0, perGroup).map(({ o, s }) => line(o, s.ownRank === null ? `not found (${o.results.length} results)` : `first at rank ${s.ownRank}`)),
    'slowest, cold:',
    ...[...outcomes].sort((a, b) => b.coldMs - a.coldMs).slice(0, perGroup).map((o) => line(o, `${Math.round(o.coldMs)} ms (warm ${Math.round(o.warmMs)} ms), ${o.coldRequests} requests, ${Math.round(o.coldBytes / KB)} KB, ${o.results.length} results${net(o.coldNet)}`)),
    'slowest, warm:',
    ...[...outcomes].sort((a, b) => b.warmMs - a.warmMs).slice(0, perGroup).map((o) => line(o, `${Math.round(o.warmMs)} ms (cold ${Math.round(o.coldMs)} ms), ${o.results.length} results${net(o.warmNet)}`)),
  ];
}
