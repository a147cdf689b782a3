// Vitest configuration; lives under test/ so the top level stays as the brief lays it out.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Server and browser tests bind ports and spawn processes; two workers fit a 2-core machine.
    maxWorkers: 2,
  },
});
