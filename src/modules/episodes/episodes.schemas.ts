import { z } from '@hono/zod-openapi';
import { optionalText, requiredText, ZCalendarDate, ZVersion } from '../../platform/http/zod-fields.js';
import { EPISODE_STATUSES, PAYER_CONTEXTS } from './domain/episode.js';

export const ZEpisode = z
  .object({
    id: z.string().uuid(),
    clientId: z.string().uuid(),
    title: z.string(),
    payerContext: z.enum(PAYER_CONTEXTS),
    onsetDate: z.string().nullable(),
    startedOn: z.string(),
    status: z.enum(EPISODE_STATUSES),
    dischargedOn: z.string().nullable(),
    dischargeReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi('Episode');
export type TEpisode = z.infer<typeof ZEpisode>;

export const ZCreateEpisodeRequest = z
  .strictObject({
    title: requiredText('episode title (e.g. "Neck pain after car accident")', 200),
    payerContext: z.enum(PAYER_CONTEXTS).default('health_insurance'),
    onsetDate: ZCalendarDate.nullable().optional(),
    startedOn: ZCalendarDate.optional(),
  })
  .openapi('CreateEpisodeRequest');
export type TCreateEpisodeRequest = z.infer<typeof ZCreateEpisodeRequest>;

export const ZUpdateEpisodeRequest = z
  .strictObject({
    version: ZVersion,
    title: requiredText('episode title', 200).optional(),
    payerContext: z.enum(PAYER_CONTEXTS).optional(),
    onsetDate: ZCalendarDate.nullable().optional(),
    status: z.enum(EPISODE_STATUSES).optional(),
    dischargedOn: ZCalendarDate.nullable().optional(),
    dischargeReason: optionalText(2000),
  })
  .openapi('UpdateEpisodeRequest');
export type TUpdateEpisodeRequest = z.infer<typeof ZUpdateEpisodeRequest>;

export const ZEpisodeList = z.object({ items: z.array(ZEpisode) }).openapi('EpisodeList');
