import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinics } from '../clinics/clinics.tables.js';
import type { Condition, Technique } from './domain/library-content.js';

/**
 * Library content in the database: the shipped files (clinic_id null, replaced when the content version
 * changes) and each clinic's own conditions, which may override a shipped one by using its slug and are
 * never touched by an update of the shipped content.
 */
export const libraryConditions = pgTable(
  'library_conditions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').references(() => clinics.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    content: jsonb('content').$type<Condition>().notNull(),
    /** Name, aliases and codes, lower-cased: trigram search tolerates typos ("fibromialgia"). */
    searchText: text('search_text').notNull(),
    icd10cm: text('icd10cm').array().notNull(),
    aliases: text('aliases').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('library_conditions_scope_slug_unique').on(
      sql`coalesce(${t.clinicId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.slug,
    ),
    index('library_conditions_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('library_conditions_icd_idx').using('gin', t.icd10cm),
  ],
);

export const libraryTechniques = pgTable(
  'library_techniques',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').references(() => clinics.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    content: jsonb('content').$type<Technique>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('library_techniques_scope_slug_unique').on(
      sql`coalesce(${t.clinicId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.slug,
    ),
  ],
);

/** Which version of the shipped content is loaded (SHA-256 over the files), so start-up loads it once. */
export const libraryContentVersions = pgTable('library_content_versions', {
  version: text('version').primaryKey(),
  conditions: text('conditions').notNull(),
  techniques: text('techniques').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull(),
});
