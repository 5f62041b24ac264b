import { createHash } from 'node:crypto';
import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { calendarDateIn } from '../../platform/time-zone.js';
import {
  marksOf,
  outcomeResultsOfEpisode,
  saveMarksAndMeasures,
  scoreEntries,
  toOutcomeResult,
} from '../assessments/index.js';
import { recordAudit } from '../audit/index.js';
import { requireEpisode } from '../episodes/index.js';
import { alertsOfEpisode } from '../intake/index.js';
import { requiresAcknowledgement } from '../screening/index.js';
import { noteTemplate } from './domain/note-templates.js';
import { alertConflicts } from './domain/alert-conflicts.js';
import { canonicalNoteContent, signingProblems, TECHNIQUES, totalMinutes } from './domain/session-note.js';
import type { LibraryService } from '../library/index.js';
import * as repo from './session-notes.repository.js';
import type {
  TBillableSession,
  TCreateNoteRequest,
  TSessionNote,
  TUpdateNoteRequest,
} from './session-notes.schemas.js';

const techniqueLabel = (id: string) => TECHNIQUES.find((t) => t.id === id)?.label ?? id;

const signedConflict = () =>
  new AppError(
    'conflict',
    'This note is signed and can no longer be changed. Add an addendum to correct it.',
    {
      title: 'Signed notes are locked',
    },
  );

