import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { recordAudit } from '../audit/index.js';
import { npiProblem } from '../prescriptions/index.js';
import {
  STANDARD_SERVICE_CODES,
  standardServiceCode,
  type ServiceCodeDefinition,
} from './domain/service-codes.js';
import type { CodePairEdit } from './domain/billing-setup.js';
import { computeUnits, type UnitResult } from './domain/units.js';
import * as repo from './billing.repository.js';
import type {
  TBillingProfile,
  TCreatePayerRequest,
  TPayer,
  TProviderBillingId,
  TSaveBillingProfileRequest,
  TSaveFeeRequest,
  TServiceCodeEntry,
  TUnitsRequest,
  TUpdatePayerRequest,
} from './billing.schemas.js';

const CODE_PAIR_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../content/billing/code-pair-edits.json',
);
let shippedCodePairEdits: CodePairEdit[] | undefined;
/** The shipped starting PTP table (content/billing/code-pair-edits.json, sources inside). */
export function shippedCodePairs(): CodePairEdit[] {
  shippedCodePairEdits ??= (JSON.parse(readFileSync(CODE_PAIR_FILE, 'utf8')) as { edits: CodePairEdit[] })
    .edits;
  return shippedCodePairEdits;
}

function toPayer(row: repo.PayerRow): TPayer {
  return {
    id: row.id,
    name: row.name,
    payerId: row.payerId,
    address: row.address ?? null,
    phone: row.phone,
    claimType: row.claimType,
    filingIndicator: row.filingIndicator,
    unitMethod: row.unitMethod,
    requiresGp: row.requiresGp,
    bundles97124With97140: row.bundles97124With97140,
    requiresReferringProvider: row.requiresReferringProvider,
    archived: row.archivedAt !== null,
    version: row.version,
  };
}

function toProfile(row: repo.BillingProfileRow): TBillingProfile {
  return {
    legalName: row.legalName,
    taxId: row.taxId,
    taxIdType: row.taxIdType,
    billingNpi: row.billingNpi,
    taxonomy: row.taxonomy,
    address: row.address,
    phone: row.phone,
    placeOfService: row.placeOfService,
    acceptAssignment: row.acceptAssignment,
    submitterId: row.submitterId,
    submitterContact: row.submitterContact,
    receiverId: row.receiverId,
    receiverName: row.receiverName,
    usage: row.usage,
    version: row.version,
  };
}

function npiFieldCheck(npi: string, field: string) {
  const problem = npiProblem(npi);
  if (problem) throw new AppError('validation', problem, { errors: [{ path: field, message: problem }] });
}

/** The clinic's service-code catalogue: the standard list with the clinic's own codes and wording over it. */
export async function serviceCatalogue(
  tx: Db,
  clinicId: string,
): Promise<Map<string, ServiceCodeDefinition & { source: 'standard' | 'clinic' }>> {
  const catalogue = new Map<string, ServiceCodeDefinition & { source: 'standard' | 'clinic' }>(
    STANDARD_SERVICE_CODES.map((definition) => [
      definition.code,
      { ...definition, source: 'standard' as const },
    ]),
  );
  for (const row of await repo.listClinicServiceCodes(tx, clinicId))
    catalogue.set(row.code, {
      code: row.code,
      description: row.description,
      timed: row.timed,
      source: 'clinic',
    });
  return catalogue;
}

/** Fee per unit for a code and payer: the payer's contracted fee when set, else the clinic's standard fee. */
export async function feeLookup(
  tx: Db,
  clinicId: string,
  payerId: string | null,
): Promise<(code: string) => number | null> {
  const fees = await repo.listFees(tx, clinicId);
  return (code) =>
    fees.find((fee) => fee.code === code && payerId !== null && fee.payerId === payerId)?.feeCents ??
    fees.find((fee) => fee.code === code && fee.payerId === null)?.feeCents ??
    null;
}

export async function codePairEditsFor(
  tx: Db,
  clinicId: string,
): Promise<{ source: 'shipped' | 'clinic'; edits: CodePairEdit[] }> {
  const own = await repo.listClinicCodePairEdits(tx, clinicId);
  if (own.length > 0)
    return {
      source: 'clinic',
      edits: own.map(({ column1, column2, modifierIndicator, source }) => ({
        column1,
        column2,
        modifierIndicator,
        source,
      })),
    };
  return { source: 'shipped', edits: shippedCodePairs() };
}

