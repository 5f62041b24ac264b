import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';

/** The query API both drivers share; repositories and services only ever see this type. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  kind: DatabaseKind;
  db: Db;
  /** Compressed tarball of the embedded data folder (PGlite only). */
  dumpDataDir?: () => Promise<Blob>;
  close: () => Promise<void>;
};

export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../drizzle',
);

/**
 * PGlite only finds an extension's objects when the extension is passed on every open
 * (stack-notes: "could not access file pg_trgm"), so the list lives here and nowhere else.
 */
const PGLITE_EXTENSIONS = { pg_trgm, btree_gin, btree_gist };

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  const client = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: PGLITE_EXTENSIONS,
  });
  await client.waitReady;
  return client;
}

export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite(client);
  return {
    kind: 'pglite',
    db: db,
    dumpDataDir: async () => {
      await client.query('CHECKPOINT');
      return client.dumpDataDir('gzip');
    },
    close: () => client.close(),
  };
}

export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server must not crash the process; the next query reports the outage (503).
  pool.on('error', () => undefined);
  const db = drizzleNodePg(pool);
  return { kind: 'postgres', db: db, close: () => pool.end() };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') return openPostgres(config.url);
  fs.mkdirSync(config.dataDir, { recursive: true });
  return wrapPglite(await openPglite({ dataDir: config.dataDir }));
}

/** Applies the committed SQL migrations (drizzle/). On a server, an advisory lock serialises racing starts. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727272)`);
    await migrateNodePg(tx as never, { migrationsFolder: MIGRATIONS_FOLDER });
  });
}
