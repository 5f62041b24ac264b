import { defineConfig } from 'vitest/config';

// Data-layer and API tests run once per backend: always on PGlite, and on a PostgreSQL server too when
// DATABASE_URL is set (.ci/run sets it). Each test file gets its own freshly migrated database.
const integrationFiles = ['src/**/*.api.test.ts', 'src/**/*.db.test.ts'];
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
          sequence: { groupOrder: 0 },
          include: [
            'src/**/domain/**/*.test.ts',
            'tests/architecture/**/*.test.ts',
            'src/platform/**/*.unit.test.ts',
            'src/modules/**/*.unit.test.ts',
            'src/web/**/*.unit.test.ts',
          ],
          pool: 'threads',
          isolate: false,
        },
      },
      ...backends.map((backend, index) => ({
        test: {
          name: `integration-${backend}`,
          sequence: { groupOrder: 1 + index },
          // tests/embedded exercise PGlite's own data folder (lock, backups) whatever the backend.
          include:
            backend === 'pglite' ? [...integrationFiles, 'tests/embedded/**/*.test.ts'] : integrationFiles,
          pool: 'forks' as const,
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['tests/support/global-setup.ts'],
          provide: { backend },
        },
      })),
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 10 },
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
