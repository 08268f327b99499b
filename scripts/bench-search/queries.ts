import { Random } from '../synth/random.ts';
import { PROSE_TOKEN, candidateTerms, nameCharacters, proseRuns, type TermKind, type TermSource } from './query-terms.ts';

/** Every kind of query, in the order the report lists them. */
export const QUERY_KINDS = ['row-label', 'indicator', 'project', 'department', 'code', 'amount', 'amount-grouped', 'phrase', 'miss'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface Query {
  kind: QueryKind;
  text: string;
  /** For a department's exact name: the ids of that department's filings, one of which should come first. */
  own?: string[];
}

export interface QueryOptions {
  /** About this many queries in all, shared evenly between the kinds (a kind with fewer distinct terms gives what it has). */
  count: number;
  seed: number;
  /** Whether a word occurs anywhere on any page (visible text): a made-up word must not. */
  occurs: (word: string) => boolean;
}

const PHRASE_MIN = 2;
const PHRASE_MAX = 12;
const MISS_MIN = 2;
const MISS_MAX = 4;
/** Tries per phrase or made-up word before a kind is given up as exhausted, so a tiny site never loops for ever. */
const TRIES = 200;

/**
 * A query set drawn from the records, the same for the same records and
 * seed: names and labels of each kind, codes, amounts as printed and with a
 * thousands separator, phrases cut from the prose, and made-up words that
 * occur on no page.
 */
export function generateQueries(filings: readonly TermSource[], options: QueryOptions): Query[] {
  const random = new Random(options.seed);
  const shares = share(options.count);
  const terms = candidateTerms(filings);
  const queries: Query[] = [];
  for (const kind of QUERY_KINDS) {
    const stream = random.fork(QUERY_KINDS.indexOf(kind) + 1);
    const n = shares.get(kind)!;
    const texts = kind === 'phrase' ? phrases(filings, n, stream) : kind === 'miss' ? misses(nameCharacters(terms), n, stream, options.occurs) : stream.sample(terms[kind as TermKind], n);
    for (const text of texts) queries.push(kind === 'department' ? { kind, text, own: ownFilings(filings, text) } : { kind, text });
  }
  return queries;
}

/** `count` split evenly over the kinds, the remainder to the first ones. */
function share(count: number): Map<QueryKind, number> {
  const base = Math.floor(count / QUERY_KINDS.length);
  return new Map(QUERY_KINDS.map((kind, i) => [kind, base + (i < count % QUERY_KINDS.length ? 1 : 0)]));
}

function ownFilings(filings: readonly TermSource[], name: string): string[] {
  return filings.filter((f) => f.department.name.trim() === name).map((f) => f.id);
}

/** Distinct phrases of 2–12 characters cut at random from the prose of random filings, starting and ending between characters or whole numbers. */
function phrases(filings: readonly TermSource[], n: number, random: Random): string[] {
  const runs = filings.map((filing) => proseRuns(filing).map((run) => run.match(PROSE_TOKEN) ?? []));
  const found = new Set<string>();
  for (let tries = 0; found.size < n && tries < n * TRIES; tries++) {
    const length = random.int(PHRASE_MIN, PHRASE_MAX);
    const long = random.pick(runs).filter((tokens) => tokens.join('').length >= length);
    if (long.length === 0) continue;
    const tokens = random.pick(long);
    let phrase = '';
    for (let i = random.int(0, tokens.length - 1); i < tokens.length && phrase.length < length; i++) phrase += tokens[i];
    if (phrase.length >= PHRASE_MIN && phrase.length <= PHRASE_MAX) found.add(phrase);
  }
  return [...found];
}

/** Distinct words of 2–4 characters of the records' own names that occur on no page. */
function misses(characters: readonly string[], n: number, random: Random, occurs: (word: string) => boolean): string[] {
  const found = new Set<string>();
  if (characters.length === 0) return [];
  for (let tries = 0; found.size < n && tries < n * TRIES; tries++) {
    const word = Array.from({ length: random.int(MISS_MIN, MISS_MAX) }, () => random.pick(characters)).join('');
    if (!found.has(word) && !occurs(word)) found.add(word);
  }
  return [...found];
}
