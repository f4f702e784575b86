import { defineConfig } from 'vitest/config';

/**
 * Team server tests: each file runs against PGlite and against a throwaway PostgreSQL cluster
 * (tests/server/support/postgres.ts). Node, no browser.
 */
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    globals: true,
    include: ['tests/server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 20_000, interval: 50 } },
    // PGlite takes ~0.75 GB and a PostgreSQL cluster its own processes: one file at a time.
    fileParallelism: false,
  },
});
