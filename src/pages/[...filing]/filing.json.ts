import type { APIRoute, GetStaticPaths } from 'astro';
import { filingRecord, getFilings } from '../../lib/records/collection.ts';
import type { FilingSummary } from '../../lib/records/filing-loader.ts';
import { filingJson } from '../../lib/site/exports.ts';

/** The whole record as JSON beside its page (`<link rel="alternate">` points here). */
export const getStaticPaths = (async () => {
  const filings = await getFilings();
  return filings.map((summary) => ({ params: { filing: summary.id }, props: { summary } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ summary: FilingSummary }> = ({ props }) =>
  new Response(filingJson(filingRecord(props.summary)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
