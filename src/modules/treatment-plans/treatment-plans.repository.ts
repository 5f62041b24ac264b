import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { users } from '../accounts/accounts.tables.js';
import { treatmentPlans } from './treatment-plans.tables.js';

export type PlanRow = typeof treatmentPlans.$inferSelect & { updatedByName: string };
export type PlanValues = Pick<
  typeof treatmentPlans.$inferInsert,
  'problems' | 'goals' | 'techniques' | 'frequencyPerWeek' | 'durationWeeks' | 'precautions'
>;

export async function findPlan(db: Db, clinicId: string, episodeId: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select({ plan: treatmentPlans, updatedByName: users.name })
    .from(treatmentPlans)
    .innerJoin(users, eq(users.id, treatmentPlans.updatedBy))
    .where(and(eq(treatmentPlans.clinicId, clinicId), eq(treatmentPlans.episodeId, episodeId)));
  return row && { ...row.plan, updatedByName: row.updatedByName };
}

export async function insertPlan(db: Db, ctx: RequestContext, episodeId: string, values: PlanValues) {
  await db.insert(treatmentPlans).values({
    ...values,
    clinicId: ctx.clinicId,
    episodeId,
    createdAt: ctx.now,
    createdBy: ctx.userId,
    updatedAt: ctx.now,
    updatedBy: ctx.userId,
  });
}

export async function updatePlan(
  db: Db,
  ctx: RequestContext,
  episodeId: string,
  expectedVersion: number,
  values: PlanValues,
): Promise<boolean> {
  const rows = await db
    .update(treatmentPlans)
    .set({
      ...values,
      updatedAt: ctx.now,
      updatedBy: ctx.userId,
      version: sql`${treatmentPlans.version} + 1`,
    })
    .where(
      and(
        eq(treatmentPlans.clinicId, ctx.clinicId),
        eq(treatmentPlans.episodeId, episodeId),
        eq(treatmentPlans.version, expectedVersion),
      ),
    )
    .returning({ id: treatmentPlans.id });
  return rows.length === 1;
}
