import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Condition, Technique } from './domain/library-content.js';
import { conditionSearchText } from './domain/library-search.js';
import { libraryConditions, libraryContentVersions, libraryTechniques } from './library.tables.js';

/** Typo tolerance: pg_trgm word similarity (F.35) at which a query word matches a name or alias. */
const WORD_SIMILARITY_THRESHOLD = 0.45;

export async function loadedVersion(db: Db): Promise<string | undefined> {
  const [row] = await db
    .select({ version: libraryContentVersions.version })
    .from(libraryContentVersions)
    .orderBy(sql`${libraryContentVersions.loadedAt} desc`)
    .limit(1);
  return row?.version;
}

/** Replaces the shipped rows (clinic_id null) with this version; clinics' own rows are not touched. */
export async function replaceShippedContent(
  db: Db,
  content: { version: string; conditions: Condition[]; techniques: Technique[] },
  now: Date,
): Promise<void> {
  await db.delete(libraryConditions).where(isNull(libraryConditions.clinicId));
  await db.delete(libraryTechniques).where(isNull(libraryTechniques.clinicId));
  if (content.conditions.length > 0)
    await db.insert(libraryConditions).values(
      content.conditions.map((c) => ({
        slug: c.id,
        name: c.name,
        content: c,
        searchText: conditionSearchText(c),
        icd10cm: c.icd10cm.map((d) => d.code),
        aliases: c.aliases,
        updatedAt: now,
      })),
    );
  if (content.techniques.length > 0)
    await db
      .insert(libraryTechniques)
      .values(content.techniques.map((t) => ({ slug: t.id, name: t.name, content: t, updatedAt: now })));
  await db
    .insert(libraryContentVersions)
    .values({
      version: content.version,
      conditions: String(content.conditions.length),
      techniques: String(content.techniques.length),
      loadedAt: now,
    })
    .onConflictDoUpdate({ target: libraryContentVersions.version, set: { loadedAt: now } });
}

/** Shipped rows plus the clinic's own; a clinic's row with the same slug hides the shipped one. */
function visibleTo(clinicId: string | null) {
  const scope = clinicId
    ? or(isNull(libraryConditions.clinicId), eq(libraryConditions.clinicId, clinicId))
    : isNull(libraryConditions.clinicId);
  const overridden = clinicId
    ? sql`not (${libraryConditions.clinicId} is null and exists (
        select 1 from library_conditions own
        where own.clinic_id = ${clinicId} and own.slug = ${libraryConditions.slug}))`
    : sql`true`;
  return and(scope, overridden);
}

export type ConditionSummaryRow = {
  slug: string;
  name: string;
  icd10cm: string[];
  category: string;
  bodyAreas: string[];
  own: boolean;
};

const summaryColumns = {
  slug: libraryConditions.slug,
  name: libraryConditions.name,
  icd10cm: libraryConditions.icd10cm,
  category: sql<string>`${libraryConditions.content}->>'category'`,
  bodyAreas: sql<
    string[]
  >`array(select jsonb_array_elements_text(${libraryConditions.content}->'bodyAreas'))`,
  /** The clinic's own condition (or its override of a shipped one). */
  own: sql<boolean>`${libraryConditions.clinicId} is not null`,
};

export async function listConditions(db: Db, clinicId: string | null): Promise<ConditionSummaryRow[]> {
  return db
    .select(summaryColumns)
    .from(libraryConditions)
    .where(visibleTo(clinicId))
    .orderBy(asc(libraryConditions.name));
}