export type BillingSetup = {
  profile: repo.BillingProfileRow;
  payer: repo.PayerRow;
};

export function createBillingService(deps: { database: Database }) {
  const { database } = deps;

  return {
    /** Pure arithmetic (no client data): units for documented minutes, with the clinic's catalogue when signed in. */
    async units(ctx: RequestContext | null, input: TUnitsRequest): Promise<UnitResult> {
      const catalogue = ctx
        ? await serviceCatalogue(database.db, ctx.clinicId)
        : new Map(STANDARD_SERVICE_CODES.map((d) => [d.code, d]));
      const services = input.services.map((service, index) => {
        const timed =
          service.timed ?? catalogue.get(service.code)?.timed ?? standardServiceCode(service.code)?.timed;
        if (timed === undefined) {
          const message = `Palpa does not know whether ${service.code} is timed: add it to the service catalogue or send "timed".`;
          throw new AppError('validation', message, {
            errors: [{ path: `services[${index}].code`, message }],
          });
        }
        return { code: service.code, minutes: service.minutes, timed };
      });
      return computeUnits(input.method, services);
    },

    async getProfile(ctx: RequestContext): Promise<TBillingProfile | null> {
      const row = await repo.findBillingProfile(database.db, ctx.clinicId);
      return row ? toProfile(row) : null;
    },

    async saveProfile(ctx: RequestContext, input: TSaveBillingProfileRequest): Promise<TBillingProfile> {
      npiFieldCheck(input.billingNpi, 'billingNpi');
      const { version, ...values } = input;
      return database.db.transaction(async (tx) => {
        const existing = await repo.findBillingProfile(tx, ctx.clinicId);
        if (existing && version === undefined)
          throw new AppError('validation', 'Send the version of the billing profile you edited.', {
            errors: [{ path: 'version', message: 'Required when the profile exists.' }],
          });
        const row = await repo.upsertBillingProfile(
          tx,
          {
            ...values,
            address: values.address,
            phone: values.phone ?? null,
            clinicId: ctx.clinicId,
            updatedAt: ctx.now,
            updatedBy: ctx.userId,
          },
          existing ? version : undefined,
        );
        if (!row)
          throw new AppError(
            'version_conflict',
            'The billing profile was changed by someone else. Reload and try again.',
          );
        await recordAudit(tx, ctx, {
          action: 'billing.profile_saved',
          entityType: 'billing_profile',
          entityId: ctx.clinicId,
        });
        return toProfile(row);
      });
    },

    async listProviders(ctx: RequestContext): Promise<TProviderBillingId[]> {
      const rows = await repo.listProviders(database.db, ctx.clinicId);
      return rows
        .filter((row) => row.deactivatedAt === null)
        .map(({ deactivatedAt: _deactivated, ...row }) => ({
          ...row,
          npi: row.npi ?? null,
          taxonomy: row.taxonomy ?? null,
          licenseState: row.licenseState ?? null,
        }));
    },

    async saveProvider(
      ctx: RequestContext,
      userId: string,
      input: { npi: string; taxonomy: string; licenseState?: string | null | undefined },
    ): Promise<TProviderBillingId> {
      npiFieldCheck(input.npi, 'npi');
      return database.db.transaction(async (tx) => {
        const people = await repo.listProviders(tx, ctx.clinicId);
        const person = people.find((p) => p.userId === userId);
        if (!person) throw notFound('The staff member');
        await repo.upsertProviderBillingId(tx, {
          userId,
          clinicId: ctx.clinicId,
          npi: input.npi,
          taxonomy: input.taxonomy,
          licenseState: input.licenseState ?? null,
          updatedAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'billing.provider_saved',
          entityType: 'user',
          entityId: userId,
        });
        return {
          userId,
          name: person.name,
          role: person.role,
          credentials: person.credentials,
          licenseNumber: person.licenseNumber,
          npi: input.npi,
          taxonomy: input.taxonomy,
          licenseState: input.licenseState ?? null,
        };
      });
    },

    async listPayers(ctx: RequestContext): Promise<TPayer[]> {
      return (await repo.listPayers(database.db, ctx.clinicId)).map(toPayer);
    },

    async createPayer(ctx: RequestContext, input: TCreatePayerRequest): Promise<TPayer> {
      return database.db.transaction(async (tx) => {
        const row = await repo.insertPayer(tx, {
          ...input,
          address: input.address ?? null,
          phone: input.phone ?? null,
          clinicId: ctx.clinicId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await recordAudit(tx, ctx, { action: 'billing.payer_saved', entityType: 'payer', entityId: row.id });
        return toPayer(row);
      });
    },

    async updatePayer(ctx: RequestContext, id: string, input: TUpdatePayerRequest): Promise<TPayer> {
      const { version, archived, ...changes } = input;
      return database.db.transaction(async (tx) => {
        const current = await repo.findPayer(tx, ctx.clinicId, id);
        if (!current) throw notFound('The payer');
        const values: Record<string, unknown> = { updatedAt: ctx.now };
        for (const [key, value] of Object.entries(changes)) if (value !== undefined) values[key] = value;
        if (archived !== undefined) values.archivedAt = archived ? (current.archivedAt ?? ctx.now) : null;
        const row = await repo.updatePayer(tx, ctx.clinicId, id, version, values);
        if (!row)
          throw new AppError(
            'version_conflict',
            'This payer was changed by someone else. Reload and try again.',
          );
        await recordAudit(tx, ctx, {
          action: 'billing.payer_saved',
          entityType: 'payer',
          entityId: id,
          detail: { fields: Object.keys(input) },
        });
        return toPayer(row);
      });
    },

    async serviceCodes(ctx: RequestContext): Promise<TServiceCodeEntry[]> {
      const catalogue = await serviceCatalogue(database.db, ctx.clinicId);
      const fees = await repo.listFees(database.db, ctx.clinicId);
      const payerNames = new Map(
        (await repo.listPayers(database.db, ctx.clinicId)).map((p) => [p.id, p.name]),
      );
      for (const fee of fees)
        if (!catalogue.has(fee.code))
          catalogue.set(fee.code, { code: fee.code, description: fee.code, timed: true, source: 'clinic' });
      return [...catalogue.values()]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((entry) => ({
          code: entry.code,
          description: entry.description,
          timed: entry.timed,
          source: entry.source,
          feeCents: fees.find((fee) => fee.code === entry.code && fee.payerId === null)?.feeCents ?? null,
          payerFees: fees
            .filter((fee) => fee.code === entry.code && fee.payerId !== null)
            .map((fee) => ({
              payerId: fee.payerId!,
              payerName: payerNames.get(fee.payerId!) ?? '',
              feeCents: fee.feeCents,
            })),
        }));
    },

    async saveServiceCode(ctx: RequestContext, code: string, input: { description: string; timed: boolean }) {
      await database.db.transaction(async (tx) => {
        await repo.upsertClinicServiceCode(tx, {
          clinicId: ctx.clinicId,
          code,
          ...input,
          updatedAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'billing.service_code_saved',
          entityType: 'service_code',
          detail: { code },
        });
      });
      return (await this.serviceCodes(ctx)).find((entry) => entry.code === code)!;
    },

    async saveFee(ctx: RequestContext, input: TSaveFeeRequest) {
      await database.db.transaction(async (tx) => {
        if (input.payerId && !(await repo.findPayer(tx, ctx.clinicId, input.payerId)))
          throw notFound('The payer');
        const catalogue = await serviceCatalogue(tx, ctx.clinicId);
        if (!catalogue.has(input.code)) {
          const message = `${input.code} is not in the service catalogue: add it first.`;
          throw new AppError('validation', message, { errors: [{ path: 'code', message }] });
        }
        await repo.setFee(tx, {
          clinicId: ctx.clinicId,
          code: input.code,
          payerId: input.payerId,
          feeCents: input.feeCents,
          updatedAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'billing.fee_saved',
          entityType: 'fee_schedule',
          detail: { ...input },
        });
      });
      return (await this.serviceCodes(ctx)).find((entry) => entry.code === input.code)!;
    },

    async codePairEdits(ctx: RequestContext) {
      return codePairEditsFor(database.db, ctx.clinicId);
    },

    async saveCodePairEdits(ctx: RequestContext, edits: CodePairEdit[]) {
      await database.db.transaction(async (tx) => {
        await repo.replaceClinicCodePairEdits(tx, ctx.clinicId, edits);
        await recordAudit(tx, ctx, {
          action: 'billing.code_pairs_saved',
          entityType: 'code_pair_edits',
          detail: { count: edits.length },
        });
      });
      return codePairEditsFor(database.db, ctx.clinicId);
    },
  };
}
export type BillingService = ReturnType<typeof createBillingService>;
