import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // OCR, worker processes and Redis restarts are CPU- and timing-sensitive on two cores: one test
    // file at a time keeps them from starving each other (the OCR tests use both cores themselves).
    fileParallelism: false,
  },
});
