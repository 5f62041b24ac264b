import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * ICD-10-CM is public reference data shared by every clinic (not clinic data): one row per code per edition
 * (fiscal year), so a claim can be checked against the edition in force on its date of service.
 */
export const icd10cmEditions = pgTable('icd10cm_editions', {
  /** Fiscal year: FY2026 covers dates of service 2025-10-01 to 2026-09-30. */
  edition: integer('edition').primaryKey(),
  sourceSha256: text('source_sha256').notNull(),
  codeCount: integer('code_count').notNull(),
  billableCount: integer('billable_count').notNull(),
  /** Null while the codes are being loaded (in batches); searches use loaded editions only. */
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }),
});

export const icd10cmCodes = pgTable(
  'icd10cm_codes',
  {
    edition: integer('edition')
      .notNull()
      .references(() => icd10cmEditions.edition),
    /** Without the dot: M542. */
    code: text('code').notNull(),
    billable: boolean('billable').notNull(),
    shortDescription: text('short_description').notNull(),
    longDescription: text('long_description').notNull(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL => sql`to_tsvector('english'::regconfig, ${icd10cmCodes.longDescription})`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.edition, t.code] }),
    index('icd10cm_code_prefix_idx').on(t.edition, sql`${t.code} text_pattern_ops`),
    index('icd10cm_search_idx').using('gin', t.searchVector),
  ],
);
