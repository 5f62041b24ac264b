import { z } from '@hono/zod-openapi';
import { ZEmail } from '../accounts/index.js';
import { ZScheduleService } from '../scheduling/index.js';

export const ZSlugParam = z.strictObject({ slug: z.string().min(1).max(60) });

export const ZPublicTherapist = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    credentials: z.string().nullable(),
    bio: z.string(),
    photoUrl: z.string().nullable(),
  })
  .openapi('PublicTherapist');

export const ZBookingPackage = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    description: z.string().nullable(),
    visits: z.number().int(),
    priceCents: z.number().int(),
    introductory: z.boolean(),
  })
  .openapi('BookingPackage');

export const ZPublicTestimonial = z
  .object({ id: z.string().uuid(), text: z.string(), displayName: z.string(), date: z.string() })
  .openapi('PublicTestimonial');

/** Everything on the public page: the clinic, its menu, people, offers and words of its clients. No client data. */
export const ZBookingPage = z
  .object({
    clinic: z.object({
      name: z.string(),
      phone: z.string().nullable(),
      addressLines: z.array(z.string()),
      timeZone: z.string(),
      lateCancelHours: z.number().int(),
    }),
    services: z.array(ZScheduleService),
    therapists: z.array(ZPublicTherapist),
    packages: z.array(ZBookingPackage),
    testimonials: z.array(ZPublicTestimonial),
  })
  .openapi('BookingPage');

export const ZPublicBookingRequest = z
  .strictObject({
    serviceId: z.string().uuid(),
    therapistId: z.string().uuid(),
    start: z.string().datetime({ offset: true }),
    givenName: z.string().trim().min(1, 'Enter your first name.').max(80),
    familyName: z.string().trim().min(1, 'Enter your last name.').max(80),
    dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter your date of birth.'),
    email: ZEmail,
    phone: z.string().trim().min(7, 'Enter a phone number we can reach you on.').max(30),
    reason: z.string().trim().max(500).optional(),
    /** A field people never see: only spam robots fill it in. */
    website: z.string().max(200).optional(),
  })
  .openapi('PublicBookingRequest');
export type TPublicBookingRequest = z.infer<typeof ZPublicBookingRequest>;

export const ZPublicBooked = z
  .object({
    start: z.string(),
    end: z.string(),
    therapistName: z.string(),
    serviceName: z.string(),
    message: z.string(),
  })
  .openapi('PublicBooked');

export const ZStaffBookingProfile = z
  .object({
    userId: z.string().uuid(),
    name: z.string(),
    bio: z.string(),
    showOnBookingPage: z.boolean(),
    photo: z.object({ mime: z.string(), data: z.string() }).nullable(),
  })
  .openapi('StaffBookingProfile');

export const ZUpdateProfileRequest = z
  .strictObject({
    bio: z.string().trim().max(2000).optional(),
    showOnBookingPage: z.boolean().optional(),
    photo: z
      .strictObject({
        mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
        /** Base64 of the image, at most 300 kB decoded. */
        data: z
          .string()
          .max(410_000, 'Use a photo of at most 300 kB.')
          .regex(/^[A-Za-z0-9+/=]+$/, 'Send the photo as base64.'),
      })
      .nullable()
      .optional(),
  })
  .openapi('UpdateBookingProfileRequest');

export const ZCreatePackageRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    description: z.string().trim().max(1000).optional(),
    visits: z.number().int().min(1).max(100),
    priceCents: z.number().int().min(0).max(10_000_000),
    introductory: z.boolean().optional(),
  })
  .openapi('CreateBookingPackageRequest');

export const ZTestimonial = z
  .object({
    id: z.string().uuid(),
    clientId: z.string().uuid(),
    text: z.string(),
    displayName: z.string(),
    status: z.enum(['pending', 'approved', 'rejected']),
    consentedAt: z.string().datetime(),
    createdAt: z.string().datetime(),
  })
  .openapi('Testimonial');

export const ZTestimonialRequest = z
  .strictObject({
    text: z.string().trim().min(10, 'Write a sentence or two.').max(1000),
    displayName: z.string().trim().min(1).max(60),
    consent: z.literal(true, {
      error: 'Tick the box to let the clinic show your words on its booking page.',
    }),
  })
  .openapi('TestimonialRequest');
