import { and, asc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../accounts/accounts.tables.js';
import { clients } from './clients.tables.js';
import type { ClientQuery } from './domain/client-search.js';
import type { TClient } from './clients.schemas.js';

/** Typo tolerance: a word matches when its trigram word-similarity reaches this (pg_trgm docs, F.35). */
const WORD_SIMILARITY_THRESHOLD = 0.4;

export type ClientValues = Omit<
  typeof clients.$inferInsert,
  | 'id'
  | 'clinicId'
  | 'version'
  | 'createdAt'
  | 'createdBy'
  | 'updatedAt'
  | 'updatedBy'
  | 'searchText'
  | 'emailLower'
  | 'phoneDigits'
  | 'archivedAt'
>;

const clientColumns = {
  id: clients.id,
  givenName: clients.givenName,
  familyName: clients.familyName,
  preferredName: clients.preferredName,
  dateOfBirth: clients.dateOfBirth,
  sex: clients.sex,
  genderIdentity: clients.genderIdentity,
  pronouns: clients.pronouns,
  phone: clients.phone,
  email: clients.email,
  address: clients.address,
  emergencyContact: clients.emergencyContact,
  preferredContactMethod: clients.preferredContactMethod,
  notes: clients.notes,
  archivedAt: clients.archivedAt,
  version: clients.version,
  createdAt: clients.createdAt,
  updatedAt: clients.updatedAt,
  updatedById: clients.updatedBy,
  updatedByName: users.name,
};

type ClientRow = {
  [K in Exclude<keyof typeof clientColumns, 'updatedByName'>]:
    | (typeof clientColumns)[K]['_']['data']
    | ((typeof clientColumns)[K]['_']['notNull'] extends true ? never : null);
} & { updatedByName: string | null };

function toClient(row: ClientRow): TClient {
  const { updatedById, updatedByName, archivedAt, createdAt, updatedAt, ...rest } = row;
  return {
    ...rest,
    address: rest.address ?? null,
    emergencyContact: rest.emergencyContact ?? null,
    archived: archivedAt !== null,
    archivedAt: archivedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    // A record nobody on staff has touched yet was made by the online booking page.
    updatedBy: { id: updatedById, name: updatedByName ?? 'Online booking' },
  };
}

const selectClients = (db: Db) =>
  db.select(clientColumns).from(clients).leftJoin(users, eq(users.id, clients.updatedBy));

export async function findClient(db: Db, clinicId: string, clientId: string): Promise<TClient | undefined> {
  const [row] = await selectClients(db).where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  return row ? toClient(row) : undefined;
}

export async function insertClient(
  db: Db,
  clinicId: string,
  values: ClientValues,
  by: { userId: string; now: Date },
): Promise<string> {
  const [row] = await db
    .insert(clients)
    .values({
      ...values,
      clinicId,
      createdAt: by.now,
      createdBy: by.userId,
      updatedAt: by.now,
      updatedBy: by.userId,
    })
    .returning({ id: clients.id });
  if (!row) throw new Error('insert into clients returned no row');
  return row.id;
}

/**
 * Applies the change only if the row still has `expectedVersion` (optimistic concurrency);
 * answers false when the row changed in between (or does not exist in this clinic).
 */
export async function updateClient(
  db: Db,
  clinicId: string,
  clientId: string,
  expectedVersion: number | undefined,
  changes: Partial<ClientValues> & { archivedAt?: Date | null },
  by: { userId: string; now: Date },
): Promise<boolean> {
  const conditions = [eq(clients.clinicId, clinicId), eq(clients.id, clientId)];
  if (expectedVersion !== undefined) conditions.push(eq(clients.version, expectedVersion));
  const rows = await db
    .update(clients)
    .set({ ...changes, updatedAt: by.now, updatedBy: by.userId, version: sql`${clients.version} + 1` })
    .where(and(...conditions))
    .returning({ id: clients.id });
  return rows.length > 0;
}

/** `%text%` with LIKE's own wildcards in the text escaped. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Must run inside a transaction: the similarity threshold is set transaction-locally. */
export async function searchClients(
  db: Db,
  clinicId: string,
  query: ClientQuery,
  options: { archived: 'exclude' | 'include' | 'only'; limit: number; offset: number },
): Promise<TClient[]> {
  const conditions: SQL[] = [eq(clients.clinicId, clinicId)];
  if (options.archived === 'exclude') conditions.push(isNull(clients.archivedAt));
  if (options.archived === 'only') conditions.push(isNotNull(clients.archivedAt));

  let rank: SQL | undefined;
  switch (query.kind) {
    case 'all':
      break;
    case 'dateOfBirth':
      conditions.push(eq(clients.dateOfBirth, query.date));
      break;
    case 'phone':
      conditions.push(sql`${clients.phoneDigits} like ${`%${query.digits}%`}`);
      break;
    case 'email':
      conditions.push(sql`${clients.emailLower} like ${likePattern(query.text)}`);
      break;
    case 'text': {
      // `<%` reads its threshold from this setting and can use the trigram index; scoped to the transaction.
      await db.execute(
        sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`,
      );
      // Every word must match, exactly as a substring or approximately (trigram word similarity).
      for (const word of query.text.split(' ')) {
        conditions.push(
          sql`(${clients.searchText} like ${likePattern(word)} or ${word} <% ${clients.searchText})`,
        );
      }
      rank = sql`word_similarity(${query.text}, ${clients.searchText}) desc`;
      break;
    }
  }

  const rows = await selectClients(db)
    .where(and(...conditions))
    .orderBy(...(rank ? [rank] : []), asc(clients.familyName), asc(clients.givenName), asc(clients.id))
    .limit(options.limit)
    .offset(options.offset);
  return rows.map(toClient);
}
