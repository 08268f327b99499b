import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { PROJECT_ROOT, contentRoot } from '../src/lib/records/paths.ts';
import { compileAll } from '../src/lib/compile/compile-all.ts';
import { MANIFEST_ENV, writeManifest } from '../src/lib/compile/build-manifest.ts';
import { DEFAULT_STORE_ROOT } from '../src/lib/compile/compiled-store.ts';
import { errorCount, formatFinding, report } from '../src/lib/checks/run-checks.ts';
import { formatProblem } from '../src/lib/records/record-error.ts';

/**
 * The compile step (docs/compile.md) when Astro is run on its own (`astro
 * build`, `astro dev`): `npm run build` compiles first and names its
 * manifest in GONGKAI_COMPILED, and then this does nothing. Otherwise it
 * compiles every filing before content syncs: an unacknowledged error stops
 * a build with the finding that names the cell; warnings are logged and go
 * on to the filing pages' 数据核对 section.
 */
export function checks(): AstroIntegration {
  return {
    name: 'gongkai:checks',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const log = logger.fork('gongkai:checks');
        if (process.env[MANIFEST_ENV]) {
          log.info(`publishing the filings compiled by npm run build (${process.env[MANIFEST_ENV]})`);
          return;
        }
        const run = await compileAll(PROJECT_ROOT, contentRoot(), { threads: 1 });
        const lines = report(run);
        const summary = lines.slice(lines.lastIndexOf('') + 1);
        for (const problem of run.problems) log.error(formatProblem(problem));
        for (const finding of run.findings) (finding.severity === 'error' ? log.error : log.warn).call(log, formatFinding(finding));
        const timing = `${Math.round(run.elapsed)} ms`;
        if (command === 'build' && errorCount(run) > 0) {
          const errors = [...run.problems.map((p) => `error: ${formatProblem(p)}`), ...run.findings.filter((f) => f.severity === 'error').map(formatFinding)];
          const shown = errors.slice(0, 20);
          if (errors.length > shown.length) shown.push(`… and ${errors.length - shown.length} more (npm run check lists them all)`);
          throw new Error(`The checks found errors; the build stops before anything is published.\n${shown.join('\n')}\n${summary.join('\n')}\n(${timing})`);
        }
        const manifest = join(DEFAULT_STORE_ROOT, '..', 'manifests', `astro-${process.pid}.json`);
        writeManifest(manifest, { store: run.store, heads: run.heads });
        process.env[MANIFEST_ENV] = manifest;
        log.info(`${summary.join('\n')} (${timing}; ${run.compiled} compiled, ${run.reused} unchanged)`);
      },
    },
  };
}
