import { z } from '@hono/zod-openapi';
import { optionalText, requiredText, ZCalendarDate, ZVersion } from '../../platform/http/zod-fields.js';
import { APPOINTMENT_STATUSES, SERIES_SCOPES } from './domain/appointment.js';

/** An instant with its UTC offset, as the API speaks it: 2026-11-02T10:00:00-05:00. */
export const ZInstant = z
  .string()
  .datetime({ offset: true, message: 'Use ISO 8601 with an offset, such as 2026-11-02T10:00:00-05:00.' })
  .openapi({ example: '2026-11-02T10:00:00-05:00' });

const ZTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:00.')
  .openapi({ example: '09:00' });

export const ZVisitStanding = z
  .object({
    number: z.number().int(),
    authorised: z.number().int().nullable(),
    prescriptionId: z.string().uuid().nullable(),
    expiresOn: z.string().nullable(),
    label: z.string().openapi({ example: 'visit 5 of 12, prescription expires 2026-12-20' }),
    beyondAuthorisation: z.boolean(),
    pastExpiry: z.boolean(),
    renewalDue: z.boolean(),
    reEvaluationDue: z.boolean(),
    warnings: z.array(z.string()),
  })
  .openapi('VisitStanding');

export const ZAppointment = z
  .object({
    id: z.string().uuid(),
    clientId: z.string().uuid(),
    clientName: z.string(),
    therapistId: z.string().uuid(),
    therapistName: z.string(),
    serviceId: z.string().uuid().nullable(),
    serviceName: z.string().nullable(),
    roomId: z.string().uuid().nullable(),
    roomName: z.string().nullable(),
    episodeId: z.string().uuid().nullable(),
    episodeTitle: z.string().nullable(),
    seriesId: z.string().uuid().nullable(),
    start: ZInstant,
    end: ZInstant,
    durationMinutes: z.number().int(),
    bufferMinutes: z.number().int(),
    status: z.enum(APPOINTMENT_STATUSES),
    notes: z.string().nullable(),
    sessionNoteId: z.string().uuid().nullable(),
    noteSigned: z.boolean(),
    cancelReason: z.string().nullable(),
    lateCancellation: z.boolean(),
    source: z.enum(['staff', 'online', 'portal']),
    visit: ZVisitStanding.nullable(),
    /** Booking warnings: outside working hours, past the prescription's visits or expiry. */
    warnings: z.array(z.string()),
    version: z.number().int(),
  })
  .openapi('Appointment');
export type TAppointment = z.infer<typeof ZAppointment>;

