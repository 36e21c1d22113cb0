import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Integration and e2e tests start real processes, browsers and builds.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: process.env['VITEST_JSON_REPORT']
      ? ['default', ['json', { outputFile: process.env['VITEST_JSON_REPORT'] }]]
      : ['default'],
  },
});
