import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { users } from '../accounts/accounts.tables.js';
import { sessionNoteAddenda, sessionNotes } from './session-notes.tables.js';

const therapist = alias(users, 'therapist');
const signer = alias(users, 'signer');

export type NoteRow = typeof sessionNotes.$inferSelect & {
  therapistName: string;
  signedByName: string | null;
};
export type NoteValues = Partial<
  Omit<
    typeof sessionNotes.$inferInsert,
    | 'id'
    | 'clinicId'
    | 'episodeId'
    | 'clientId'
    | 'version'
    | 'createdAt'
    | 'createdBy'
    | 'updatedAt'
    | 'updatedBy'
  >
>;

function selectNotes(db: Db) {
  return db
    .select({ note: sessionNotes, therapistName: therapist.name, signedByName: signer.name })
    .from(sessionNotes)
    .innerJoin(therapist, eq(therapist.id, sessionNotes.therapistId))
    .leftJoin(signer, eq(signer.id, sessionNotes.signedBy));
}
type Selected = {
  note: typeof sessionNotes.$inferSelect;
  therapistName: string;
  signedByName: string | null;
};
const flatten = (r: Selected): NoteRow => ({
  ...r.note,
  therapistName: r.therapistName,
  signedByName: r.signedByName,
});

export async function findNote(db: Db, clinicId: string, id: string): Promise<NoteRow | undefined> {
  const [row] = await selectNotes(db).where(
    and(eq(sessionNotes.clinicId, clinicId), eq(sessionNotes.id, id)),
  );
  return row && flatten(row);
}

export async function listNotes(
  db: Db,
  clinicId: string,
  episodeId: string,
  options: { signedOnly: boolean } = { signedOnly: false },
): Promise<NoteRow[]> {
  const rows = await selectNotes(db)
    .where(
      and(
        eq(sessionNotes.clinicId, clinicId),
        eq(sessionNotes.episodeId, episodeId),
        options.signedOnly ? isNotNull(sessionNotes.signedAt) : undefined,
      ),
    )
    .orderBy(asc(sessionNotes.sessionDate), asc(sessionNotes.createdAt));
  return rows.map(flatten);
}

export async function insertNote(
  db: Db,
  ctx: RequestContext,
  scope: { episodeId: string; clientId: string },
  values: NoteValues & { sessionDate: string },
): Promise<string> {
  const [row] = await db
    .insert(sessionNotes)
    .values({
      services: [],
      acknowledgements: [],
      ...values,
      ...scope,
      clinicId: ctx.clinicId,
      therapistId: ctx.userId,
      createdAt: ctx.now,
      createdBy: ctx.userId,
      updatedAt: ctx.now,
      updatedBy: ctx.userId,
    })
    .returning({ id: sessionNotes.id });
  return row!.id;
}

/** Changes a draft at the expected version; a signed note never matches (and the trigger refuses it anyway). */
export async function updateDraft(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  values: NoteValues,
): Promise<boolean> {
  const rows = await db
    .update(sessionNotes)
    .set({ ...values, updatedAt: ctx.now, updatedBy: ctx.userId, version: sql`${sessionNotes.version} + 1` })
    .where(
      and(
        eq(sessionNotes.clinicId, ctx.clinicId),
        eq(sessionNotes.id, id),
        eq(sessionNotes.version, expectedVersion),
        isNull(sessionNotes.signedAt),
      ),
    )
    .returning({ id: sessionNotes.id });
  return rows.length === 1;
}

export async function deleteDraft(db: Db, clinicId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(sessionNotes)
    .where(and(eq(sessionNotes.clinicId, clinicId), eq(sessionNotes.id, id), isNull(sessionNotes.signedAt)))
    .returning({ id: sessionNotes.id });
  return rows.length === 1;
}

export type AddendumRow = {
  id: string;
  sessionNoteId: string;
  text: string;
  signedAt: Date;
  signedByName: string;
};

export async function addendaOf(db: Db, clinicId: string, noteIds: string[]): Promise<AddendumRow[]> {
  if (noteIds.length === 0) return [];
  return db
    .select({
      id: sessionNoteAddenda.id,
      sessionNoteId: sessionNoteAddenda.sessionNoteId,
      text: sessionNoteAddenda.text,
      signedAt: sessionNoteAddenda.signedAt,
      signedByName: users.name,
    })
    .from(sessionNoteAddenda)
    .innerJoin(users, eq(users.id, sessionNoteAddenda.signedBy))
    .where(and(eq(sessionNoteAddenda.clinicId, clinicId), inArray(sessionNoteAddenda.sessionNoteId, noteIds)))
    .orderBy(asc(sessionNoteAddenda.signedAt));
}

export async function insertAddendum(
  db: Db,
  ctx: RequestContext,
  noteId: string,
  text: string,
): Promise<string> {
  const [row] = await db
    .insert(sessionNoteAddenda)
    .values({ clinicId: ctx.clinicId, sessionNoteId: noteId, text, signedAt: ctx.now, signedBy: ctx.userId })
    .returning({ id: sessionNoteAddenda.id });
  return row!.id;
}
