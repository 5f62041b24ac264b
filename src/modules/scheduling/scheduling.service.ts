import { createHash, randomBytes } from 'node:crypto';
import type { Database, Db } from '../../platform/db/database.js';
import { sqlState } from '../../platform/db/db-errors.js';
import { AppError, notFound, type FieldError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { hasPermission } from '../../platform/authz/permissions.js';
import {
  calendarDateIn,
  formatClinicDateTime,
  formatAppointmentTime,
  formatClinicTime,
  isoInZone,
} from '../../platform/time-zone.js';
import { recordAudit } from '../audit/index.js';
import { findClinic } from '../clinics/index.js';
import { postLedgerEntries } from '../ledger/index.js';
import type { SessionNotesService } from '../session-notes/index.js';
import {
  cancellationMessage,
  confirmationMessage,
  formsMessage,
  reminderMessage,
  type MessagingService,
} from '../messaging/index.js';
import {
  busyUntil,
  isActiveStatus,
  isLateCancellation,
  statusChangeProblem,
  type SeriesScope,
} from './domain/appointment.js';
import { availableSlots, withinWorkingHours, workingHoursProblems } from './domain/availability.js';
import {
  describeRecurrence,
  expandRecurrence,
  fromLocal,
  localDifference,
  parseRecurrence,
  shiftLocal,
  toLocal,
} from './domain/recurrence.js';
import { visitStandings, type EpisodeVisit, type VisitStanding } from './domain/visit-count.js';
import { offersFor } from './domain/waitlist.js';
import { buildCalendarFeed } from './calendar-feed.js';
import * as repo from './scheduling.repository.js';
import type {
  TAppointment,
  TCancelAppointmentRequest,
  TCreateAppointmentRequest,
  TCreateBlockedTimeRequest,
  TCreateServiceRequest,
  TScheduleService,
  TSeriesCreated,
  TUpdateAppointmentRequest,
  TUpdateServiceRequest,
} from './scheduling.schemas.js';

const EXCLUSION_VIOLATION = '23P01';

/**
 * Who books: a staff member (a RequestContext), or a client through the booking page or the portal
 * (no staff user: `userId` null, and the audit log names the channel).
 */
export type SchedulingActor = Pick<RequestContext, 'clinicId' | 'now' | 'timeZone'> & {
  ip: string | null;
  requestId: string | null;
  userId: string | null;
  userName: string | null;
};

export type BookingSource = 'staff' | 'online' | 'portal';

/** A client's name as the calendar shows it to staff: "Ana (Anabel) Silva" → preferred name first. */
function displayName(v: {
  clientGivenName: string;
  clientFamilyName: string;
  clientPreferredName: string | null;
}) {
  return `${v.clientPreferredName || v.clientGivenName} ${v.clientFamilyName}`;
}

function fail(errors: FieldError[]): never {
  throw new AppError('validation', errors.map((e) => e.message).join(' '), { errors });
}

type Settings = NonNullable<Awaited<ReturnType<typeof findClinic>>>;

type Candidate = {
  clientId: string;
  therapistId: string;
  roomId: string | null;
  serviceId: string | null;
  episodeId: string | null;
  start: Date;
  end: Date;
  bufferMinutes: number;
};

/** The columns a candidate visit fills. */
function appointmentColumns(c: Candidate) {
  return {
    clientId: c.clientId,
    therapistId: c.therapistId,
    roomId: c.roomId,
    serviceId: c.serviceId,
    episodeId: c.episodeId,
    startAt: c.start,
    endAt: c.end,
    bufferMinutes: c.bufferMinutes,
    busyUntil: busyUntil(c.end, c.bufferMinutes),
  };
}

export function toService(row: repo.ServiceRow): TScheduleService {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    durationMinutes: row.durationMinutes,
    bufferMinutes: row.bufferMinutes,
    priceCents: row.priceCents,
    bookableOnline: row.bookableOnline,
    introductoryOffer: row.introductoryOffer,
    archived: row.archivedAt !== null,
    version: row.version,
  };
}

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSchedulingService(deps: {
  database: Database;
  notes: SessionNotesService;
  messaging: MessagingService;
  /** Where clients manage their bookings (the portal), for the messages' "to change or cancel" line. */
  portalUrl?: string | undefined;
}) {
  const { database, notes, messaging } = deps;

  /** A message about visits to the client, written in the caller's transaction (no clinical detail). */
  async function messageClient(
    tx: Db,
    facts: repo.AppointmentMessageRow,
    kind: 'appointment_confirmation' | 'appointment_reminder' | 'appointment_cancelled',
    extra: { dedupeKey?: string; note?: string } = {},
  ) {
    if (!facts.clientEmail) return;
    const template =
      kind === 'appointment_confirmation'
        ? confirmationMessage
        : kind === 'appointment_reminder'
          ? reminderMessage
          : cancellationMessage;
    const message = template({
      clientFirstName: facts.clientPreferredName || facts.clientGivenName,
      clinicName: facts.clinicName,
      clinicPhone: facts.clinicPhone,
      when: formatAppointmentTime(facts.timeZone, facts.startAt),
      therapistFirstName: facts.therapistName.split(' ')[0] ?? facts.therapistName,
      portalUrl: deps.portalUrl ?? null,
    });
    await messaging.enqueue(tx, {
      clinicId: facts.clinicId,
      clinicName: facts.clinicName,
      clientId: facts.clientId,
      channel: 'email',
      kind,
      to: facts.clientEmail,
      toName: `${facts.clientGivenName} ${facts.clientFamilyName}`,
      subject: message.subject,
      body: extra.note
        ? `${message.body.replace(/\n\n[^\n]*$/, '')}\n${extra.note}\n\n${facts.clinicName}`
        : message.body,
      ...(extra.dedupeKey ? { dedupeKey: extra.dedupeKey } : {}),
    });
  }

  /**
   * A visit was cancelled or missed: offer its time to the waiting clients it suits (oldest first, at most
   * three), by message, in the same transaction. Answers whom it was offered to.
   */
  async function offerFreedSlot(
    tx: Db,
    actor: SchedulingActor,
    freed: repo.AppointmentRow,
  ): Promise<string[]> {
    if (freed.startAt <= actor.now) return [];
    const settings = await settingsOf(tx, actor);
    const waiting = await repo.listWaitlist(tx, actor.clinicId, ['waiting', 'offered']);
    const wishes = waiting.map((w) => ({
      id: w.entry.id,
      clientId: w.entry.clientId,
      therapistId: w.entry.therapistId,
      serviceId: w.entry.serviceId,
      earliest: w.entry.earliest,
      latest: w.entry.latest,
      weekdays: w.entry.weekdays,
      fromTime: w.entry.fromTime,
      toTime: w.entry.toTime,
      createdAt: w.entry.createdAt,
    }));
    const chosen = offersFor(
      wishes,
      {
        therapistId: freed.therapistId,
        serviceId: freed.serviceId,
        start: freed.startAt,
        end: freed.endAt,
        freedByClientId: freed.clientId,
      },
      settings.timeZone,
    );
    const [facts] = await repo.appointmentMessageFacts(tx, actor.clinicId, [freed.id]);
    for (const wish of chosen) {
      const entry = waiting.find((w) => w.entry.id === wish.id)!;
      await repo.updateWaitlistEntry(tx, actor.clinicId, wish.id, {
        status: 'offered',
        lastOfferAt: actor.now,
        lastOfferStart: freed.startAt,
      });
      if (entry.email && facts)
        await messaging.enqueue(tx, {
          clinicId: actor.clinicId,
          clinicName: settings.name,
          clientId: wish.clientId,
          channel: 'email',
          kind: 'waitlist_offer',
          to: entry.email,
          toName: `${entry.givenName} ${entry.familyName}`,
          subject: `A time opened up at ${settings.name}`,
          body: [
            `Hello ${entry.givenName},`,
            '',
            `You asked to hear when a time opens up. ${formatAppointmentTime(settings.timeZone, freed.startAt)} with ${facts.therapistName.split(' ')[0]} is free now.`,
            `It goes to whoever books it first${settings.phone ? `: call us at ${settings.phone}` : ''}${deps.portalUrl ? ` or book in your portal: ${deps.portalUrl}` : ''}.`,
            '',
            settings.name,
          ].join('\n'),
          dedupeKey: `waitlist:${wish.id}:${freed.startAt.toISOString()}`,
        });
    }
    return chosen.map((w) => w.id);
  }

  async function settingsOf(tx: Db, ctx: SchedulingActor): Promise<Settings> {
    const clinic = await findClinic(tx, ctx.clinicId);
    if (!clinic) throw notFound('The clinic');
    return clinic;
  }

  /** "visit n of N" for appointments (and candidates not yet saved, keyed by their own keys). */
  async function standings(
    tx: Db,
    ctx: SchedulingActor,
    settings: Settings,
    episodeIds: string[],
    candidates: (EpisodeVisit & { episodeId: string })[] = [],
    ignoreIds: string[] = [],
  ): Promise<Map<string, VisitStanding>> {
    const ids = [...new Set(episodeIds)];
    if (ids.length === 0) return new Map();
    const [appts, notes, scripts, signed] = await Promise.all([
      repo.activeAppointmentsOfEpisodes(tx, ctx.clinicId, ids),
      repo.notesWithoutAppointment(tx, ctx.clinicId, ids),
      repo.prescriptionsOfEpisodes(tx, ctx.clinicId, ids),
      repo.signedAssessmentsOfEpisodes(tx, ctx.clinicId, ids),
    ]);
    const result = new Map<string, VisitStanding>();
    for (const episodeId of ids) {
      const visits: EpisodeVisit[] = [
        ...appts
          .filter((a) => a.episodeId === episodeId && !ignoreIds.includes(a.id))
          .map((a) => ({
            key: a.id,
            date: calendarDateIn(settings.timeZone, a.startAt),
            at: a.startAt.getTime(),
          })),
        ...notes
          .filter((n) => n.episodeId === episodeId)
          .map((n) => ({ key: `note:${n.id}`, date: n.sessionDate, at: 0 })),
        ...candidates.filter((c) => c.episodeId === episodeId),
      ];
      const map = visitStandings({
        prescriptions: scripts.filter((p) => p.episodeId === episodeId),
        visits,
        assessments: signed.filter((a) => a.episodeId === episodeId).map((a) => ({ date: a.assessedOn })),
        reEvaluation: {
          everyVisits: settings.reEvaluationEveryVisits,
          everyDays: settings.reEvaluationEveryDays,
        },
      });
      for (const [key, standing] of map) result.set(key, standing);
    }
    return result;
  }

  function toAppointment(
    view: repo.AppointmentView,
    zone: string,
    standing: VisitStanding | undefined,
    extraWarnings: string[] = [],
  ): TAppointment {
    return {
      id: view.id,
      clientId: view.clientId,
      clientName: displayName(view),
      therapistId: view.therapistId,
      therapistName: view.therapistName,
      serviceId: view.serviceId,
      serviceName: view.serviceName,
      roomId: view.roomId,
      roomName: view.roomName,
      episodeId: view.episodeId,
      episodeTitle: view.episodeTitle,
      seriesId: view.seriesId,
      start: isoInZone(zone, view.startAt),
      end: isoInZone(zone, view.endAt),
      durationMinutes: Math.round((view.endAt.getTime() - view.startAt.getTime()) / 60_000),
      bufferMinutes: view.bufferMinutes,
      status: view.status,
      notes: view.notes,
      sessionNoteId: view.sessionNoteId,
      noteSigned: view.noteSignedAt !== null,
      cancelReason: view.cancelReason,
      lateCancellation: view.lateCancellation,
      source: view.source,
      visit: standing && isActiveStatus(view.status) ? standing : null,
      warnings: [...(standing && isActiveStatus(view.status) ? standing.warnings : []), ...extraWarnings],
      version: view.version,
    };
  }

  async function present(
    tx: Db,
    ctx: SchedulingActor,
    settings: Settings,
    views: repo.AppointmentView[],
    extraWarnings: Map<string, string[]> = new Map(),
  ): Promise<TAppointment[]> {
    const episodeIds = views.flatMap((v) => (v.episodeId ? [v.episodeId] : []));
    const map = await standings(tx, ctx, settings, episodeIds);
    return views.map((v) => toAppointment(v, settings.timeZone, map.get(v.id), extraWarnings.get(v.id)));
  }

  function clashMessage(clash: repo.Clash, zone: string): string {
    const when = `${formatClinicDateTime(zone, clash.start)} – ${formatClinicTime(zone, clash.end)}`;
    switch (clash.kind) {
      case 'therapist':
        return `The therapist already has an appointment at ${when}.`;
      case 'room':
        return `The room is booked at ${when}.`;
      case 'client':
        return `The client already has an appointment at ${when}.`;
      case 'blocked':
        return `That time is blocked (${clash.reason ?? 'blocked'}): ${when}.`;
    }
  }

  function conflictError(clash: repo.Clash | undefined, zone: string): AppError {
    if (!clash)
      return new AppError('conflict', 'That time was just taken by another booking: pick another time.');
    return new AppError('conflict', clashMessage(clash, zone), {
      title: 'That time is not free',
      extensions: {
        conflictingAppointment: {
          id: clash.id,
          kind: clash.kind,
          start: isoInZone(zone, clash.start),
          end: isoInZone(zone, clash.end),
        },
      },
    });
  }

  async function clashesOf(tx: Db, ctx: SchedulingActor, c: Candidate, excludeIds: string[]) {
    return repo.findClashes(tx, ctx.clinicId, {
      therapistId: c.therapistId,
      roomId: c.roomId,
      clientId: c.clientId,
      start: c.start,
      end: c.end,
      busyUntil: busyUntil(c.end, c.bufferMinutes),
      excludeIds,
    });
  }

  /** Who, where and what of a booking: everything must exist in this clinic. */
  async function resolveParts(
    tx: Db,
    ctx: SchedulingActor,
    input: {
      clientId: string;
      therapistId: string;
      serviceId?: string | null | undefined;
      roomId?: string | null | undefined;
      episodeId?: string | null | undefined;
    },
  ) {
    const errors: FieldError[] = [];
    const client = await repo.findClient(tx, ctx.clinicId, input.clientId);
    if (!client) errors.push({ path: 'clientId', message: 'There is no such client in this clinic.' });
    else if (client.archivedAt)
      errors.push({ path: 'clientId', message: 'This client is archived: restore them first.' });
    const staff = await repo.listBookableStaff(tx, ctx.clinicId);
    if (!staff.some((s) => s.id === input.therapistId))
      errors.push({ path: 'therapistId', message: 'Pick a therapist of this clinic.' });
    const service = input.serviceId ? await repo.findService(tx, ctx.clinicId, input.serviceId) : undefined;
    if (input.serviceId && (!service || service.archivedAt))
      errors.push({ path: 'serviceId', message: 'Pick a service from the menu.' });
    if (input.roomId) {
      const room = await repo.findRoom(tx, ctx.clinicId, input.roomId);
      if (!room || room.archivedAt) errors.push({ path: 'roomId', message: 'There is no such room.' });
    }
    if (input.episodeId) {
      const episode = await repo.episodeOfClient(tx, ctx.clinicId, input.episodeId);
      if (!episode || episode.clientId !== input.clientId)
        errors.push({ path: 'episodeId', message: "Pick one of this client's episodes of care." });
    }
    if (errors.length) fail(errors);
    return { client: client!, service, staff };
  }

  /** Refuses (clinic policy "block") or warns about a visit past the prescription's visits or expiry. */
  function authorisationProblem(standing: VisitStanding | undefined): string | null {
    if (!standing) return null;
    if (standing.beyondAuthorisation)
      return `This would be visit ${standing.number}, beyond the ${standing.authorised} the prescription authorises.`;
    if (standing.pastExpiry) return `The prescription expires on ${standing.expiresOn}, before this visit.`;
    return null;
  }

  async function hoursWarnings(tx: Db, ctx: SchedulingActor, zone: string, c: Candidate): Promise<string[]> {
    const hours = await repo.listWorkingHours(tx, ctx.clinicId, [c.therapistId]);
    if (hours.length === 0) return [];
    const intervals = hours.map((h) => ({
      ...h,
      startTime: h.startTime.slice(0, 5),
      endTime: h.endTime.slice(0, 5),
    }));
    return withinWorkingHours(intervals, c.therapistId, c.start, c.end, zone)
      ? []
      : ["Outside the therapist's working hours."];
  }

  async function createOne(
    ctx: SchedulingActor,
    given: TCreateAppointmentRequest,
    source: BookingSource = 'staff',
    /** Makes or finds the client inside the booking's transaction (online booking by a new client). */
    resolveClient?: (tx: Db) => Promise<string>,
  ): Promise<TAppointment> {
    let input = given;
    try {
      return await database.db.transaction(async (tx) => {
        if (resolveClient) input = { ...input, clientId: await resolveClient(tx) };
        const settings = await settingsOf(tx, ctx);
        const { service } = await resolveParts(tx, ctx, input);
        const start = new Date(input.start);
        const minutes = input.durationMinutes ?? service!.durationMinutes;
        const candidate: Candidate = {
          clientId: input.clientId,
          therapistId: input.therapistId,
          roomId: input.roomId ?? null,
          serviceId: input.serviceId ?? null,
          episodeId: input.episodeId ?? null,
          start,
          end: new Date(start.getTime() + minutes * 60_000),
          bufferMinutes: service?.bufferMinutes ?? 0,
        };
        const [clash] = await clashesOf(tx, ctx, candidate, []);
        if (clash) throw conflictError(clash, settings.timeZone);
        if (candidate.episodeId && settings.authorizationPolicy === 'block') {
          const map = await standings(
            tx,
            ctx,
            settings,
            [candidate.episodeId],
            [
              {
                key: 'new',
                episodeId: candidate.episodeId,
                date: calendarDateIn(settings.timeZone, start),
                at: start.getTime(),
              },
            ],
          );
          const problem = authorisationProblem(map.get('new'));
          if (problem)
            throw new AppError('conflict', `${problem} The clinic does not book past the prescription.`);
        }
        const row = await repo.insertAppointment(tx, {
          ...appointmentColumns(candidate),
          clinicId: ctx.clinicId,
          notes: input.notes ?? null,
          source,
          createdBy: ctx.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'appointment.created',
          entityType: 'appointment',
          entityId: row.id,
          clientIds: [row.clientId],
          ...(source === 'staff' ? {} : { detail: { source } }),
        });
        if (row.startAt > ctx.now) {
          const [facts] = await repo.appointmentMessageFacts(tx, ctx.clinicId, [row.id]);
          if (facts) await messageClient(tx, facts, 'appointment_confirmation');
        }
        const view = (await repo.findAppointmentView(tx, ctx.clinicId, row.id))!;
        const warnings = await hoursWarnings(tx, ctx, settings.timeZone, candidate);
        const [appointment] = await present(tx, ctx, settings, [view], new Map([[row.id, warnings]]));
        return appointment!;
      });
    } catch (err) {
      // Two requests raced past the check above: the database's exclusion constraint refused the second.
      if (sqlState(err) === EXCLUSION_VIOLATION) throw await namedConflict(ctx, input);
      throw err;
    }
  }

  async function namedConflict(ctx: SchedulingActor, input: TCreateAppointmentRequest): Promise<AppError> {
    return database.db.transaction(async (tx) => {
      const settings = await settingsOf(tx, ctx);
      const service = input.serviceId ? await repo.findService(tx, ctx.clinicId, input.serviceId) : undefined;
      const start = new Date(input.start);
      const minutes = input.durationMinutes ?? service?.durationMinutes ?? 60;
      const [clash] = await clashesOf(
        tx,
        ctx,
        {
          clientId: input.clientId,
          therapistId: input.therapistId,
          roomId: input.roomId ?? null,
          serviceId: null,
          episodeId: null,
          start,
          end: new Date(start.getTime() + minutes * 60_000),
          bufferMinutes: service?.bufferMinutes ?? 0,
        },
        [],
      );
      return conflictError(clash, settings.timeZone);
    });
  }

  async function createSeries(
    ctx: RequestContext,
    input: TCreateAppointmentRequest,
    rule: string,
  ): Promise<TSeriesCreated> {
    return database.db.transaction(async (tx) => {
      const settings = await settingsOf(tx, ctx);
      const zone = settings.timeZone;
      const { service } = await resolveParts(tx, ctx, input);
      const minutes = input.durationMinutes ?? service!.durationMinutes;
      const occurrences = expandRecurrence({
        rule,
        firstStart: new Date(input.start),
        durationMinutes: minutes,
        zone,
      });
      if (occurrences.length === 0)
        fail([{ path: 'recurrence', message: 'The rule gives no visits from this start.' }]);
      const series = await repo.insertSeries(tx, {
        clinicId: ctx.clinicId,
        rule,
        timeZone: zone,
        firstStart: occurrences[0]!.start,
        createdBy: ctx.userId,
        createdAt: ctx.now,
      });
      const bufferMinutes = service?.bufferMinutes ?? 0;
      const episodeId = input.episodeId ?? null;
      const authorisation =
        episodeId !== null
          ? await standings(
              tx,
              ctx,
              settings,
              [episodeId],
              occurrences.map((o, i) => ({
                key: `occ:${i}`,
                episodeId,
                date: o.local.date,
                at: o.start.getTime(),
              })),
            )
          : new Map<string, VisitStanding>();
      const conflicts: TSeriesCreated['conflicts'] = [];
      const createdIds: string[] = [];
      for (const [index, occurrence] of occurrences.entries()) {
        const candidate: Candidate = {
          clientId: input.clientId,
          therapistId: input.therapistId,
          roomId: input.roomId ?? null,
          serviceId: input.serviceId ?? null,
          episodeId,
          start: occurrence.start,
          end: occurrence.end,
          bufferMinutes,
        };
        const conflictAt = (reason: string, clash?: repo.Clash) =>
          conflicts.push({
            start: isoInZone(zone, occurrence.start),
            end: isoInZone(zone, occurrence.end),
            reason,
            conflictsWith: clash
              ? {
                  id: clash.id,
                  kind: clash.kind,
                  start: isoInZone(zone, clash.start),
                  end: isoInZone(zone, clash.end),
                }
              : null,
          });
        const problem = authorisationProblem(authorisation.get(`occ:${index}`));
        if (problem && settings.authorizationPolicy === 'block') {
          conflictAt(problem);
          continue;
        }
        const [clash] = await clashesOf(tx, ctx, candidate, []);
        if (clash) {
          conflictAt(clashMessage(clash, zone), clash);
          continue;
        }
        try {
          // A savepoint per occurrence: a racing booking refused by the constraint skips this one only.
          const row = await tx.transaction((sp) =>
            repo.insertAppointment(sp, {
              ...appointmentColumns(candidate),
              clinicId: ctx.clinicId,
              seriesId: series.id,
              notes: input.notes ?? null,
              createdBy: ctx.userId,
              createdAt: ctx.now,
              updatedAt: ctx.now,
            }),
          );
          createdIds.push(row.id);
        } catch (err) {
          if (sqlState(err) !== EXCLUSION_VIOLATION) throw err;
          const [late] = await clashesOf(tx, ctx, candidate, []);
          conflictAt(late ? clashMessage(late, zone) : 'Taken by another booking a moment ago.', late);
        }
      }
      await recordAudit(tx, ctx, {
        action: 'appointment.created',
        entityType: 'appointment_series',
        entityId: series.id,
        clientIds: [input.clientId],
        detail: { occurrences: occurrences.length, created: createdIds.length, conflicts: conflicts.length },
      });
      // One confirmation for the series: its first visit to come, and how many follow.
      const upcoming = (await repo.appointmentMessageFacts(tx, ctx.clinicId, createdIds)).filter(
        (f) => f.startAt > ctx.now,
      );
      if (upcoming[0])
        await messageClient(tx, upcoming[0], 'appointment_confirmation', {
          ...(upcoming.length > 1
            ? {
                note: `It is the first of ${upcoming.length} visits booked; you will get a reminder before each.`,
              }
            : {}),
        });
      const views = await repo.findAppointmentViews(tx, ctx.clinicId, createdIds);
      return {
        seriesId: series.id,
        rule,
        description: describeRecurrence(rule),
        items: await present(tx, ctx, settings, views),
        conflicts,
      };
    });
  }

  /** The occurrences an edit or a cancellation applies to. */
  async function targetsOf(
    tx: Db,
    ctx: RequestContext,
    current: repo.AppointmentRow,
    scope: SeriesScope | undefined,
  ) {
    if (!current.seriesId || !scope || scope === 'this') return [current];
    const rows = await repo.seriesAppointmentsForUpdate(
      tx,
      ctx.clinicId,
      current.seriesId,
      scope === 'following' ? current.startAt : null,
    );
    // Visits that already happened, or were cancelled, stay as they were.
    return rows.filter((r) => r.id === current.id || r.status === 'booked' || r.status === 'confirmed');
  }

  return {
    async listBookableStaff(ctx: RequestContext) {
      const staff = await repo.listBookableStaff(database.db, ctx.clinicId);
      const hours = await repo.listWorkingHours(database.db, ctx.clinicId);
      return staff.map((s) => ({
        ...s,
        intervals: hours
          .filter((h) => h.therapistId === s.id)
          .map((h) => ({
            weekday: h.weekday,
            startTime: h.startTime.slice(0, 5),
            endTime: h.endTime.slice(0, 5),
          })),
      }));
    },

    async list(
      ctx: RequestContext,
      query: {
        from: string;
        to: string;
        therapistId?: string | undefined;
        clientId?: string | undefined;
        roomId?: string | undefined;
        includeCancelled?: boolean | undefined;
      },
    ): Promise<TAppointment[]> {
      const from = new Date(query.from);
      const to = new Date(query.to);
      if (to <= from) fail([{ path: 'to', message: 'The end of the range comes before its start.' }]);
      if (to.getTime() - from.getTime() > 92 * 86_400_000)
        fail([{ path: 'to', message: 'Ask for at most three months at a time.' }]);
      return database.db.transaction(async (tx) => {
        const settings = await settingsOf(tx, ctx);
        const views = await repo.listAppointments(tx, ctx.clinicId, { ...query, from, to });
        const clientIds = [...new Set(views.map((v) => v.clientId))];
        if (clientIds.length)
          await recordAudit(tx, ctx, {
            action: 'appointment.listed',
            entityType: 'appointment',
            clientIds,
            detail: { count: views.length },
          });
        return present(tx, ctx, settings, views);
      });
    },

    async get(ctx: RequestContext, id: string): Promise<TAppointment> {
      return database.db.transaction(async (tx) => {
        const settings = await settingsOf(tx, ctx);
        const view = await repo.findAppointmentView(tx, ctx.clinicId, id);
        if (!view) throw notFound('The appointment');
        await recordAudit(tx, ctx, {
          action: 'appointment.read',
          entityType: 'appointment',
          entityId: id,
          clientIds: [view.clientId],
        });
        return (await present(tx, ctx, settings, [view]))[0]!;
      });
    },

    async create(
      ctx: RequestContext,
      input: TCreateAppointmentRequest,
    ): Promise<TAppointment | TSeriesCreated> {
      if (input.recurrence === undefined || input.recurrence === '') return createOne(ctx, input);
      const parsed = parseRecurrence(input.recurrence);
      if ('problem' in parsed) fail([{ path: 'recurrence', message: parsed.problem.message }]);
      return createSeries(ctx, input, parsed.rule);
    },

    async update(ctx: RequestContext, id: string, input: TUpdateAppointmentRequest): Promise<TAppointment[]> {
      try {
        return await database.db.transaction(async (tx) => {
          const settings = await settingsOf(tx, ctx);
          const zone = settings.timeZone;
          const current = await repo.findAppointmentForUpdate(tx, ctx.clinicId, id);
          if (!current) throw notFound('The appointment');
          if (input.version !== undefined && input.version !== current.version)
            throw new AppError(
              'version_conflict',
              'Someone else changed this appointment: reload it and try again.',
            );
          if (current.status === 'cancelled')
            throw new AppError('conflict', 'A cancelled appointment cannot be changed: book a new one.');
          const errors: FieldError[] = [];
          if (input.status) {
            const problem = statusChangeProblem(current.status, input.status);
            if (problem) errors.push({ path: 'status', message: problem });
            if (
              (input.status === 'completed' || input.status === 'no_show' || input.status === 'arrived') &&
              current.startAt.getTime() > ctx.now.getTime() + 60 * 60_000
            )
              errors.push({ path: 'status', message: 'This visit has not started yet.' });
          }
          if (errors.length) fail(errors);
          const parts = await resolveParts(tx, ctx, {
            clientId: current.clientId,
            therapistId: input.therapistId ?? current.therapistId,
            serviceId: input.serviceId === undefined ? current.serviceId : input.serviceId,
            roomId: input.roomId === undefined ? current.roomId : input.roomId,
            episodeId: input.episodeId === undefined ? current.episodeId : input.episodeId,
          });
          const moving = input.start !== undefined || input.durationMinutes !== undefined;
          const targets =
            moving || input.therapistId || input.roomId !== undefined
              ? await targetsOf(tx, ctx, current, input.scope)
              : [current];
          if (targets.length > 1) await repo.deferOverlapChecks(tx);
          const shift = input.start
            ? localDifference(toLocal(current.startAt, zone), toLocal(new Date(input.start), zone))
            : { days: 0, minutes: 0 };
          const bufferMinutes =
            input.serviceId !== undefined ? (parts.service?.bufferMinutes ?? 0) : current.bufferMinutes;
          const ids = targets.map((t) => t.id);
          const warnings = new Map<string, string[]>();
          for (const target of targets) {
            const minutes =
              input.durationMinutes ??
              Math.round((target.endAt.getTime() - target.startAt.getTime()) / 60_000);
            const start =
              target.id === current.id && input.start
                ? new Date(input.start)
                : fromLocal(shiftLocal(toLocal(target.startAt, zone), shift.days, shift.minutes), zone);
            const candidate: Candidate = {
              clientId: target.clientId,
              therapistId: input.therapistId ?? target.therapistId,
              roomId: input.roomId === undefined ? target.roomId : input.roomId,
              serviceId: input.serviceId === undefined ? target.serviceId : input.serviceId,
              episodeId: input.episodeId === undefined ? target.episodeId : input.episodeId,
              start,
              end: new Date(start.getTime() + minutes * 60_000),
              bufferMinutes,
            };
            const status = target.id === current.id ? (input.status ?? target.status) : target.status;
            if (isActiveStatus(status)) {
              const [clash] = await clashesOf(tx, ctx, candidate, ids);
              if (clash) throw conflictError(clash, zone);
            }
            await repo.updateAppointment(tx, ctx.clinicId, target.id, {
              therapistId: candidate.therapistId,
              roomId: candidate.roomId,
              serviceId: candidate.serviceId,
              episodeId: candidate.episodeId,
              startAt: candidate.start,
              endAt: candidate.end,
              bufferMinutes,
              busyUntil: busyUntil(candidate.end, bufferMinutes),
              ...(target.id === current.id
                ? {
                    status,
                    ...(input.notes !== undefined ? { notes: input.notes } : {}),
                    ...(input.sessionNoteId !== undefined ? { sessionNoteId: input.sessionNoteId } : {}),
                  }
                : {}),
              updatedAt: ctx.now,
            });
            if (moving) warnings.set(target.id, await hoursWarnings(tx, ctx, zone, candidate));
          }
          // A no-show fee, when the clinic charges one, goes on the client's ledger as a patient charge.
          if (input.status === 'no_show' && current.status !== 'no_show' && settings.noShowFeeCents > 0)
            await postLedgerEntries(tx, ctx, [
              {
                clientId: current.clientId,
                kind: 'charge',
                bucket: 'patient',
                amountCents: settings.noShowFeeCents,
                serviceDate: calendarDateIn(zone, current.startAt),
                memo: 'No-show fee',
              },
            ]);
          await recordAudit(tx, ctx, {
            action: 'appointment.updated',
            entityType: 'appointment',
            entityId: id,
            clientIds: [current.clientId],
            detail: { fields: Object.keys(input), occurrences: targets.length },
          });
          const views = await repo.findAppointmentViews(tx, ctx.clinicId, ids);
          return present(tx, ctx, settings, views, warnings);
        });
      } catch (err) {
        if (sqlState(err) === EXCLUSION_VIOLATION)
          throw new AppError('conflict', 'That time was just taken by another booking: pick another time.');
        throw err;
      }
    },

    async cancel(ctx: RequestContext, id: string, input: TCancelAppointmentRequest): Promise<TAppointment[]> {
      return database.db.transaction(async (tx) => {
        const settings = await settingsOf(tx, ctx);
        const current = await repo.findAppointmentForUpdate(tx, ctx.clinicId, id);
        if (!current) throw notFound('The appointment');
        if (current.status === 'cancelled')
          throw new AppError('conflict', 'This appointment is already cancelled.');
        if (current.status === 'completed')
          throw new AppError('conflict', 'A completed visit cannot be cancelled.');
        const targets = (await targetsOf(tx, ctx, current, input.scope)).filter(
          (t) => t.status !== 'completed',
        );
        let feeCents = 0;
        for (const target of targets) {
          const late = isLateCancellation(target.startAt, ctx.now, settings.lateCancelHours);
          await repo.updateAppointment(tx, ctx.clinicId, target.id, {
            status: 'cancelled',
            cancelReason: input.reason,
            cancelledAt: ctx.now,
            lateCancellation: late,
            updatedAt: ctx.now,
          });
          if (late && target.id === current.id && !input.waiveFee) feeCents = settings.lateCancelFeeCents;
        }
        if (feeCents > 0)
          await postLedgerEntries(tx, ctx, [
            {
              clientId: current.clientId,
              kind: 'charge',
              bucket: 'patient',
              amountCents: feeCents,
              serviceDate: calendarDateIn(settings.timeZone, current.startAt),
              memo: 'Late cancellation fee',
            },
          ]);
        for (const target of targets) await offerFreedSlot(tx, ctx, target);
        const future = (
          await repo.appointmentMessageFacts(
            tx,
            ctx.clinicId,
            targets.map((t) => t.id),
          )
        ).filter((f) => f.startAt > ctx.now);
        if (future[0])
          await messageClient(tx, future[0], 'appointment_cancelled', {
            ...(future.length > 1
              ? { note: `${future.length - 1} later visits of the series are cancelled too.` }
              : {}),
          });
        await recordAudit(tx, ctx, {
          action: 'appointment.cancelled',
          entityType: 'appointment',
          entityId: id,
          clientIds: [current.clientId],
          detail: { occurrences: targets.length, feeCents },
        });
        const views = await repo.findAppointmentViews(
          tx,
          ctx.clinicId,
          targets.map((t) => t.id),
        );
        return present(tx, ctx, settings, views);
      });
    },

    async toDo(ctx: RequestContext, therapistId: string | undefined): Promise<TAppointment[]> {
      return database.db.transaction(async (tx) => {
        const settings = await settingsOf(tx, ctx);
        const views = await repo.completedWithoutSignedNote(tx, ctx.clinicId, therapistId);
        if (views.length)
          await recordAudit(tx, ctx, {
            action: 'appointment.listed',
            entityType: 'appointment',
            clientIds: [...new Set(views.map((v) => v.clientId))],
            detail: { toDo: views.length },
          });
        return present(tx, ctx, settings, views);
      });
    },

    async availability(
      ctx: SchedulingActor,
      query: {
        from: string;
        to: string;
        serviceId?: string | undefined;
        durationMinutes?: number | undefined;
        therapistId?: string | undefined;
      },
    ) {
      const from = new Date(query.from);
      const to = new Date(query.to);
      if (to <= from || to.getTime() - from.getTime() > 62 * 86_400_000)
        fail([{ path: 'to', message: 'Ask for a range of up to two months.' }]);
      const db = database.db;
      const settings = await settingsOf(db, ctx);
      const service = query.serviceId ? await repo.findService(db, ctx.clinicId, query.serviceId) : undefined;
      if (query.serviceId && !service)
        fail([{ path: 'serviceId', message: 'Pick a service from the menu.' }]);
      const staff = await repo.listBookableStaff(db, ctx.clinicId);
      const therapistIds = staff
        .map((s) => s.id)
        .filter((id) => !query.therapistId || id === query.therapistId);
      const [hours, busy, blocked] = await Promise.all([
        repo.listWorkingHours(db, ctx.clinicId, therapistIds),
        repo.busyAppointments(db, ctx.clinicId, from, to, therapistIds),
        repo.listBlockedTimes(db, ctx.clinicId, from, to),
      ]);
      const slots = availableSlots({
        therapistIds,
        hours: hours.map((h) => ({
          ...h,
          startTime: h.startTime.slice(0, 5),
          endTime: h.endTime.slice(0, 5),
        })),
        busy: [
          ...busy,
          ...blocked
            .filter((b) => b.roomId === null)
            .map((b) => ({ therapistId: b.therapistId, start: b.startAt, end: b.endAt })),
        ],
        from,
        to,
        zone: settings.timeZone,
        durationMinutes: service?.durationMinutes ?? query.durationMinutes ?? 60,
        bufferMinutes: service?.bufferMinutes ?? 0,
        notBefore: ctx.now,
      });
      return slots.map((s) => ({
        therapistId: s.therapistId,
        start: isoInZone(settings.timeZone, s.start),
        end: isoInZone(settings.timeZone, s.end),
      }));
    },

    /**
     * The visit's session note, opened from the calendar: the linked note, else an unlinked note of the
     * episode written for that day, else a new draft (issue 7, item 1).
     */
    async openSessionNote(ctx: RequestContext, id: string): Promise<{ noteId: string; episodeId: string }> {
      const found = await database.db.transaction(async (tx) => {
        const settings = await settingsOf(tx, ctx);
        const appointment = await repo.findAppointmentForUpdate(tx, ctx.clinicId, id);
        if (!appointment) throw notFound('The appointment');
        if (!appointment.episodeId)
          throw new AppError('conflict', 'Choose the episode of care for this visit first.', {
            errors: [{ path: 'episodeId', message: 'Choose the episode of care for this visit.' }],
          });
        if (appointment.sessionNoteId)
          return { noteId: appointment.sessionNoteId, episodeId: appointment.episodeId };
        const date = calendarDateIn(settings.timeZone, appointment.startAt);
        const candidate = (
          await repo.notesWithoutAppointment(tx, ctx.clinicId, [appointment.episodeId])
        ).find((n) => n.sessionDate === date);
        if (candidate) {
          await repo.updateAppointment(tx, ctx.clinicId, id, {
            sessionNoteId: candidate.id,
            updatedAt: ctx.now,
          });
          return { noteId: candidate.id, episodeId: appointment.episodeId };
        }
        return { noteId: null, episodeId: appointment.episodeId, date };
      });
      if (found.noteId) return { noteId: found.noteId, episodeId: found.episodeId };
      const note = await notes.create(ctx, found.episodeId, {
        sessionDate: (found as { date: string }).date,
      });
      await database.db.transaction(async (tx) => {
        await repo.updateAppointment(tx, ctx.clinicId, id, { sessionNoteId: note.id, updatedAt: ctx.now });
        await recordAudit(tx, ctx, {
          action: 'appointment.updated',
          entityType: 'appointment',
          entityId: id,
          detail: { fields: ['sessionNoteId'] },
        });
      });
      return { noteId: note.id, episodeId: found.episodeId };
    },

    /**
     * Writes the reminders now due, in every clinic: one per appointment and start time (the outbox's
     * dedupe key), however many workers scan at once. A moved visit gets a new reminder for its new time.
     */
    async enqueueDueReminders(now: Date): Promise<number> {
      return database.db.transaction(async (tx) => {
        const due = await repo.dueForReminder(tx, now);
        for (const facts of due) {
          await messageClient(tx, facts, 'appointment_reminder', {
            dedupeKey: `reminder:${facts.appointmentId}:${facts.startAt.toISOString()}`,
          });
          // Forms before the visit: the intake before the first, the questionnaires before a re-evaluation.
          let purpose: 'intake' | 're_evaluation' | null = null;
          if (!(await repo.hadEarlierVisit(tx, facts.clinicId, facts.clientId, facts.startAt)))
            purpose = 'intake';
          else if (facts.episodeId) {
            const actor = {
              clinicId: facts.clinicId,
              now,
              timeZone: facts.timeZone,
              ip: null,
              requestId: null,
              userId: null,
              userName: 'Reminders',
            };
            const settings = await settingsOf(tx, actor);
            const map = await standings(tx, actor, settings, [facts.episodeId]);
            if (map.get(facts.appointmentId)?.reEvaluationDue) purpose = 're_evaluation';
          }
          if (purpose && facts.clientEmail) {
            const message = formsMessage({
              purpose,
              clientFirstName: facts.clientPreferredName || facts.clientGivenName,
              clinicName: facts.clinicName,
              clinicPhone: facts.clinicPhone,
              when: formatAppointmentTime(facts.timeZone, facts.startAt),
              therapistFirstName: facts.therapistName.split(' ')[0] ?? facts.therapistName,
              portalUrl: deps.portalUrl ?? null,
            });
            await messaging.enqueue(tx, {
              clinicId: facts.clinicId,
              clinicName: facts.clinicName,
              clientId: facts.clientId,
              channel: 'email',
              kind: 'questionnaire',
              to: facts.clientEmail,
              toName: `${facts.clientGivenName} ${facts.clientFamilyName}`,
              subject: message.subject,
              body: message.body,
              dedupeKey: `forms:${purpose}:${facts.appointmentId}`,
            });
          }
        }
        return due.length;
      });
    },

    /**
     * A booking a client makes (the public page or the portal): only a free slot of the menu's online
     * services, inside working hours, with the clinic's notice; the same constraints as staff bookings.
     */
    async bookForClient(
      actor: SchedulingActor,
      input: {
        clientId: string | ((tx: Db) => Promise<string>);
        serviceId: string;
        therapistId: string;
        start: string;
      },
      source: 'online' | 'portal',
      notes?: string,
    ): Promise<TAppointment> {
      const service = await repo.findService(database.db, actor.clinicId, input.serviceId);
      if (!service || service.archivedAt || !service.bookableOnline)
        fail([{ path: 'serviceId', message: 'Pick a service from the menu.' }]);
      const start = new Date(input.start);
      const dayStart = new Date(start.getTime() - 12 * 3_600_000);
      const dayEnd = new Date(start.getTime() + 12 * 3_600_000);
      const slots = await this.availability(actor, {
        from: dayStart.toISOString(),
        to: dayEnd.toISOString(),
        serviceId: service.id,
        therapistId: input.therapistId,
      });
      if (!slots.some((s) => new Date(s.start).getTime() === start.getTime()))
        throw new AppError('conflict', 'That time is no longer free: please pick another.', {
          errors: [{ path: 'start', message: 'Pick one of the free times shown.' }],
        });
      const resolveClient = typeof input.clientId === 'function' ? input.clientId : undefined;
      return createOne(
        actor,
        {
          clientId:
            typeof input.clientId === 'string' ? input.clientId : '00000000-0000-4000-8000-000000000000',
          therapistId: input.therapistId,
          serviceId: service.id,
          start: input.start,
          durationMinutes: service.durationMinutes,
          ...(notes ? { notes } : {}),
        },
        source,
        resolveClient,
      );
    },

    /** A client's own appointments (portal): upcoming and past, nothing of anyone else's. */
    async appointmentsOfClient(actor: SchedulingActor, clientId: string) {
      const settings = await settingsOf(database.db, actor);
      const views = await repo.listAppointments(database.db, actor.clinicId, {
        from: new Date(actor.now.getTime() - 366 * 86_400_000),
        to: new Date(actor.now.getTime() + 366 * 86_400_000),
        clientId,
        includeCancelled: true,
      });
      return views.map((v) => ({
        id: v.id,
        start: isoInZone(settings.timeZone, v.startAt),
        end: isoInZone(settings.timeZone, v.endAt),
        therapistName: v.therapistName,
        serviceName: v.serviceName,
        status: v.status,
        /** Whether the client may still cancel it online (outside the late-cancellation window). */
        cancellable:
          (v.status === 'booked' || v.status === 'confirmed') &&
          !isLateCancellation(v.startAt, actor.now, settings.lateCancelHours),
      }));
    },

    /** A client cancels online: only outside the late window (inside it, they call the clinic). */
    async cancelForClient(actor: SchedulingActor, clientIds: string[], id: string, reason: string) {
      return database.db.transaction(async (tx) => {
        const settings = await settingsOf(tx, actor);
        const current = await repo.findAppointmentForUpdate(tx, actor.clinicId, id);
        if (!current || !clientIds.includes(current.clientId)) throw notFound('The appointment');
        if (current.status !== 'booked' && current.status !== 'confirmed')
          throw new AppError('conflict', 'This appointment cannot be cancelled any more.');
        if (isLateCancellation(current.startAt, actor.now, settings.lateCancelHours))
          throw new AppError(
            'conflict',
            `Appointments can be cancelled online up to ${settings.lateCancelHours} hours before; please call the clinic${settings.phone ? ` at ${settings.phone}` : ''}.`,
          );
        await repo.updateAppointment(tx, actor.clinicId, id, {
          status: 'cancelled',
          cancelReason: reason,
          cancelledAt: actor.now,
          lateCancellation: false,
          updatedAt: actor.now,
        });
        const [facts] = await repo.appointmentMessageFacts(tx, actor.clinicId, [id]);
        if (facts) await messageClient(tx, facts, 'appointment_cancelled');
        await offerFreedSlot(tx, actor, current);
        await recordAudit(tx, actor, {
          action: 'appointment.cancelled',
          entityType: 'appointment',
          entityId: id,
          clientIds: [current.clientId],
          detail: { by: 'client' },
        });
      });
    },

    /** The clinic's name, phone and zone, for messages written by other modules. */
    async clinicFacts(tx: Db, clinicId: string) {
      const clinic = await findClinic(tx, clinicId);
      if (!clinic) throw notFound('The clinic');
      return { name: clinic.name, phone: clinic.phone, timeZone: clinic.timeZone, slug: clinic.slug };
    },

    /** What a client may book online: the menu's online services and the bookable therapists (names only). */
    async onlineMenu(clinicId: string) {
      const services = (await repo.listServices(database.db, clinicId))
        .filter((s) => s.bookableOnline)
        .map(toService);
      const therapists = (await repo.listBookableStaff(database.db, clinicId)).map((t) => ({
        id: t.id,
        name: t.name,
        credentials: t.credentials,
      }));
      return { services, therapists };
    },

    // — Waitlist —

    async listWaitlist(ctx: RequestContext) {
      return database.db.transaction(async (tx) => {
        const settings = await settingsOf(tx, ctx);
        const rows = await repo.listWaitlist(tx, ctx.clinicId, ['waiting', 'offered']);
        if (rows.length)
          await recordAudit(tx, ctx, {
            action: 'appointment.listed',
            entityType: 'waitlist',
            clientIds: [...new Set(rows.map((r) => r.entry.clientId))],
            detail: { waitlist: rows.length },
          });
        return rows.map((r) => ({
          id: r.entry.id,
          clientId: r.entry.clientId,
          clientName: `${r.givenName} ${r.familyName}`,
          therapistId: r.entry.therapistId,
          serviceId: r.entry.serviceId,
          earliest: r.entry.earliest,
          latest: r.entry.latest,
          weekdays: r.entry.weekdays,
          fromTime: r.entry.fromTime,
          toTime: r.entry.toTime,
          note: r.entry.note,
          status: r.entry.status,
          lastOfferStart: r.entry.lastOfferStart
            ? isoInZone(settings.timeZone, r.entry.lastOfferStart)
            : null,
          createdAt: r.entry.createdAt.toISOString(),
        }));
      });
    },

    async addToWaitlist(
      ctx: RequestContext,
      input: {
        clientId: string;
        therapistId?: string | null | undefined;
        serviceId?: string | null | undefined;
        earliest: string;
        latest: string;
        weekdays?: number[] | undefined;
        fromTime?: string | null | undefined;
        toTime?: string | null | undefined;
        note?: string | null | undefined;
      },
    ) {
      if (input.latest < input.earliest)
        fail([{ path: 'latest', message: 'The last date comes before the first.' }]);
      return database.db.transaction(async (tx) => {
        const staff = await repo.listBookableStaff(tx, ctx.clinicId);
        await resolveParts(tx, ctx, {
          clientId: input.clientId,
          therapistId: input.therapistId ?? staff[0]?.id ?? '',
          serviceId: input.serviceId,
        });
        const row = await repo.insertWaitlistEntry(tx, {
          clinicId: ctx.clinicId,
          clientId: input.clientId,
          therapistId: input.therapistId ?? null,
          serviceId: input.serviceId ?? null,
          earliest: input.earliest,
          latest: input.latest,
          weekdays: input.weekdays ?? [],
          fromTime: input.fromTime ?? null,
          toTime: input.toTime ?? null,
          note: input.note ?? null,
          createdBy: ctx.userId,
          createdAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'appointment.updated',
          entityType: 'waitlist',
          entityId: row.id,
          clientIds: [input.clientId],
          detail: { waitlist: 'added' },
        });
        return { id: row.id };
      });
    },

    async updateWaitlistStatus(ctx: RequestContext, id: string, status: 'waiting' | 'booked' | 'removed') {
      return database.db.transaction(async (tx) => {
        const row = await repo.updateWaitlistEntry(tx, ctx.clinicId, id, { status });
        if (!row) throw notFound('The waitlist entry');
        await recordAudit(tx, ctx, {
          action: 'appointment.updated',
          entityType: 'waitlist',
          entityId: id,
          clientIds: [row.clientId],
          detail: { waitlist: status },
        });
        return { id, status };
      });
    },

    // — Set-up: the service menu, rooms, working hours, blocked time —

    async listServices(ctx: RequestContext, includeArchived: boolean) {
      return (await repo.listServices(database.db, ctx.clinicId, includeArchived)).map(toService);
    },

    async createService(ctx: RequestContext, input: TCreateServiceRequest) {
      return database.db.transaction(async (tx) => {
        const row = await repo.insertService(tx, {
          ...input,
          description: input.description ?? null,
          clinicId: ctx.clinicId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'schedule.service_saved',
          entityType: 'schedule_service',
          entityId: row.id,
        });
        return toService(row);
      });
    },

    async updateService(ctx: RequestContext, id: string, input: TUpdateServiceRequest) {
      return database.db.transaction(async (tx) => {
        const { version, archived, ...changes } = input;
        const row = await repo.updateService(tx, ctx.clinicId, id, version, {
          ...changes,
          ...(archived === undefined ? {} : { archivedAt: archived ? ctx.now : null }),
          updatedAt: ctx.now,
        });
        if (!row) {
          if (!(await repo.findService(tx, ctx.clinicId, id))) throw notFound('The service');
          throw new AppError(
            'version_conflict',
            'Someone else changed this service: reload it and try again.',
          );
        }
        await recordAudit(tx, ctx, {
          action: 'schedule.service_saved',
          entityType: 'schedule_service',
          entityId: id,
        });
        return toService(row);
      });
    },

    async listRooms(ctx: RequestContext) {
      return (await repo.listRooms(database.db, ctx.clinicId)).map((r) => ({ id: r.id, name: r.name }));
    },

    async createRoom(ctx: RequestContext, name: string) {
      return database.db.transaction(async (tx) => {
        const row = await repo.insertRoom(tx, { clinicId: ctx.clinicId, name, createdAt: ctx.now });
        await recordAudit(tx, ctx, { action: 'schedule.room_saved', entityType: 'room', entityId: row.id });
        return { id: row.id, name: row.name };
      });
    },

    async archiveRoom(ctx: RequestContext, id: string) {
      await database.db.transaction(async (tx) => {
        const row = await repo.archiveRoom(tx, ctx.clinicId, id, ctx.now);
        if (!row) throw notFound('The room');
        await recordAudit(tx, ctx, { action: 'schedule.room_saved', entityType: 'room', entityId: id });
      });
    },

    async putWorkingHours(
      ctx: RequestContext,
      therapistId: string,
      intervals: { weekday: number; startTime: string; endTime: string }[],
    ) {
      const problems = workingHoursProblems(intervals);
      if (problems.length) fail(problems.map((message) => ({ path: 'intervals', message })));
      if (therapistId !== ctx.userId && !hasPermission(ctx, 'schedule:setup'))
        throw new AppError('forbidden', "Only the owner sets another person's working hours.");
      return database.db.transaction(async (tx) => {
        const staff = await repo.listBookableStaff(tx, ctx.clinicId);
        if (!staff.some((s) => s.id === therapistId)) throw notFound('The therapist');
        await repo.replaceWorkingHours(tx, ctx.clinicId, therapistId, intervals);
        await recordAudit(tx, ctx, {
          action: 'schedule.hours_saved',
          entityType: 'user',
          entityId: therapistId,
          detail: { intervals: intervals.length },
        });
        return { therapistId, intervals };
      });
    },

    async listBlockedTimes(ctx: RequestContext, from: string, to: string) {
      const settings = await settingsOf(database.db, ctx);
      const rows = await repo.listBlockedTimes(database.db, ctx.clinicId, new Date(from), new Date(to));
      return rows.map((b) => ({
        id: b.id,
        therapistId: b.therapistId,
        roomId: b.roomId,
        start: isoInZone(settings.timeZone, b.startAt),
        end: isoInZone(settings.timeZone, b.endAt),
        reason: b.reason,
      }));
    },

    async createBlockedTime(ctx: RequestContext, input: TCreateBlockedTimeRequest) {
      const start = new Date(input.start);
      const end = new Date(input.end);
      if (end <= start) fail([{ path: 'end', message: 'The end comes before the start.' }]);
      return database.db.transaction(async (tx) => {
        const settings = await settingsOf(tx, ctx);
        if (input.therapistId) {
          const staff = await repo.listBookableStaff(tx, ctx.clinicId);
          if (!staff.some((s) => s.id === input.therapistId))
            fail([{ path: 'therapistId', message: 'Pick a therapist of this clinic.' }]);
        }
        if (input.roomId && !(await repo.findRoom(tx, ctx.clinicId, input.roomId)))
          fail([{ path: 'roomId', message: 'There is no such room.' }]);
        const row = await repo.insertBlockedTime(tx, {
          clinicId: ctx.clinicId,
          therapistId: input.therapistId ?? null,
          roomId: input.roomId ?? null,
          startAt: start,
          endAt: end,
          reason: input.reason,
          createdBy: ctx.userId,
          createdAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'schedule.time_blocked',
          entityType: 'blocked_time',
          entityId: row.id,
        });
        return {
          id: row.id,
          therapistId: row.therapistId,
          roomId: row.roomId,
          start: isoInZone(settings.timeZone, row.startAt),
          end: isoInZone(settings.timeZone, row.endAt),
          reason: row.reason,
        };
      });
    },

    async deleteBlockedTime(ctx: RequestContext, id: string) {
      await database.db.transaction(async (tx) => {
        if (!(await repo.deleteBlockedTime(tx, ctx.clinicId, id))) throw notFound('The blocked time');
        await recordAudit(tx, ctx, {
          action: 'schedule.time_blocked',
          entityType: 'blocked_time',
          entityId: id,
          detail: { removed: true },
        });
      });
    },

    // — Calendar feeds (issue 7, item 8) —

    async createFeed(ctx: RequestContext, therapistId: string, origin: string) {
      if (therapistId !== ctx.userId && !hasPermission(ctx, 'schedule:setup'))
        throw new AppError('forbidden', "Only the owner makes a feed of another person's calendar.");
      const token = randomBytes(32).toString('base64url');
      return database.db.transaction(async (tx) => {
        const staff = await repo.listBookableStaff(tx, ctx.clinicId);
        if (!staff.some((s) => s.id === therapistId))
          fail([{ path: 'therapistId', message: 'Pick a therapist of this clinic.' }]);
        const row = await repo.insertFeed(tx, {
          clinicId: ctx.clinicId,
          therapistId,
          tokenHash: hashFeedToken(token),
          createdBy: ctx.userId,
          createdAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'calendar_feed.created',
          entityType: 'calendar_feed',
          entityId: row.id,
        });
        return { id: row.id, url: `${origin}/api/calendar/${token}.ics` };
      });
    },

    async listFeeds(ctx: RequestContext) {
      const mine = hasPermission(ctx, 'schedule:setup') ? undefined : ctx.userId;
      const rows = await repo.listFeeds(database.db, ctx.clinicId, mine);
      return rows.map((r) => ({
        id: r.feed.id,
        therapistId: r.feed.therapistId,
        therapistName: r.therapistName,
        createdAt: r.feed.createdAt.toISOString(),
        lastReadAt: r.feed.lastReadAt?.toISOString() ?? null,
      }));
    },

    async revokeFeed(ctx: RequestContext, id: string) {
      await database.db.transaction(async (tx) => {
        const feed = await repo.findFeed(tx, ctx.clinicId, id);
        if (!feed || feed.revokedAt) throw notFound('The calendar feed');
        if (feed.therapistId !== ctx.userId && !hasPermission(ctx, 'schedule:setup'))
          throw new AppError('forbidden', "Only the owner revokes another person's feed.");
        await repo.revokeFeed(tx, ctx.clinicId, id, ctx.now);
        await recordAudit(tx, ctx, {
          action: 'calendar_feed.revoked',
          entityType: 'calendar_feed',
          entityId: id,
        });
      });
    },

    /** The feed's iCalendar text, or null for an unknown or revoked token. Read without a session. */
    async readFeed(token: string, meta: { now: Date; ip: string | null; requestId: string | null }) {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
      return database.db.transaction(async (tx) => {
        const feed = await repo.findLiveFeedByHash(tx, hashFeedToken(token));
        if (!feed) return null;
        const clinic = await findClinic(tx, feed.clinicId);
        if (!clinic) return null;
        const from = new Date(meta.now.getTime() - 30 * 86_400_000);
        const to = new Date(meta.now.getTime() + 366 * 86_400_000);
        const rows = await repo.feedAppointments(tx, feed.clinicId, feed.therapistId, from, to);
        await repo.touchFeed(tx, feed.id, meta.now);
        await recordAudit(
          tx,
          {
            clinicId: feed.clinicId,
            userId: null,
            userName: 'Calendar feed',
            ip: meta.ip,
            requestId: meta.requestId,
            now: meta.now,
          },
          {
            action: 'calendar_feed.read',
            entityType: 'calendar_feed',
            entityId: feed.id,
            clientIds: [...new Set(rows.map((r) => r.clientId))],
            detail: { events: rows.length },
          },
        );
        return buildCalendarFeed({
          clinicName: clinic.name,
          timeZone: clinic.timeZone,
          now: meta.now,
          events: rows,
        });
      });
    },
  };
}
export type SchedulingService = ReturnType<typeof createSchedulingService>;
