import { and, asc, desc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Icd10cmEntry } from './domain/icd10cm-code.js';
import { icd10cmCodes, icd10cmEditions } from './icd10cm.tables.js';

export async function findEditionBySha(db: Db, sha256: string): Promise<number | undefined> {
  const [row] = await db
    .select({ edition: icd10cmEditions.edition })
    .from(icd10cmEditions)
    .where(eq(icd10cmEditions.sourceSha256, sha256));
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
    .orderBy(desc(icd10cmEditions.edition))
    .limit(1);
  return row?.edition;
}

/** Replaces one edition's codes; a single INSERT … SELECT keeps 98,000 rows to one statement. */
export async function replaceEdition(
  db: Db,
  edition: number,
  sourceSha256: string,
  entries: readonly Icd10cmEntry[],
  now: Date,
): Promise<void> {
  await db.delete(icd10cmCodes).where(eq(icd10cmCodes.edition, edition));
  await db.delete(icd10cmEditions).where(eq(icd10cmEditions.edition, edition));
  await db.insert(icd10cmEditions).values({
    edition,
    sourceSha256,
    codeCount: entries.length,
    billableCount: entries.filter((e) => e.billable).length,
    loadedAt: now,
  });
  // One JSON parameter, unpacked by the database: the same on both drivers, with no array-literal escaping.
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
