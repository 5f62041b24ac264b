import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound, type FieldError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { calendarDateIn } from '../../platform/time-zone.js';
import { recordAudit } from '../audit/index.js';
import {
  codePairEditsFor,
  feeLookup,
  findBillingProfile,
  findPayer,
  nextCounter,
  serviceCatalogue,
} from '../billing/index.js';
import { findCase, findPolicy } from '../coverage/index.js';
import type { Icd10cmService } from '../icd10cm/index.js';
import { claimsWithCharges, postLedgerEntries, selfPayChargedNoteIds } from '../ledger/index.js';
import { allocateSessions } from '../prescriptions/index.js';
import { loadReportFonts } from '../reports/index.js';
import { resolveClaimDocument } from './claim-document.resolver.js';
import * as repo from './claims.repository.js';
import type {
  TClaim,
  TClaimSummary,
  TCreateClaimRequest,
  TToBillItem,
  TTransitionRequest,
  TUpdateClaimRequest,
} from './claims.schemas.js';
import { renderCms1500Pdf } from './cms1500-pdf.js';
import { buildClaimLines, splitPersonName } from './domain/claim-builder.js';
import {
  canTransition,
  CLAIM_STATUS_LABELS,
  isActiveClaim,
  MANUAL_TRANSITIONS,
  type ClaimStatus,
} from './domain/claim-lifecycle.js';
import {
  hasBlockingProblems,
  scrubClaim,
  type DocumentedSession,
  type PrescriptionFacts,
  type ScrubProblem,
} from './domain/claim-scrubber.js';
import type { ClaimDocument } from './domain/claim-document.js';
import { build837p } from './domain/x12-837p.js';

const MAX_LINES_PER_CLAIM = 50;

function fail(errors: FieldError[], detail?: string): never {
  throw new AppError('validation', detail ?? errors.map((e) => e.message).join(' '), { errors });
}

