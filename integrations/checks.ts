import type { AstroIntegration } from 'astro';
import { PROJECT_ROOT, contentRoot } from '../src/lib/records/paths.ts';
import { DEFAULT_CACHE_FILE, errorCount, formatFinding, report, runChecks } from '../src/lib/checks/run-checks.ts';
import { formatProblem } from '../src/lib/records/record-error.ts';

/**
 * Runs the same checks as `npm run check` when a build starts, before content
 * is synced or any page is rendered: an unacknowledged error stops the build
 * with the finding that names the cell; warnings are logged and go on to the
 * filing pages' 数据核对 section.
 */
export function checks(): AstroIntegration {
  return {
    name: 'gongkai:checks',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build') return;
        const log = logger.fork('gongkai:checks');
        const run = await runChecks(PROJECT_ROOT, contentRoot(), { threads: 1, cacheFile: DEFAULT_CACHE_FILE });
        const lines = report(run);
        const summary = lines.slice(lines.lastIndexOf('') + 1);
        for (const problem of run.problems) log.error(formatProblem(problem));
        for (const finding of run.findings) (finding.severity === 'error' ? log.error : log.warn).call(log, formatFinding(finding));
        const timing = `${Math.round(run.elapsed)} ms`;
        if (errorCount(run) > 0) {
          const errors = [...run.problems.map((p) => `error: ${formatProblem(p)}`), ...run.findings.filter((f) => f.severity === 'error').map(formatFinding)];
          const shown = errors.slice(0, 20);
          if (errors.length > shown.length) shown.push(`… and ${errors.length - shown.length} more (npm run check lists them all)`);
          throw new Error(`The checks found errors; the build stops before anything is published.\n${shown.join('\n')}\n${summary.join('\n')}\n(${timing})`);
        }
        log.info(`${summary.join('\n')} (${timing})`);
      },
    },
  };
}
