import { createHash } from 'node:crypto';
import { FILING_FILE, type FilingDeclaration } from './schema/filing.ts';
import { sourceFileName } from './filing-path.ts';
import { readBytes, rel, type Context } from './read-record-file.ts';

/**
 * The portal publishes each source document as the source of every figure:
 * each must be the document the record was made from (its sha256), under a
 * file name of its own.
 */
export function checkSources(ctx: Context, declaration: FilingDeclaration): void {
  const sourceNames = new Map<string, string>();
  for (const [i, source] of declaration.sources.entries()) {
    const name = sourceFileName(source.file);
    const earlier = sourceNames.get(name.toLowerCase());
    // The portal publishes every source under source/<file name>: two with one name would overwrite each other.
    if (earlier) ctx.problems.push({ file: rel(ctx, FILING_FILE), field: `sources[${i}].file`, message: `"${name}" is also the file name of ${earlier}: sources are published side by side, each needs its own name` });
    // Compared without case: on a case-insensitive host A.txt and a.txt are one file.
    sourceNames.set(name.toLowerCase(), source.file);
    const bytes = readBytes(ctx, source.file, `sources[${i}].file`);
    if (bytes === null) continue;
    // The portal publishes the file as the source of every figure: the digest proves it is the document the record was made from.
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (digest !== source.sha256) {
      ctx.problems.push({
        file: rel(ctx, FILING_FILE),
        field: `sources[${i}].sha256`,
        message: `${source.file} is not the document the record was made from: expected sha256 ${source.sha256}, found ${digest} (restore the file, or re-import and review the record if the source was replaced)`,
      });
    }
  }
}