/** Whole notes with their marks, measures, addenda and the episode's alerts, in as few queries as possible. */
export async function assembleNotes(tx: Db, clinicId: string, rows: repo.NoteRow[]): Promise<TSessionNote[]> {
  if (rows.length === 0) return [];
  const episodeId = rows[0]!.episodeId;
  const ids = rows.map((r) => r.id);
  const [marks, results, addenda, alerts] = [
    await marksOf(
      tx,
      clinicId,
      ids.map((id) => ({ sessionNoteId: id })),
    ),
    await outcomeResultsOfEpisode(tx, clinicId, episodeId),
    await repo.addendaOf(tx, clinicId, ids),
    await alertsOfEpisode(tx, clinicId, episodeId),
  ];
  return rows.map((row) => ({
    id: row.id,
    episodeId: row.episodeId,
    clientId: row.clientId,
    therapistId: row.therapistId,
    therapistName: row.therapistName,
    sessionDate: row.sessionDate,
    templateId: row.templateId,
    subjective: row.subjective,
    objective: row.objective,
    assessment: row.assessment,
    plan: row.plan,
    painBefore: row.painBefore,
    painAfter: row.painAfter,
    pressureLevel: row.pressureLevel,
    clientResponse: row.clientResponse,
    homeCare: row.homeCare,
    services: row.services,
    totalMinutes: totalMinutes(row.services),
    marks: marks.filter((m) => m.ownerId === row.id).map((m) => m.mark),
    outcomeMeasures: results.filter((r) => r.sessionNoteId === row.id).map(toOutcomeResult),
    acknowledgements: row.acknowledgements,
    alerts,
    conflicts: alertConflicts(row, alerts, techniqueLabel),
    status: row.signedAt ? 'signed' : 'draft',
    signedAt: row.signedAt?.toISOString() ?? null,
    signedByName: row.signedByName,
    contentSha256: row.contentSha256,
    addenda: addenda
      .filter((a) => a.sessionNoteId === row.id)
      .map((a) => ({
        id: a.id,
        text: a.text,
        signedAt: a.signedAt.toISOString(),
        signedByName: a.signedByName,
      })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function notesOfEpisode(tx: Db, clinicId: string, episodeId: string): Promise<TSessionNote[]> {
  return assembleNotes(tx, clinicId, await repo.listNotes(tx, clinicId, episodeId));
}

/** Signed sessions' services and minutes only: what a biller may see without the narrative. */
export async function billableSessionsOfEpisode(
  tx: Db,
  clinicId: string,
  episodeId: string,
): Promise<TBillableSession[]> {
  const rows = await repo.listNotes(tx, clinicId, episodeId, { signedOnly: true });
  return rows.map((row) => ({
    noteId: row.id,
    sessionDate: row.sessionDate,
    therapistName: row.therapistName,
    services: row.services,
    totalMinutes: totalMinutes(row.services),
    signedAt: row.signedAt!.toISOString(),
  }));
}

export function createSessionNotesService(deps: { database: Database; library: LibraryService }) {
  const { database, library } = deps;

  /** A note pre-filled from a library condition's protocol (issue 4): the therapist edits from there. */
  async function prefillFromCondition(conditionId: string) {
    const condition = await library.getCondition(null, conditionId).catch(() => {
      throw new AppError('validation', 'There is no such condition in the library.', {
        errors: [{ path: 'conditionId', message: 'Pick a condition from the library.' }],
      });
    });
    const known = new Set<string>(TECHNIQUES.map((t) => t.id));
    const steps = condition.protocol.steps.filter((s) => known.has(s.technique));
    return {
      templateId: `library:${condition.id}`,
      plan: `Per the ${condition.name.toLowerCase()} protocol: ${condition.course.frequencyPerWeek}×/week for ${condition.course.durationWeeks} weeks.`,
      homeCare: condition.protocol.homeCare.join(' '),
      pressureLevel: Math.max(...steps.map((s) => s.pressure), 0),
      services: steps.map((s) => ({
        technique: s.technique as (typeof TECHNIQUES)[number]['id'],
        regions: s.regions,
        minutes: s.minutes,
        serviceCode: s.serviceCode,
      })),
    };
  }

  async function loadOne(tx: Db, ctx: RequestContext, id: string): Promise<TSessionNote> {
    const row = await repo.findNote(tx, ctx.clinicId, id);
    if (!row) throw notFound('The session note');
    return (await assembleNotes(tx, ctx.clinicId, [row]))[0]!;
  }

  async function audit(
    tx: Db,
    ctx: RequestContext,
    action:
      'note.created' | 'note.updated' | 'note.deleted' | 'note.signed' | 'note.read' | 'note.addendum_added',
    note: { id: string; clientId: string },
    detail?: Record<string, unknown>,
  ) {
    await recordAudit(tx, ctx, {
      action,
      entityType: 'session_note',
      entityId: note.id,
      clientIds: [note.clientId],
      ...(detail ? { detail } : {}),
    });
  }

  return {
    async create(ctx: RequestContext, episodeId: string, input: TCreateNoteRequest): Promise<TSessionNote> {
      const template = input.templateId === undefined ? undefined : noteTemplate(input.templateId);
      if (input.templateId !== undefined && !template)
        throw new AppError('validation', 'There is no such note template.', {
          errors: [{ path: 'templateId', message: 'Pick a template from the list.' }],
        });
      const fromCondition = input.conditionId ? await prefillFromCondition(input.conditionId) : undefined;
      return database.db.transaction(async (tx) => {
        const episode = await requireEpisode(tx, ctx, episodeId, { forWrite: true });
        const id = await repo.insertNote(
          tx,
          ctx,
          { episodeId, clientId: episode.clientId },
          {
            sessionDate: input.sessionDate,
            ...(template
              ? {
                  templateId: template.id,
                  subjective: template.subjective,
                  objective: template.objective,
                  assessment: template.assessment,
                  plan: template.plan,
                  homeCare: template.homeCare,
                  pressureLevel: template.pressureLevel,
                  services: template.services,
                }
              : {}),
            ...(fromCondition ?? {}),
          },
        );
        await audit(
          tx,
          ctx,
          'note.created',
          { id, clientId: episode.clientId },
          { template: input.templateId ?? null, condition: input.conditionId ?? null },
        );
        return loadOne(tx, ctx, id);
      });
    },

    async get(ctx: RequestContext, id: string): Promise<TSessionNote> {
      return database.db.transaction(async (tx) => {
        const note = await loadOne(tx, ctx, id);
        await audit(tx, ctx, 'note.read', note);
        return note;
      });
    },

    /** Autosave of a draft. Acknowledgements are stamped with who gave them and when. */
    async update(ctx: RequestContext, id: string, input: TUpdateNoteRequest): Promise<TSessionNote> {
      const { version, marks, outcomeMeasures, acknowledgements, ...fields } = input;
      const measures = outcomeMeasures ? scoreEntries(outcomeMeasures) : undefined;
      return database.db.transaction(async (tx) => {
        const current = await repo.findNote(tx, ctx.clinicId, id);
        if (!current) throw notFound('The session note');
        if (current.signedAt) throw signedConflict();
        await requireEpisode(tx, ctx, current.episodeId, { forWrite: true });
        const values: repo.NoteValues = { ...fields };
        if (acknowledgements) {
          values.acknowledgements = acknowledgements.map((a) => {
            const previous = current.acknowledgements.find(
              (p) => p.ruleId === a.ruleId && p.reason === a.reason,
            );
            return (
              previous ?? {
                ruleId: a.ruleId,
                reason: a.reason,
                acknowledgedBy: ctx.userId,
                acknowledgedByName: ctx.userName,
                acknowledgedAt: ctx.now.toISOString(),
              }
            );
          });
        }
        if (!(await repo.updateDraft(tx, ctx, id, version, values))) {
          throw new AppError(
            'version_conflict',
            'This note was saved from another window or by someone else after you opened it. Reload to see the latest text.',
            { extensions: { currentVersion: current.version, yourVersion: version } },
          );
        }
        const onDate = fields.sessionDate ?? current.sessionDate;
        if (marks || measures) {
          const existing = (await assembleNotes(tx, ctx.clinicId, [current]))[0]!;
          await saveMarksAndMeasures(
            tx,
            ctx,
            current.episodeId,
            { sessionNoteId: id },
            onDate,
            marks ?? existing.marks,
            measures ??
              existing.outcomeMeasures.map((m) => ({
                instrument: m.instrument,
                answers: m.answers,
                labels: m.labels,
                score: m.score,
                band: m.band,
              })),
          );
        }
        await audit(tx, ctx, 'note.updated', current, {
          fields: Object.keys(input).filter((k) => k !== 'version'),
        });
        return loadOne(tx, ctx, id);
      });
    },

    async remove(ctx: RequestContext, id: string): Promise<void> {
      await database.db.transaction(async (tx) => {
        const current = await repo.findNote(tx, ctx.clinicId, id);
        if (!current) throw notFound('The session note');
        if (current.signedAt) throw signedConflict();
        await saveMarksAndMeasures(
          tx,
          ctx,
          current.episodeId,
          { sessionNoteId: id },
          current.sessionDate,
          [],
          [],
        );
        if (!(await repo.deleteDraft(tx, ctx.clinicId, id))) throw signedConflict();
        await audit(tx, ctx, 'note.deleted', current);
      });
    },

    /**
     * Signing attests the note: only its own therapist signs, the SOAP record must be complete and every
     * postpone/refer alert acknowledged. After this the database refuses any change to the row.
     */
    async sign(ctx: RequestContext, id: string, version: number): Promise<TSessionNote> {
      return database.db.transaction(async (tx) => {
        const current = await repo.findNote(tx, ctx.clinicId, id);
        if (!current) throw notFound('The session note');
        if (current.signedAt) throw signedConflict();
        await requireEpisode(tx, ctx, current.episodeId, { forWrite: true });
        if (current.therapistId !== ctx.userId)
          throw new AppError('forbidden', `Only ${current.therapistName}, who wrote this note, can sign it.`);
        if (current.version !== version)
          throw new AppError(
            'version_conflict',
            'This note changed after you opened it. Reload, check it, then sign.',
            {
              extensions: { currentVersion: current.version, yourVersion: version },
            },
          );
        const alerts = (await alertsOfEpisode(tx, ctx.clinicId, current.episodeId)).map((a) => ({
          ruleId: a.ruleId,
          title: a.title,
          requiresAcknowledgement: requiresAcknowledgement(a),
        }));
        const problems = signingProblems(current, alerts, calendarDateIn(ctx.timeZone, ctx.now));
        if (problems.length > 0)
          throw new AppError(
            'validation',
            `The note cannot be signed yet: ${problems.map((p) => p.message).join(' ')}`,
            {
              title: 'Not ready to sign',
              errors: problems,
            },
          );
        const contentSha256 = createHash('sha256').update(canonicalNoteContent(current)).digest('hex');
        if (
          !(await repo.updateDraft(tx, ctx, id, version, {
            signedAt: ctx.now,
            signedBy: ctx.userId,
            contentSha256,
          }))
        )
          throw new AppError(
            'version_conflict',
            'This note changed while you were signing it. Reload and try again.',
          );
        await audit(tx, ctx, 'note.signed', current, { contentSha256 });
        return loadOne(tx, ctx, id);
      });
    },

    async addAddendum(ctx: RequestContext, id: string, text: string): Promise<TSessionNote> {
      return database.db.transaction(async (tx) => {
        const current = await repo.findNote(tx, ctx.clinicId, id);
        if (!current) throw notFound('The session note');
        if (!current.signedAt)
          throw new AppError(
            'conflict',
            'This note is still a draft: edit it directly instead of adding an addendum.',
          );
        const addendumId = await repo.insertAddendum(tx, ctx, id, text);
        await audit(tx, ctx, 'note.addendum_added', current, { addendumId });
        return loadOne(tx, ctx, id);
      });
    },
  };
}
export type SessionNotesService = ReturnType<typeof createSessionNotesService>;
