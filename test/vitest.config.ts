// Vitest configuration; lives under test/ so the top level stays as the brief lays it out.
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    // The benchmarks' smoke runs spawn servers under load for tens of seconds: `npm run bench:smoke`.
    exclude: [...configDefaults.exclude, 'test/bench-smoke/**'],
    // Every process a test spawns is registered here and killed after the run, whatever happened.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Server and browser tests bind ports and spawn processes; two workers fit a 2-core machine.
    maxWorkers: 2,
  },
});
