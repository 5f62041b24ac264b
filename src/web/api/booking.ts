/**
 * The public booking page (no session: anyone with the clinic's address) and its staff-side set-up:
 * therapists' bios and photos, packages and introductory offers, testimonials waiting for approval.
 * Types come from the server's schemas.
 */
import type { z } from 'zod';
import type {
  TPublicBookingRequest,
  ZBookingPackage,
  ZBookingPage,
  ZPublicBooked,
  ZTestimonial,
} from '../../modules/booking/booking.schemas.js';
import { apiRequest } from './http.js';

export type BookingPage = z.infer<typeof ZBookingPage>;
export type BookingService = BookingPage['services'][number];
export type PublicTherapist = BookingPage['therapists'][number];
export type BookingPackage = z.infer<typeof ZBookingPackage>;
export type PublicBooked = z.infer<typeof ZPublicBooked>;
export type PublicBookingInput = TPublicBookingRequest;
export type Testimonial = z.infer<typeof ZTestimonial>;
export type Slot = { therapistId: string; start: string; end: string };
export type SlotQuery = { serviceId: string; from: string; to: string; therapistId?: string | undefined };

const id = encodeURIComponent;

export const bookingKeys = {
  page: (slug: string) => ['public-booking', slug] as const,
  slots: (slug: string, query: SlotQuery) => ['public-booking', slug, 'slots', query] as const,
  packages: ['schedule', 'packages'] as const,
  testimonials: (status: string) => ['schedule', 'testimonials', status] as const,
  profile: (userId: string) => ['schedule', 'booking-profile', userId] as const,
};

// Public: no session, and a 401 could never mean a staff session ended.
export const getBookingPage = (slug: string) =>
  apiRequest<BookingPage>(`/public/booking/${id(slug)}`, { sessionRequired: false });
export const getPublicSlots = (slug: string, query: SlotQuery) =>
  apiRequest<{ slots: Slot[] }>(`/public/booking/${id(slug)}/availability`, {
    query,
    sessionRequired: false,
  });
export const bookPublic = (slug: string, input: PublicBookingInput) =>
  apiRequest<PublicBooked>(`/public/booking/${id(slug)}/bookings`, {
    method: 'POST',
    body: input,
    sessionRequired: false,
  });

// Staff
export type ProfileInput = {
  bio?: string;
  showOnBookingPage?: boolean;
  photo?: { mime: 'image/jpeg' | 'image/png' | 'image/webp'; data: string } | null;
};
export type StaffBookingProfile = {
  userId: string;
  name: string;
  bio: string;
  showOnBookingPage: boolean;
  photo: { mime: string; data: string } | null;
};
export const getBookingProfile = (userId: string) =>
  apiRequest<StaffBookingProfile>(`/staff/${id(userId)}/booking-profile`);
export const updateBookingProfile = (userId: string, input: ProfileInput) =>
  apiRequest<{ userId: string; bio: string | null; showOnBookingPage: boolean | null; hasPhoto: boolean }>(
    `/staff/${id(userId)}/booking-profile`,
    { method: 'PUT', body: input },
  );
export const listPackages = () => apiRequest<{ items: BookingPackage[] }>('/schedule/packages');
export const createPackage = (input: {
  name: string;
  description?: string;
  visits: number;
  priceCents: number;
  introductory?: boolean;
}) => apiRequest<BookingPackage>('/schedule/packages', { method: 'POST', body: input });
export const archivePackage = (packageId: string) =>
  apiRequest<void>(`/schedule/packages/${id(packageId)}`, { method: 'DELETE' });
export const listTestimonials = (status?: 'pending' | 'approved' | 'rejected') =>
  apiRequest<{ items: Testimonial[] }>('/testimonials', { query: { status } });
export const reviewTestimonial = (testimonialId: string, status: 'approved' | 'rejected') =>
  apiRequest<Testimonial>(`/testimonials/${id(testimonialId)}/review`, {
    method: 'POST',
    body: { status },
  });
