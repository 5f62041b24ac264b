import type { Database } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { AccountsService, RequestMeta, SignedIn } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './clinics.repository.js';
import type { TClinic, TClinicSignupRequest, TUpdateClinicRequest } from './clinics.schemas.js';

export type ClinicCreated = { clinic: TClinic; signedIn: SignedIn };

export function createClinicsService(deps: { database: Database; accounts: AccountsService }) {
  const { database, accounts } = deps;

  async function createClinicWithOwner(
    input: TClinicSignupRequest,
    meta: RequestMeta,
    mode: 'setup' | 'signup' | 'learner',
  ): Promise<ClinicCreated> {
    return database.db.transaction(async (tx) => {
      if (mode === 'setup' && (await repo.isInstalled(tx))) throw alreadySetUp();
      const clinic = await repo.insertClinic(tx, {
        name: input.clinicName,
        now: meta.now,
        kind: mode === 'learner' ? 'study' : 'practice',
      });
      const firstClinic = await repo.markInstalled(tx, clinic.id, meta.now);
      // A concurrent setup that got there first wins; this one rolls back whole.
      if (mode === 'setup' && !firstClinic) throw alreadySetUp();
      const signedIn = await accounts.createOwnerInTransaction(
        tx,
        {
          clinicId: clinic.id,
          name: input.ownerName,
          email: input.email,
          password: input.password,
          role: mode === 'learner' ? 'learner' : 'owner',
        },
        meta,
      );
      await recordAudit(
        tx,
        {
          clinicId: clinic.id,
          userId: signedIn.info.user.id,
          userName: input.ownerName,
          ip: meta.ip,
          requestId: meta.requestId,
          now: meta.now,
        },
        {
          action: mode === 'setup' ? 'clinic.setup' : 'clinic.signup',
          ...(mode === 'learner' ? { detail: { kind: 'study' } } : {}),
          entityType: 'clinic',
          entityId: clinic.id,
        },
      );
      return { clinic, signedIn };
    });
  }

  return {
    isSetupRequired: async (): Promise<boolean> => !(await repo.isInstalled(database.db)),
    setup: (input: TClinicSignupRequest, meta: RequestMeta) => createClinicWithOwner(input, meta, 'setup'),
    signup: (input: TClinicSignupRequest, meta: RequestMeta) => createClinicWithOwner(input, meta, 'signup'),
    /** A student without a clinic (issue 8): their own study space, where they are the only learner. */
    signupLearner: (input: { name: string; email: string; password: string }, meta: RequestMeta) =>
      createClinicWithOwner(
        {
          clinicName: `${input.name} — study space`,
          ownerName: input.name,
          email: input.email,
          password: input.password,
        },
        meta,
        'learner',
      ),
    async getClinic(ctx: RequestContext): Promise<TClinic> {
      const clinic = await repo.findClinic(database.db, ctx.clinicId);
      if (!clinic) throw notFound('The clinic');
      return clinic;
    },

    async updateClinic(ctx: RequestContext, input: TUpdateClinicRequest): Promise<TClinic> {
      const { timeZone, ...rest } = input;
      try {
        return await database.db.transaction(async (tx) => {
          const current = await repo.findClinic(tx, ctx.clinicId);
          if (!current) throw notFound('The clinic');
          const slug = input.slug === undefined ? current.slug : input.slug;
          const enabled = input.bookingPageEnabled ?? current.bookingPageEnabled;
          if (enabled && !slug)
            throw new AppError('validation', 'Choose the booking page address before turning it on.', {
              errors: [{ path: 'slug', message: 'Choose the booking page address (/book/{slug}).' }],
            });
          const clinic = await repo.updateClinic(tx, ctx.clinicId, {
            ...rest,
            ...(timeZone ? { timeZone } : {}),
          });
          if (!clinic) throw notFound('The clinic');
          await recordAudit(tx, ctx, {
            action: 'clinic.updated',
            entityType: 'clinic',
            entityId: ctx.clinicId,
            detail: { fields: Object.keys(input) },
          });
          return clinic;
        });
      } catch (err) {
        if (isUniqueViolation(err, 'clinics_slug_unique'))
          throw new AppError('conflict', 'Another clinic already uses this booking page address.', {
            errors: [{ path: 'slug', message: 'This address is taken: choose another.' }],
          });
        throw err;
      }
    },
  };
}
export type ClinicsService = ReturnType<typeof createClinicsService>;

const alreadySetUp = () =>
  new AppError(
    'already_set_up',
    'Palpa is already set up. Sign in, or ask the clinic owner for an invitation.',
  );
