import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // OCR is CPU work and the machine has two cores: keep test files from fighting over them.
    maxWorkers: 2,
  },
});
