import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (fast, files in parallel) and `site` (build and
 * browser tests that share one fixture build made by the global setup; they
 * are CPU-heavy on a 2-core machine, so their files run one at a time).
 * `npm test` (scripts/test.ts) runs the two as two vitest processes side by
 * side: a site file spends much of its time waiting on its build's writers
 * and the browser, which the unit files fill.
 */
// The checks' build and hostile-record tests run whole Astro builds: they join the one-at-a-time group so they never race another build for the CPU.
// The fixture corpus (PDFs printed through Chromium, no site) is a unit file: the site project is the longer of the two side by side.
const siteTests = ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts', 'tests/checks/build.test.ts', 'tests/checks/hostile.test.ts', 'tests/deploy/nginx.test.ts', 'tests/checks/published-as-checked.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...siteTests, '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: siteTests,
          globalSetup: ['tests/helpers/build-fixture-site.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
