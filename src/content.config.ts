import { defineCollection } from 'astro:content';
import { filingLoader } from './lib/records/filing-loader.ts';

export const collections = {
  filings: defineCollection({ loader: filingLoader() }),
};
