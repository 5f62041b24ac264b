import { createHash } from 'node:crypto';
import type { Database, Db } from '../../platform/db/database.js';
import { hasPermission } from '../../platform/authz/permissions.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { calendarDateIn } from '../../platform/time-zone.js';
import { recordAudit } from '../audit/index.js';
import { requireEpisode } from '../episodes/index.js';
import { requiresAcknowledgement, screenHealthHistory, type ScreeningAlert } from '../screening/index.js';
import { CONSENT_TEXTS, currentConsentText } from './domain/consent-texts.js';
import * as repo from './intake.repository.js';
import type {
  TClientAlerts,
  TConsent,
  TIntake,
  TSaveIntakeRequest,
  TSignConsentRequest,
} from './intake.schemas.js';

function toIntake(row: repo.IntakeRow): TIntake {
  return {
    id: row.id,
    episodeId: row.episodeId,
    healthHistory: row.healthHistory,
    alerts: row.alerts,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedByName: row.updatedByName,
  };
}

function toConsent(row: repo.ConsentRow): TConsent {
  return {
    id: row.id,
    episodeId: row.episodeId,
    kind: row.kind,
    textVersion: row.textVersion,
    textBody: row.textBody,
    textSha256: row.textSha256,
    signerName: row.signerName,
    signerRelationship: row.signerRelationship,
    signatureMethod: row.signatureMethod,
    signatureData: row.signatureData,
    releaseTo: row.releaseTo,
    signedAt: row.signedAt.toISOString(),
    witnessedByName: row.witnessedByName,
  };
}

/** The screening alerts in force for an episode (its intake's), for notes and plans to show and check. */
export async function alertsOfEpisode(
  tx: Db,
  clinicId: string,
  episodeId: string,
): Promise<ScreeningAlert[]> {
  return (await repo.findIntake(tx, clinicId, episodeId))?.alerts ?? [];
}

export async function intakeOfEpisode(tx: Db, clinicId: string, episodeId: string): Promise<TIntake | null> {
  const row = await repo.findIntake(tx, clinicId, episodeId);
  return row ? toIntake(row) : null;
}

export async function consentsOfEpisode(tx: Db, clinicId: string, episodeId: string): Promise<TConsent[]> {
  return (await repo.listConsents(tx, clinicId, episodeId)).map(toConsent);
}

