import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound, type FieldError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { recordAudit } from '../audit/index.js';
import { findPayer, type PayerRow } from '../billing/index.js';
import * as repo from './coverage.repository.js';
import type {
  TCase,
  TCreateCaseRequest,
  TCreatePolicyRequest,
  TPolicy,
  TUpdateCaseRequest,
  TUpdatePolicyRequest,
} from './coverage.schemas.js';
import type { Subscriber } from './domain/coverage.js';

export function toPolicy(row: repo.PolicyRow): TPolicy {
  return {
    id: row.id,
    clientId: row.clientId,
    payerId: row.payerId,
    payerName: row.payerName,
    priority: row.priority,
    memberId: row.memberId,
    groupNumber: row.groupNumber,
    planName: row.planName,
    relationship: row.relationship,
    subscriber: row.subscriber ?? null,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    copayCents: row.copayCents,
    archived: row.archivedAt !== null,
    version: row.version,
  };
}

export function toCase(row: repo.CaseRow): TCase {
  return {
    id: row.id,
    clientId: row.clientId,
    episodeId: row.episodeId,
    payerId: row.payerId,
    payerName: row.payerName,
    kind: row.kind,
    claimNumber: row.claimNumber,
    policyNumber: row.policyNumber,
    injuryDate: row.injuryDate,
    accidentState: row.accidentState,
    adjuster: row.adjuster ?? null,
    attorney: row.attorney ?? null,
    employerName: row.employerName,
    employerAddress: row.employerAddress ?? null,
    unableToWorkFrom: row.unableToWorkFrom,
    unableToWorkTo: row.unableToWorkTo,
    closed: row.closedAt !== null,
    version: row.version,
  };
}

function fail(errors: FieldError[]): never {
  throw new AppError('validation', errors.map((e) => e.message).join(' '), { errors });
}

async function requirePayer(tx: Db, ctx: RequestContext, payerId: string): Promise<PayerRow> {
  const payer = await findPayer(tx, ctx.clinicId, payerId);
  if (!payer) fail([{ path: 'payerId', message: 'There is no such payer in this clinic.' }]);
  return payer;
}

/** Non-self policies need the insured person (boxes 4, 7, 11a); dates must run forwards. */
function checkPolicy(input: {
  relationship?: string | undefined;
  subscriber?: Subscriber | null | undefined;
  effectiveFrom?: string | null | undefined;
  effectiveTo?: string | null | undefined;
}) {
  const errors: FieldError[] = [];
  if (input.relationship && input.relationship !== 'self' && !input.subscriber)
    errors.push({
      path: 'subscriber',
      message: 'Enter the insured person: the client is not the policy holder.',
    });
  if (input.effectiveFrom && input.effectiveTo && input.effectiveTo < input.effectiveFrom)
    errors.push({ path: 'effectiveTo', message: 'The policy ends before it starts.' });
  if (errors.length) fail(errors);
}