export const ZCreateAppointmentRequest = z
  .strictObject({
    clientId: z.string().uuid(),
    therapistId: z.string().uuid(),
    start: ZInstant,
    durationMinutes: z.number().int().min(5).max(480).optional(),
    serviceId: z.string().uuid().optional(),
    episodeId: z.string().uuid().nullable().optional(),
    roomId: z.string().uuid().nullable().optional(),
    notes: optionalText(2000),
    recurrence: z
      .string()
      .trim()
      .max(300)
      .optional()
      .openapi({ example: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12' }),
  })
  .refine((v) => v.durationMinutes !== undefined || v.serviceId !== undefined, {
    path: ['durationMinutes'],
    message: 'Give the length in minutes, or a service from the menu.',
  })
  .openapi('CreateAppointmentRequest');
export type TCreateAppointmentRequest = z.infer<typeof ZCreateAppointmentRequest>;

export const ZSeriesConflict = z
  .object({
    start: ZInstant,
    end: ZInstant,
    reason: z.string(),
    conflictsWith: z
      .object({ id: z.string().uuid(), kind: z.string(), start: ZInstant, end: ZInstant })
      .nullable(),
  })
  .openapi('SeriesConflict');

export const ZSeriesCreated = z
  .object({
    seriesId: z.string().uuid(),
    rule: z.string(),
    description: z.string(),
    items: z.array(ZAppointment),
    conflicts: z.array(ZSeriesConflict),
  })
  .openapi('SeriesCreated');
export type TSeriesCreated = z.infer<typeof ZSeriesCreated>;

export const ZAppointmentQuery = z.strictObject({
  from: ZInstant,
  to: ZInstant,
  therapistId: z.string().uuid().optional(),
  clientId: z.string().uuid().optional(),
  roomId: z.string().uuid().optional(),
  includeCancelled: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const ZUpdateAppointmentRequest = z
  .strictObject({
    version: ZVersion.optional(),
    start: ZInstant.optional(),
    durationMinutes: z.number().int().min(5).max(480).optional(),
    therapistId: z.string().uuid().optional(),
    roomId: z.string().uuid().nullable().optional(),
    serviceId: z.string().uuid().nullable().optional(),
    episodeId: z.string().uuid().nullable().optional(),
    status: z.enum(APPOINTMENT_STATUSES).optional(),
    notes: optionalText(2000),
    sessionNoteId: z.string().uuid().nullable().optional(),
    /** For an occurrence of a series: this one, this and the following ones, or all of them. */
    scope: z.enum(SERIES_SCOPES).optional(),
  })
  .openapi('UpdateAppointmentRequest');
export type TUpdateAppointmentRequest = z.infer<typeof ZUpdateAppointmentRequest>;

export const ZCancelAppointmentRequest = z
  .strictObject({
    reason: requiredText('reason for the cancellation', 300),
    scope: z.enum(SERIES_SCOPES).optional(),
    /** Waive the late-cancellation fee (the clinic's policy applies otherwise). */
    waiveFee: z.boolean().optional(),
  })
  .openapi('CancelAppointmentRequest');
export type TCancelAppointmentRequest = z.infer<typeof ZCancelAppointmentRequest>;

export const ZAppointmentsChanged = z.object({ items: z.array(ZAppointment) }).openapi('AppointmentsChanged');

// — Set-up —

export const ZScheduleService = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    description: z.string().nullable(),
    durationMinutes: z.number().int(),
    bufferMinutes: z.number().int(),
    priceCents: z.number().int(),
    bookableOnline: z.boolean(),
    introductoryOffer: z.boolean(),
    archived: z.boolean(),
    version: z.number().int(),
  })
  .openapi('ScheduleService');
export type TScheduleService = z.infer<typeof ZScheduleService>;

const serviceFields = {
  name: requiredText('service name', 120),
  description: optionalText(1000),
  durationMinutes: z.number().int().min(5).max(480),
  bufferMinutes: z.number().int().min(0).max(120).optional(),
  priceCents: z.number().int().min(0).max(10_000_00),
  bookableOnline: z.boolean().optional(),
  introductoryOffer: z.boolean().optional(),
};
export const ZCreateServiceRequest = z.strictObject(serviceFields).openapi('CreateScheduleServiceRequest');
export type TCreateServiceRequest = z.infer<typeof ZCreateServiceRequest>;
export const ZUpdateServiceRequest = z
  .strictObject({
    version: ZVersion,
    ...z.strictObject(serviceFields).partial().shape,
    archived: z.boolean().optional(),
  })
  .openapi('UpdateScheduleServiceRequest');
export type TUpdateServiceRequest = z.infer<typeof ZUpdateServiceRequest>;

export const ZRoom = z.object({ id: z.string().uuid(), name: z.string() }).openapi('Room');
export const ZCreateRoomRequest = z.strictObject({ name: requiredText('room name', 80) });

export const ZWorkingInterval = z
  .strictObject({
    weekday: z.number().int().min(1).max(7).openapi({ description: 'ISO weekday: 1 = Monday … 7 = Sunday' }),
    startTime: ZTime,
    endTime: ZTime,
  })
  .openapi('WorkingInterval');
export const ZWorkingHours = z
  .object({ therapistId: z.string().uuid(), intervals: z.array(ZWorkingInterval) })
  .openapi('WorkingHours');
export const ZPutWorkingHoursRequest = z.strictObject({ intervals: z.array(ZWorkingInterval).max(50) });

export const ZBlockedTime = z
  .object({
    id: z.string().uuid(),
    therapistId: z.string().uuid().nullable(),
    roomId: z.string().uuid().nullable(),
    start: ZInstant,
    end: ZInstant,
    reason: z.string(),
  })
  .openapi('BlockedTime');
export const ZCreateBlockedTimeRequest = z
  .strictObject({
    therapistId: z.string().uuid().nullable().optional(),
    roomId: z.string().uuid().nullable().optional(),
    start: ZInstant,
    end: ZInstant,
    reason: requiredText('reason', 200),
  })
  .openapi('CreateBlockedTimeRequest');
export type TCreateBlockedTimeRequest = z.infer<typeof ZCreateBlockedTimeRequest>;

export const ZBookableStaff = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    role: z.string(),
    credentials: z.string().nullable(),
    intervals: z.array(ZWorkingInterval),
  })
  .openapi('BookableStaff');

export const ZAvailabilityQuery = z.strictObject({
  from: ZInstant,
  to: ZInstant,
  serviceId: z.string().uuid().optional(),
  durationMinutes: z.coerce.number().int().min(5).max(480).optional(),
  therapistId: z.string().uuid().optional(),
});
export const ZAvailability = z
  .object({
    slots: z.array(z.object({ therapistId: z.string().uuid(), start: ZInstant, end: ZInstant })),
  })
  .openapi('Availability');

export const ZToDoQuery = z.strictObject({ therapistId: z.string().uuid().optional() });

// — Calendar feeds —

export const ZCreateFeedRequest = z.strictObject({ therapistId: z.string().uuid() });
export const ZFeedCreated = z
  .object({ id: z.string().uuid(), url: z.string().url() })
  .openapi('CalendarFeedCreated');
export const ZFeed = z
  .object({
    id: z.string().uuid(),
    therapistId: z.string().uuid(),
    therapistName: z.string(),
    createdAt: z.string().datetime(),
    lastReadAt: z.string().datetime().nullable(),
  })
  .openapi('CalendarFeed');

export const ZDateQuery = z.strictObject({ date: ZCalendarDate });

// — Waitlist —

export const ZWaitlistRequest = z
  .strictObject({
    clientId: z.string().uuid(),
    therapistId: z.string().uuid().nullable().optional(),
    serviceId: z.string().uuid().nullable().optional(),
    earliest: ZCalendarDate,
    latest: ZCalendarDate,
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
    fromTime: ZTime.nullable().optional(),
    toTime: ZTime.nullable().optional(),
    note: optionalText(500),
  })
  .openapi('WaitlistRequest');

export const ZWaitlistEntry = z
  .object({
    id: z.string().uuid(),
    clientId: z.string().uuid(),
    clientName: z.string(),
    therapistId: z.string().uuid().nullable(),
    serviceId: z.string().uuid().nullable(),
    earliest: z.string(),
    latest: z.string(),
    weekdays: z.array(z.number().int()),
    fromTime: z.string().nullable(),
    toTime: z.string().nullable(),
    note: z.string().nullable(),
    status: z.enum(['waiting', 'offered', 'booked', 'removed']),
    lastOfferStart: z.string().nullable(),
    createdAt: z.string().datetime(),
  })
  .openapi('WaitlistEntry');
