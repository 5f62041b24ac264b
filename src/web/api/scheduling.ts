/**
 * The scheduling API: appointments (book, move, cancel, open the visit's note), the calendar's set-up
 * (services, rooms, working hours, blocked time), availability, calendar feeds, and the clinic's scheduling
 * settings. Types come from the server's schemas, so both sides agree by construction.
 */
import type { z } from 'zod';
import type { TClinic, TUpdateClinicRequest } from '../../modules/clinics/clinics.schemas.js';
import type { SeriesScope } from '../../modules/scheduling/domain/appointment.js';
import type {
  TAppointment,
  TCancelAppointmentRequest,
  TCreateAppointmentRequest,
  TCreateBlockedTimeRequest,
  TCreateServiceRequest,
  TScheduleService,
  TSeriesCreated,
  TUpdateAppointmentRequest,
  TUpdateServiceRequest,
  ZBlockedTime,
  ZBookableStaff,
  ZFeed,
  ZFeedCreated,
  ZRoom,
  ZSeriesConflict,
  ZWaitlistEntry,
  ZWaitlistRequest,
  ZWorkingInterval,
} from '../../modules/scheduling/scheduling.schemas.js';
import type { TTreatmentPlan } from '../../modules/treatment-plans/treatment-plans.schemas.js';
import { apiRequest } from './http.js';

export type Appointment = TAppointment;
export type VisitStanding = NonNullable<TAppointment['visit']>;
export type SeriesCreated = TSeriesCreated;
export type SeriesConflict = z.infer<typeof ZSeriesConflict>;
export type BookingInput = TCreateAppointmentRequest;
export type AppointmentChange = TUpdateAppointmentRequest;
export type CancelInput = TCancelAppointmentRequest;
export type ScheduleService = TScheduleService;
export type ServiceInput = TCreateServiceRequest;
export type Room = z.infer<typeof ZRoom>;
export type WorkingInterval = z.infer<typeof ZWorkingInterval>;
export type BookableStaff = z.infer<typeof ZBookableStaff>;
export type BlockedTime = z.infer<typeof ZBlockedTime>;
export type CalendarFeed = z.infer<typeof ZFeed>;
export type CalendarFeedCreated = z.infer<typeof ZFeedCreated>;
export type WaitlistEntry = z.infer<typeof ZWaitlistEntry>;
export type WaitlistInput = z.input<typeof ZWaitlistRequest>;
export type Clinic = TClinic;
export type { SeriesScope };

const id = encodeURIComponent;

/** React Query keys: everything about the calendar starts with 'schedule'. */
export const scheduleKeys = {
  all: ['schedule'] as const,
  appointments: ['schedule', 'appointments'] as const,
  range: (from: string, to: string, filter: { therapistId?: string; includeCancelled?: boolean }) =>
    ['schedule', 'appointments', from, to, filter] as const,
  toDo: (therapistId: string) => ['schedule', 'to-do', therapistId] as const,
  therapists: ['schedule', 'therapists'] as const,
  services: (includeArchived: boolean) => ['schedule', 'services', includeArchived] as const,
  rooms: ['schedule', 'rooms'] as const,
  blocked: (from: string, to: string) => ['schedule', 'blocked', from, to] as const,
  feeds: ['schedule', 'feeds'] as const,
  waitlist: ['schedule', 'waitlist'] as const,
  clinic: ['clinic'] as const,
};

// Appointments
export const listAppointments = (query: {
  from: string;
  to: string;
  therapistId?: string | undefined;
  clientId?: string | undefined;
  roomId?: string | undefined;
  includeCancelled?: boolean | undefined;
}) =>
  apiRequest<{ items: Appointment[] }>('/appointments', {
    query: { ...query, includeCancelled: query.includeCancelled ? 'true' : undefined },
  });
export const getAppointment = (appointmentId: string) =>
  apiRequest<Appointment>(`/appointments/${id(appointmentId)}`);
export const bookAppointment = (input: BookingInput) =>
  apiRequest<Appointment | SeriesCreated>('/appointments', { method: 'POST', body: input });
export const changeAppointment = (appointmentId: string, input: AppointmentChange) =>
  apiRequest<{ items: Appointment[] }>(`/appointments/${id(appointmentId)}`, {
    method: 'PATCH',
    body: input,
  });
export const cancelAppointment = (appointmentId: string, input: CancelInput) =>
  apiRequest<{ items: Appointment[] }>(`/appointments/${id(appointmentId)}/cancel`, {
    method: 'POST',
    body: input,
  });
