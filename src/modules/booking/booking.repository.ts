import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../accounts/accounts.tables.js';
import { clients } from '../clients/clients.tables.js';
import { appointments } from '../scheduling/scheduling.tables.js';
import { bookingPackages, staffProfiles, testimonials } from './booking.tables.js';

export type TestimonialRow = typeof testimonials.$inferSelect;

export async function profilesOf(db: Db, clinicId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      credentials: users.credentials,
      role: users.role,
      bio: staffProfiles.bio,
      hasPhoto: sql<boolean>`${staffProfiles.photoData} is not null`,
      showOnBookingPage: staffProfiles.showOnBookingPage,
    })
    .from(users)
    .leftJoin(staffProfiles, eq(staffProfiles.userId, users.id))
    .where(
      and(
        eq(users.clinicId, clinicId),
        isNull(users.deactivatedAt),
        inArray(users.role, ['owner', 'therapist']),
      ),
    )
    .orderBy(asc(users.name));
}

export async function findPhoto(db: Db, clinicId: string, userId: string) {
  const [row] = await db
    .select({ data: staffProfiles.photoData, mime: staffProfiles.photoMime })
    .from(staffProfiles)
    .where(
      and(
        eq(staffProfiles.clinicId, clinicId),
        eq(staffProfiles.userId, userId),
        eq(staffProfiles.showOnBookingPage, true),
      ),
    );
  return row?.data && row.mime ? { data: row.data, mime: row.mime } : undefined;
}

/** The photo whether or not the therapist is shown on the page (staff editing their profile see it). */
export async function findOwnPhoto(db: Db, clinicId: string, userId: string) {
  const [row] = await db
    .select({ data: staffProfiles.photoData, mime: staffProfiles.photoMime })
    .from(staffProfiles)
    .where(and(eq(staffProfiles.clinicId, clinicId), eq(staffProfiles.userId, userId)));
  return row?.data && row.mime ? { data: row.data, mime: row.mime } : undefined;
}

export async function upsertProfile(db: Db, values: typeof staffProfiles.$inferInsert) {
  const { userId, clinicId, ...changes } = values;
  await db
    .insert(staffProfiles)
    .values(values)
    .onConflictDoUpdate({ target: staffProfiles.userId, set: { ...changes } });
  void userId;
  void clinicId;
}

export async function listPackages(db: Db, clinicId: string) {
  return db
    .select()
    .from(bookingPackages)
    .where(and(eq(bookingPackages.clinicId, clinicId), isNull(bookingPackages.archivedAt)))
    .orderBy(asc(bookingPackages.priceCents));
}

export async function insertPackage(db: Db, values: typeof bookingPackages.$inferInsert) {
  const [row] = await db.insert(bookingPackages).values(values).returning();
  return row!;
}

export async function archivePackage(db: Db, clinicId: string, id: string, now: Date) {
  const rows = await db
    .update(bookingPackages)
    .set({ archivedAt: now })
    .where(and(eq(bookingPackages.clinicId, clinicId), eq(bookingPackages.id, id)))
    .returning({ id: bookingPackages.id });
  return rows.length > 0;
}

export async function listTestimonials(db: Db, clinicId: string, status?: TestimonialRow['status']) {
  return db
    .select()
    .from(testimonials)
    .where(and(eq(testimonials.clinicId, clinicId), status ? eq(testimonials.status, status) : undefined))
    .orderBy(desc(testimonials.createdAt))
    .limit(200);
}

export async function insertTestimonial(db: Db, values: typeof testimonials.$inferInsert) {
  const [row] = await db.insert(testimonials).values(values).returning();
  return row!;
}

export async function reviewTestimonial(
  db: Db,
  clinicId: string,
  id: string,
  status: 'approved' | 'rejected',
  userId: string,
  now: Date,
) {
  const [row] = await db
    .update(testimonials)
    .set({ status, reviewedBy: userId, reviewedAt: now })
    .where(and(eq(testimonials.clinicId, clinicId), eq(testimonials.id, id)))
    .returning();
  return row;
}

/** A client found by email in the clinic (online bookings attach to the existing record). */
export async function clientByEmail(db: Db, clinicId: string, email: string) {
  const [row] = await db
    .select({ id: clients.id, givenName: clients.givenName, familyName: clients.familyName })
    .from(clients)
    .where(
      and(
        eq(clients.clinicId, clinicId),
        eq(clients.emailLower, email.toLowerCase()),
        isNull(clients.archivedAt),
      ),
    )
    .orderBy(asc(clients.createdAt))
    .limit(1);
  return row;
}

export async function insertClient(
  db: Db,
  values: {
    clinicId: string;
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    email: string;
    phone: string | null;
    now: Date;
  },
) {
  const [row] = await db
    .insert(clients)
    .values({
      clinicId: values.clinicId,
      givenName: values.givenName,
      familyName: values.familyName,
      dateOfBirth: values.dateOfBirth,
      email: values.email,
      phone: values.phone,
      preferredContactMethod: 'email',
      createdAt: values.now,
      createdBy: null,
      updatedAt: values.now,
      updatedBy: null,
    })
    .returning({ id: clients.id });
  return row!;
}

/** Whether the client had a completed visit (a testimonial follows care actually given). */
export async function hasCompletedVisit(db: Db, clinicId: string, clientId: string) {
  const [row] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        eq(appointments.clientId, clientId),
        eq(appointments.status, 'completed'),
      ),
    )
    .limit(1);
  return row !== undefined;
}
