import { defineConfig } from 'vitest/config';

// Benchmarks run on their own (`npm run bench`), never in `npm test`.
export default defineConfig({
  test: {
    include: ['tests/bench/**/*.bench.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    fileParallelism: false,
  },
});
