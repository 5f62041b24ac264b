import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound, type FieldError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { calendarDateIn } from '../../platform/time-zone.js';
import { recordAudit } from '../audit/index.js';
import { requireEpisode } from '../episodes/index.js';
import type { Icd10cmService } from '../icd10cm/index.js';
import { npiProblem } from './domain/npi.js';
import { allocateSessions, prescriptionUsage } from './domain/visit-usage.js';
import * as repo from './prescriptions.repository.js';
import type {
  TCreatePrescriptionRequest,
  TPrescription,
  TPrescriptionSummary,
  TUpdatePrescriptionRequest,
} from './prescriptions.schemas.js';
import type { StoredDiagnosis } from './prescriptions.tables.js';

function toSummary(row: repo.PrescriptionRow, usage: TPrescriptionSummary['usage']): TPrescriptionSummary {
  return {
    id: row.id,
    episodeId: row.episodeId,
    prescriberName: row.prescriberName,
    writtenOn: row.writtenOn,
    expiresOn: row.expiresOn,
    visitsAuthorised: row.visitsAuthorised,
    frequencyPerWeek: row.frequencyPerWeek,
    durationWeeks: row.durationWeeks,
    usage,
  };
}

function toPrescription(row: repo.PrescriptionRow, usage: TPrescriptionSummary['usage']): TPrescription {
  return {
    ...toSummary(row, usage),
    prescriberPractice: row.prescriberPractice,
    prescriberPhone: row.prescriberPhone,
    prescriberFax: row.prescriberFax,
    prescriberNpi: row.prescriberNpi,
    diagnoses: row.diagnoses,
    orderText: row.orderText,
    priorAuthNumber: row.priorAuthNumber,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Prescriptions of an episode with visits used/remaining and warnings as of the clinic's today. */
export async function prescriptionsWithUsage(
  tx: Db,
  ctx: RequestContext,
  episodeId: string,
): Promise<{ row: repo.PrescriptionRow; usage: TPrescriptionSummary['usage'] }[]> {
  const rows = await repo.listPrescriptions(tx, ctx.clinicId, episodeId);
  if (rows.length === 0) return [];
  const today = calendarDateIn(ctx.timeZone, ctx.now);
  // A visit is used once its session day has come, signed or still a draft; a note started ahead of time
  // for a future date is not a visit yet.
  const sessionDates = (await repo.sessionDatesOfEpisode(tx, ctx.clinicId, episodeId)).filter(
    (d) => d <= today,
  );
  const counts = allocateSessions(rows, sessionDates);
  return rows.map((row) => ({ row, usage: prescriptionUsage(row, counts.get(row.id) ?? 0, today) }));
}

export function createPrescriptionsService(deps: { database: Database; icd10cm: Icd10cmService }) {
  const { database, icd10cm } = deps;

  /** Billable codes only, each with its official description; a field error per rejected code. */
  async function checkedDiagnoses(
    codes: readonly string[],
    errors: FieldError[],
  ): Promise<StoredDiagnosis[]> {
    const diagnoses: StoredDiagnosis[] = [];
    for (const [index, code] of codes.entries()) {
      const problem = await icd10cm.billabilityProblem(code);
      if (problem) {
        errors.push({ path: `diagnoses[${index}]`, message: problem.message });
        continue;
      }
      const entry = await icd10cm.lookup(code);
      if (diagnoses.some((d) => d.code === entry.code))
        errors.push({ path: `diagnoses[${index}]`, message: `${entry.code} is listed twice.` });
      else diagnoses.push({ code: entry.code, description: entry.description });
    }
    return diagnoses;
  }

  async function validated(
    input: Partial<TCreatePrescriptionRequest>,
    current?: repo.PrescriptionRow,
  ): Promise<Partial<repo.PrescriptionValues>> {
    const errors: FieldError[] = [];
    const { diagnoses: codes, ...rest } = input;
    const values: Partial<repo.PrescriptionValues> = {};
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined) (values as Record<string, unknown>)[key] = value;
    }
    if (codes) values.diagnoses = await checkedDiagnoses(codes, errors);
    if (input.prescriberNpi) {
      const problem = npiProblem(input.prescriberNpi);
      if (problem) errors.push({ path: 'prescriberNpi', message: problem });
    }
    const writtenOn = input.writtenOn ?? current?.writtenOn;
    const expiresOn = input.expiresOn === undefined ? current?.expiresOn : input.expiresOn;
    if (writtenOn && expiresOn && expiresOn < writtenOn)
      errors.push({
        path: 'expiresOn',
        message: 'The expiry date is before the date the prescription was written.',
      });
    if (errors.length > 0)
      throw new AppError('validation', errors.map((e) => e.message).join(' '), { errors });
    return values;
  }

  async function withUsage(tx: Db, ctx: RequestContext, row: repo.PrescriptionRow): Promise<TPrescription> {
    const all = await prescriptionsWithUsage(tx, ctx, row.episodeId);
    const usage = all.find((p) => p.row.id === row.id)!.usage;
    return toPrescription(row, usage);
  }

  return {
    async create(
      ctx: RequestContext,
      episodeId: string,
      input: TCreatePrescriptionRequest,
    ): Promise<TPrescription> {
      const values = (await validated(input)) as repo.PrescriptionValues;
      return database.db.transaction(async (tx) => {
        const episode = await requireEpisode(tx, ctx, episodeId, { forWrite: true });
        const row = await repo.insertPrescription(tx, ctx, episodeId, values);
        await recordAudit(tx, ctx, {
          action: 'prescription.created',
          entityType: 'prescription',
          entityId: row.id,
          clientIds: [episode.clientId],
        });
        return withUsage(tx, ctx, row);
      });
    },

    async update(ctx: RequestContext, id: string, input: TUpdatePrescriptionRequest): Promise<TPrescription> {
      const { version, ...changes } = input;
      return database.db.transaction(async (tx) => {
        const current = await repo.findPrescription(tx, ctx.clinicId, id);
        if (!current) throw notFound('The prescription');
        const episode = await requireEpisode(tx, ctx, current.episodeId, { forWrite: true });
        const values = await validated(changes, current);
        const row = await repo.updatePrescription(tx, ctx, id, version, values);
        if (!row)
          throw new AppError(
            'version_conflict',
            'This prescription was changed by someone else after you opened it. Reload and try again.',
            { extensions: { currentVersion: current.version, yourVersion: version } },
          );
        await recordAudit(tx, ctx, {
          action: 'prescription.updated',
          entityType: 'prescription',
          entityId: id,
          clientIds: [episode.clientId],
          detail: { fields: Object.keys(changes) },
        });
        return withUsage(tx, ctx, row);
      });
    },
  };
}
export type PrescriptionsService = ReturnType<typeof createPrescriptionsService>;
export { toPrescription, toSummary };
