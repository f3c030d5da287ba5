import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['{lib,entrypoints,components,dev,scripts,bench}/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
