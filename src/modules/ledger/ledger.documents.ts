/**
 * Ledger reports and printed documents: A/R aging, the write-off report, client statements and
 * superbills. Figures come from the pure domain (aging.ts, statement.ts, superbill.ts); this file gathers
 * the rows and names.
 */
import type { Database, Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { calendarDateIn } from '../../platform/time-zone.js';
import { recordAudit } from '../audit/index.js';
import { findBillingProfile, findProviderBillingId, serviceCatalogue } from '../billing/index.js';
import { loadReportFonts } from '../reports/index.js';
import { ledgerGroupKey } from './domain/allocation.js';
import { agingReport, writeOffReport, type AgingEntry, type WriteOffEntry } from './domain/aging.js';
import { buildStatement, type StatementEntry } from './domain/statement.js';
import { superbillProblems, superbillTotals, type SuperbillData } from './domain/superbill.js';
import * as repo from './ledger.repository.js';
import { renderStatementPdf } from './statement-pdf.js';
import { renderSuperbillPdf } from './superbill-pdf.js';

type EntryWithNames = { entry: repo.LedgerEntryRow; clientName: string; payerName: string | null };

function toAgingEntry({ entry, clientName, payerName }: EntryWithNames): AgingEntry {
  return {
    clientId: entry.clientId,
    clientName,
    payerId: entry.payerId,
    payerName,
    bucket: entry.bucket,
    groupKey: ledgerGroupKey(entry),
    serviceDate: entry.serviceDate,
    amountCents: entry.amountCents,
    kind: entry.kind,
  };
}

function addressLines(
  address:
    | {
        line1: string;
        line2?: string | null | undefined;
        city: string;
        region?: string | undefined;
        postalCode?: string | undefined;
      }
    | null
    | undefined,
): string[] {
  if (!address) return [];
  return [
    address.line1,
    ...(address.line2 ? [address.line2] : []),
    [address.city, [address.region, address.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', '),
  ].filter((line) => line.trim() !== '');
}

/**
 * Who asks for a client's statement or superbill: staff, or the client in the portal (no staff user; the
 * audit log names the portal).
 */
export type DocumentActor = Pick<RequestContext, 'clinicId' | 'timeZone' | 'now'> & {
  userId: string | null;
  userName: string | null;
  ip: string | null;
  requestId: string | null;
};

export function createLedgerDocuments(deps: { database: Database }) {
  const { database } = deps;

  async function clientEntries(tx: Db, ctx: { clinicId: string }, clientId: string) {
    const client = await repo.findClient(tx, ctx.clinicId, clientId);
    if (!client) throw new AppError('not_found', 'The client was not found.');
    const rows = await repo.entriesOfClient(tx, ctx.clinicId, clientId);
    return { client, rows, clientName: `${client.givenName} ${client.familyName}` };
  }

  return {
    async arAging(ctx: RequestContext) {
      return database.db.transaction(async (tx) => {
        const today = calendarDateIn(ctx.timeZone, ctx.now);
        const rows = await repo.allEntriesWithNames(tx, ctx.clinicId);
        const report = agingReport(rows.map(toAgingEntry), today);
        await recordAudit(tx, ctx, {
          action: 'report.ar_aging',
          entityType: 'report',
          clientIds: [...new Set(report.byClient.map((r) => r.clientId))],
        });
        return { today, ...report };
      });
    },

    async writeOffs(ctx: RequestContext, period: { from?: string | undefined; to?: string | undefined }) {
      return database.db.transaction(async (tx) => {
        const today = calendarDateIn(ctx.timeZone, ctx.now);
        const rows = await repo.allEntriesWithNames(tx, ctx.clinicId);
        const kinds = new Map(rows.map((r) => [r.entry.id, r.entry.kind]));
        const entries: WriteOffEntry[] = rows.map((row) => ({
          ...toAgingEntry(row),
          postedOn: row.entry.postedOn,
          reasonCode: row.entry.reasonCode,
          adjustmentGroup: row.entry.adjustmentGroup,
          reversesKind: row.entry.reversesEntryId ? (kinds.get(row.entry.reversesEntryId) ?? null) : null,
        }));
        const from = period.from ?? `${today.slice(0, 4)}-01-01`;
        const to = period.to ?? today;
        if (from > to)
          throw new AppError('validation', 'The period ends before it starts.', {
            errors: [{ path: 'to', message: 'The period ends before it starts.' }],
          });
        const report = writeOffReport(entries, from, to);
        await recordAudit(tx, ctx, {
          action: 'report.write_offs',
          entityType: 'report',
          detail: { from, to },
        });
        return report;
      });
    },

    async statementPdf(
      ctx: DocumentActor,
      clientId: string,
      period: { from?: string | undefined; to?: string | undefined },
    ) {
      const data = await database.db.transaction(async (tx) => {
        const today = calendarDateIn(ctx.timeZone, ctx.now);
        const { client, rows, clientName } = await clientEntries(tx, ctx, clientId);
        const profile = await findBillingProfile(tx, ctx.clinicId);
        const entries: StatementEntry[] = rows.map((entry) => ({
          ...toAgingEntry({ entry, clientName, payerName: null }),
          postedOn: entry.postedOn,
          code: entry.code,
          units: entry.units,
          memo: entry.memo,
          method: entry.method,
        }));
        const from = period.from ?? rows[0]?.postedOn ?? today;
        const to = period.to ?? today;
        const statement = buildStatement(entries, { from, to, today });
        await recordAudit(tx, ctx, {
          action: 'ledger.statement_generated',
          entityType: 'client',
          entityId: clientId,
          clientIds: [clientId],
          detail: { from, to },
        });
        return {
          practice: {
            name: profile?.legalName ?? '',
            address: profile
              ? addressLines({
                  line1: profile.address.line1,
                  line2: profile.address.line2 ?? null,
                  city: profile.address.city,
                  region: profile.address.state,
                  postalCode: profile.address.zip,
                })
              : [],
            phone: profile?.phone ?? null,
            email: null,
            website: null,
          },
          client: {
            name: clientName,
            address: addressLines(client.address),
            accountNumber: client.id.slice(0, 8).toUpperCase(),
          },
          statement,
          dueBy: null,
          payableTo: null,
          message: null,
        };
      });
      return renderStatementPdf(data, await loadReportFonts());
    },

    /**
     * A superbill for a self-pay client's visits in a period (billing-standards.md §6): every charged visit
     * with its codes, units and diagnoses, what was paid, and the provider's identifiers.
     */
    async superbillPdf(
      ctx: DocumentActor,
      clientId: string,
      period: { from?: string | undefined; to?: string | undefined },
    ) {
      const { data, problems } = await database.db.transaction(async (tx) => {
        const today = calendarDateIn(ctx.timeZone, ctx.now);
        const { client, rows, clientName } = await clientEntries(tx, ctx, clientId);
        const from = period.from ?? '0001-01-01';
        const to = period.to ?? today;
        const reversed = new Set(rows.flatMap((r) => (r.reversesEntryId ? [r.reversesEntryId] : [])));
        const charges = rows.filter(
          (r) =>
            r.kind === 'charge' &&
            r.bucket === 'patient' &&
            r.claimId === null &&
            r.sessionNoteId !== null &&
            !reversed.has(r.id) &&
            r.serviceDate >= from &&
            r.serviceDate <= to,
        );
        if (charges.length === 0)
          throw new AppError(
            'conflict',
            'There is no self-pay visit charged in this period: charge the visits first.',
          );
        const notes = await repo.notesByIds(tx, ctx.clinicId, [
          ...new Set(charges.map((c) => c.sessionNoteId!)),
        ]);
        const prescriptions = await repo.prescriptionsOfEpisodes(tx, ctx.clinicId, [
          ...new Set(notes.map((n) => n.episodeId)),
        ]);
        // Diagnoses: each visit's prescription (the newest written by its date), gathered in order, max 12.
        const diagnoses: { code: string; description: string }[] = [];
        const pointersByNote = new Map<string, number[]>();
        for (const note of [...notes].sort((a, b) => a.sessionDate.localeCompare(b.sessionDate))) {
          const prescription =
            [...prescriptions]
              .reverse()
              .find((p) => p.episodeId === note.episodeId && p.writtenOn <= note.sessionDate) ??
            prescriptions.find((p) => p.episodeId === note.episodeId);
          const pointers: number[] = [];
          for (const diagnosis of prescription?.diagnoses ?? []) {
            let index = diagnoses.findIndex((d) => d.code === diagnosis.code);
            if (index === -1 && diagnoses.length < 12) {
              diagnoses.push(diagnosis);
              index = diagnoses.length - 1;
            }
            if (index !== -1 && pointers.length < 4) pointers.push(index + 1);
          }
          pointersByNote.set(note.id, pointers);
        }
        const therapistId = notes[0]!.therapistId;
        const [therapist, therapistIds, profile, policy, catalogue] = await Promise.all([
          repo.findUser(tx, ctx.clinicId, therapistId),
          findProviderBillingId(tx, ctx.clinicId, therapistId),
          findBillingProfile(tx, ctx.clinicId),
          repo.primaryPolicy(tx, ctx.clinicId, clientId),
          serviceCatalogue(tx, ctx.clinicId),
        ]);
        const prescription = prescriptions.at(-1);
        const lines = charges
          .sort((a, b) => a.serviceDate.localeCompare(b.serviceDate))
          .map((charge) => ({
            serviceDate: charge.serviceDate,
            placeOfService: profile?.placeOfService ?? '11',
            code: charge.code ?? '',
            description: catalogue.get(charge.code ?? '')?.description ?? '',
            modifiers: [],
            units: charge.units ?? 1,
            diagnosisPointers: pointersByNote.get(charge.sessionNoteId!) ?? [],
            chargeCents: charge.amountCents,
          }));
        const payments = rows
          .filter(
            (r) =>
              r.kind === 'patient_payment' && !reversed.has(r.id) && r.postedOn >= from && r.postedOn <= to,
          )
          .map((r) => ({ date: r.postedOn, method: r.method ?? 'other', amountCents: -r.amountCents }));
        const data: SuperbillData = {
          patient: {
            name: clientName,
            dateOfBirth: client.dateOfBirth,
            address: addressLines(client.address),
            memberId: policy?.memberId ?? null,
          },
          provider: {
            name: therapist?.name ?? '',
            credentials: therapist?.credentials ?? null,
            npi: therapistIds?.npi ?? null,
            licenseNumber: therapist?.licenseNumber ?? null,
            licenseState: therapistIds?.licenseState ?? null,
            taxonomy: therapistIds?.taxonomy ?? profile?.taxonomy ?? null,
          },
          practice: {
            name: profile?.legalName ?? '',
            address: profile
              ? addressLines({
                  line1: profile.address.line1,
                  line2: profile.address.line2 ?? null,
                  city: profile.address.city,
                  region: profile.address.state,
                  postalCode: profile.address.zip,
                })
              : [],
            phone: profile?.phone ?? null,
            npi: profile?.billingNpi ?? null,
            taxId: profile?.taxId ?? null,
            taxIdType: profile?.taxIdType ?? null,
          },
          referringProvider: prescription
            ? { name: prescription.prescriberName, npi: prescription.prescriberNpi }
            : null,
          diagnoses,
          lines,
          totals: superbillTotals(lines, payments),
          payments,
          issuedOn: today,
          statementNumber: `SB-${client.id.slice(0, 6).toUpperCase()}-${today.replaceAll('-', '')}`,
        };
        await recordAudit(tx, ctx, {
          action: 'superbill.generated',
          entityType: 'client',
          entityId: clientId,
          clientIds: [clientId],
          detail: { from, to, lines: lines.length },
        });
        return { data, problems: superbillProblems(data) };
      });
      return { bytes: await renderSuperbillPdf(data, await loadReportFonts()), problems };
    },
  };
}
export type LedgerDocuments = ReturnType<typeof createLedgerDocuments>;
