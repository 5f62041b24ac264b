import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { payers } from '../billing/billing.tables.js';
import { clients } from '../clients/clients.tables.js';
import { coverageCases, insurancePolicies } from './coverage.tables.js';

export type PolicyRow = typeof insurancePolicies.$inferSelect & { payerName: string };
export type CaseRow = typeof coverageCases.$inferSelect & { payerName: string };

export async function clientExists(db: Db, clinicId: string, clientId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  return row !== undefined;
}

export async function listPolicies(db: Db, clinicId: string, clientId: string): Promise<PolicyRow[]> {
  const rows = await db
    .select({ policy: insurancePolicies, payerName: payers.name })
    .from(insurancePolicies)
    .innerJoin(payers, eq(payers.id, insurancePolicies.payerId))
    .where(and(eq(insurancePolicies.clinicId, clinicId), eq(insurancePolicies.clientId, clientId)))
    .orderBy(asc(insurancePolicies.priority), asc(insurancePolicies.createdAt));
  return rows.map((r) => ({ ...r.policy, payerName: r.payerName }));
}

export async function findPolicy(db: Db, clinicId: string, id: string): Promise<PolicyRow | undefined> {
  const [row] = await db
    .select({ policy: insurancePolicies, payerName: payers.name })
    .from(insurancePolicies)
    .innerJoin(payers, eq(payers.id, insurancePolicies.payerId))
    .where(and(eq(insurancePolicies.clinicId, clinicId), eq(insurancePolicies.id, id)));
  return row ? { ...row.policy, payerName: row.payerName } : undefined;
}

export async function insertPolicy(db: Db, values: typeof insurancePolicies.$inferInsert) {
  const [row] = await db.insert(insurancePolicies).values(values).returning();
  return row!;
}

export async function updatePolicy(
  db: Db,
  clinicId: string,
  id: string,
  version: number,
  changes: Partial<typeof insurancePolicies.$inferInsert>,
) {
  const [row] = await db
    .update(insurancePolicies)
    .set({ ...changes, version: sql`${insurancePolicies.version} + 1` })
    .where(
      and(
        eq(insurancePolicies.clinicId, clinicId),
        eq(insurancePolicies.id, id),
        eq(insurancePolicies.version, version),
      ),
    )
    .returning({ id: insurancePolicies.id });
  return row;
}

export async function listCases(db: Db, clinicId: string, clientId: string): Promise<CaseRow[]> {
  const rows = await db
    .select({ c: coverageCases, payerName: payers.name })
    .from(coverageCases)
    .innerJoin(payers, eq(payers.id, coverageCases.payerId))
    .where(and(eq(coverageCases.clinicId, clinicId), eq(coverageCases.clientId, clientId)))
    .orderBy(asc(coverageCases.createdAt));
  return rows.map((r) => ({ ...r.c, payerName: r.payerName }));
}

export async function findCase(db: Db, clinicId: string, id: string): Promise<CaseRow | undefined> {
  const [row] = await db
    .select({ c: coverageCases, payerName: payers.name })
    .from(coverageCases)
    .innerJoin(payers, eq(payers.id, coverageCases.payerId))
    .where(and(eq(coverageCases.clinicId, clinicId), eq(coverageCases.id, id)));
  return row ? { ...row.c, payerName: row.payerName } : undefined;
}

export async function insertCase(db: Db, values: typeof coverageCases.$inferInsert) {
  const [row] = await db.insert(coverageCases).values(values).returning();
  return row!;
}

export async function updateCase(
  db: Db,
  clinicId: string,
  id: string,
  version: number,
  changes: Partial<typeof coverageCases.$inferInsert>,
) {
  const [row] = await db
    .update(coverageCases)
    .set({ ...changes, version: sql`${coverageCases.version} + 1` })
    .where(
      and(eq(coverageCases.clinicId, clinicId), eq(coverageCases.id, id), eq(coverageCases.version, version)),
    )
    .returning({ id: coverageCases.id });
  return row;
}
