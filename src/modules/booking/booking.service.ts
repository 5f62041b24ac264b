import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { hasPermission } from '../../platform/authz/permissions.js';
import { calendarDateIn } from '../../platform/time-zone.js';
import { recordAudit } from '../audit/index.js';
import { findClinicBySlug, type TClinic } from '../clinics/index.js';
import type { PortalContext, PortalService } from '../portal/index.js';
import type { SchedulingActor, SchedulingService } from '../scheduling/index.js';
import * as repo from './booking.repository.js';
import type { TPublicBookingRequest } from './booking.schemas.js';

type Facts = { now: Date; ip: string | null; requestId: string | null };

const PHOTO_MAX_BYTES = 300 * 1024;

function toTestimonial(row: repo.TestimonialRow) {
  return {
    id: row.id,
    clientId: row.clientId,
    text: row.text,
    displayName: row.displayName,
    status: row.status,
    consentedAt: row.consentedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The public booking page (issue 7, item 9): the clinic's menu, therapists, offers and approved
 * testimonials, real availability, and booking by new or known clients. Nothing on it reads or returns a
 * client's data: a booking answers the same whether the email was known or not.
 */
export function createBookingService(deps: {
  database: Database;
  scheduling: SchedulingService;
  portal: PortalService;
}) {
  const { database, scheduling, portal } = deps;

  async function clinicOf(slug: string): Promise<TClinic> {
    const clinic = await findClinicBySlug(database.db, slug);
    if (!clinic) throw notFound('The booking page');
    return clinic;
  }

  const actorOf = (clinic: TClinic, facts: Facts): SchedulingActor => ({
    clinicId: clinic.id,
    now: facts.now,
    timeZone: clinic.timeZone,
    ip: facts.ip,
    requestId: facts.requestId,
    userId: null,
    userName: 'Online booking',
  });

  return {
    async page(slug: string) {
      const clinic = await clinicOf(slug);
      const menu = await scheduling.onlineMenu(clinic.id);
      const profiles = await repo.profilesOf(database.db, clinic.id);
      const testimonials = await repo.listTestimonials(database.db, clinic.id, 'approved');
      return {
        clinic: {
          name: clinic.name,
          phone: clinic.phone,
          addressLines: clinic.addressLines,
          timeZone: clinic.timeZone,
          lateCancelHours: clinic.lateCancelHours,
        },
        services: menu.services,
        therapists: profiles
          .filter((p) => p.showOnBookingPage !== false)
          .map((p) => ({
            id: p.userId,
            name: p.name,
            credentials: p.credentials,
            bio: p.bio ?? '',
            photoUrl: p.hasPhoto ? `/api/public/booking/${slug}/therapists/${p.userId}/photo` : null,
          })),
        packages: (await repo.listPackages(database.db, clinic.id)).map((p) => ({
          id: p.id,
          name: p.name,
          description: p.description,
          visits: p.visits,
          priceCents: p.priceCents,
          introductory: p.introductory,
        })),
        testimonials: testimonials.slice(0, 12).map((t) => ({
          id: t.id,
          text: t.text,
          displayName: t.displayName,
          date: calendarDateIn(clinic.timeZone, t.createdAt),
        })),
      };
    },

    async photo(slug: string, therapistId: string) {
      const clinic = await clinicOf(slug);
      const photo = await repo.findPhoto(database.db, clinic.id, therapistId);
      if (!photo) throw notFound('The photo');
      return { bytes: Buffer.from(photo.data, 'base64'), mime: photo.mime };
    },

    async availability(
      slug: string,
      query: { serviceId: string; from: string; to: string; therapistId?: string | undefined },
      facts: Facts,
    ) {
      const clinic = await clinicOf(slug);
      const menu = await scheduling.onlineMenu(clinic.id);
      if (!menu.services.some((s) => s.id === query.serviceId))
        throw new AppError('validation', 'Pick a service from the menu.', {
          errors: [{ path: 'serviceId', message: 'Pick a service from the menu.' }],
        });
      return scheduling.availability(actorOf(clinic, facts), query);
    },

    async book(slug: string, input: TPublicBookingRequest, facts: Facts & { origin: string }) {
      const clinic = await clinicOf(slug);
      // A robot filled the field people cannot see: answer as if booked, book nothing.
      if (input.website)
        return {
          start: input.start,
          end: input.start,
          therapistName: '',
          serviceName: '',
          message: 'Thank you.',
        };
      const actor = actorOf(clinic, facts);
      // The client record: the one with this email, else a new one (created_by empty: the booking page),
      // made inside the booking's transaction so a refused booking leaves no stray record.
      let isNew = false;
      let clientId = '';
      const booked = await scheduling.bookForClient(
        actor,
        {
          clientId: async (tx) => {
            const known = await repo.clientByEmail(tx, clinic.id, input.email);
            if (known) return (clientId = known.id);
            const row = await repo.insertClient(tx, {
              clinicId: clinic.id,
              givenName: input.givenName,
              familyName: input.familyName,
              dateOfBirth: input.dateOfBirth,
              email: input.email,
              phone: input.phone,
              now: facts.now,
            });
            await recordAudit(tx, actor, {
              action: 'client.created',
              entityType: 'client',
              entityId: row.id,
              clientIds: [row.id],
              detail: { source: 'online booking' },
            });
            isNew = true;
            return (clientId = row.id);
          },
          serviceId: input.serviceId,
          therapistId: input.therapistId,
          start: input.start,
        },
        'online',
        input.reason ? `Reason given online: ${input.reason}` : undefined,
      );
      // New clients get the portal by link, with the intake form to fill before the first visit.
      if (isNew)
        await database.db.transaction((tx) =>
          portal.inviteInTx(tx, {
            clinicId: clinic.id,
            clientId,
            email: input.email,
            name: `${input.givenName} ${input.familyName}`,
            relationship: 'self',
            grantedBy: null,
            now: facts.now,
            origin: facts.origin,
            reason: 'booking',
          }),
        );
      return {
        start: booked.start,
        end: booked.end,
        therapistName: booked.therapistName,
        serviceName: booked.serviceName ?? '',
        message: 'You are booked. We have sent the details to your email.',
      };
    },

    // — Staff: profiles, packages, testimonials —

    /** A therapist's booking-page profile as staff edit it: shown or hidden, bio, photo. */
    async getProfile(ctx: RequestContext, userId: string) {
      const current = (await repo.profilesOf(database.db, ctx.clinicId)).find((s) => s.userId === userId);
      if (!current) throw notFound('The therapist');
      const photo = await repo.findOwnPhoto(database.db, ctx.clinicId, userId);
      return {
        userId,
        name: current.name,
        bio: current.bio ?? '',
        showOnBookingPage: current.showOnBookingPage ?? true,
        photo: photo ? { mime: photo.mime, data: photo.data } : null,
      };
    },

    async updateProfile(
      ctx: RequestContext,
      userId: string,
      input: {
        bio?: string | undefined;
        showOnBookingPage?: boolean | undefined;
        photo?: { mime: string; data: string } | null | undefined;
      },
    ) {
      if (userId !== ctx.userId && !hasPermission(ctx, 'schedule:setup'))
        throw new AppError('forbidden', "Only the owner changes another person's booking-page profile.");
      if (input.photo && Buffer.from(input.photo.data, 'base64').byteLength > PHOTO_MAX_BYTES)
        throw new AppError('validation', 'Use a photo of at most 300 kB.', {
          errors: [{ path: 'photo.data', message: 'Use a photo of at most 300 kB.' }],
        });
      await database.db.transaction(async (tx) => {
        const staff = await repo.profilesOf(tx, ctx.clinicId);
        const current = staff.find((s) => s.userId === userId);
        if (!current) throw notFound('The therapist');
        await repo.upsertProfile(tx, {
          userId,
          clinicId: ctx.clinicId,
          bio: input.bio ?? current.bio ?? '',
          showOnBookingPage: input.showOnBookingPage ?? current.showOnBookingPage ?? true,
          ...(input.photo !== undefined
            ? { photoData: input.photo?.data ?? null, photoMime: input.photo?.mime ?? null }
            : {}),
          updatedAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'staff.updated',
          entityType: 'user',
          entityId: userId,
          detail: { fields: Object.keys(input) },
        });
      });
      return (await repo.profilesOf(database.db, ctx.clinicId)).find((s) => s.userId === userId)!;
    },

    async listPackages(ctx: RequestContext) {
      return repo.listPackages(database.db, ctx.clinicId);
    },

    async createPackage(
      ctx: RequestContext,
      input: {
        name: string;
        description?: string | undefined;
        visits: number;
        priceCents: number;
        introductory?: boolean | undefined;
      },
    ) {
      return repo.insertPackage(database.db, {
        clinicId: ctx.clinicId,
        name: input.name,
        description: input.description ?? null,
        visits: input.visits,
        priceCents: input.priceCents,
        introductory: input.introductory ?? false,
        createdAt: ctx.now,
      });
    },

    async archivePackage(ctx: RequestContext, id: string) {
      if (!(await repo.archivePackage(database.db, ctx.clinicId, id, ctx.now))) throw notFound('The package');
    },

    async listTestimonials(ctx: RequestContext, status?: 'pending' | 'approved' | 'rejected') {
      return database.db.transaction(async (tx) => {
        const rows = await repo.listTestimonials(tx, ctx.clinicId, status);
        await recordAudit(tx, ctx, {
          action: 'testimonial.listed',
          entityType: 'testimonial',
          clientIds: [...new Set(rows.map((r) => r.clientId))],
        });
        return rows.map(toTestimonial);
      });
    },

    async reviewTestimonial(ctx: RequestContext, id: string, status: 'approved' | 'rejected') {
      return database.db.transaction(async (tx) => {
        const row = await repo.reviewTestimonial(tx, ctx.clinicId, id, status, ctx.userId, ctx.now);
        if (!row) throw notFound('The testimonial');
        await recordAudit(tx, ctx, {
          action: 'testimonial.reviewed',
          entityType: 'testimonial',
          entityId: id,
          clientIds: [row.clientId],
          detail: { status },
        });
        return toTestimonial(row);
      });
    },

    /** A client writes a testimonial in the portal, after a completed visit, with consent to show it. */
    async submitTestimonial(
      p: PortalContext,
      clientId: string,
      input: { text: string; displayName: string },
    ) {
      if (!p.clientIds.includes(clientId)) throw notFound('The client');
      return database.db.transaction(async (tx) => {
        if (!(await repo.hasCompletedVisit(tx, p.clinicId, clientId)))
          throw new AppError('conflict', 'You can leave a testimonial after your first visit.');
        const row = await repo.insertTestimonial(tx, {
          clinicId: p.clinicId,
          clientId,
          text: input.text,
          displayName: input.displayName,
          consentedAt: p.now,
          createdAt: p.now,
        });
        await recordAudit(
          tx,
          {
            clinicId: p.clinicId,
            userId: null,
            userName: `Client portal (${p.email})`,
            ip: p.ip,
            requestId: p.requestId,
            now: p.now,
          },
          {
            action: 'testimonial.submitted',
            entityType: 'testimonial',
            entityId: row.id,
            clientIds: [clientId],
          },
        );
        return toTestimonial(row);
      });
    },
  };
}
export type BookingService = ReturnType<typeof createBookingService>;
