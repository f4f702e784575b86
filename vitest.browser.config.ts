import { defineConfig } from 'vitest/config';

/** Browser tests: Debian Chromium driving the built extension (run `wxt build` first). */
export default defineConfig({
  test: {
    globals: true,
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // A real browser on a busy two-core machine can take seconds to restart a worker or a frame.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 60_000,
    // Each file starts its own Chromium (~0.5 GB); two cores run them best one at a time.
    fileParallelism: false,
  },
});
