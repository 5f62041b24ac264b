import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../accounts/accounts.tables.js';
import {
  billingProfiles,
  clinicCodePairEdits,
  clinicServiceCodes,
  feeSchedule,
  payers,
  providerBillingIds,
} from './billing.tables.js';

export type BillingProfileRow = typeof billingProfiles.$inferSelect;
export type PayerRow = typeof payers.$inferSelect;
export type FeeRow = typeof feeSchedule.$inferSelect;

export async function findBillingProfile(db: Db, clinicId: string): Promise<BillingProfileRow | undefined> {
  const [row] = await db.select().from(billingProfiles).where(eq(billingProfiles.clinicId, clinicId));
  return row;
}

export async function upsertBillingProfile(
  db: Db,
  values: Omit<
    typeof billingProfiles.$inferInsert,
    'lastInterchangeControlNumber' | 'lastClaimNumber' | 'version'
  >,
  expectedVersion: number | undefined,
): Promise<BillingProfileRow | undefined> {
  const { clinicId, ...rest } = values;
  if (expectedVersion === undefined) {
    const [row] = await db.insert(billingProfiles).values(values).onConflictDoNothing().returning();
    return row;
  }
  const [row] = await db
    .update(billingProfiles)
    .set({ ...rest, version: sql`${billingProfiles.version} + 1` })
    .where(and(eq(billingProfiles.clinicId, clinicId), eq(billingProfiles.version, expectedVersion)))
    .returning();
  return row;
}

/** Takes the next number of a per-clinic counter atomically (the row lock serialises concurrent batches). */
export async function nextCounter(
  db: Db,
  clinicId: string,
  counter: 'interchange' | 'claim',
  count = 1,
): Promise<number> {
  const column =
    counter === 'interchange'
      ? billingProfiles.lastInterchangeControlNumber
      : billingProfiles.lastClaimNumber;
  const [row] = await db
    .update(billingProfiles)
    .set(
      counter === 'interchange'
        ? { lastInterchangeControlNumber: sql`${column} + ${count}` }
        : { lastClaimNumber: sql`${column} + ${count}` },
    )
    .where(eq(billingProfiles.clinicId, clinicId))
    .returning({ value: column });
  if (!row) throw new Error('billing profile missing');
  return row.value - count + 1;
}

export async function listPayers(db: Db, clinicId: string): Promise<PayerRow[]> {
  return db.select().from(payers).where(eq(payers.clinicId, clinicId)).orderBy(asc(payers.name));
}

export async function findPayer(db: Db, clinicId: string, id: string): Promise<PayerRow | undefined> {
  const [row] = await db
    .select()
    .from(payers)
    .where(and(eq(payers.clinicId, clinicId), eq(payers.id, id)));
  return row;
}

export async function insertPayer(db: Db, values: typeof payers.$inferInsert): Promise<PayerRow> {
  const [row] = await db.insert(payers).values(values).returning();
  return row!;
}

export async function updatePayer(
  db: Db,
  clinicId: string,
  id: string,
  version: number,
  changes: Partial<typeof payers.$inferInsert>,
): Promise<PayerRow | undefined> {
  const [row] = await db
    .update(payers)
    .set({ ...changes, version: sql`${payers.version} + 1` })
    .where(and(eq(payers.clinicId, clinicId), eq(payers.id, id), eq(payers.version, version)))
    .returning();
  return row;
}

export async function listClinicServiceCodes(db: Db, clinicId: string) {
  return db.select().from(clinicServiceCodes).where(eq(clinicServiceCodes.clinicId, clinicId));
}

export async function upsertClinicServiceCode(
  db: Db,
  values: typeof clinicServiceCodes.$inferInsert,
): Promise<void> {
  await db
    .insert(clinicServiceCodes)
    .values(values)
    .onConflictDoUpdate({
      target: [clinicServiceCodes.clinicId, clinicServiceCodes.code],
      set: { description: values.description, timed: values.timed, updatedAt: values.updatedAt },
    });
}

export async function listFees(db: Db, clinicId: string): Promise<FeeRow[]> {
  return db.select().from(feeSchedule).where(eq(feeSchedule.clinicId, clinicId));
}

export async function setFee(
  db: Db,
  values: {
    clinicId: string;
    code: string;
    payerId: string | null;
    feeCents: number | null;
    updatedAt: Date;
  },
): Promise<void> {
  const match = and(
    eq(feeSchedule.clinicId, values.clinicId),
    eq(feeSchedule.code, values.code),
    values.payerId === null ? isNull(feeSchedule.payerId) : eq(feeSchedule.payerId, values.payerId),
  );
  if (values.feeCents === null) {
    await db.delete(feeSchedule).where(match);
    return;
  }
  await db
    .insert(feeSchedule)
    .values({ ...values, feeCents: values.feeCents })
    .onConflictDoUpdate({
      target: [feeSchedule.clinicId, feeSchedule.code, feeSchedule.payerId],
      set: { feeCents: values.feeCents, updatedAt: values.updatedAt },
    });
}

export async function listProviders(db: Db, clinicId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      role: users.role,
      credentials: users.credentials,
      licenseNumber: users.licenseNumber,
      deactivatedAt: users.deactivatedAt,
      npi: providerBillingIds.npi,
      taxonomy: providerBillingIds.taxonomy,
      licenseState: providerBillingIds.licenseState,
    })
    .from(users)
    .leftJoin(providerBillingIds, eq(providerBillingIds.userId, users.id))
    .where(eq(users.clinicId, clinicId))
    .orderBy(asc(users.name));
}

export async function upsertProviderBillingId(db: Db, values: typeof providerBillingIds.$inferInsert) {
  await db
    .insert(providerBillingIds)
    .values(values)
    .onConflictDoUpdate({
      target: providerBillingIds.userId,
      set: {
        npi: values.npi,
        taxonomy: values.taxonomy,
        licenseState: values.licenseState,
        updatedAt: values.updatedAt,
      },
    });
}

export async function listClinicCodePairEdits(db: Db, clinicId: string) {
  return db.select().from(clinicCodePairEdits).where(eq(clinicCodePairEdits.clinicId, clinicId));
}

export async function replaceClinicCodePairEdits(
  db: Db,
  clinicId: string,
  edits: { column1: string; column2: string; modifierIndicator: '0' | '1'; source: string }[],
) {
  await db.delete(clinicCodePairEdits).where(eq(clinicCodePairEdits.clinicId, clinicId));
  if (edits.length > 0)
    await db
      .insert(clinicCodePairEdits)
      .values(edits.map((edit) => ({ ...edit, clinicId })))
      .onConflictDoNothing();
}

export async function findProviderBillingId(db: Db, clinicId: string, userId: string) {
  const [row] = await db
    .select()
    .from(providerBillingIds)
    .where(and(eq(providerBillingIds.clinicId, clinicId), eq(providerBillingIds.userId, userId)));
  return row;
}
