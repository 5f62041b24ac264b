/**
 * The client portal: its own sign-in and cookie (palpa_portal), never a staff session. Every portal call
 * goes to /api/portal/* (or the public outcome-measure list) and answers a 401 to the portal's own gate,
 * not to the staff session layer. The staff side (inviting a client, reading what clients filled in) is at
 * the end.
 */
import type { z } from 'zod';
import type { THealthHistory } from '../../modules/screening/screening.schemas.js';
import type { TOutcomeMeasure } from '../../modules/outcome-measures/outcome-measures.schemas.js';
import type {
  TPortalInviteRequest,
  TPortalMe,
  TSubmission,
  ZPortalAppointment,
  ZPortalForms,
  ZPortalInvitation,
} from '../../modules/portal/portal.schemas.js';
import type { TScheduleService } from '../../modules/scheduling/scheduling.schemas.js';
import type { Testimonial, Slot, SlotQuery } from './booking.js';
import { apiRequest, type RequestOptions } from './http.js';

export type PortalMe = TPortalMe;
export type PortalClient = PortalMe['clients'][number];
export type PortalAppointment = z.infer<typeof ZPortalAppointment>;
export type PortalForms = z.infer<typeof ZPortalForms>;
export type PortalInvitation = z.infer<typeof ZPortalInvitation>;
export type Submission = TSubmission;
export type OutcomeMeasure = TOutcomeMeasure;
export type PortalBookingOptions = {
  services: TScheduleService[];
  therapists: { id: string; name: string; credentials: string | null }[];
};

const id = encodeURIComponent;
const portal = <T>(path: string, options: RequestOptions = {}) =>
  apiRequest<T>(path, { ...options, sessionRequired: false });

export const portalKeys = {
  all: ['portal'] as const,
  me: ['portal', 'me'] as const,
  appointments: (clientId: string) => ['portal', 'appointments', clientId] as const,
  forms: (clientId: string) => ['portal', 'forms', clientId] as const,
  options: ['portal', 'booking-options'] as const,
  slots: (query: SlotQuery) => ['portal', 'slots', query] as const,
  measures: ['portal', 'outcome-measures'] as const,
  submissions: (clientId: string) => ['client', clientId, 'submissions'] as const,
};

// Signing in
export const acceptPortalInvitation = (token: string, password: string) =>
  portal<PortalMe>('/portal/accept', { method: 'POST', body: { token, password } });
export const portalLogin = (input: { email: string; password: string; totpCode?: string }) =>
  portal<PortalMe>('/portal/login', { method: 'POST', body: input });
export const requestSignInLink = (email: string) =>
  portal<{ ok: true }>('/portal/sign-in-link', { method: 'POST', body: { email } });
export const redeemSignInLink = (token: string) =>
  portal<PortalMe>('/portal/sign-in-link/redeem', { method: 'POST', body: { token } });
export const portalLogout = () => portal<void>('/portal/logout', { method: 'POST' });
export const getPortalMe = () => portal<PortalMe>('/portal/me');

// Two-factor sign-in
export const startPortalTotp = () =>
  portal<{ secret: string; uri: string }>('/portal/totp/setup', { method: 'POST' });
export const enablePortalTotp = (code: string) =>
  portal<{ ok: true }>('/portal/totp/enable', { method: 'POST', body: { code } });

// Appointments and booking
export const getPortalBookingOptions = () => portal<PortalBookingOptions>('/portal/booking-options');
export const getPortalSlots = (query: SlotQuery) =>
  portal<{ slots: Slot[] }>('/portal/availability', { query });
export const listPortalAppointments = (clientId: string) =>
  portal<{ items: PortalAppointment[] }>(`/portal/clients/${id(clientId)}/appointments`);
export const bookPortal = (
  clientId: string,
  input: { serviceId: string; therapistId: string; start: string },
) =>
  portal<{ id: string; start: string; end: string }>(`/portal/clients/${id(clientId)}/appointments`, {
    method: 'POST',
    body: input,
  });
export const cancelPortalAppointment = (appointmentId: string, reason: string) =>
  portal<{ ok: true }>(`/portal/appointments/${id(appointmentId)}/cancel`, {
    method: 'POST',
    body: { reason },
  });

// Forms
export const getPortalForms = (clientId: string) =>
  portal<PortalForms>(`/portal/clients/${id(clientId)}/forms`);
export const submitPortalIntake = (clientId: string, healthHistory: THealthHistory) =>
  portal<Submission>(`/portal/clients/${id(clientId)}/intake`, { method: 'POST', body: { healthHistory } });
export const submitPortalQuestionnaire = (
  clientId: string,
  input: { instrumentId: string; answers: (number | null)[]; labels?: string[] },
) => portal<Submission>(`/portal/clients/${id(clientId)}/questionnaires`, { method: 'POST', body: input });
/** The instruments' public reference (item text only for the ones free to ship). */
export const listOutcomeMeasures = () => portal<{ items: OutcomeMeasure[] }>('/outcome-measures');
export const submitPortalTestimonial = (
  clientId: string,
  input: { text: string; displayName: string; consent: true },
) => portal<Testimonial>(`/portal/clients/${id(clientId)}/testimonials`, { method: 'POST', body: input });

// Staff side: invite a client to the portal, read and review what clients filled in
export const inviteToPortal = (clientId: string, input: Partial<TPortalInviteRequest> & { email: string }) =>
  apiRequest<PortalInvitation>(`/clients/${id(clientId)}/portal-invitations`, {
    method: 'POST',
    body: input,
  });
export const listSubmissions = (clientId: string) =>
  apiRequest<{ items: Submission[] }>(`/clients/${id(clientId)}/submissions`);
export const reviewSubmission = (submissionId: string) =>
  apiRequest<Submission>(`/submissions/${id(submissionId)}/review`, { method: 'POST' });

// Documents and home care
export const getPortalHomeCare = (clientId: string) =>
  portal<{ items: { date: string; text: string }[] }>(`/portal/clients/${id(clientId)}/home-care`);
export const portalDocumentUrl = (clientId: string, kind: 'statement' | 'superbill') =>
  `/api/portal/clients/${id(clientId)}/${kind}.pdf`;