export function createCoverageService(deps: { database: Database }) {
  const { database } = deps;

  return {
    async coverage(ctx: RequestContext, clientId: string) {
      return database.db.transaction(async (tx) => {
        if (!(await repo.clientExists(tx, ctx.clinicId, clientId))) throw notFound('The client');
        const policies = (await repo.listPolicies(tx, ctx.clinicId, clientId)).map(toPolicy);
        const cases = (await repo.listCases(tx, ctx.clinicId, clientId)).map(toCase);
        await recordAudit(tx, ctx, {
          action: 'coverage.read',
          entityType: 'client',
          entityId: clientId,
          clientIds: [clientId],
        });
        return { policies, cases };
      });
    },

    async createPolicy(ctx: RequestContext, clientId: string, input: TCreatePolicyRequest): Promise<TPolicy> {
      checkPolicy(input);
      return database.db.transaction(async (tx) => {
        if (!(await repo.clientExists(tx, ctx.clinicId, clientId))) throw notFound('The client');
        const payer = await requirePayer(tx, ctx, input.payerId);
        const row = await repo.insertPolicy(tx, {
          ...input,
          subscriber: input.relationship === 'self' ? null : (input.subscriber ?? null),
          groupNumber: input.groupNumber ?? null,
          planName: input.planName ?? null,
          effectiveFrom: input.effectiveFrom ?? null,
          effectiveTo: input.effectiveTo ?? null,
          copayCents: input.copayCents ?? null,
          clinicId: ctx.clinicId,
          clientId,
          createdAt: ctx.now,
          createdBy: ctx.userId,
          updatedAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'coverage.policy_saved',
          entityType: 'insurance_policy',
          entityId: row.id,
          clientIds: [clientId],
        });
        return toPolicy({ ...row, payerName: payer.name });
      });
    },

    async updatePolicy(ctx: RequestContext, id: string, input: TUpdatePolicyRequest): Promise<TPolicy> {
      const { version, archived, ...changes } = input;
      return database.db.transaction(async (tx) => {
        const current = await repo.findPolicy(tx, ctx.clinicId, id);
        if (!current) throw notFound('The policy');
        if (changes.payerId) await requirePayer(tx, ctx, changes.payerId);
        const relationship = changes.relationship ?? current.relationship;
        checkPolicy({
          relationship,
          subscriber: changes.subscriber === undefined ? current.subscriber : changes.subscriber,
          effectiveFrom: changes.effectiveFrom === undefined ? current.effectiveFrom : changes.effectiveFrom,
          effectiveTo: changes.effectiveTo === undefined ? current.effectiveTo : changes.effectiveTo,
        });
        const values: Record<string, unknown> = { updatedAt: ctx.now };
        for (const [key, value] of Object.entries(changes)) if (value !== undefined) values[key] = value;
        if (relationship === 'self') values.subscriber = null;
        if (archived !== undefined) values.archivedAt = archived ? (current.archivedAt ?? ctx.now) : null;
        const updated = await repo.updatePolicy(tx, ctx.clinicId, id, version, values);
        if (!updated)
          throw new AppError(
            'version_conflict',
            'This policy was changed by someone else. Reload and try again.',
          );
        await recordAudit(tx, ctx, {
          action: 'coverage.policy_saved',
          entityType: 'insurance_policy',
          entityId: id,
          clientIds: [current.clientId],
          detail: { fields: Object.keys(input) },
        });
        return toPolicy((await repo.findPolicy(tx, ctx.clinicId, id))!);
      });
    },

    async createCase(ctx: RequestContext, clientId: string, input: TCreateCaseRequest): Promise<TCase> {
      return database.db.transaction(async (tx) => {
        if (!(await repo.clientExists(tx, ctx.clinicId, clientId))) throw notFound('The client');
        const payer = await requirePayer(tx, ctx, input.payerId);
        const row = await repo.insertCase(tx, {
          payerId: input.payerId,
          kind: input.kind,
          episodeId: input.episodeId ?? null,
          claimNumber: input.claimNumber ?? null,
          policyNumber: input.policyNumber ?? null,
          injuryDate: input.injuryDate ?? null,
          accidentState: input.accidentState ?? null,
          adjuster: input.adjuster ?? null,
          attorney: input.attorney ?? null,
          employerName: input.employerName ?? null,
          employerAddress: input.employerAddress ?? null,
          unableToWorkFrom: input.unableToWorkFrom ?? null,
          unableToWorkTo: input.unableToWorkTo ?? null,
          clinicId: ctx.clinicId,
          clientId,
          createdAt: ctx.now,
          createdBy: ctx.userId,
          updatedAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'coverage.case_saved',
          entityType: 'coverage_case',
          entityId: row.id,
          clientIds: [clientId],
        });
        return toCase({ ...row, payerName: payer.name });
      });
    },

    async updateCase(ctx: RequestContext, id: string, input: TUpdateCaseRequest): Promise<TCase> {
      const { version, closed, ...changes } = input;
      return database.db.transaction(async (tx) => {
        const current = await repo.findCase(tx, ctx.clinicId, id);
        if (!current) throw notFound('The case');
        if (changes.payerId) await requirePayer(tx, ctx, changes.payerId);
        const values: Record<string, unknown> = { updatedAt: ctx.now };
        for (const [key, value] of Object.entries(changes)) if (value !== undefined) values[key] = value;
        if (closed !== undefined) values.closedAt = closed ? (current.closedAt ?? ctx.now) : null;
        const updated = await repo.updateCase(tx, ctx.clinicId, id, version, values);
        if (!updated)
          throw new AppError(
            'version_conflict',
            'This case was changed by someone else. Reload and try again.',
          );
        await recordAudit(tx, ctx, {
          action: 'coverage.case_saved',
          entityType: 'coverage_case',
          entityId: id,
          clientIds: [current.clientId],
          detail: { fields: Object.keys(input) },
        });
        return toCase((await repo.findCase(tx, ctx.clinicId, id))!);
      });
    },
  };
}
export type CoverageService = ReturnType<typeof createCoverageService>;
