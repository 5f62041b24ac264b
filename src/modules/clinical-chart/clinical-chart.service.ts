import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { calendarDateIn, formatClinicDateTime } from '../../platform/time-zone.js';
import { ASSESSMENT_KIND_LABELS, assessmentsOfEpisode, RECOMMENDATION_LABELS } from '../assessments/index.js';
import { recordAudit } from '../audit/index.js';
import { listEpisodesOfClient, requireEpisode, toEpisode } from '../episodes/index.js';
import { consentsOfEpisode, intakeOfEpisode } from '../intake/index.js';
import { prescriptionsWithUsage, toPrescription, toPrescriptionSummary } from '../prescriptions/index.js';
import {
  loadReportFonts,
  renderProgressReportPdf,
  renderRenewalRequestPdf,
  type ProgressReportData,
  type ReportKind,
} from '../reports/index.js';
import { billableSessionsOfEpisode, notesOfEpisode } from '../session-notes/index.js';
import { instrumentFacts, planOfEpisode } from '../treatment-plans/index.js';
import * as repo from './clinical-chart.repository.js';
import type { TClinicalChart, TClinicalOverview, TEpisodeServices } from './clinical-chart.schemas.js';
import { buildMeasureSeries } from './domain/measure-series.js';
import { sortTimeline, type TimelineItem } from './domain/timeline.js';

const CONSENT_TITLES = {
  treatment: 'Consent to treatment',
  release_of_information: 'Release of information',
};

/** Loads the whole chart of one episode; the caller has checked the right to read the clinical record. */
async function loadChart(tx: Db, ctx: RequestContext, episodeId: string): Promise<TClinicalChart> {
  const episode = await requireEpisode(tx, ctx, episodeId, { forWrite: false });
  const client = await repo.findClientHeader(tx, ctx.clinicId, episode.clientId);
  if (!client) throw notFound('The client');
  const [prescriptions, intake, consents, assessments, plan, notes] = [
    await prescriptionsWithUsage(tx, ctx, episodeId),
    await intakeOfEpisode(tx, ctx.clinicId, episodeId),
    await consentsOfEpisode(tx, ctx.clinicId, episodeId),
    await assessmentsOfEpisode(tx, ctx.clinicId, episodeId),
    await planOfEpisode(tx, ctx.clinicId, episodeId),
    await notesOfEpisode(tx, ctx.clinicId, episodeId),
  ];
  const points = [
    ...assessments.flatMap((a) =>
      a.outcomeMeasures.map((m) => ({ ...m, source: 'assessment' as const, sourceId: a.id })),
    ),
    ...notes.flatMap((n) =>
      n.outcomeMeasures.map((m) => ({ ...m, source: 'session_note' as const, sourceId: n.id })),
    ),
  ];
  const measureGoals = (plan?.goals ?? []).flatMap((g) => (g.kind === 'measure' ? [g] : []));
  const timeline: TimelineItem[] = [
    {
      date: episode.startedOn,
      at: '',
      kind: 'episode_opened',
      title: `Episode opened: ${episode.title}`,
      detail: null,
      refId: episode.id,
      status: null,
    },
    ...prescriptions.map(({ row, usage }): TimelineItem => ({
      date: row.writtenOn,
      at: row.createdAt.toISOString(),
      kind: 'prescription',
      title: `Prescription from ${row.prescriberName}`,
      detail: `${row.diagnoses.map((d) => d.code).join(', ')} · ${usage.used}${row.visitsAuthorised ? ` of ${row.visitsAuthorised}` : ''} visits used`,
      refId: row.id,
      status: null,
    })),
    ...(intake
      ? [
          {
            date: calendarDateIn(ctx.timeZone, new Date(intake.updatedAt)),
            at: intake.updatedAt,
            kind: 'intake' as const,
            title: 'Intake and health history',
            detail: intake.alerts.length
              ? `${intake.alerts.length} screening alert${intake.alerts.length === 1 ? '' : 's'}`
              : 'No screening alerts',
            refId: intake.id,
            status: null,
          },
        ]
      : []),
    ...consents.map((c): TimelineItem => ({
      date: calendarDateIn(ctx.timeZone, new Date(c.signedAt)),
      at: c.signedAt,
      kind: 'consent',
      title: `${CONSENT_TITLES[c.kind]} signed by ${c.signerName}`,
      detail: c.textVersion,
      refId: c.id,
      status: 'signed',
    })),
    ...assessments.map((a): TimelineItem => ({
      date: a.assessedOn,
      at: a.createdAt,
      kind:
        a.kind === 'initial'
          ? 'assessment'
          : a.kind === 're_evaluation'
            ? 're_evaluation'
            : 'discharge_assessment',
      title: ASSESSMENT_KIND_LABELS[a.kind],
      detail:
        [
          ...a.outcomeMeasures.map((m) => {
            const facts = instrumentFacts(m.instrument);
            return `${facts.name} ${m.score}${facts.unit === '%' ? '%' : ''}`;
          }),
          a.recommendation ? `Recommends: ${RECOMMENDATION_LABELS[a.recommendation].toLowerCase()}` : null,
        ]
          .filter(Boolean)
          .join(' · ') || null,
      refId: a.id,
      status: a.signedAt ? 'signed' : 'draft',
    })),
    ...(plan
      ? [
          {
            date: calendarDateIn(ctx.timeZone, new Date(plan.updatedAt)),
            at: plan.updatedAt,
            kind: 'treatment_plan' as const,
            title: 'Treatment plan',
            detail: plan.goalProgress.map((g) => g.description).join('; '),
            refId: plan.id,
            status: null,
          },
        ]
      : []),
    ...notes.flatMap((n): TimelineItem[] => [
      {
        date: n.sessionDate,
        at: n.createdAt,
        kind: 'session_note',
        title: `Session note — ${n.therapistName}`,
        detail: `${n.totalMinutes} min · ${[...new Set(n.services.map((s) => s.serviceCode))].join(', ')}`,
        refId: n.id,
        status: n.status,
      },
      ...n.addenda.map((a): TimelineItem => ({
        date: calendarDateIn(ctx.timeZone, new Date(a.signedAt)),
        at: a.signedAt,
        kind: 'addendum',
        title: `Addendum to the note of ${n.sessionDate} — ${a.signedByName}`,
        detail: null,
        refId: n.id,
        status: 'signed',
      })),
    ]),
    ...(episode.status === 'discharged' && episode.dischargedOn
      ? [
          {
            date: episode.dischargedOn,
            at: '',
            kind: 'discharged' as const,
            title: 'Discharged',
            detail: episode.dischargeReason,
            refId: episode.id,
            status: null,
          },
        ]
      : []),
  ];
  return {
    episode: toEpisode(episode),
    client: {
      id: client.id,
      name: `${client.givenName} ${client.familyName}`,
      dateOfBirth: client.dateOfBirth,
    },
    prescriptions: prescriptions.map(({ row, usage }) => toPrescription(row, usage)),
    intake,
    consents,
    alerts: intake?.alerts ?? [],
    assessments,
    plan,
    notes,
    measures: buildMeasureSeries(points, instrumentFacts, measureGoals),
    timeline: sortTimeline(timeline),
  };
}

