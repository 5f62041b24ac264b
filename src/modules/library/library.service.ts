import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { BODY_REGIONS, ROM_NORMS, SPECIAL_TESTS } from '../assessments/index.js';
import { recordAudit } from '../audit/index.js';
import type { Icd10cmService } from '../icd10cm/index.js';
import { SCREENING_RULES } from '../screening/index.js';
import { conditionReferenceProblems } from './domain/content-references.js';
import type { Condition, Technique } from './domain/library-content.js';
import { educationSheetFor } from './domain/education-sheet.js';
import { foldText, icdPrefixOf, matchRank, suggestConditions } from './domain/library-search.js';
import { loadReportFonts, renderEducationSheetPdf } from '../reports/index.js';
import { readLibraryContent, SHIPPED_LIBRARY_DIR } from './library.loader.js';
import * as repo from './library.repository.js';
import type { TConditionList, TConditionQuery } from './library.schemas.js';

export type LoadResult = { version: string; conditions: number; techniques: number; loaded: boolean };

export function createLibraryService(deps: {
  database: Database;
  now: () => Date;
  contentDir?: string;
  icd10cm?: Icd10cmService;
}) {
  const { database } = deps;

  /** A clinic's own condition must meet the shipped content's bar: billable codes, resolving references. */
  async function checkOwnCondition(condition: Condition): Promise<void> {
    const techniques = await repo.listTechniques(database.db);
    const problems = conditionReferenceProblems(condition, {
      techniques: new Set(techniques.map((t) => t.id)),
      regions: new Set(BODY_REGIONS.map((r) => r.id as string)),
      screeningRules: new Set(SCREENING_RULES.map((r) => r.id as string)),
      specialTests: new Set(SPECIAL_TESTS.map((t) => t.id as string)),
      rom: ROM_NORMS,
    });
    if (deps.icd10cm) {
      for (const [i, { code }] of condition.icd10cm.entries()) {
        const problem = await deps.icd10cm.billabilityProblem(code);
        if (problem) problems.push({ path: `icd10cm.${i}.code`, message: problem.message });
      }
    }
    if (problems.length > 0)
      throw new AppError('validation', problems.map((p) => p.message).join(' '), { errors: problems });
  }
  let shippedLoad: Promise<LoadResult> | undefined;

  /** Loads the shipped content once per content version (a checksum over the files). */
  async function loadShipped(): Promise<LoadResult> {
    const content = readLibraryContent(deps.contentDir ?? SHIPPED_LIBRARY_DIR);
    const counts = { conditions: content.conditions.length, techniques: content.techniques.length };
    if ((await repo.loadedVersion(database.db)) === content.version)
      return { version: content.version, ...counts, loaded: false };
    await database.db.transaction((tx) => repo.replaceShippedContent(tx, content, deps.now()));
    return { version: content.version, ...counts, loaded: true };
  }
  const ensureShippedContent = (): Promise<LoadResult> => {
    shippedLoad ??= loadShipped().catch((err: unknown) => {
      shippedLoad = undefined;
      throw err;
    });
    return shippedLoad;
  };

  const toSummary = (row: repo.ConditionSummaryRow) => ({
    id: row.slug,
    name: row.name,
    category: row.category,
    bodyAreas: row.bodyAreas,
    icd10cm: row.icd10cm,
    own: row.own,
  });

  return {
    ensureShippedContent,

    async searchConditions(clinicId: string | null, query: TConditionQuery): Promise<TConditionList> {
      const { version } = await ensureShippedContent();
      const folded = query.q ? foldText(query.q) : '';
      if (!folded) {
        const rows = await repo.listConditions(database.db, clinicId);
        return { version, items: rows.slice(0, query.limit).map(toSummary) };
      }
      const search = { folded, icdPrefix: icdPrefixOf(query.q ?? '') };
      const rows = await database.db.transaction(async (tx) => {
        await repo.setWordSimilarityThreshold(tx);
        return repo.searchConditions(tx, clinicId, search, query.limit);
      });
      const ranked = rows
        .map((row) => ({ row, rank: matchRank(search, row, row.similarity) }))
        .sort((a, b) => b.rank - a.rank || a.row.name.localeCompare(b.row.name));
      return { version, items: ranked.map(({ row }) => toSummary(row)) };
    },

    async getCondition(clinicId: string | null, id: string): Promise<Condition> {
      await ensureShippedContent();
      const condition = await repo.findCondition(database.db, clinicId, id);
      if (!condition) throw notFound(`The condition "${id}"`);
      return condition;
    },

    /** The client education sheet PDF of a condition. */
    async educationSheet(
      clinicId: string | null,
      id: string,
    ): Promise<{ pdf: Uint8Array; fileName: string }> {
      const condition = await this.getCondition(clinicId, id);
      const pdf = await renderEducationSheetPdf(
        educationSheetFor(condition, 'Palpa · client information'),
        await loadReportFonts(),
      );
      return { pdf, fileName: `${condition.id}-client-information.pdf` };
    },

    /**
     * Adds or replaces the clinic's own version of a condition. Using a shipped id overrides the shipped
     * condition for this clinic; later updates of the shipped content never touch it.
     */
    async saveOwnCondition(ctx: RequestContext, id: string, condition: Condition): Promise<Condition> {
      await ensureShippedContent();
      if (condition.id !== id)
        throw new AppError('validation', 'The condition id must match the address.', {
          errors: [{ path: 'id', message: `Use "${id}".` }],
        });
      await checkOwnCondition(condition);
      await database.db.transaction(async (tx) => {
        await repo.upsertClinicCondition(tx, ctx.clinicId, condition, ctx.now);
        await recordAudit(tx, ctx, {
          action: 'library.condition_saved',
          entityType: 'library_condition',
          detail: { id },
        });
      });
      return condition;
    },

    /** Removes the clinic's own version; a shipped condition of the same id shows again. */
    async removeOwnCondition(ctx: RequestContext, id: string): Promise<void> {
      await database.db.transaction(async (tx) => {
        if (!(await repo.deleteClinicCondition(tx, ctx.clinicId, id)))
          throw notFound(`Your clinic's own condition "${id}"`);
        await recordAudit(tx, ctx, {
          action: 'library.condition_removed',
          entityType: 'library_condition',
          detail: { id },
        });
      });
    },

    /** Where the library says more about a screening rule's caution: conditions and techniques naming it. */
    async cautionLinks(clinicId: string | null, ruleId: string) {
      await ensureShippedContent();
      const found = await repo.referencingRule(database.db, clinicId, ruleId);
      return {
        ruleId,
        conditions: found.conditions.map((c) => ({ id: c.slug, name: c.name })),
        techniques: found.techniques.map((t) => ({ id: t.slug, name: t.name })),
      };
    },

    async listTechniques(): Promise<Technique[]> {
      await ensureShippedContent();
      return repo.listTechniques(database.db);
    },

    /** Conditions matching a prescription's ICD-10-CM codes, best first. */
    async suggest(clinicId: string | null, codes: string[]) {
      await ensureShippedContent();
      const rows = await repo.listConditions(database.db, clinicId);
      return {
        items: suggestConditions(rows, codes).map(({ condition, score, matchedCodes }) => ({
          ...toSummary(condition),
          score,
          matchedCodes,
        })),
      };
    },
  };
}
export type LibraryService = ReturnType<typeof createLibraryService>;
