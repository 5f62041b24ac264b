import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { SQL } from 'drizzle-orm';
import { openPglite, openPostgres, wrapPglite, type Database } from '../../src/platform/db/database.js';
import { requireDatabaseUrl, withDatabase } from './global-setup.js';

export type TestDatabase = Database & { dispose: () => Promise<void> };

/** A freshly migrated, empty database on the backend this test project runs against. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (inject('backend') === 'postgres') {
    const template = new URL(inject('postgresTemplateUrl')).pathname.slice(1);
    const name = `palpa_test_${randomUUID().replaceAll('-', '')}`;
    const adminUrl = requireDatabaseUrl();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const database = openPostgres(withDatabase(adminUrl, name));
    return {
      ...database,
      dispose: async () => {
        await database.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dump = fs.readFileSync(inject('pgliteTemplatePath'));
  const client = await openPglite({ loadDataDir: new Blob([dump]) });
  const database = wrapPglite(client);
  return { ...database, dispose: () => database.close() };
}

/** Rows of a raw query; both drivers answer `{ rows }`. */
export async function queryRows<T = Record<string, unknown>>(database: Database, query: SQL): Promise<T[]> {
  const result: { rows: T[] } = (await database.db.execute(query)) as never;
  return result.rows;
}
