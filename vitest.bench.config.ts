import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/** `npm run bench` (Node part): measurements that write docs/benchmarks.md; never part of `npm test`. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    include: ['tests/bench/**/*.bench-run.ts'],
    environment: 'happy-dom',
    testTimeout: 120_000,
  },
});
