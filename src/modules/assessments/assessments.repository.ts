import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { users } from '../accounts/accounts.tables.js';
import { assessments, bodyChartMarks, outcomeMeasureResults } from './assessments.tables.js';
import type { BodyChartMark, MarkIntensity, MarkType, BodyView } from './domain/body-regions.js';

export type AssessmentRow = typeof assessments.$inferSelect & {
  therapistName: string;
  signedByName: string | null;
};
export type AssessmentValues = Omit<
  typeof assessments.$inferInsert,
  | 'id'
  | 'clinicId'
  | 'episodeId'
  | 'signedAt'
  | 'signedBy'
  | 'version'
  | 'createdAt'
  | 'createdBy'
  | 'updatedAt'
  | 'updatedBy'
>;

const signer = alias(users, 'signer');

function selectAssessments(db: Db) {
  return db
    .select({ assessment: assessments, therapistName: users.name, signedByName: signer.name })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.createdBy))
    .leftJoin(signer, eq(signer.id, assessments.signedBy));
}

type Selected = {
  assessment: typeof assessments.$inferSelect;
  therapistName: string;
  signedByName: string | null;
};
const flatten = (r: Selected): AssessmentRow => ({
  ...r.assessment,
  therapistName: r.therapistName,
  signedByName: r.signedByName,
});

export async function findAssessment(
  db: Db,
  clinicId: string,
  id: string,
): Promise<AssessmentRow | undefined> {
  const [row] = await selectAssessments(db).where(
    and(eq(assessments.clinicId, clinicId), eq(assessments.id, id)),
  );
  return row && flatten(row);
}

export async function listAssessments(db: Db, clinicId: string, episodeId: string): Promise<AssessmentRow[]> {
  const rows = await selectAssessments(db)
    .where(and(eq(assessments.clinicId, clinicId), eq(assessments.episodeId, episodeId)))
    .orderBy(asc(assessments.assessedOn), asc(assessments.createdAt));
  return rows.map(flatten);
}

export async function insertAssessment(
  db: Db,
  ctx: RequestContext,
  episodeId: string,
  values: AssessmentValues,
): Promise<string> {
  const [row] = await db
    .insert(assessments)
    .values({
      ...values,
      clinicId: ctx.clinicId,
      episodeId,
      createdAt: ctx.now,
      createdBy: ctx.userId,
      updatedAt: ctx.now,
      updatedBy: ctx.userId,
    })
    .returning({ id: assessments.id });
  return row!.id;
}

/** Only an unsigned assessment at the expected version changes (the trigger backs up the first part). */
export async function updateAssessment(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  values: AssessmentValues | { signedAt: Date; signedBy: string },
): Promise<boolean> {
  const rows = await db
    .update(assessments)
    .set({ ...values, updatedAt: ctx.now, updatedBy: ctx.userId, version: sql`${assessments.version} + 1` })
    .where(
      and(
        eq(assessments.clinicId, ctx.clinicId),
        eq(assessments.id, id),
        eq(assessments.version, expectedVersion),
        isNull(assessments.signedAt),
      ),
    )
    .returning({ id: assessments.id });
  return rows.length === 1;
}

export type MarkOwner = { assessmentId: string } | { sessionNoteId: string };

const ownerCondition = (owner: MarkOwner, table: typeof bodyChartMarks | typeof outcomeMeasureResults) =>
  'assessmentId' in owner
    ? eq(table.assessmentId, owner.assessmentId)
    : eq(table.sessionNoteId, owner.sessionNoteId);

export async function replaceMarks(
  db: Db,
  ctx: RequestContext,
  episodeId: string,
  owner: MarkOwner,
  recordedOn: string,
  marks: readonly BodyChartMark[],
): Promise<void> {
  await db
    .delete(bodyChartMarks)
    .where(and(eq(bodyChartMarks.clinicId, ctx.clinicId), ownerCondition(owner, bodyChartMarks)));
  if (marks.length === 0) return;
  await db.insert(bodyChartMarks).values(
    marks.map((m) => ({
      id: m.id,
      clinicId: ctx.clinicId,
      episodeId,
      ...owner,
      recordedOn,
      view: m.view,
      regionId: m.regionId,
      x: m.x,
      y: m.y,
      markType: m.type,
      intensity: m.intensity,
      note: m.note ?? null,
    })),
  );
}

