import type { Database, Db } from '../../platform/db/database.js';
import { formatCalendarDate } from '../../platform/domain/calendar-date.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { calendarDateIn } from '../../platform/time-zone.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './episodes.repository.js';
import type { TCreateEpisodeRequest, TEpisode, TUpdateEpisodeRequest } from './episodes.schemas.js';

export type EpisodeScope = repo.EpisodeRow;

/**
 * The episode a clinical command is about, in the caller's clinic (404 otherwise: another clinic's ids
 * are indistinguishable from unknown ones). `forWrite` refuses a discharged episode.
 */
export async function requireEpisode(
  tx: Db,
  ctx: RequestContext,
  episodeId: string,
  options: { forWrite: boolean },
): Promise<EpisodeScope> {
  const episode = await repo.findEpisode(tx, ctx.clinicId, episodeId);
  if (!episode) throw notFound('The episode of care');
  if (options.forWrite && episode.status === 'discharged') {
    throw new AppError(
      'conflict',
      `This episode was discharged on ${formatCalendarDate(episode.dischargedOn ?? episode.startedOn)}. Reopen it to add or change records.`,
    );
  }
  return episode;
}

export function createEpisodesService(deps: { database: Database }) {
  const { database } = deps;

  return {
    async create(ctx: RequestContext, clientId: string, input: TCreateEpisodeRequest): Promise<TEpisode> {
      return database.db.transaction(async (tx) => {
        if (!(await repo.clientExists(tx, ctx.clinicId, clientId))) throw notFound('The client');
        const row = await repo.insertEpisode(tx, ctx, {
          clientId,
          title: input.title,
          payerContext: input.payerContext,
          onsetDate: input.onsetDate ?? null,
          startedOn: input.startedOn ?? calendarDateIn(ctx.timeZone, ctx.now),
        });
        await recordAudit(tx, ctx, {
          action: 'episode.created',
          entityType: 'episode',
          entityId: row.id,
          clientIds: [clientId],
        });
        return repo.toEpisode(row);
      });
    },

    async listForClient(ctx: RequestContext, clientId: string): Promise<TEpisode[]> {
      return database.db.transaction(async (tx) => {
        if (!(await repo.clientExists(tx, ctx.clinicId, clientId))) throw notFound('The client');
        const rows = await repo.listEpisodesOfClient(tx, ctx.clinicId, clientId);
        await recordAudit(tx, ctx, {
          action: 'episode.listed',
          entityType: 'episode',
          clientIds: [clientId],
          detail: { count: rows.length },
        });
        return rows.map(repo.toEpisode);
      });
    },

    async update(ctx: RequestContext, episodeId: string, input: TUpdateEpisodeRequest): Promise<TEpisode> {
      return database.db.transaction(async (tx) => {
        const current = await requireEpisode(tx, ctx, episodeId, { forWrite: false });
        const { version, ...changes } = input;
        const discharging = changes.status === 'discharged' && current.status !== 'discharged';
        const reopening = changes.status === 'open' && current.status === 'discharged';
        const values = {
          ...changes,
          ...(discharging
            ? { dischargedOn: changes.dischargedOn ?? calendarDateIn(ctx.timeZone, ctx.now) }
            : {}),
          ...(reopening ? { dischargedOn: null, dischargeReason: null } : {}),
        };
        const row = await repo.updateEpisode(tx, ctx, episodeId, version, values);
        if (!row) {
          throw new AppError(
            'version_conflict',
            'This episode was changed by someone else after you opened it. Reload and try again.',
            { extensions: { currentVersion: current.version, yourVersion: version } },
          );
        }
        await recordAudit(tx, ctx, {
          action: 'episode.updated',
          entityType: 'episode',
          entityId: episodeId,
          clientIds: [current.clientId],
          detail: { fields: Object.keys(changes) },
        });
        return repo.toEpisode(row);
      });
    },
  };
}
export type EpisodesService = ReturnType<typeof createEpisodesService>;
