import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { filingRecord, getFilings } from '../../lib/records/collection.ts';
import type { FilingSummary } from '../../lib/records/filing-loader.ts';
import { publicFiling } from '../../lib/public-data/from-filing.ts';
import { findingsFor } from '../../lib/site/findings.ts';
import { filingJson } from '../../lib/site/exports.ts';

/**
 * The filing in its public shape (docs/data.md), beside its page
 * (`<link rel="alternate">` points here). integrations/exports.ts writes the
 * CSVs, source copies, index, data package, feed and zips from these files.
 */
export const getStaticPaths = (async () => {
  const filings = await getFilings();
  return filings.map((summary) => ({ params: { filing: summary.id }, props: { summary } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ summary: FilingSummary }> = ({ props }) => {
  const filing = filingRecord(props.summary);
  const data = publicFiling(filing, findingsFor(filing), (file) => readFileSync(join(props.summary.read.folder, file)));
  return new Response(filingJson(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