export async function marksOf(db: Db, clinicId: string, owners: MarkOwner[]) {
  const assessmentIds = owners.flatMap((o) => ('assessmentId' in o ? [o.assessmentId] : []));
  const noteIds = owners.flatMap((o) => ('sessionNoteId' in o ? [o.sessionNoteId] : []));
  const rows = [
    ...(assessmentIds.length
      ? await db
          .select()
          .from(bodyChartMarks)
          .where(
            and(eq(bodyChartMarks.clinicId, clinicId), inArray(bodyChartMarks.assessmentId, assessmentIds)),
          )
      : []),
    ...(noteIds.length
      ? await db
          .select()
          .from(bodyChartMarks)
          .where(and(eq(bodyChartMarks.clinicId, clinicId), inArray(bodyChartMarks.sessionNoteId, noteIds)))
      : []),
  ];
  return rows.map((r) => ({
    ownerId: r.assessmentId ?? r.sessionNoteId!,
    mark: {
      id: r.id,
      view: r.view as BodyView,
      regionId: r.regionId,
      x: r.x,
      y: r.y,
      type: r.markType as MarkType,
      intensity: r.intensity as MarkIntensity,
      ...(r.note ? { note: r.note } : {}),
    } satisfies BodyChartMark,
  }));
}

export type OutcomeResultValues = {
  instrument: string;
  answers: (number | null)[];
  labels: string[] | null;
  score: number;
  band: string;
};

export async function replaceOutcomeResults(
  db: Db,
  ctx: RequestContext,
  episodeId: string,
  owner: MarkOwner,
  takenOn: string,
  results: readonly OutcomeResultValues[],
): Promise<void> {
  await db
    .delete(outcomeMeasureResults)
    .where(
      and(eq(outcomeMeasureResults.clinicId, ctx.clinicId), ownerCondition(owner, outcomeMeasureResults)),
    );
  if (results.length === 0) return;
  await db
    .insert(outcomeMeasureResults)
    .values(results.map((r) => ({ ...r, ...owner, clinicId: ctx.clinicId, episodeId, takenOn })));
}

export async function outcomeResultsOfEpisode(db: Db, clinicId: string, episodeId: string) {
  return db
    .select()
    .from(outcomeMeasureResults)
    .where(and(eq(outcomeMeasureResults.clinicId, clinicId), eq(outcomeMeasureResults.episodeId, episodeId)))
    .orderBy(asc(outcomeMeasureResults.takenOn), asc(outcomeMeasureResults.instrument));
}

/** Every mark of an episode, oldest first, optionally of one region and/or type: the chart over visits. */
export async function queryMarks(
  db: Db,
  clinicId: string,
  episodeId: string,
  filter: { regionId?: string | undefined; type?: string | undefined },
) {
  return db
    .select({
      id: bodyChartMarks.id,
      recordedOn: bodyChartMarks.recordedOn,
      assessmentId: bodyChartMarks.assessmentId,
      sessionNoteId: bodyChartMarks.sessionNoteId,
      view: bodyChartMarks.view,
      regionId: bodyChartMarks.regionId,
      x: bodyChartMarks.x,
      y: bodyChartMarks.y,
      type: bodyChartMarks.markType,
      intensity: bodyChartMarks.intensity,
      note: bodyChartMarks.note,
    })
    .from(bodyChartMarks)
    .where(
      and(
        eq(bodyChartMarks.clinicId, clinicId),
        eq(bodyChartMarks.episodeId, episodeId),
        filter.regionId ? eq(bodyChartMarks.regionId, filter.regionId) : undefined,
        filter.type ? eq(bodyChartMarks.markType, filter.type) : undefined,
      ),
    )
    .orderBy(asc(bodyChartMarks.recordedOn), asc(bodyChartMarks.regionId));
}
