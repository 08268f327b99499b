import { z } from 'zod';

/**
 * Why a path named in filing.yaml cannot be one of the record's own files,
 * or undefined when it can. A record names its files relative to its folder
 * and never outside it: the build publishes what these paths point at, so
 * `../../…` or `/proc/self/environ` would put any file of the machine that
 * builds the site on the portal.
 */
export function recordPathProblem(path: string): string | undefined {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return `expected a path inside the filing folder, found the absolute path "${path}"`;
  if (path.includes('\\')) return `expected a path with / between folders, found "${path}"`;
  if (path.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) {
    return `expected a path inside the filing folder such as tables/income-summary.csv, found "${path}"`;
  }
  return undefined;
}

/** A file of the record, relative to its folder, ending in one of `extensions` when given. */
export function recordPathSchema(extensions?: { pattern: RegExp; expected: string }) {
  return z.string().superRefine((path, ctx) => {
    const problem = recordPathProblem(path);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    else if (extensions && !extensions.pattern.test(path)) ctx.addIssue({ code: 'custom', message: `expected a path to ${extensions.expected}, found "${path}"` });
  });
}
