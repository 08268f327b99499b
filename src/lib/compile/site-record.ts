import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FilingHead } from './compiled.ts';
import { DEFAULT_STORE_ROOT } from './compiled-store.ts';

/**
 * What a published site was built from: the compiled hash of each filing it
 * holds, kept beside the store (not in the site, which is served) under the
 * site's folder. The next build into that folder links a filing's open data
 * from it when the hash is the same, since those files are a pure function
 * of the hash, instead of reading and writing them again.
 */
const recordFile = (site: string) => join(DEFAULT_STORE_ROOT, '..', 'sites', `${createHash('sha256').update(resolve(site)).digest('hex').slice(0, 24)}.json`);

export function writeSiteRecord(site: string, heads: readonly Pick<FilingHead, 'id' | 'hash'>[]): void {
  const file = recordFile(site);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(Object.fromEntries(heads.map((h) => [h.id, h.hash]))));
  renameSync(`${file}.${process.pid}`, file);
}

/** The hash each filing of the site had when it was built, or none when no build recorded it. */
export function readSiteRecord(site: string): ReadonlyMap<string, string> | undefined {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(recordFile(site), 'utf8')) as Record<string, string>));
  } catch {
    return undefined;
  }
}
