import { defineConfig } from 'vitest/config';

// End-to-end specs drive the built extension in real Chromium; one browser at a time on a 2-core machine.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
