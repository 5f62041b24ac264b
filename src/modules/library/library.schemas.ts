import { z } from '@hono/zod-openapi';
import { ZCondition, ZTechnique } from './domain/library-content.js';

export const ZConditionSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    category: z.string(),
    bodyAreas: z.array(z.string()),
    icd10cm: z.array(z.string()),
    own: z.boolean(),
  })
  .openapi('LibraryConditionSummary');

export const ZCautionLinks = z
  .object({
    ruleId: z.string(),
    conditions: z.array(z.object({ id: z.string(), name: z.string() })),
    techniques: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('LibraryCautionLinks');

export const ZConditionList = z
  .object({ version: z.string().nullable(), items: z.array(ZConditionSummary) })
  .openapi('LibraryConditionList');
export type TConditionList = z.infer<typeof ZConditionList>;

export const ZConditionQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type TConditionQuery = z.infer<typeof ZConditionQuery>;

export const ZLibraryCondition = (ZCondition as unknown as z.ZodType<z.infer<typeof ZCondition>>).openapi(
  'LibraryCondition',
);
export const ZLibraryTechnique = (ZTechnique as unknown as z.ZodType<z.infer<typeof ZTechnique>>).openapi(
  'LibraryTechnique',
);
export const ZTechniqueList = z.object({ items: z.array(ZLibraryTechnique) }).openapi('LibraryTechniqueList');

export const ZSuggestionQuery = z.strictObject({
  codes: z
    .string()
    .max(200)
    .transform((v) =>
      v
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'Codes like M54.2, comma-separated'),
        )
        .min(1)
        .max(12),
    ),
});

export const ZSuggestionList = z
  .object({
    items: z.array(ZConditionSummary.extend({ score: z.number().int(), matchedCodes: z.array(z.string()) })),
  })
  .openapi('LibrarySuggestionList');
