import { z } from '@hono/zod-openapi';
import { isValidCalendarDate } from '../domain/calendar-date.js';

/** Field builders shared by the modules' schemas, so every form says the same thing for the same mistake. */
export const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
export const requiredText = (label: string, max: number) => text(max).min(1, `Enter the ${label}.`);
export const optionalText = (max: number) =>
  text(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const ZCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the format YYYY-MM-DD.')
  .refine(isValidCalendarDate, 'This date does not exist.')
  .openapi({ example: '2026-11-25' });

export const ZVersion = z.number().int().positive();
