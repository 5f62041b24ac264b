import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { sessionNotes } from '../session-notes/session-notes.tables.js';
import { prescriptions } from './prescriptions.tables.js';

export type PrescriptionRow = typeof prescriptions.$inferSelect;
export type PrescriptionValues = Omit<
  typeof prescriptions.$inferInsert,
  'id' | 'clinicId' | 'episodeId' | 'version' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'
>;

export async function listPrescriptions(
  db: Db,
  clinicId: string,
  episodeId: string,
): Promise<PrescriptionRow[]> {
  return db
    .select()
    .from(prescriptions)
    .where(and(eq(prescriptions.clinicId, clinicId), eq(prescriptions.episodeId, episodeId)))
    .orderBy(asc(prescriptions.writtenOn), asc(prescriptions.createdAt));
}

export async function findPrescription(
  db: Db,
  clinicId: string,
  id: string,
): Promise<PrescriptionRow | undefined> {
  const [row] = await db
    .select()
    .from(prescriptions)
    .where(and(eq(prescriptions.clinicId, clinicId), eq(prescriptions.id, id)));
  return row;
}

export async function insertPrescription(
  db: Db,
  ctx: RequestContext,
  episodeId: string,
  values: PrescriptionValues,
): Promise<PrescriptionRow> {
  const [row] = await db
    .insert(prescriptions)
    .values({
      ...values,
      clinicId: ctx.clinicId,
      episodeId,
      createdAt: ctx.now,
      createdBy: ctx.userId,
      updatedAt: ctx.now,
      updatedBy: ctx.userId,
    })
    .returning();
  return row!;
}

export async function updatePrescription(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  values: Partial<PrescriptionValues>,
): Promise<PrescriptionRow | undefined> {
  const [row] = await db
    .update(prescriptions)
    .set({ ...values, updatedAt: ctx.now, updatedBy: ctx.userId, version: sql`${prescriptions.version} + 1` })
    .where(
      and(
        eq(prescriptions.clinicId, ctx.clinicId),
        eq(prescriptions.id, id),
        eq(prescriptions.version, expectedVersion),
      ),
    )
    .returning();
  return row;
}

/** Dates of the episode's sessions (drafts too: the visit happened), for visits used. */
export async function sessionDatesOfEpisode(db: Db, clinicId: string, episodeId: string): Promise<string[]> {
  const rows = await db
    .select({ sessionDate: sessionNotes.sessionDate })
    .from(sessionNotes)
    .where(and(eq(sessionNotes.clinicId, clinicId), eq(sessionNotes.episodeId, episodeId)));
  return rows.map((r) => r.sessionDate);
}
