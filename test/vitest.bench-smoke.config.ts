// `npm run bench:smoke`: the benchmarks at a tiny scale, to keep their harnesses from rotting. Kept
// out of `npm test` because each spawns servers and load for tens of seconds; run one file at a time.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/bench-smoke/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    maxWorkers: 1,
  },
});
