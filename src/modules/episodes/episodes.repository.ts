import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { clients } from '../clients/clients.tables.js';
import { episodes } from './episodes.tables.js';
import type { TEpisode } from './episodes.schemas.js';

export type EpisodeRow = typeof episodes.$inferSelect;

export function toEpisode(row: EpisodeRow): TEpisode {
  return {
    id: row.id,
    clientId: row.clientId,
    title: row.title,
    payerContext: row.payerContext,
    onsetDate: row.onsetDate,
    startedOn: row.startedOn,
    status: row.status,
    dischargedOn: row.dischargedOn,
    dischargeReason: row.dischargeReason,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findEpisode(
  db: Db,
  clinicId: string,
  episodeId: string,
): Promise<EpisodeRow | undefined> {
  const [row] = await db
    .select()
    .from(episodes)
    .where(and(eq(episodes.clinicId, clinicId), eq(episodes.id, episodeId)));
  return row;
}

export async function clientExists(db: Db, clinicId: string, clientId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  return row !== undefined;
}

export async function listEpisodesOfClient(
  db: Db,
  clinicId: string,
  clientId: string,
): Promise<EpisodeRow[]> {
  return db
    .select()
    .from(episodes)
    .where(and(eq(episodes.clinicId, clinicId), eq(episodes.clientId, clientId)))
    .orderBy(desc(episodes.startedOn), desc(episodes.createdAt));
}

export async function insertEpisode(
  db: Db,
  ctx: RequestContext,
  values: Pick<EpisodeRow, 'clientId' | 'title' | 'payerContext' | 'onsetDate' | 'startedOn'>,
): Promise<EpisodeRow> {
  const [row] = await db
    .insert(episodes)
    .values({
      ...values,
      clinicId: ctx.clinicId,
      createdAt: ctx.now,
      createdBy: ctx.userId,
      updatedAt: ctx.now,
      updatedBy: ctx.userId,
    })
    .returning();
  return row!;
}

export async function updateEpisode(
  db: Db,
  ctx: RequestContext,
  episodeId: string,
  expectedVersion: number,
  changes: Partial<
    Pick<EpisodeRow, 'title' | 'payerContext' | 'onsetDate' | 'status' | 'dischargedOn' | 'dischargeReason'>
  >,
): Promise<EpisodeRow | undefined> {
  const [row] = await db
    .update(episodes)
    .set({ ...changes, updatedAt: ctx.now, updatedBy: ctx.userId, version: sql`${episodes.version} + 1` })
    .where(
      and(
        eq(episodes.clinicId, ctx.clinicId),
        eq(episodes.id, episodeId),
        eq(episodes.version, expectedVersion),
      ),
    )
    .returning();
  return row;
}