export async function searchConditions(
  db: Db,
  clinicId: string | null,
  query: { folded: string; icdPrefix: string | null },
  limit: number,
): Promise<(ConditionSummaryRow & { aliases: string[]; similarity: number })[]> {
  const words = query.folded;
  const codeMatch = query.icdPrefix
    ? sql`exists (select 1 from unnest(${libraryConditions.icd10cm}) code where code like ${`${query.icdPrefix}%`})`
    : sql`false`;
  const score = sql<number>`greatest(
      word_similarity(${words}, ${libraryConditions.searchText}),
      case when ${libraryConditions.searchText} like ${`%${words}%`} then 1 else 0 end,
      case when ${codeMatch} then 1 else 0 end)`;
  return db
    .select({
      ...summaryColumns,
      aliases: libraryConditions.aliases,
      similarity: sql<number>`word_similarity(${words}, ${libraryConditions.searchText})`,
    })
    .from(libraryConditions)
    .where(
      and(
        visibleTo(clinicId),
        or(
          sql`${words} <% ${libraryConditions.searchText}`,
          sql`${libraryConditions.searchText} like ${`%${words}%`}`,
          codeMatch,
        ),
      ),
    )
    .orderBy(sql`${score} desc`, asc(libraryConditions.name))
    .limit(limit);
}

export async function setWordSimilarityThreshold(db: Db): Promise<void> {
  await db.execute(
    sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`,
  );
}

export async function findCondition(
  db: Db,
  clinicId: string | null,
  slug: string,
): Promise<Condition | undefined> {
  const [row] = await db
    .select({ content: libraryConditions.content })
    .from(libraryConditions)
    .where(and(visibleTo(clinicId), eq(libraryConditions.slug, slug)));
  return row?.content;
}

export async function listTechniques(db: Db): Promise<Technique[]> {
  const rows = await db
    .select({ content: libraryTechniques.content })
    .from(libraryTechniques)
    .where(isNull(libraryTechniques.clinicId))
    .orderBy(asc(libraryTechniques.name));
  return rows.map((r) => r.content);
}

export async function upsertClinicCondition(db: Db, clinicId: string, condition: Condition, now: Date) {
  const values = {
    clinicId,
    slug: condition.id,
    name: condition.name,
    content: condition,
    searchText: conditionSearchText(condition),
    icd10cm: condition.icd10cm.map((d) => d.code),
    aliases: condition.aliases,
    updatedAt: now,
  };
  const updated = await db
    .update(libraryConditions)
    .set(values)
    .where(and(eq(libraryConditions.clinicId, clinicId), eq(libraryConditions.slug, condition.id)))
    .returning({ id: libraryConditions.id });
  if (updated.length === 0) await db.insert(libraryConditions).values(values);
}

export async function deleteClinicCondition(db: Db, clinicId: string, slug: string): Promise<boolean> {
  const rows = await db
    .delete(libraryConditions)
    .where(and(eq(libraryConditions.clinicId, clinicId), eq(libraryConditions.slug, slug)))
    .returning({ id: libraryConditions.id });
  return rows.length > 0;
}

export async function isClinicCondition(db: Db, clinicId: string, slug: string): Promise<boolean> {
  const [row] = await db
    .select({ id: libraryConditions.id })
    .from(libraryConditions)
    .where(and(eq(libraryConditions.clinicId, clinicId), eq(libraryConditions.slug, slug)));
  return row !== undefined;
}

/** Conditions and techniques whose cautions name a screening rule: what an alert links to. */
export async function referencingRule(db: Db, clinicId: string | null, ruleId: string) {
  const conditions = await db
    .select({ slug: libraryConditions.slug, name: libraryConditions.name })
    .from(libraryConditions)
    .where(and(visibleTo(clinicId), sql`${libraryConditions.content}->'screeningRules' ? ${ruleId}`))
    .orderBy(asc(libraryConditions.name));
  const techniques = await db
    .select({ slug: libraryTechniques.slug, name: libraryTechniques.name })
    .from(libraryTechniques)
    .where(
      and(
        isNull(libraryTechniques.clinicId),
        sql`${libraryTechniques.content}->'screeningRules' ? ${ruleId}`,
      ),
    )
    .orderBy(asc(libraryTechniques.name));
  return { conditions, techniques };
}
