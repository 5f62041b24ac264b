import { and, asc, desc, eq, isNotNull, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Icd10cmEntry } from './domain/icd10cm-code.js';
import { icd10cmCodes, icd10cmEditions } from './icd10cm.tables.js';

/** The edition loaded from a file with this checksum, if its load finished. */
export async function findLoadedEditionBySha(db: Db, sha256: string): Promise<number | undefined> {
  const [row] = await db
    .select({ edition: icd10cmEditions.edition })
    .from(icd10cmEditions)
    .where(and(eq(icd10cmEditions.sourceSha256, sha256), isNotNull(icd10cmEditions.loadedAt)));
  return row?.edition;
}

export async function countCodes(db: Db, edition: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(icd10cmCodes)
    .where(eq(icd10cmCodes.edition, edition));
  return row?.n ?? 0;
}

export async function latestEdition(db: Db): Promise<number | undefined> {
  const [row] = await db
    .select({ edition: icd10cmEditions.edition })
    .from(icd10cmEditions)
    .where(isNotNull(icd10cmEditions.loadedAt))
    .orderBy(desc(icd10cmEditions.edition))
    .limit(1);
  return row?.edition;
}

/** Starts (or restarts) loading an edition: its row marked as loading, its old codes gone. */
export async function beginEditionLoad(
  db: Db,
  edition: number,
  sourceSha256: string,
  entries: readonly Icd10cmEntry[],
): Promise<void> {
  await db.delete(icd10cmCodes).where(eq(icd10cmCodes.edition, edition));
  const values = {
    sourceSha256,
    codeCount: entries.length,
    billableCount: entries.filter((e) => e.billable).length,
    loadedAt: null,
  };
  await db
    .insert(icd10cmEditions)
    .values({ edition, ...values })
    .onConflictDoUpdate({ target: icd10cmEditions.edition, set: values });
}

/** One batch of codes in one statement; JSON unpacked by the database works the same on both drivers. */
export async function insertCodes(db: Db, edition: number, entries: readonly Icd10cmEntry[]): Promise<void> {
  const rows = JSON.stringify(
    entries.map((e) => ({
      code: e.code,
      billable: e.billable,
      short: e.shortDescription,
      long: e.longDescription,
    })),
  );
  await db.execute(sql`
    insert into icd10cm_codes (edition, code, billable, short_description, long_description)
    select ${edition}, code, billable, short, long
    from jsonb_to_recordset(${rows}::jsonb) as t(code text, billable boolean, short text, long text)`);
}

export async function finishEditionLoad(db: Db, edition: number, now: Date): Promise<void> {
  await db.update(icd10cmEditions).set({ loadedAt: now }).where(eq(icd10cmEditions.edition, edition));
  // Fresh statistics, or the planner takes the edition index (every row) over the full-text index.
  await db.execute(sql`analyze icd10cm_codes`);
}

export type CodeRow = { code: string; billable: boolean; description: string };

const columns = {
  code: icd10cmCodes.code,
  billable: icd10cmCodes.billable,
  description: icd10cmCodes.longDescription,
};

export async function findCode(db: Db, edition: number, code: string): Promise<CodeRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(icd10cmCodes)
    .where(and(eq(icd10cmCodes.edition, edition), eq(icd10cmCodes.code, code)));
  return row;
}

/** Codes starting with `prefix` (itself first), in tabular order of specificity. */
export async function codesWithPrefix(
  db: Db,
  edition: number,
  prefix: string,
  options: { billableOnly: boolean; limit: number },
): Promise<CodeRow[]> {
  return db
    .select(columns)
    .from(icd10cmCodes)
    .where(
      and(
        eq(icd10cmCodes.edition, edition),
        like(icd10cmCodes.code, `${prefix}%`),
        ...(options.billableOnly ? [eq(icd10cmCodes.billable, true)] : []),
      ),
    )
    .orderBy(sql`length(${icd10cmCodes.code})`, asc(icd10cmCodes.code))
    .limit(options.limit);
}

/** Full-text search of the official titles; `tsquery` comes from prefixTsquery (only letters, digits, :*, &). */
export async function searchTitles(
  db: Db,
  edition: number,
  tsqueries: readonly string[],
  options: { billableOnly: boolean; limit: number },
): Promise<CodeRow[]> {
  const matches = tsqueries.map((q) => sql`${icd10cmCodes.searchVector} @@ to_tsquery('english', ${q})`);
  const rank = sql`greatest(${sql.join(
    tsqueries.map((q) => sql`ts_rank(${icd10cmCodes.searchVector}, to_tsquery('english', ${q}))`),
    sql`, `,
  )})`;
  return (
    db
      .select(columns)
      .from(icd10cmCodes)
      .where(
        and(
          eq(icd10cmCodes.edition, edition),
          sql`(${sql.join(matches, sql` or `)})`,
          ...(options.billableOnly ? [eq(icd10cmCodes.billable, true)] : []),
        ),
      )
      // Best match first; among equals, tabular order (the category's own and "unspecified" codes come first).
      .orderBy(desc(rank), asc(icd10cmCodes.code))
      .limit(options.limit)
  );
}

/** Loaded editions (fiscal years), newest first. */
export async function loadedEditions(db: Db): Promise<number[]> {
  const rows = await db
    .select({ edition: icd10cmEditions.edition })
    .from(icd10cmEditions)
    .where(isNotNull(icd10cmEditions.loadedAt))
    .orderBy(desc(icd10cmEditions.edition));
  return rows.map((r) => r.edition);
}
