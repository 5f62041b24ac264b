import { sql, type SQL } from 'drizzle-orm';
import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from '../clinics/clinics.tables.js';
import { users } from '../accounts/accounts.tables.js';
import { CONTACT_METHODS, SEX_VALUES, type Address, type EmergencyContact } from './domain/client.js';

export const sexEnum = pgEnum('client_sex', SEX_VALUES);
export const contactMethodEnum = pgEnum('contact_method', CONTACT_METHODS);

export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    sex: sexEnum('sex'),
    genderIdentity: text('gender_identity'),
    pronouns: text('pronouns'),
    phone: text('phone'),
    email: text('email'),
    address: jsonb('address').$type<Address>(),
    emergencyContact: jsonb('emergency_contact').$type<EmergencyContact>(),
    preferredContactMethod: contactMethodEnum('preferred_contact_method'),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Null when the client booked online (the booking page made the record). */
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    /** Lower-cased names, for trigram (typo-tolerant) search. */
    searchText: text('search_text').generatedAlwaysAs(
      (): SQL =>
        sql`lower(${clients.givenName} || ' ' || ${clients.familyName} || ' ' || coalesce(${clients.preferredName}, ''))`,
    ),
    emailLower: text('email_lower').generatedAlwaysAs((): SQL => sql`lower(coalesce(${clients.email}, ''))`),
    phoneDigits: text('phone_digits').generatedAlwaysAs(
      (): SQL => sql`regexp_replace(coalesce(${clients.phone}, ''), '[^0-9]', '', 'g')`,
    ),
  },
  (t) => [
    // clinic_id inside the trigram index (btree_gin) lets one index answer "this clinic's fuzzy name
    // matches"; with a separate clinic index the planner scanned every client of the clinic instead.
    index('clients_clinic_name_trgm_idx').using('gin', t.clinicId, sql`${t.searchText} gin_trgm_ops`),
    index('clients_clinic_email_trgm_idx').using('gin', t.clinicId, sql`${t.emailLower} gin_trgm_ops`),
    index('clients_clinic_name_idx').on(t.clinicId, t.familyName, t.givenName),
    index('clients_clinic_dob_idx').on(t.clinicId, t.dateOfBirth),
    index('clients_clinic_phone_idx').on(t.clinicId, t.phoneDigits),
  ],
);
