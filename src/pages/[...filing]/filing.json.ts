import type { APIRoute, GetStaticPaths } from 'astro';
import { getFilings } from '../../lib/records/collection.ts';
import type { Filing } from '../../lib/records/load-filing.ts';
import { filingJson } from '../../lib/site/exports.ts';

/** The whole record as JSON beside its page (`<link rel="alternate">` points here). */
export const getStaticPaths = (async () => {
  const filings = await getFilings();
  return filings.map((filing) => ({ params: { filing: filing.id }, props: { filing } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ filing: Filing }> = ({ props }) =>
  new Response(filingJson(props.filing), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
