import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every test app starts from a copy of databases migrated once per run.
    globalSetup: ['server/test/global-setup.ts'],
    // The CLI's --reporter replaces these (CI prints the slowest files from its JSON report instead).
    reporters: ['default', './server/test/slowest-files-reporter.ts'],
    // Every file builds its own database; two workers fit this 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts'],
          // A worker keeps the libraries it loaded for the next file instead of loading them again
          // (a third of a file's time); the product's own modules start afresh in every file.
          isolate: false,
          setupFiles: ['server/test/fresh-modules.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The web's forms rendered in a simulated browser (jsdom), with the people's own clicks and typing.
        extends: true,
        test: {
          name: 'dom',
          include: ['web/**/*.dom.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['web/test/dom-setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The browser journeys run after the rest, one file at a time: sharing two cores with
        // database tests or another journey, a real Chromium's animations and requests outlast
        // their limits (two at a time was tried: no faster on two cores, and steps timed out).
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
