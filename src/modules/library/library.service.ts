import type { Database } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/app-error.js';
import type { Condition, Technique } from './domain/library-content.js';
import { educationSheetFor } from './domain/education-sheet.js';
import { foldText, icdPrefixOf, matchRank, suggestConditions } from './domain/library-search.js';
import { loadReportFonts, renderEducationSheetPdf } from '../reports/index.js';
import { readLibraryContent, SHIPPED_LIBRARY_DIR } from './library.loader.js';
import * as repo from './library.repository.js';
import type { TConditionList, TConditionQuery } from './library.schemas.js';

export type LoadResult = { version: string; conditions: number; techniques: number; loaded: boolean };

export function createLibraryService(deps: { database: Database; now: () => Date; contentDir?: string }) {
  const { database } = deps;
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
    icd10cm: row.icd10cm,
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
