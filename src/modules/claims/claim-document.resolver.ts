/**
 * Gathers a claim's ClaimDocument from the current set-up and records (billing profile, payer, coverage,
 * client, therapist, prescription). Until the claim is submitted it follows every fix made anywhere; at
 * submission the document is frozen on the claim (claims.document).
 */
import type { Db } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import {
  findBillingProfile,
  findPayer,
  findProviderBillingId,
  type BillingProfileRow,
  type PayerRow,
} from '../billing/index.js';
import type { Address } from '../clients/domain/index.js';
import {
  findCase,
  findPolicy,
  relatedCause,
  sequenceCode,
  type CaseRow,
  type PolicyRow,
} from '../coverage/index.js';
import * as repo from './claims.repository.js';
import type { ClaimDocument, PostalAddress, Sex } from './domain/claim-document.js';
import { splitPersonName } from './domain/claim-builder.js';

export type ResolvedClaim = {
  document: ClaimDocument;
  profile: BillingProfileRow | undefined;
  payer: PayerRow;
  policy: PolicyRow | undefined;
  coverageCase: CaseRow | undefined;
  renderingNpiMissing: boolean;
};

const EMPTY_ADDRESS: PostalAddress = { line1: '', city: '', state: '', zip: '' };

function clientAddress(address: Address | null | undefined): PostalAddress {
  if (!address) return EMPTY_ADDRESS;
  return {
    line1: address.line1,
    line2: address.line2 ?? null,
    city: address.city,
    state: (address.region ?? '').toUpperCase(),
    zip: (address.postalCode ?? '').replace(/\D/g, ''),
  };
}

function sexCode(sex: string | null | undefined): Sex {
  return sex === 'female' ? 'F' : sex === 'male' ? 'M' : 'U';
}

/**
 * Look-ups shared across the claims of one batch: a batch of 1,000 claims usually has one billing
 * profile, a few payers and therapists, and far fewer clients than claims.
 */
export type ResolverCache = Map<string, Promise<unknown>>;

function cached<T>(cache: ResolverCache | undefined, key: string, load: () => Promise<T>): Promise<T> {
  if (!cache) return load();
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    cache.set(key, hit);
  }
  return hit;
}

