import { sql } from 'drizzle-orm';
import { boolean, check, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every row of clinical or business data belongs to exactly one clinic (the tenant). */
export const clinics = pgTable('clinics', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('America/New_York'),
  /** Letterhead for reports to prescribers (and later claims: CMS-1500 box 32/33). */
  addressLines: jsonb('address_lines').$type<string[]>().notNull().default([]),
  phone: text('phone'),
  fax: text('fax'),
  npi: text('npi'),
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
