import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sourceFileName } from '../records/filing-path.ts';
import { loadDeclaration } from '../records/load-filing.ts';
import { PROJECT_ROOT } from '../records/paths.ts';
import type { PublicFiling } from './filing-schema.ts';
import { publishedSource } from './published-source.ts';

/**
 * The source documents of a filing as they are published: by the URL
 * filing.json gives each (relative to the filing), the bytes of the
 * published copy. filing.json names a source only by its published name, so
 * the record's own declaration says where in the folder it is; and the copy
 * must have the digest filing.json states, or the build stops.
 */
export async function sourceFiles(filing: PublicFiling, recordFolder: string): Promise<{ url: string; bytes: Uint8Array }[]> {
  const declared = new Map(loadDeclaration(recordFolder, PROJECT_ROOT).sources.map((s) => [sourceFileName(s.file), s.file]));
  return Promise.all(
    filing.sources.map(async (source) => {
      const file = declared.get(source.name);
      if (file === undefined) throw new Error(`${filing.id}: filing.json names the source ${source.name}, which the record in ${recordFolder} does not declare`);
      const published = publishedSource(source.name, await readFile(join(recordFolder, file)));
      if (published.sha256 !== source.publishedSha256) {
        throw new Error(`${filing.id}: the published copy of ${source.name} has sha256 ${published.sha256}, filing.json says ${source.publishedSha256}: the record changed during the build`);
      }
      return { url: source.url, bytes: published.bytes };
    }),
  );
}