export const openVisitNote = (appointmentId: string) =>
  apiRequest<{ noteId: string; episodeId: string }>(`/appointments/${id(appointmentId)}/session-note`, {
    method: 'POST',
  });
export const getToDo = (therapistId: string) =>
  apiRequest<{ items: Appointment[] }>('/appointments/to-do', { query: { therapistId } });
export const isSeriesCreated = (value: Appointment | SeriesCreated): value is SeriesCreated =>
  'seriesId' in value && 'conflicts' in value;

// Set-up
export const listTherapists = () => apiRequest<{ items: BookableStaff[] }>('/schedule/therapists');
export const putWorkingHours = (therapistId: string, intervals: WorkingInterval[]) =>
  apiRequest<{ therapistId: string; intervals: WorkingInterval[] }>(
    `/schedule/therapists/${id(therapistId)}/hours`,
    { method: 'PUT', body: { intervals } },
  );
export const listServices = (includeArchived = false) =>
  apiRequest<{ items: ScheduleService[] }>('/schedule/services', {
    query: { includeArchived: includeArchived ? 'true' : undefined },
  });
export const createService = (input: ServiceInput) =>
  apiRequest<ScheduleService>('/schedule/services', { method: 'POST', body: input });
export const updateService = (serviceId: string, input: TUpdateServiceRequest) =>
  apiRequest<ScheduleService>(`/schedule/services/${id(serviceId)}`, { method: 'PATCH', body: input });
export const listRooms = () => apiRequest<{ items: Room[] }>('/schedule/rooms');
export const createRoom = (name: string) =>
  apiRequest<Room>('/schedule/rooms', { method: 'POST', body: { name } });
export const archiveRoom = (roomId: string) =>
  apiRequest<void>(`/schedule/rooms/${id(roomId)}`, { method: 'DELETE' });
export const listBlockedTimes = (from: string, to: string) =>
  apiRequest<{ items: BlockedTime[] }>('/schedule/blocked-times', { query: { from, to } });
export const createBlockedTime = (input: TCreateBlockedTimeRequest) =>
  apiRequest<BlockedTime>('/schedule/blocked-times', { method: 'POST', body: input });
export const deleteBlockedTime = (blockedId: string) =>
  apiRequest<void>(`/schedule/blocked-times/${id(blockedId)}`, { method: 'DELETE' });
export const getAvailability = (query: {
  from: string;
  to: string;
  serviceId?: string;
  durationMinutes?: number;
  therapistId?: string;
}) =>
  apiRequest<{ slots: { therapistId: string; start: string; end: string }[] }>('/schedule/availability', {
    query,
  });

// Waitlist
export const listWaitlist = () => apiRequest<{ items: WaitlistEntry[] }>('/waitlist');
export const addToWaitlist = (input: WaitlistInput) =>
  apiRequest<{ id: string }>('/waitlist', { method: 'POST', body: input });
export const setWaitlistStatus = (entryId: string, status: 'waiting' | 'booked' | 'removed') =>
  apiRequest<{ id: string; status: string }>(`/waitlist/${id(entryId)}`, {
    method: 'PATCH',
    body: { status },
  });

// Calendar feeds
export const listFeeds = () => apiRequest<{ items: CalendarFeed[] }>('/calendar/feeds');
export const createFeed = (therapistId: string) =>
  apiRequest<CalendarFeedCreated>('/calendar/feeds', { method: 'POST', body: { therapistId } });
export const revokeFeed = (feedId: string) =>
  apiRequest<void>(`/calendar/feeds/${id(feedId)}`, { method: 'DELETE' });

// The clinic's scheduling settings (GET is open to everyone signed in; PATCH needs clinic:manage)
export const getClinicSettings = () => apiRequest<Clinic>('/clinic');
export const updateClinicSettings = (input: TUpdateClinicRequest) =>
  apiRequest<Clinic>('/clinic', { method: 'PATCH', body: input });

// From other modules, for the booking dialog: the plan's frequency
export const getEpisodePlan = (episodeId: string) =>
  apiRequest<TTreatmentPlan>(`/episodes/${id(episodeId)}/plan`);

/** The renewal request letter to the prescriber (a PDF). */
export const renewalRequestUrl = (episodeId: string) => `/api/episodes/${id(episodeId)}/renewal-request.pdf`;