export async function resolveClaimDocument(
  tx: Db,
  ctx: RequestContext,
  claim: repo.ClaimRow,
  lines: repo.ClaimLineRow[],
  cache?: ResolverCache,
): Promise<ResolvedClaim> {
  // Sequential on purpose: PGlite has one connection, and a transaction runs one query at a time anyway.
  const profile = await cached(cache, 'profile', () => findBillingProfile(tx, ctx.clinicId));
  const payer = await cached(cache, `payer:${claim.payerId}`, () =>
    findPayer(tx, ctx.clinicId, claim.payerId),
  );
  const client = await cached(cache, `client:${claim.clientId}`, () =>
    repo.findClient(tx, ctx.clinicId, claim.clientId),
  );
  const therapist = await cached(cache, `user:${claim.renderingProviderId}`, () =>
    repo.findUser(tx, ctx.clinicId, claim.renderingProviderId),
  );
  const policyId = claim.policyId;
  const policy = policyId
    ? await cached(cache, `policy:${policyId}`, () => findPolicy(tx, ctx.clinicId, policyId))
    : undefined;
  const caseId = claim.caseId;
  const coverageCase = caseId
    ? await cached(cache, `case:${caseId}`, () => findCase(tx, ctx.clinicId, caseId))
    : undefined;
  if (!payer || !client || !therapist)
    throw new Error(`claim ${claim.id} lost its payer, client or therapist`);
  const therapistIds = await cached(cache, `ids:${therapist.id}`, () =>
    findProviderBillingId(tx, ctx.clinicId, therapist.id),
  );

  const patientAddress = clientAddress(client.address);
  const patient: ClaimDocument['patient'] = {
    givenName: client.givenName,
    familyName: client.familyName,
    relationshipToSubscriber: policy?.relationship ?? 'self',
    dateOfBirth: client.dateOfBirth,
    sex: sexCode(client.sex),
    address: patientAddress,
    phone: client.phone,
  };

  // Box 4/7 and 1a: the insured. For workers' comp the "insured" is the employer (NUCC; §5).
  let subscriber: ClaimDocument['subscriber'];
  if (policy) {
    const holder = policy.relationship === 'self' ? null : policy.subscriber;
    subscriber = {
      sequence: sequenceCode(policy.priority),
      memberId: policy.memberId,
      groupNumber: policy.groupNumber,
      planName: policy.planName,
      filingIndicator: payer.filingIndicator,
      givenName: holder?.givenName ?? client.givenName,
      familyName: holder?.familyName ?? client.familyName,
      dateOfBirth: holder ? (holder.dateOfBirth ?? null) : client.dateOfBirth,
      sex: holder ? (holder.sex ?? null) : sexCode(client.sex),
      address: holder ? (holder.address ?? null) : patientAddress,
      phone: holder ? (holder.phone ?? null) : client.phone,
    };
  } else {
    const employer = coverageCase?.kind === 'workers_comp' ? coverageCase : undefined;
    subscriber = {
      sequence: 'P',
      memberId: coverageCase?.policyNumber ?? coverageCase?.claimNumber ?? '',
      groupNumber: null,
      planName: null,
      filingIndicator: payer.filingIndicator,
      givenName: client.givenName,
      familyName: client.familyName,
      dateOfBirth: client.dateOfBirth,
      sex: sexCode(client.sex),
      address: employer?.employerAddress ?? patientAddress,
      phone: client.phone,
      organizationName: employer?.employerName ?? null,
    };
    if (employer) patient.relationshipToSubscriber = 'other';
  }
  if (policy && coverageCase?.kind === 'workers_comp')
    subscriber.organizationName = coverageCase.employerName;

  const referring = claim.referringProvider;
  const document: ClaimDocument = {
    id: claim.id,
    patientControlNumber: claim.controlNumber,
    frequencyCode: claim.frequencyCode,
    originalPayerClaimNumber:
      claim.frequencyCode === '1' ? null : await originalPayerClaimNumber(tx, ctx, claim),
    claimDate: claim.createdAt.toISOString().slice(0, 10),
    billingProvider: {
      organizationName: profile?.legalName ?? '',
      npi: profile?.billingNpi ?? '',
      taxId: profile?.taxId ?? '',
      taxIdType: profile?.taxIdType ?? 'EIN',
      taxonomy: profile?.taxonomy ?? '',
      address: profile?.address ?? EMPTY_ADDRESS,
      phone: profile?.phone ?? null,
    },
    renderingProvider: {
      ...splitPersonName(therapist.name),
      npi: therapistIds?.npi ?? '',
      taxonomy: therapistIds?.taxonomy ?? profile?.taxonomy ?? '',
      credentials: therapist.credentials,
    },
    referringProvider: referring
      ? { givenName: referring.givenName, familyName: referring.familyName, npi: referring.npi }
      : null,
    serviceFacility: null,
    payer: {
      name: payer.name,
      payerId: payer.payerId,
      address: payer.address ?? null,
      claimType: payer.claimType,
    },
    subscriber,
    patient,
    otherInsurance: null,
    accident: coverageCase
      ? {
          relatedCause: relatedCause(coverageCase.kind),
          state: coverageCase.accidentState,
          propertyCasualtyClaimNumber: coverageCase.claimNumber,
          date: coverageCase.injuryDate,
        }
      : null,
    onsetDate: claim.onsetDate ?? coverageCase?.injuryDate ?? null,
    initialTreatmentDate: null,
    priorAuthorizationNumber: claim.priorAuthNumber,
    diagnoses: claim.diagnoses,
    placeOfService: claim.placeOfService,
    acceptAssignment: profile?.acceptAssignment ?? true,
    releaseOfInformation: true,
    benefitsAssigned: profile?.acceptAssignment ?? true,
    lines: lines.map((line) => ({
      lineNumber: line.lineNumber,
      lineControlNumber: line.lineControlNumber,
      serviceDate: line.serviceDate,
      code: line.code,
      modifiers: line.modifiers,
      diagnosisPointers: line.diagnosisPointers,
      units: line.units,
      chargeCents: line.chargeCents,
      minutes: line.minutes,
      regions: line.regions,
    })),
    totalChargeCents: claim.totalChargeCents,
    amountPaidCents: 0,
  };
  return { document, profile, payer, policy, coverageCase, renderingNpiMissing: !therapistIds };
}

async function originalPayerClaimNumber(
  tx: Db,
  ctx: RequestContext,
  claim: repo.ClaimRow,
): Promise<string | null> {
  // REF*F8 names the claim being replaced or voided, never this claim's own later number.
  if (!claim.originalClaimId) return null;
  const original = await repo.findClaim(tx, ctx.clinicId, claim.originalClaimId);
  return original?.payerClaimNumber ?? null;
}
