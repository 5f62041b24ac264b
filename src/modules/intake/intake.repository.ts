import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { users } from '../accounts/accounts.tables.js';
import { episodes } from '../episodes/episodes.tables.js';
import { consents, intakes } from './intake.tables.js';

export type IntakeRow = typeof intakes.$inferSelect & { updatedByName: string };

export async function findIntake(
  db: Db,
  clinicId: string,
  episodeId: string,
): Promise<IntakeRow | undefined> {
  const [row] = await db
    .select({ intake: intakes, updatedByName: users.name })
    .from(intakes)
    .innerJoin(users, eq(users.id, intakes.updatedBy))
    .where(and(eq(intakes.clinicId, clinicId), eq(intakes.episodeId, episodeId)));
  return row && { ...row.intake, updatedByName: row.updatedByName };
}

export async function insertIntake(
  db: Db,
  ctx: RequestContext,
  episodeId: string,
  values: Pick<IntakeRow, 'healthHistory' | 'alerts'>,
): Promise<void> {
  await db.insert(intakes).values({
    ...values,
    clinicId: ctx.clinicId,
    episodeId,
    createdAt: ctx.now,
    createdBy: ctx.userId,
    updatedAt: ctx.now,
    updatedBy: ctx.userId,
  });
}

export async function updateIntake(
  db: Db,
  ctx: RequestContext,
  episodeId: string,
  expectedVersion: number,
  values: Pick<IntakeRow, 'healthHistory' | 'alerts'>,
): Promise<boolean> {
  const rows = await db
    .update(intakes)
    .set({ ...values, updatedAt: ctx.now, updatedBy: ctx.userId, version: sql`${intakes.version} + 1` })
    .where(
      and(
        eq(intakes.clinicId, ctx.clinicId),
        eq(intakes.episodeId, episodeId),
        eq(intakes.version, expectedVersion),
      ),
    )
    .returning({ id: intakes.id });
  return rows.length === 1;
}

/** Alerts of the client's open episodes, newest intake first. */
export async function alertsOfOpenEpisodes(db: Db, clinicId: string, clientId: string) {
  return db
    .select({ episodeId: intakes.episodeId, alerts: intakes.alerts })
    .from(intakes)
    .innerJoin(episodes, eq(episodes.id, intakes.episodeId))
    .where(
      and(
        eq(intakes.clinicId, clinicId),
        eq(episodes.clientId, clientId),
        inArray(episodes.status, ['open']),
      ),
    )
    .orderBy(desc(intakes.updatedAt));
}

export type ConsentRow = typeof consents.$inferSelect & { witnessedByName: string };

export async function insertConsent(db: Db, values: typeof consents.$inferInsert): Promise<string> {
  const [row] = await db.insert(consents).values(values).returning({ id: consents.id });
  return row!.id;
}

export async function listConsents(db: Db, clinicId: string, episodeId: string): Promise<ConsentRow[]> {
  const rows = await db
    .select({ consent: consents, witnessedByName: users.name })
    .from(consents)
    .innerJoin(users, eq(users.id, consents.witnessedBy))
    .where(and(eq(consents.clinicId, clinicId), eq(consents.episodeId, episodeId)))
    .orderBy(desc(consents.signedAt));
  return rows.map((r) => ({ ...r.consent, witnessedByName: r.witnessedByName }));
}
