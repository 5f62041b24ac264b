import { z } from '@hono/zod-openapi';

export const ZIcd10cmCode = z
  .object({
    code: z.string().openapi({ example: 'M54.2' }),
    description: z.string().openapi({ example: 'Cervicalgia' }),
    billable: z.boolean(),
  })
  .openapi('Icd10cmCode');
export type TIcd10cmCode = z.infer<typeof ZIcd10cmCode>;

export const ZIcd10cmSearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'Type a code or words to search for.').max(100),
  billable: z
    .enum(['only', 'all'])
    .default('only')
    .openapi({ description: 'Include category headings with `all`' }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type TIcd10cmSearchQuery = z.infer<typeof ZIcd10cmSearchQuery>;

export const ZIcd10cmSearchResult = z
  .object({ edition: z.number().int(), items: z.array(ZIcd10cmCode) })
  .openapi('Icd10cmSearchResult');
export type TIcd10cmSearchResult = z.infer<typeof ZIcd10cmSearchResult>;

export const ZIcd10cmEntry = ZIcd10cmCode.extend({
  edition: z.number().int(),
  /** Why the code cannot be billed (category heading, missing 7th character), with better codes. */
  problem: z.string().nullable(),
  suggestions: z.array(z.string()),
}).openapi('Icd10cmEntry');
export type TIcd10cmEntry = z.infer<typeof ZIcd10cmEntry>;
