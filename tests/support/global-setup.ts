import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createIcd10cmService } from '../../src/modules/icd10cm/index.js';
import {
  migrateDatabase,
  openPglite,
  openPostgres,
  wrapPglite,
  type Database,
} from '../../src/platform/db/database.js';

/** Migrations plus the shipped reference data, as a started server has them. */
async function prepareTemplate(database: Database): Promise<void> {
  await migrateDatabase(database);
  await createIcd10cmService({
    database,
    now: () => new Date('2026-11-25T00:00:00Z'),
  }).ensureShippedEdition();
}

declare module 'vitest' {
  export interface ProvidedContext {
    backend: 'pglite' | 'postgres';
    pgliteTemplatePath: string;
    postgresTemplateUrl: string;
  }
}

/**
 * Builds one migrated database per run and per backend; each test file clones it (Epic Stack's template
 * database idea): PGlite loads a dumped data folder (~0.8 s instead of ~4 s initdb), PostgreSQL uses
 * CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const backend = project.config.provide.backend;
  if (backend === 'postgres') {
    const adminUrl = requireDatabaseUrl();
    const name = `palpa_template_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const templateUrl = withDatabase(adminUrl, name);
    const database = openPostgres(templateUrl);
    await prepareTemplate(database);
    await database.close();
    project.provide('postgresTemplateUrl', templateUrl);
    project.provide('pgliteTemplatePath', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const client = await openPglite({});
  await prepareTemplate(wrapPglite(client));
  const dump = await client.dumpDataDir('none');
  await client.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'palpa-template-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplatePath', file);
  project.provide('postgresTemplateUrl', '');
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required for the postgres test backend');
  return url;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
