import { getCollection } from 'astro:content';
import type { Filing } from './load-filing.ts';

/** All filings from the content collection, in stable id order. */
export async function getFilings(): Promise<Filing[]> {
  const entries = await getCollection('filings');
  return entries.map((e) => e.data as unknown as Filing).sort((a, b) => a.id.localeCompare(b.id, 'zh-CN'));
}
