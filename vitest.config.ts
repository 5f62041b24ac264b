import { defineConfig } from 'vitest/config';

// Data-layer and API tests run once per backend: always on PGlite, and on a PostgreSQL server too when
// DATABASE_URL is set (.ci/run sets it). Each test file gets its own freshly migrated database.
const integrationFiles = ['src/**/*.api.test.ts', 'src/**/*.db.test.ts', 'tests/integration/**/*.test.ts'];
const backends = process.env.DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

export default defineConfig({
  test: {
    reporters: process.env.VITEST_JSON_REPORT
      ? ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT }]]
      : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'src/**/domain/**/*.test.ts',
            'tests/architecture/**/*.test.ts',
            'src/platform/**/*.unit.test.ts',
          ],
          pool: 'threads',
          isolate: false,
        },
      },
      ...backends.map((backend) => ({
        test: {
          name: `integration-${backend}`,
          include: integrationFiles,
          pool: 'forks' as const,
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['tests/support/global-setup.ts'],
          env: { PALPA_TEST_BACKEND: backend },
          provide: { backend },
        },
      })),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          pool: 'forks' as const,
          maxWorkers: 1,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
