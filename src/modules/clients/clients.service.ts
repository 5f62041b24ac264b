import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { calendarDateIn, formatClinicDateTime } from '../../platform/time-zone.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './clients.repository.js';
import type {
  TClient,
  TClientList,
  TCreateClientRequest,
  TListClientsQuery,
  TUpdateClientRequest,
} from './clients.schemas.js';
import { dateOfBirthProblem } from './domain/client.js';
import { parseClientQuery } from './domain/client-search.js';

/** The clinic's calendar date is what "in the future" means for a date of birth. */
function assertPlausibleDateOfBirth(dateOfBirth: string | undefined, ctx: RequestContext): void {
  if (dateOfBirth === undefined) return;
  const problem = dateOfBirthProblem(dateOfBirth, calendarDateIn(ctx.timeZone, ctx.now));
  if (problem)
    throw new AppError('validation', problem, { errors: [{ path: 'dateOfBirth', message: problem }] });
}

function valuesFrom(input: Partial<TCreateClientRequest>): Partial<repo.ClientValues> {
  const values: Partial<repo.ClientValues> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && key !== 'version') (values as Record<string, unknown>)[key] = value;
  }
  return values;
}

export function createClientsService(deps: { database: Database }) {
  const { database } = deps;

  async function loadOrThrow(tx: Db, ctx: RequestContext, clientId: string): Promise<TClient> {
    const client = await repo.findClient(tx, ctx.clinicId, clientId);
    if (!client) throw notFound('The client');
    return client;
  }

  async function changeClient(
    ctx: RequestContext,
    clientId: string,
    expectedVersion: number | undefined,
    changes: Partial<repo.ClientValues> & { archivedAt?: Date | null },
    action: 'client.updated' | 'client.archived' | 'client.restored',
  ): Promise<TClient> {
    return database.db.transaction(async (tx) => {
      const applied = await repo.updateClient(tx, ctx.clinicId, clientId, expectedVersion, changes, ctx);
      if (!applied) {
        const current = await loadOrThrow(tx, ctx, clientId);
        const at = formatClinicDateTime(ctx.timeZone, new Date(current.updatedAt));
        throw new AppError(
          'version_conflict',
          `This client was changed by ${current.updatedBy.name} at ${at} after you opened it. Reload to see their changes, then make yours again.`,
          {
            extensions: {
              currentVersion: current.version,
              yourVersion: expectedVersion,
              updatedBy: current.updatedBy,
              updatedAt: current.updatedAt,
            },
          },
        );
      }
      await recordAudit(tx, ctx, {
        action,
        entityType: 'client',
        entityId: clientId,
        clientIds: [clientId],
        detail: { fields: Object.keys(changes) },
      });
      return loadOrThrow(tx, ctx, clientId);
    });
  }

  return {
    async create(ctx: RequestContext, input: TCreateClientRequest): Promise<TClient> {
      assertPlausibleDateOfBirth(input.dateOfBirth, ctx);
      return database.db.transaction(async (tx) => {
        const values = valuesFrom(input) as repo.ClientValues;
        const id = await repo.insertClient(tx, ctx.clinicId, values, ctx);
        await recordAudit(tx, ctx, {
          action: 'client.created',
          entityType: 'client',
          entityId: id,
          clientIds: [id],
          detail: { fields: Object.keys(values) },
        });
        return loadOrThrow(tx, ctx, id);
      });
    },

    async get(ctx: RequestContext, clientId: string): Promise<TClient> {
      return database.db.transaction(async (tx) => {
        const client = await loadOrThrow(tx, ctx, clientId);
        await recordAudit(tx, ctx, {
          action: 'client.read',
          entityType: 'client',
          entityId: clientId,
          clientIds: [clientId],
        });
        return client;
      });
    },

    async list(ctx: RequestContext, query: TListClientsQuery): Promise<TClientList> {
      return database.db.transaction(async (tx) => {
        const parsed = parseClientQuery(query.q);
        const rows = await repo.searchClients(tx, ctx.clinicId, parsed, {
          archived: query.archived,
          limit: query.limit + 1,
          offset: query.offset,
        });
        const items = rows.slice(0, query.limit);
        // The search words are client data too: the log keeps how they were read, not what was typed.
        await recordAudit(tx, ctx, {
          action: 'client.listed',
          entityType: 'client',
          clientIds: items.map((client) => client.id),
          detail: { queryKind: parsed.kind, archived: query.archived, resultCount: items.length },
        });
        return { items, nextOffset: rows.length > query.limit ? query.offset + query.limit : null };
      });
    },

    update(
      ctx: RequestContext,
      clientId: string,
      input: TUpdateClientRequest,
      ifMatchVersion: number | undefined,
    ) {
      assertPlausibleDateOfBirth(input.dateOfBirth, ctx);
      const version = input.version ?? ifMatchVersion;
      return changeClient(ctx, clientId, version, valuesFrom(input), 'client.updated');
    },

    archive: (ctx: RequestContext, clientId: string, version: number | undefined) =>
      changeClient(ctx, clientId, version, { archivedAt: ctx.now }, 'client.archived'),

    restore: (ctx: RequestContext, clientId: string, version: number | undefined) =>
      changeClient(ctx, clientId, version, { archivedAt: null }, 'client.restored'),
  };
}
export type ClientsService = ReturnType<typeof createClientsService>;