export function createIntakeService(deps: { database: Database }) {
  const { database } = deps;

  return {
    consentTexts: () => CONSENT_TEXTS,

    async get(ctx: RequestContext, episodeId: string): Promise<TIntake> {
      return database.db.transaction(async (tx) => {
        const episode = await requireEpisode(tx, ctx, episodeId, { forWrite: false });
        const row = await repo.findIntake(tx, ctx.clinicId, episodeId);
        if (!row) throw notFound('The intake for this episode');
        await recordAudit(tx, ctx, {
          action: 'intake.read',
          entityType: 'intake',
          entityId: row.id,
          clientIds: [episode.clientId],
        });
        return toIntake(row);
      });
    },

    /** Saves the health history and screens it again: alerts always match the answers saved. */
    async save(ctx: RequestContext, episodeId: string, input: TSaveIntakeRequest): Promise<TIntake> {
      return database.db.transaction(async (tx) => {
        const episode = await requireEpisode(tx, ctx, episodeId, { forWrite: true });
        const alerts = screenHealthHistory(input.healthHistory, calendarDateIn(ctx.timeZone, ctx.now));
        const values = { healthHistory: input.healthHistory, alerts };
        const current = await repo.findIntake(tx, ctx.clinicId, episodeId);
        if (!current) await repo.insertIntake(tx, ctx, episodeId, values);
        else {
          if (input.version === undefined)
            throw new AppError('validation', 'Send the version of the intake you edited.', {
              errors: [{ path: 'version', message: 'Required when the intake already exists.' }],
            });
          if (!(await repo.updateIntake(tx, ctx, episodeId, input.version, values)))
            throw new AppError(
              'version_conflict',
              `This intake was changed by ${current.updatedByName} after you opened it. Reload to see their changes, then make yours again.`,
              { extensions: { currentVersion: current.version, yourVersion: input.version } },
            );
        }
        const saved = (await repo.findIntake(tx, ctx.clinicId, episodeId))!;
        await recordAudit(tx, ctx, {
          action: 'intake.saved',
          entityType: 'intake',
          entityId: saved.id,
          clientIds: [episode.clientId],
          detail: { alerts: alerts.map((a) => a.ruleId) },
        });
        return toIntake(saved);
      });
    },

    async signConsent(ctx: RequestContext, episodeId: string, input: TSignConsentRequest): Promise<TConsent> {
      const text = currentConsentText(input.kind);
      if (input.textVersion !== text.version)
        throw new AppError(
          'conflict',
          `The consent wording changed (now ${text.version}). Show the client the current text and sign again.`,
        );
      if (input.kind === 'release_of_information' && !input.releaseTo)
        throw new AppError('validation', 'Name who may receive the information.', {
          errors: [{ path: 'releaseTo', message: 'Name the person or organisation (e.g. the prescriber).' }],
        });
      return database.db.transaction(async (tx) => {
        const episode = await requireEpisode(tx, ctx, episodeId, { forWrite: true });
        const id = await repo.insertConsent(tx, {
          clinicId: ctx.clinicId,
          clientId: episode.clientId,
          episodeId,
          kind: input.kind,
          textVersion: text.version,
          textBody: text.body,
          textSha256: createHash('sha256').update(text.body).digest('hex'),
          signerName: input.signerName,
          signerRelationship: input.signerRelationship ?? null,
          signatureMethod: input.signature.method,
          signatureData:
            input.signature.method === 'drawn' ? input.signature.svgPath : input.signature.typedName,
          releaseTo: input.releaseTo ?? null,
          signedAt: ctx.now,
          witnessedBy: ctx.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'consent.signed',
          entityType: 'consent',
          entityId: id,
          clientIds: [episode.clientId],
          detail: { kind: input.kind, textVersion: text.version, method: input.signature.method },
        });
        const all = await repo.listConsents(tx, ctx.clinicId, episodeId);
        return toConsent(all.find((c) => c.id === id)!);
      });
    },

    async listConsents(ctx: RequestContext, episodeId: string): Promise<TConsent[]> {
      return database.db.transaction(async (tx) => {
        const episode = await requireEpisode(tx, ctx, episodeId, { forWrite: false });
        const rows = await repo.listConsents(tx, ctx.clinicId, episodeId);
        await recordAudit(tx, ctx, {
          action: 'consent.read',
          entityType: 'consent',
          clientIds: [episode.clientId],
          detail: { count: rows.length },
        });
        return rows.map(toConsent);
      });
    },

    /**
     * Alerts for the client header. Clinical staff see every alert with its reason; others (front desk)
     * see only postpone/refer titles, which change whether to book (minimum necessary, HIPAA §164.502(b)).
     */
    async clientAlerts(ctx: RequestContext, clientId: string): Promise<TClientAlerts> {
      return database.db.transaction(async (tx) => {
        const rows = await repo.alertsOfOpenEpisodes(tx, ctx.clinicId, clientId);
        const seen = new Set<string>();
        const alerts = rows
          .flatMap((r) => r.alerts)
          .filter((a) => {
            const key = `${a.ruleId}|${a.region ?? ''}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
        await recordAudit(tx, ctx, {
          action: 'intake.read',
          entityType: 'alerts',
          clientIds: [clientId],
          detail: { count: alerts.length },
        });
        if (hasPermission(ctx, 'clinical:read')) return { detail: 'clinical', alerts, otherAlertCount: 0 };
        const booking = alerts.filter(requiresAcknowledgement);
        return {
          detail: 'booking',
          alerts: booking.map((a) => ({ severity: a.severity, title: a.title })),
          otherAlertCount: alerts.length - booking.length,
        };
      });
    },
  };
}
export type IntakeService = ReturnType<typeof createIntakeService>;
