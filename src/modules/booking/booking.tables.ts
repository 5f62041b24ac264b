import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { appointments } from '../scheduling/scheduling.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** What the public booking page says about a therapist (issue 7, item 9): a bio and a photo. */
export const staffProfiles = pgTable('staff_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  clinicId: uuid('clinic_id')
    .notNull()
    .references(() => clinics.id),
  bio: text('bio').notNull().default(''),
  /** A small JPEG or PNG, base64, at most ~300 kB. */
  photoData: text('photo_data'),
  photoMime: text('photo_mime'),
  showOnBookingPage: boolean('show_on_booking_page').notNull().default(true),
  updatedAt: at('updated_at').notNull(),
});

/** Packages and introductory offers on the booking page ("5 visits for $450"). */
export const bookingPackages = pgTable(
  'booking_packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    name: text('name').notNull(),
    description: text('description'),
    visits: integer('visits').notNull(),
    priceCents: integer('price_cents').notNull(),
    introductory: boolean('introductory').notNull().default(false),
    archivedAt: at('archived_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('booking_packages_clinic_idx').on(t.clinicId)],
);

/**
 * A client's words about their care, written in the portal after a visit, shown on the booking page only
 * with the client's consent and once staff approved it; under a name the client chose ("Ana P.").
 */
export const testimonials = pgTable(
  'testimonials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    text: text('text').notNull(),
    displayName: text('display_name').notNull(),
    consentedAt: at('consented_at').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: at('reviewed_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('testimonials_clinic_idx').on(t.clinicId, t.status)],
);
