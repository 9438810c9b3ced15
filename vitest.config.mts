import { defineConfig } from 'vitest/config';

// `npm test`: every project's unit and integration tests. Browser tests run apart (`npm run test:e2e`).
export default defineConfig({
  test: {
    projects: [
      'libs/*/vitest.config.mts',
      'apps/*/vitest.config.mts',
      'plugins/*/vitest.config.mts',
      '!apps/admin-e2e/**',
    ],
  },
});