export function createClinicalChartService(deps: { database: Database }) {
  const { database } = deps;

  return {
    async chart(ctx: RequestContext, episodeId: string): Promise<TClinicalChart> {
      return database.db.transaction(async (tx) => {
        const chart = await loadChart(tx, ctx, episodeId);
        await recordAudit(tx, ctx, {
          action: 'chart.read',
          entityType: 'episode',
          entityId: episodeId,
          clientIds: [chart.client.id],
        });
        return chart;
      });
    },

    async services(ctx: RequestContext, episodeId: string): Promise<TEpisodeServices> {
      return database.db.transaction(async (tx) => {
        const episode = await requireEpisode(tx, ctx, episodeId, { forWrite: false });
        const prescriptions = await prescriptionsWithUsage(tx, ctx, episodeId);
        const sessions = await billableSessionsOfEpisode(tx, ctx.clinicId, episodeId);
        await recordAudit(tx, ctx, {
          action: 'services.read',
          entityType: 'episode',
          entityId: episodeId,
          clientIds: [episode.clientId],
        });
        return {
          episode: toEpisode(episode),
          diagnoses: prescriptions.flatMap(({ row }) =>
            row.diagnoses.map((d) => ({ ...d, prescriptionId: row.id })),
          ),
          prescriptions: prescriptions.map(({ row, usage }) => toPrescriptionSummary(row, usage)),
          sessions,
        };
      });
    },

    async overview(ctx: RequestContext, clientId: string): Promise<TClinicalOverview> {
      return database.db.transaction(async (tx) => {
        if (!(await repo.findClientHeader(tx, ctx.clinicId, clientId))) throw notFound('The client');
        const episodes = await listEpisodesOfClient(tx, ctx.clinicId, clientId);
        const stats = await repo.sessionStatsOfClient(tx, ctx.clinicId, clientId);
        const items = [];
        for (const episode of episodes) {
          const prescriptions = await prescriptionsWithUsage(tx, ctx, episode.id);
          const stat = stats.find((s) => s.episodeId === episode.id);
          items.push({
            episode: toEpisode(episode),
            prescriptions: prescriptions.map(({ row, usage }) => toPrescriptionSummary(row, usage)),
            sessionCount: stat?.count ?? 0,
            lastSessionOn: stat?.last ?? null,
          });
        }
        await recordAudit(tx, ctx, {
          action: 'episode.listed',
          entityType: 'episode',
          clientIds: [clientId],
          detail: { count: items.length },
        });
        return { items };
      });
    },

    /** The progress report (or discharge summary) PDF for the prescriber, from the chart as it stands. */
    async progressReport(
      ctx: RequestContext,
      episodeId: string,
      options: { kind: ReportKind; summary?: string | undefined },
    ): Promise<{ pdf: Uint8Array; fileName: string }> {
      const fonts = await loadReportFonts();
      return database.db.transaction(async (tx) => {
        const chart = await loadChart(tx, ctx, episodeId);
        const letterhead = await repo.findLetterhead(tx, ctx.clinicId);
        const today = calendarDateIn(ctx.timeZone, ctx.now);
        const latestRx = chart.prescriptions.at(-1);
        const evaluations = chart.assessments.filter((a) => a.kind !== 'initial');
        const latestEval = evaluations.at(-1) ?? chart.assessments.at(-1);
        const signedEval = [...chart.assessments].reverse().find((a) => a.signedAt);
        const signatoryId = signedEval?.signedById ?? ctx.userId;
        const signatory = await repo.findSignatory(tx, ctx.clinicId, signatoryId);
        const reviews = latestEval?.goalReviews ?? [];
        const data: ProgressReportData = {
          kind: options.kind,
          clinic: {
            name: letterhead.name,
            addressLines: letterhead.addressLines,
            phone: letterhead.phone ?? undefined,
            fax: letterhead.fax ?? undefined,
            npi: letterhead.npi ?? undefined,
          },
          client: { name: chart.client.name, dateOfBirth: chart.client.dateOfBirth },
          prescriber: latestRx && {
            name: latestRx.prescriberName,
            practice: latestRx.prescriberPractice ?? undefined,
            phone: latestRx.prescriberPhone ?? undefined,
            fax: latestRx.prescriberFax ?? undefined,
            npi: latestRx.prescriberNpi ?? undefined,
          },
          episode: { title: chart.episode.title, startedOn: chart.episode.startedOn },
          reportDate: today,
          periodFrom: chart.episode.startedOn,
          // The period covers every session and (re-)evaluation so far.
          periodTo:
            [...chart.notes.map((n) => n.sessionDate), ...chart.assessments.map((x) => x.assessedOn)]
              .sort()
              .at(-1) ?? today,
          diagnoses: latestRx?.diagnoses ?? [],
          visits: {
            used: latestRx?.usage.used ?? chart.notes.length,
            authorised: latestRx?.visitsAuthorised ?? null,
          },
          measures: chart.measures.map((m) => ({
            instrument: m.name,
            unit: m.unit,
            higherIsBetter: m.higherIsBetter,
            mcid: m.mcid,
            range: m.range,
            points: m.points.map((p) => ({ date: p.date, score: p.score })),
            goal: m.goal ?? undefined,
          })),
          goals: (chart.plan?.goalProgress ?? []).map((g) => {
            const review = reviews.find((r) => r.goalId === g.goalId);
            const goal = chart.plan!.goals.find((x) => x.id === g.goalId)!;
            return {
              text: g.description,
              status: review?.status ?? (g.status === 'not_measured' ? 'not_progressing' : g.status),
              baseline: goal.kind === 'measure' ? String(goal.baseline) : undefined,
              current:
                g.latestScore !== null
                  ? String(g.latestScore)
                  : (review?.note ?? (review ? undefined : 'Not reviewed yet')),
            };
          }),
          summary: options.summary ?? (latestEval?.findings || 'See the outcome measures and goals above.'),
          recommendation:
            options.kind === 'discharge' ? 'discharge' : (latestEval?.recommendation ?? 'continue'),
          recommendationNote: latestEval?.recommendationNote ?? undefined,
          therapist: {
            name: signatory.name,
            credentials: signatory.credentials ?? undefined,
            licenseNumber: signatory.licenseNumber ?? undefined,
            signedAtDisplay: signedEval?.signedAt
              ? formatClinicDateTime(ctx.timeZone, new Date(signedEval.signedAt))
              : undefined,
          },
        };
        const pdf = await renderProgressReportPdf(data, fonts);
        await recordAudit(tx, ctx, {
          action: 'report.generated',
          entityType: 'episode',
          entityId: episodeId,
          clientIds: [chart.client.id],
          detail: { kind: options.kind, bytes: pdf.byteLength },
        });
        const safeName = chart.client.name
          .normalize('NFKD')
          .replace(/[^\w]+/g, '-')
          .replace(/^-|-$/g, '');
        return { pdf, fileName: `${options.kind}-report-${safeName}-${today}.pdf` };
      });
    },

    /** A letter asking the prescriber to renew the prescription (issue 7, item 4). */
    async renewalRequest(
      ctx: RequestContext,
      episodeId: string,
    ): Promise<{ pdf: Uint8Array; fileName: string }> {
      const fonts = await loadReportFonts();
      return database.db.transaction(async (tx) => {
        const chart = await loadChart(tx, ctx, episodeId);
        const rx = chart.prescriptions.at(-1);
        if (!rx)
          throw new AppError(
            'conflict',
            'This episode has no prescription to renew: add the prescription first.',
          );
        const letterhead = await repo.findLetterhead(tx, ctx.clinicId);
        const signatory = await repo.findSignatory(tx, ctx.clinicId, ctx.userId);
        const today = calendarDateIn(ctx.timeZone, ctx.now);
        const booked = await repo.bookedVisitsFrom(tx, ctx.clinicId, episodeId, ctx.now);
        const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
        const pdf = await renderRenewalRequestPdf(
          {
            clinic: {
              name: letterhead.name,
              addressLines: letterhead.addressLines,
              ...(letterhead.phone ? { phone: letterhead.phone } : {}),
              ...(letterhead.fax ? { fax: letterhead.fax } : {}),
              ...(letterhead.npi ? { npi: letterhead.npi } : {}),
            },
            date: today,
            prescriber: {
              name: rx.prescriberName,
              ...(rx.prescriberPractice ? { practice: rx.prescriberPractice } : {}),
              ...(rx.prescriberPhone ? { phone: rx.prescriberPhone } : {}),
              ...(rx.prescriberFax ? { fax: rx.prescriberFax } : {}),
              ...(rx.prescriberNpi ? { npi: rx.prescriberNpi } : {}),
            },
            client: { name: chart.client.name, dateOfBirth: chart.client.dateOfBirth },
            diagnoses: rx.diagnoses,
            current: {
              writtenOn: rx.writtenOn,
              expiresOn: rx.expiresOn,
              authorised: rx.visitsAuthorised,
              used: rx.usage.used,
              booked,
            },
            measures: chart.measures
              .filter((m) => m.points.length > 1)
              .map((m) => ({
                name: m.name,
                baseline: `${m.baseline}${m.unit}`,
                latest: `${m.latest}${m.unit}`,
                change: `${signed(m.change)}${m.unit}, ${m.clinicallyImportant ? 'a clinically important change' : 'less than the minimal important change'} of ${m.mcid}`,
              })),
            request: {
              perWeek: chart.plan?.frequencyPerWeek ?? rx.frequencyPerWeek,
              weeks: chart.plan?.durationWeeks ?? rx.durationWeeks,
              visits: rx.visitsAuthorised,
            },
            therapist: {
              name: signatory.name,
              ...(signatory.credentials ? { credentials: signatory.credentials } : {}),
              ...(signatory.licenseNumber ? { licenseNumber: signatory.licenseNumber } : {}),
            },
          },
          fonts,
        );
        await recordAudit(tx, ctx, {
          action: 'report.generated',
          entityType: 'episode',
          entityId: episodeId,
          clientIds: [chart.client.id],
          detail: { kind: 'renewal_request', bytes: pdf.byteLength },
        });
        const safeName = chart.client.name
          .normalize('NFKD')
          .replace(/[^\w]+/g, '-')
          .replace(/^-|-$/g, '');
        return { pdf, fileName: `renewal-request-${safeName}-${today}.pdf` };
      });
    },
  };
}
export type ClinicalChartService = ReturnType<typeof createClinicalChartService>;
