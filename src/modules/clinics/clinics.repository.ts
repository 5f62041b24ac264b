import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { clinics, installation } from './clinics.tables.js';
import type { TClinic } from './clinics.schemas.js';

const clinicColumns = {
  id: clinics.id,
  name: clinics.name,
  kind: clinics.kind,
  timeZone: clinics.timeZone,
  addressLines: clinics.addressLines,
  phone: clinics.phone,
  fax: clinics.fax,
  npi: clinics.npi,
  slug: clinics.slug,
  bookingPageEnabled: clinics.bookingPageEnabled,
  authorizationPolicy: clinics.authorizationPolicy,
  reminderHoursBefore: clinics.reminderHoursBefore,
  lateCancelHours: clinics.lateCancelHours,
  lateCancelFeeCents: clinics.lateCancelFeeCents,
  noShowFeeCents: clinics.noShowFeeCents,
  reEvaluationEveryVisits: clinics.reEvaluationEveryVisits,
  reEvaluationEveryDays: clinics.reEvaluationEveryDays,
};

export async function updateClinic(
  db: Db,
  clinicId: string,
  changes: Partial<Omit<typeof clinics.$inferInsert, 'id' | 'createdAt'>>,
): Promise<TClinic | undefined> {
  const [row] = await db
    .update(clinics)
    .set(changes)
    .where(eq(clinics.id, clinicId))
    .returning(clinicColumns);
  return row;
}

export async function isInstalled(db: Db): Promise<boolean> {
  const [row] = await db.select({ singleton: installation.singleton }).from(installation);
  return row !== undefined;
}

export async function insertClinic(
  db: Db,
  values: { name: string; now: Date; kind?: 'practice' | 'study' },
): Promise<TClinic> {
  const [row] = await db
    .insert(clinics)
    .values({ name: values.name, createdAt: values.now, kind: values.kind ?? 'practice' })
    .returning(clinicColumns);
  if (!row) throw new Error('insert into clinics returned no row');
  return row;
}

/** Marks the installation as set up; false when it already was (also under a concurrent setup). */
export async function markInstalled(db: Db, clinicId: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(installation)
    .values({ firstClinicId: clinicId, setUpAt: now })
    .onConflictDoNothing()
    .returning({ singleton: installation.singleton });
  return rows.length > 0;
}

export async function findClinic(db: Db, clinicId: string): Promise<TClinic | undefined> {
  const [row] = await db.select(clinicColumns).from(clinics).where(eq(clinics.id, clinicId));
  return row;
}

/** The clinic whose public booking page is at /book/{slug}, when the page is turned on. */
export async function findClinicBySlug(db: Db, slug: string): Promise<TClinic | undefined> {
  const [row] = await db
    .select(clinicColumns)
    .from(clinics)
    .where(and(eq(clinics.slug, slug.toLowerCase()), eq(clinics.bookingPageEnabled, true)));
  return row;
}