function toSummary(row: repo.ClaimListRow): TClaimSummary {
  return {
    id: row.id,
    controlNumber: row.controlNumber,
    clientId: row.clientId,
    clientName: row.clientName,
    payerId: row.payerId,
    payerName: row.payerName,
    status: row.status,
    statusLabel: CLAIM_STATUS_LABELS[row.status],
    frequencyCode: row.frequencyCode,
    totalChargeCents: row.totalChargeCents,
    firstServiceDate: row.firstServiceDate,
    lastServiceDate: row.lastServiceDate,
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

export function createClaimsService(deps: { database: Database; icd10cm: Icd10cmService }) {
  const { database, icd10cm } = deps;

  async function documentedSessions(
    tx: Db,
    ctx: RequestContext,
    noteIds: string[],
  ): Promise<Map<string, DocumentedSession>> {
    const catalogue = await serviceCatalogue(tx, ctx.clinicId);
    const notes = await repo.notesForBilling(tx, ctx.clinicId, noteIds);
    return new Map(
      notes.map((note) => [
        note.id,
        {
          noteId: note.id,
          serviceDate: note.sessionDate,
          signed: note.signedAt !== null,
          services: note.services.map((s) => ({
            code: s.serviceCode,
            minutes: s.minutes,
            timed: catalogue.get(s.serviceCode)?.timed ?? true,
            regions: s.regions,
          })),
        },
      ]),
    );
  }

  async function prescriptionFacts(
    tx: Db,
    ctx: RequestContext,
    claim: repo.ClaimRow,
  ): Promise<PrescriptionFacts | null> {
    if (!claim.prescriptionId) return null;
    const all = await repo.prescriptionsOfEpisode(tx, ctx.clinicId, claim.episodeId);
    const prescription = all.find((p) => p.id === claim.prescriptionId);
    if (!prescription) return null;
    // Visit numbers follow the prescriptions module's rule: a session counts against the newest
    // prescription written on or before its date.
    const dates = [
      ...new Set((await repo.notesOfEpisode(tx, ctx.clinicId, claim.episodeId)).map((n) => n.sessionDate)),
    ].sort();
    const visitNumberByDate: Record<string, number> = {};
    for (const date of dates) {
      const counts = allocateSessions(
        all,
        dates.filter((d) => d <= date),
      );
      visitNumberByDate[date] = counts.get(prescription.id) ?? 0;
    }
    return {
      writtenOn: prescription.writtenOn,
      expiresOn: prescription.expiresOn,
      visitsAuthorised: prescription.visitsAuthorised,
      visitNumberByDate,
    };
  }

  async function scrub(tx: Db, ctx: RequestContext, claim: repo.ClaimRow, lines: repo.ClaimLineRow[]) {
    const resolved = await resolveClaimDocument(tx, ctx, claim, lines);
    const sessions = await documentedSessions(tx, ctx, [...new Set(lines.map((l) => l.sessionNoteId))]);
    // Each code is checked against the code set in force on each date of service (ICD-10-CM fiscal years).
    const diagnosisProblems: Record<string, string | null> = {};
    const problems: ScrubProblem[] = [];
    const editions = new Map<number, { fiscalYear: number; exact: boolean }>();
    for (const date of [...new Set(lines.map((l) => l.serviceDate))].sort()) {
      const found = await icd10cm.editionFor(date, tx);
      if (!editions.has(found.edition) || !found.exact) editions.set(found.edition, found);
    }
    for (const code of claim.diagnoses) {
      for (const [edition, { fiscalYear }] of editions) {
        const problem = await icd10cm.billabilityProblemIn(code, edition, tx);
        if (problem && !diagnosisProblems[code])
          diagnosisProblems[code] =
            `${problem.message} (ICD-10-CM FY${edition}${edition === fiscalYear ? '' : `, used for FY${fiscalYear}`})`;
      }
      diagnosisProblems[code] ??= null;
    }
    for (const [edition, { fiscalYear, exact }] of editions)
      if (!exact)
        problems.push({
          rule: 'diagnosis.code_set_not_loaded',
          severity: 'warning',
          field: 'diagnoses',
          message: `Dates of service fall in ICD-10-CM FY${fiscalYear}, but Palpa has FY${edition} loaded: the codes were checked against FY${edition}. Load the FY${fiscalYear} code file (npm run icd10cm:load).`,
        });
    if (!resolved.profile)
      problems.push({
        rule: 'billing_profile.missing',
        severity: 'error',
        field: 'billingProvider',
        message:
          'The clinic has no billing profile yet (legal name, tax ID, billing NPI): set it up under Billing › Set-up.',
      });
    problems.push(
      ...scrubClaim({
        claim: resolved.document,
        payer: {
          claimType: resolved.payer.claimType,
          unitMethod: resolved.payer.unitMethod,
          requiresGp: resolved.payer.requiresGp,
          bundles97124With97140: resolved.payer.bundles97124With97140,
          requiresReferringProvider: resolved.payer.requiresReferringProvider,
        },
        sessionsByLine: Object.fromEntries(
          lines.map((line) => [line.lineNumber, sessions.get(line.sessionNoteId)]),
        ),
        prescription: await prescriptionFacts(tx, ctx, claim),
        diagnosisProblems,
        codePairEdits: (await codePairEditsFor(tx, ctx.clinicId)).edits,
        today: calendarDateIn(ctx.timeZone, ctx.now),
      }),
    );
    return { problems, document: resolved.document };
  }

  async function detail(tx: Db, ctx: RequestContext, claim: repo.ClaimRow): Promise<TClaim> {
    const lines = await repo.claimLinesOf(tx, ctx.clinicId, claim.id);
    const events = await repo.eventsOf(tx, ctx.clinicId, claim.id);
    const payer = await findPayer(tx, ctx.clinicId, claim.payerId);
    const client = await repo.findClient(tx, ctx.clinicId, claim.clientId);
    return {
      id: claim.id,
      controlNumber: claim.controlNumber,
      clientId: claim.clientId,
      clientName: client ? `${client.givenName} ${client.familyName}` : '',
      episodeId: claim.episodeId,
      payerId: claim.payerId,
      payerName: payer?.name ?? '',
      policyId: claim.policyId,
      caseId: claim.caseId,
      prescriptionId: claim.prescriptionId,
      renderingProviderId: claim.renderingProviderId,
      referringProvider: claim.referringProvider,
      status: claim.status,
      statusLabel: CLAIM_STATUS_LABELS[claim.status],
      frequencyCode: claim.frequencyCode,
      originalClaimId: claim.originalClaimId,
      payerClaimNumber: claim.payerClaimNumber,
      placeOfService: claim.placeOfService,
      diagnoses: claim.diagnoses,
      priorAuthNumber: claim.priorAuthNumber,
      onsetDate: claim.onsetDate,
      totalChargeCents: claim.totalChargeCents,
      lines: lines.map((line) => ({
        id: line.id,
        lineNumber: line.lineNumber,
        sessionNoteId: line.sessionNoteId,
        serviceDate: line.serviceDate,
        code: line.code,
        modifiers: line.modifiers,
        diagnosisPointers: line.diagnosisPointers,
        units: line.units,
        minutes: line.minutes,
        regions: line.regions,
        chargeCents: line.chargeCents,
        lineControlNumber: line.lineControlNumber,
      })),
      problems: claim.lastScrub ?? null,
      events: events.map((event) => ({
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        note: event.note,
        at: event.at.toISOString(),
        byName: event.byName,
      })),
      allowedTransitions: [
        ...(claim.status === 'draft' ? (['ready'] as const) : []),
        ...MANUAL_TRANSITIONS.filter((to) => canTransition(claim.status, to)),
      ],
      canCorrect: canTransition(claim.status, 'corrected'),
      canVoid: canTransition(claim.status, 'voided'),
      submittedAt: claim.submittedAt?.toISOString() ?? null,
      version: claim.version,
    };
  }

  async function recordTransition(
    tx: Db,
    ctx: RequestContext,
    claim: repo.ClaimRow,
    to: ClaimStatus,
    note: string | null,
  ) {
    await repo.insertEvent(tx, {
      clinicId: ctx.clinicId,
      claimId: claim.id,
      fromStatus: claim.status,
      toStatus: to,
      note,
      at: ctx.now,
      byUserId: ctx.userId,
      byName: ctx.userName,
    });
    await recordAudit(tx, ctx, {
      action: 'claim.status_changed',
      entityType: 'claim',
      entityId: claim.id,
      clientIds: [claim.clientId],
      detail: { from: claim.status, to },
    });
  }

  async function requireClaim(tx: Db, ctx: RequestContext, id: string, lock = false) {
    const claim = await repo.findClaim(tx, ctx.clinicId, id, { lock });
    if (!claim) throw notFound('The claim');
    return claim;
  }

  /**
   * Claims leave Palpa: status submitted, the document frozen, the history written, and the charges put
   * on the ledger (insurance bucket) — A/R starts then. Done in bulk: a batch may hold 1,000 claims.
   */
  async function markSubmitted(
    tx: Db,
    ctx: RequestContext,
    claims: readonly repo.ClaimRow[],
    documents: readonly ClaimDocument[],
    note: string,
  ) {
    for (const [index, claim] of claims.entries())
      await repo.updateClaim(tx, ctx.clinicId, claim.id, {
        status: 'submitted',
        submittedAt: ctx.now,
        document: documents[index]!,
        updatedAt: ctx.now,
        updatedBy: ctx.userId,
      });
    await repo.insertEvents(
      tx,
      claims.map((claim) => ({
        clinicId: ctx.clinicId,
        claimId: claim.id,
        fromStatus: claim.status,
        toStatus: 'submitted' as const,
        note,
        at: ctx.now,
        byUserId: ctx.userId,
        byName: ctx.userName,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'claim.status_changed',
      entityType: 'claim',
      entityId: claims.length === 1 ? claims[0]!.id : null,
      clientIds: [...new Set(claims.map((c) => c.clientId))],
      detail: { to: 'submitted', claims: claims.length },
    });
    // A void (frequency 8) and a replacement (7) change no charge by themselves; a rejected claim sent
    // again is the same charge: each original claim's charges are posted once.
    const originals = claims.filter((claim) => claim.frequencyCode === '1');
    const charged = await claimsWithCharges(
      tx,
      ctx.clinicId,
      originals.map((c) => c.id),
    );
    const toCharge = originals.filter((claim) => !charged.has(claim.id));
    const lines = await repo.linesOfClaims(
      tx,
      ctx.clinicId,
      toCharge.map((c) => c.id),
    );
    const byId = new Map(toCharge.map((claim) => [claim.id, claim]));
    await postLedgerEntries(
      tx,
      ctx,
      lines.map((line) => {
        const claim = byId.get(line.claimId)!;
        return {
          clientId: claim.clientId,
          caseId: claim.caseId,
          claimId: claim.id,
          claimLineId: line.id,
          sessionNoteId: line.sessionNoteId,
          payerId: claim.payerId,
          kind: 'charge' as const,
          bucket: 'insurance' as const,
          amountCents: line.chargeCents,
          serviceDate: line.serviceDate,
          code: line.code,
          units: line.units,
          reference: claim.controlNumber,
        };
      }),
    );
  }

  function envelopeOptions(
    profile: NonNullable<Awaited<ReturnType<typeof findBillingProfile>>>,
    interchange: number,
    ctx: RequestContext,
  ) {
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: ctx.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(ctx.now);
    const part = (type: string) => local.find((p) => p.type === type)?.value ?? '00';
    return {
      senderId: profile.submitterId,
      receiverId: profile.receiverId,
      receiverName: profile.receiverName,
      submitter: {
        name: profile.legalName,
        contactName: profile.submitterContact,
        phone: profile.phone ?? '0000000000',
      },
      interchangeControlNumber: interchange,
      groupControlNumber: interchange,
      usage: profile.usage,
      createdAt: {
        date: `${part('year')}-${part('month')}-${part('day')}`,
        time: `${part('hour')}:${part('minute')}`,
      },
      batchReference: `PALPA${String(interchange).padStart(6, '0')}`,
    };
  }

  async function outputDocument(tx: Db, ctx: RequestContext, claim: repo.ClaimRow): Promise<ClaimDocument> {
    if (claim.document) return claim.document;
    const lines = await repo.claimLinesOf(tx, ctx.clinicId, claim.id);
    return (await resolveClaimDocument(tx, ctx, claim, lines)).document;
  }

  return {
    /** Signed and unsigned notes with services not yet on an active claim: the biller's work queue. */
    async toBill(ctx: RequestContext): Promise<TToBillItem[]> {
      const notes = await repo.notesWithServices(database.db, ctx.clinicId);
      const billed = await repo.billedNoteIds(database.db, ctx.clinicId);
      for (const noteId of await selfPayChargedNoteIds(database.db, ctx.clinicId)) billed.add(noteId);
      const today = calendarDateIn(ctx.timeZone, ctx.now);
      return notes
        .filter((note) => !billed.has(note.id) && note.sessionDate <= today)
        .map((note) => ({
          sessionNoteId: note.id,
          episodeId: note.episodeId,
          episodeTitle: note.episodeTitle,
          clientId: note.clientId,
          clientName: note.clientName,
          therapistName: note.therapistName,
          sessionDate: note.sessionDate,
          signed: note.signedAt !== null,
          payerContext: note.payerContext,
          services: note.services.map((s) => ({ code: s.serviceCode, minutes: s.minutes })),
          blocker:
            note.signedAt === null
              ? 'The note is not signed: it cannot be billed until the therapist signs it.'
              : null,
        }));
    },

    async list(
      ctx: RequestContext,
      filter: { status?: ClaimStatus | undefined; clientId?: string | undefined },
    ) {
      const rows = await repo.listClaims(database.db, ctx.clinicId, { ...filter, limit: 500 });
      return rows.map(toSummary);
    },

    async get(ctx: RequestContext, id: string): Promise<TClaim> {
      return database.db.transaction(async (tx) => {
        const claim = await requireClaim(tx, ctx, id);
        await recordAudit(tx, ctx, {
          action: 'claim.read',
          entityType: 'claim',
          entityId: id,
          clientIds: [claim.clientId],
        });
        return detail(tx, ctx, claim);
      });
    },

    /**
     * A claim from signed notes: one client, payer (policy or case) and prescriber. Unsigned or missing
     * notes refuse the claim outright (issue 5, item 4).
     */
    async create(ctx: RequestContext, input: TCreateClaimRequest): Promise<TClaim> {
      return database.db.transaction(async (tx) => {
        const profile = await findBillingProfile(tx, ctx.clinicId);
        if (!profile)
          throw new AppError(
            'conflict',
            'Set up the billing profile (legal name, tax ID, billing NPI) before creating claims.',
          );
        const episode = await repo.findEpisode(tx, ctx.clinicId, input.episodeId);
        if (!episode) throw notFound('The episode of care');

        const policy = input.policyId ? await findPolicy(tx, ctx.clinicId, input.policyId) : undefined;
        const coverageCase = input.caseId ? await findCase(tx, ctx.clinicId, input.caseId) : undefined;
        if (input.policyId && (!policy || policy.clientId !== episode.clientId))
          fail([{ path: 'policyId', message: "That policy is not one of this client's." }]);
        if (input.caseId && (!coverageCase || coverageCase.clientId !== episode.clientId))
          fail([{ path: 'caseId', message: "That case is not one of this client's." }]);
        if (!policy && !coverageCase)
          fail([{ path: 'policyId', message: 'Choose the policy or case to bill.' }]);
        const payerId = policy?.payerId ?? coverageCase!.payerId;
        const payer = (await findPayer(tx, ctx.clinicId, payerId))!;

        const notes = await repo.notesForBilling(tx, ctx.clinicId, input.sessionNoteIds);
        const errors: FieldError[] = [];
        input.sessionNoteIds.forEach((id, index) => {
          const note = notes.find((n) => n.id === id);
          if (!note || note.episodeId !== episode.id)
            errors.push({
              path: `sessionNoteIds[${index}]`,
              message: 'There is no such session note in this episode.',
            });
          else if (!note.signedAt)
            errors.push({
              path: `sessionNoteIds[${index}]`,
              message: `The note of ${note.sessionDate} is not signed: only signed notes can be billed.`,
            });
          else if (note.services.length === 0)
            errors.push({
              path: `sessionNoteIds[${index}]`,
              message: `The note of ${note.sessionDate} records no service.`,
            });
        });
        if (errors.length) fail(errors);
        const therapists = new Set(notes.map((n) => n.therapistId));
        if (therapists.size > 1)
          fail([
            {
              path: 'sessionNoteIds',
              message:
                'These notes were written by different therapists: make one claim per treating therapist.',
            },
          ]);
        const alreadyBilled = await repo.notesOnActiveClaims(tx, ctx.clinicId, payerId, input.sessionNoteIds);
        if (alreadyBilled.length > 0)
          throw new AppError(
            'conflict',
            `Already billed to ${payer.name} on claim ${alreadyBilled.map((b) => b.controlNumber).join(', ')}.`,
          );

        const prescriptions = await repo.prescriptionsOfEpisode(tx, ctx.clinicId, episode.id);
        const lastDate = notes
          .map((n) => n.sessionDate)
          .sort()
          .at(-1)!;
        const prescription =
          (input.prescriptionId ? prescriptions.find((p) => p.id === input.prescriptionId) : undefined) ??
          [...prescriptions].reverse().find((p) => p.writtenOn <= lastDate) ??
          prescriptions.at(-1);
        const diagnoses = input.diagnoses ?? prescription?.diagnoses.map((d) => d.code) ?? [];
        const number = await nextCounter(tx, ctx.clinicId, 'claim');
        const controlNumber = `PAL${String(number).padStart(7, '0')}`;
        const sessions = await documentedSessions(tx, ctx, input.sessionNoteIds);
        const feeFor = await feeLookup(tx, ctx.clinicId, payerId);
        const built = buildClaimLines({
          sessions: [...sessions.values()],
          method: payer.unitMethod,
          feeFor,
          requiresGp: payer.requiresGp,
          diagnosisCount: diagnoses.length,
          claimControlNumber: controlNumber,
        });
        if (built.lines.length === 0)
          fail([
            {
              path: 'sessionNoteIds',
              message: `No billable unit in these notes (${built.notBilled.map((n) => n.explanation).join(' ')})`,
            },
          ]);
        if (built.lines.length > MAX_LINES_PER_CLAIM)
          fail([
            {
              path: 'sessionNoteIds',
              message: `A claim holds at most ${MAX_LINES_PER_CLAIM} lines: bill fewer visits at once.`,
            },
          ]);

        const referring = prescription ? splitPersonName(prescription.prescriberName) : null;
        const claim = await repo.insertClaim(tx, {
          clinicId: ctx.clinicId,
          clientId: episode.clientId,
          episodeId: episode.id,
          payerId,
          policyId: policy?.id ?? null,
          caseId: coverageCase?.id ?? null,
          prescriptionId: prescription?.id ?? null,
          renderingProviderId: notes[0]!.therapistId,
          referringProvider: referring
            ? {
                givenName: referring.givenName,
                familyName: referring.familyName,
                npi: prescription!.prescriberNpi,
              }
            : null,
          status: 'draft',
          frequencyCode: '1',
          controlNumber,
          placeOfService: profile.placeOfService,
          diagnoses,
          priorAuthNumber: prescription?.priorAuthNumber ?? null,
          onsetDate: coverageCase?.injuryDate ?? null,
          totalChargeCents: built.lines.reduce((sum, line) => sum + line.chargeCents, 0),
          createdAt: ctx.now,
          createdBy: ctx.userId,
          updatedAt: ctx.now,
          updatedBy: ctx.userId,
        });
        await repo.insertLines(
          tx,
          built.lines.map((line) => ({
            clinicId: ctx.clinicId,
            claimId: claim.id,
            sessionNoteId: line.sessionNoteId,
            lineNumber: line.lineNumber,
            serviceDate: line.serviceDate,
            code: line.code,
            modifiers: line.modifiers,
            diagnosisPointers: line.diagnosisPointers,
            units: line.units,
            minutes: line.minutes ?? null,
            regions: line.regions,
            chargeCents: line.chargeCents,
            lineControlNumber: line.lineControlNumber,
          })),
        );
        await repo.insertEvent(tx, {
          clinicId: ctx.clinicId,
          claimId: claim.id,
          fromStatus: null,
          toStatus: 'draft',
          note: built.notBilled.length
            ? `Not billed: ${built.notBilled.map((n) => `${n.code} ${n.minutes} min on ${n.serviceDate}`).join(', ')}`
            : null,
          at: ctx.now,
          byUserId: ctx.userId,
          byName: ctx.userName,
        });
        await recordAudit(tx, ctx, {
          action: 'claim.created',
          entityType: 'claim',
          entityId: claim.id,
          clientIds: [claim.clientId],
        });
        const lines = await repo.claimLinesOf(tx, ctx.clinicId, claim.id);
        const { problems } = await scrub(tx, ctx, claim, lines);
        const scrubbed = (await repo.updateClaim(tx, ctx.clinicId, claim.id, { lastScrub: problems }))!;
        return detail(tx, ctx, scrubbed);
      });
    },

    /** Edits a draft: diagnoses and their order, pointers, modifiers, units, charges, box 17/23/14. */
    async update(ctx: RequestContext, id: string, input: TUpdateClaimRequest): Promise<TClaim> {
      return database.db.transaction(async (tx) => {
        const claim = await requireClaim(tx, ctx, id, true);
        if (claim.version !== input.version)
          throw new AppError(
            'version_conflict',
            'This claim was changed by someone else. Reload and try again.',
          );
        if (claim.status !== 'draft')
          throw new AppError(
            'conflict',
            claim.status === 'ready'
              ? 'The claim is marked ready: move it back to draft to change it.'
              : `A ${CLAIM_STATUS_LABELS[claim.status].toLowerCase()} claim is not edited: make a corrected claim instead.`,
          );
        const lines = await repo.claimLinesOf(tx, ctx.clinicId, id);
        const errors: FieldError[] = [];
        for (const [index, change] of (input.lines ?? []).entries()) {
          const line = lines.find((l) => l.id === change.id);
          if (!line) {
            errors.push({ path: `lines[${index}].id`, message: 'There is no such line on this claim.' });
            continue;
          }
          const values: Partial<repo.ClaimLineRow> = {};
          if (change.modifiers) values.modifiers = change.modifiers;
          if (change.diagnosisPointers) values.diagnosisPointers = change.diagnosisPointers;
          if (change.units !== undefined) values.units = change.units;
          if (change.chargeCents !== undefined) values.chargeCents = change.chargeCents;
          await repo.updateLine(tx, ctx.clinicId, line.id, values);
        }
        if (input.diagnoses) {
          for (const [index, code] of input.diagnoses.entries()) {
            const problem = await icd10cm.billabilityProblem(code, tx);
            if (problem) errors.push({ path: `diagnoses[${index}]`, message: problem.message });
          }
        }
        if (input.referringProvider?.npi && !/^\d{10}$/.test(input.referringProvider.npi))
          errors.push({ path: 'referringProvider.npi', message: 'An NPI is exactly 10 digits.' });
        if (errors.length) fail(errors);
        const updatedLines = await repo.claimLinesOf(tx, ctx.clinicId, id);
        const changes: Partial<repo.ClaimRow> = {
          totalChargeCents: updatedLines.reduce((sum, line) => sum + line.chargeCents, 0),
          updatedAt: ctx.now,
          updatedBy: ctx.userId,
        };
        if (input.diagnoses) changes.diagnoses = input.diagnoses.map((code) => code.toUpperCase());
        if (input.referringProvider !== undefined) changes.referringProvider = input.referringProvider;
        if (input.priorAuthNumber !== undefined) changes.priorAuthNumber = input.priorAuthNumber;
        if (input.onsetDate !== undefined) changes.onsetDate = input.onsetDate;
        if (input.placeOfService !== undefined) changes.placeOfService = input.placeOfService;
        let row = (await repo.updateClaim(tx, ctx.clinicId, id, changes))!;
        const { problems } = await scrub(tx, ctx, row, updatedLines);
        row = (await repo.updateClaim(tx, ctx.clinicId, id, { lastScrub: problems }))!;
        await recordAudit(tx, ctx, {
          action: 'claim.updated',
          entityType: 'claim',
          entityId: id,
          clientIds: [claim.clientId],
          detail: { fields: Object.keys(input).filter((k) => k !== 'version') },
        });
        return detail(tx, ctx, row);
      });
    },

    async scrub(ctx: RequestContext, id: string): Promise<{ problems: ScrubProblem[]; ready: boolean }> {
      return database.db.transaction(async (tx) => {
        const claim = await requireClaim(tx, ctx, id);
        const lines = await repo.claimLinesOf(tx, ctx.clinicId, id);
        const { problems } = await scrub(tx, ctx, claim, lines);
        if (claim.status === 'draft' || claim.status === 'ready')
          await repo.updateClaim(tx, ctx.clinicId, id, { lastScrub: problems });
        await recordAudit(tx, ctx, {
          action: 'claim.scrubbed',
          entityType: 'claim',
          entityId: id,
          clientIds: [claim.clientId],
          detail: { errors: problems.filter((p) => p.severity === 'error').length },
        });
        return { problems, ready: !hasBlockingProblems(problems) };
      });
    },

    /** Manual status changes; "ready" runs the scrubber and refuses while any error remains. */
    async transition(ctx: RequestContext, id: string, input: TTransitionRequest): Promise<TClaim> {
      return database.db.transaction(async (tx) => {
        const claim = await requireClaim(tx, ctx, id, true);
        const to = input.status;
        if (!canTransition(claim.status, to) || (to !== 'ready' && !MANUAL_TRANSITIONS.includes(to)))
          throw new AppError(
            'conflict',
            `A claim that is ${CLAIM_STATUS_LABELS[claim.status].toLowerCase()} cannot become ${CLAIM_STATUS_LABELS[to].toLowerCase()}.`,
          );
        const changes: Partial<repo.ClaimRow> = { status: to, updatedAt: ctx.now, updatedBy: ctx.userId };
        if (to === 'ready') {
          const lines = await repo.claimLinesOf(tx, ctx.clinicId, id);
          const { problems } = await scrub(tx, ctx, claim, lines);
          changes.lastScrub = problems;
          if (hasBlockingProblems(problems)) {
            await repo.updateClaim(tx, ctx.clinicId, id, { lastScrub: problems });
            throw new AppError(
              'conflict',
              'The claim scrubber found problems to fix before the claim can be sent.',
              {
                title: 'Claim not ready',
                extensions: { problems },
              },
            );
          }
        }
        if (to === 'submitted') {
          const document = await outputDocument(tx, ctx, claim);
          await markSubmitted(
            tx,
            ctx,
            [claim],
            [document],
            input.note ?? 'Marked as sent outside Palpa (paper or portal).',
          );
          return detail(tx, ctx, (await repo.findClaim(tx, ctx.clinicId, id))!);
        }
        if (input.payerClaimNumber) changes.payerClaimNumber = input.payerClaimNumber;
        const row = (await repo.updateClaim(tx, ctx.clinicId, id, changes))!;
        await recordTransition(tx, ctx, claim, to, input.note ?? null);
        return detail(tx, ctx, row);
      });
    },

    /** A replacement (frequency 7) or void (frequency 8) of a claim the payer already holds (box 22). */
    async resubmit(
      ctx: RequestContext,
      id: string,
      kind: 'correct' | 'void',
      note: string | null,
    ): Promise<TClaim> {
      return database.db.transaction(async (tx) => {
        const claim = await requireClaim(tx, ctx, id, true);
        const to: ClaimStatus = kind === 'correct' ? 'corrected' : 'voided';
        if (!canTransition(claim.status, to))
          throw new AppError(
            'conflict',
            claim.status === 'draft' || claim.status === 'ready'
              ? 'This claim has not been sent: edit it, or delete the draft.'
              : `A claim that is ${CLAIM_STATUS_LABELS[claim.status].toLowerCase()} cannot be ${to}.`,
          );
        if (!claim.payerClaimNumber)
          fail([
            {
              path: 'payerClaimNumber',
              message: "Record the payer's claim number first (from the remittance or the payer portal).",
            },
          ]);
        const lines = await repo.claimLinesOf(tx, ctx.clinicId, id);
        const number = await nextCounter(tx, ctx.clinicId, 'claim');
        const controlNumber = `PAL${String(number).padStart(7, '0')}`;
        const copy = await repo.insertClaim(tx, {
          ...claim,
          id: undefined,
          status: kind === 'correct' ? 'draft' : 'ready',
          frequencyCode: kind === 'correct' ? '7' : '8',
          originalClaimId: claim.id,
          payerClaimNumber: null,
          controlNumber,
          lastScrub: null,
          submittedAt: null,
          document: null,
          version: 1,
          createdAt: ctx.now,
          createdBy: ctx.userId,
          updatedAt: ctx.now,
          updatedBy: ctx.userId,
        });
        await repo.insertLines(
          tx,
          lines.map(({ id: _id, claimId: _claimId, ...line }) => ({
            ...line,
            claimId: copy.id,
            lineControlNumber: `${controlNumber}-${line.lineNumber}`,
          })),
        );
        await repo.insertEvent(tx, {
          clinicId: ctx.clinicId,
          claimId: copy.id,
          fromStatus: null,
          toStatus: copy.status,
          note: `${kind === 'correct' ? 'Replacement' : 'Void'} of claim ${claim.controlNumber} (payer claim ${claim.payerClaimNumber}).`,
          at: ctx.now,
          byUserId: ctx.userId,
          byName: ctx.userName,
        });
        await repo.updateClaim(tx, ctx.clinicId, id, {
          status: to,
          updatedAt: ctx.now,
          updatedBy: ctx.userId,
        });
        await recordTransition(tx, ctx, claim, to, note ?? `See claim ${controlNumber}.`);
        return detail(tx, ctx, copy);
      });
    },

    async deleteDraft(ctx: RequestContext, id: string): Promise<void> {
      await database.db.transaction(async (tx) => {
        const claim = await requireClaim(tx, ctx, id, true);
        if (claim.status !== 'draft') throw new AppError('conflict', 'Only a draft claim can be deleted.');
        await repo.deleteDraftClaim(tx, ctx.clinicId, id);
        await recordAudit(tx, ctx, {
          action: 'claim.deleted',
          entityType: 'claim',
          entityId: id,
          clientIds: [claim.clientId],
        });
      });
    },

    async cms1500(
      ctx: RequestContext,
      id: string,
      form: 'full' | 'data-only',
      offset: { x: number; y: number },
    ) {
      const document = await database.db.transaction(async (tx) => {
        const claim = await requireClaim(tx, ctx, id);
        await recordAudit(tx, ctx, {
          action: 'claim.form_generated',
          entityType: 'claim',
          entityId: id,
          clientIds: [claim.clientId],
          detail: { format: `cms1500-${form}` },
        });
        return outputDocument(tx, ctx, claim);
      });
      const bytes = await renderCms1500Pdf(
        document,
        { form, offsetXPt: offset.x, offsetYPt: offset.y },
        await loadReportFonts(),
      );
      return {
        bytes,
        fileName: `cms1500-${document.patientControlNumber}${form === 'data-only' ? '-data' : ''}.pdf`,
      };
    },

    /** One claim as its own 837P interchange (for a look, or a portal upload); does not change its status. */
    async x837(ctx: RequestContext, id: string) {
      return database.db.transaction(async (tx) => {
        const claim = await requireClaim(tx, ctx, id);
        const profile = await findBillingProfile(tx, ctx.clinicId);
        if (!profile) throw new AppError('conflict', 'Set up the billing profile first.');
        const document = await outputDocument(tx, ctx, claim);
        await recordAudit(tx, ctx, {
          action: 'claim.form_generated',
          entityType: 'claim',
          entityId: id,
          clientIds: [claim.clientId],
          detail: { format: '837p' },
        });
        const interchange = await nextCounter(tx, ctx.clinicId, 'interchange');
        try {
          return {
            file: build837p([document], envelopeOptions(profile, interchange, ctx)),
            fileName: `${document.patientControlNumber}.837p.txt`,
          };
        } catch (error) {
          throw new AppError(
            'conflict',
            `This claim cannot be written as an 837P: ${(error as Error).message}. Run the scrubber.`,
          );
        }
      });
    },

    /** An 837P batch of ready claims (all of them, or those listed): they become submitted together. */
    async createBatch(ctx: RequestContext, claimIds: string[] | undefined) {
      return database.db.transaction(async (tx) => {
        const profile = await findBillingProfile(tx, ctx.clinicId);
        if (!profile) throw new AppError('conflict', 'Set up the billing profile first.');
        const ready = claimIds
          ? await Promise.all(claimIds.map((id) => requireClaim(tx, ctx, id, true)))
          : (await repo.listClaims(tx, ctx.clinicId, { status: 'ready', limit: 5000 })).reverse();
        if (ready.length === 0) throw new AppError('conflict', 'There is no claim marked ready to send.');
        const notReady = ready.filter((claim) => claim.status !== 'ready');
        if (notReady.length > 0)
          fail(
            notReady.map((claim) => ({
              path: `claimIds[${ready.indexOf(claim)}]`,
              message: `Claim ${claim.controlNumber} is ${CLAIM_STATUS_LABELS[claim.status].toLowerCase()}, not ready.`,
            })),
          );
        const allLines = await repo.linesOfClaims(
          tx,
          ctx.clinicId,
          ready.map((c) => c.id),
        );
        const documents: ClaimDocument[] = [];
        const cache = new Map<string, Promise<unknown>>();
        const linesByClaim = new Map<string, repo.ClaimLineRow[]>();
        for (const line of allLines)
          linesByClaim.set(line.claimId, [...(linesByClaim.get(line.claimId) ?? []), line]);
        for (const claim of ready)
          documents.push(
            (await resolveClaimDocument(tx, ctx, claim, linesByClaim.get(claim.id) ?? [], cache)).document,
          );
        const interchange = await nextCounter(tx, ctx.clinicId, 'interchange');
        const file = build837p(documents, envelopeOptions(profile, interchange, ctx));
        const batch = await repo.insertBatch(tx, {
          clinicId: ctx.clinicId,
          interchangeControlNumber: interchange,
          claimIds: ready.map((c) => c.id),
          claimCount: ready.length,
          totalChargeCents: documents.reduce((sum, d) => sum + d.totalChargeCents, 0),
          file,
          createdAt: ctx.now,
          createdBy: ctx.userId,
        });
        await markSubmitted(tx, ctx, ready, documents, `Sent in 837P batch ${interchange}.`);
        await recordAudit(tx, ctx, {
          action: 'claim.batch_created',
          entityType: 'claim_batch',
          entityId: batch.id,
          clientIds: [...new Set(ready.map((c) => c.clientId))],
          detail: { claims: ready.length, interchangeControlNumber: interchange },
        });
        return { batch, file };
      });
    },

    async listBatches(ctx: RequestContext) {
      return (await repo.listBatches(database.db, ctx.clinicId)).map((b) => ({
        ...b,
        createdAt: b.createdAt.toISOString(),
      }));
    },

    async batchFile(ctx: RequestContext, id: string) {
      const batch = await repo.findBatch(database.db, ctx.clinicId, id);
      if (!batch) throw notFound('The batch');
      return { file: batch.file, fileName: `batch-${batch.interchangeControlNumber}.837p.txt` };
    },

    isActiveClaim,
  };
}
export type ClaimsService = ReturnType<typeof createClaimsService>;
