import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every row of clinical or business data belongs to exactly one clinic (the tenant). */
export const clinics = pgTable('clinics', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** A practice, or a single learner's own study space (issue 8: students sign up without a clinic). */
  kind: text('kind', { enum: ['practice', 'study'] })
    .notNull()
    .default('practice'),
  timeZone: text('time_zone').notNull().default('America/New_York'),
  /** Letterhead for reports to prescribers (and later claims: CMS-1500 box 32/33). */
  addressLines: jsonb('address_lines').$type<string[]>().notNull().default([]),
  phone: text('phone'),
  fax: text('fax'),
  npi: text('npi'),
  // Scheduling settings (issue 7). The public booking page lives at /book/{slug} once it is turned on.
  slug: text('slug').unique(),
  bookingPageEnabled: boolean('booking_page_enabled').notNull().default(false),
  /** Booking past a prescription's visits or expiry: warn the person booking, or refuse. */
  authorizationPolicy: text('authorization_policy', { enum: ['warn', 'block'] })
    .notNull()
    .default('warn'),
  reminderHoursBefore: integer('reminder_hours_before').notNull().default(24),
  lateCancelHours: integer('late_cancel_hours').notNull().default(24),
  lateCancelFeeCents: integer('late_cancel_fee_cents').notNull().default(0),
  noShowFeeCents: integer('no_show_fee_cents').notNull().default(0),
  reEvaluationEveryVisits: integer('re_evaluation_every_visits').notNull().default(10),
  reEvaluationEveryDays: integer('re_evaluation_every_days').notNull().default(30),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * One row once the installation's first clinic exists. The primary key on a constant makes a second
 * (even concurrent) setup fail in the database, so the setup page is gone for good.
 */
export const installation = pgTable(
  'installation',
  {
    singleton: boolean('singleton').primaryKey().default(true),
    firstClinicId: uuid('first_clinic_id')
      .notNull()
      .references(() => clinics.id),
    setUpAt: timestamp('set_up_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('installation_singleton', sql`${t.singleton}`)],
);
