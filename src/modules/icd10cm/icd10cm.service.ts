import type { Database, Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/app-error.js';
import { billabilityProblem, formatCode, normalizeCode, type CodeProblem } from './domain/icd10cm-code.js';
import { officialTermsFor, prefixTsquery } from './domain/lay-terms.js';
import { readOrderFile, SHIPPED_ORDER_FILE } from './icd10cm.loader.js';
import * as repo from './icd10cm.repository.js';
import type { TIcd10cmEntry, TIcd10cmSearchQuery, TIcd10cmSearchResult } from './icd10cm.schemas.js';

export type LoadResult = { edition: number; codes: number; loaded: boolean };

const LOAD_BATCH = 2_000;

export function createIcd10cmService(deps: { database: Database; now: () => Date }) {
  const { database } = deps;
  let shippedLoad: Promise<LoadResult> | undefined;

  /**
   * Loads an order file unless this exact file (by checksum) is already loaded. PGlite runs in this process's
   * thread, so the 98,000 rows go in batches with a pause between them: the server keeps answering while
   * the code list loads. The edition counts as loaded only when its last batch is in.
   */
  async function loadFile(file: string, edition?: number): Promise<LoadResult> {
    const orderFile = readOrderFile(file, edition);
    if ((await repo.findLoadedEditionBySha(database.db, orderFile.sha256)) === orderFile.edition) {
      return {
        edition: orderFile.edition,
        codes: await repo.countCodes(database.db, orderFile.edition),
        loaded: false,
      };
    }
    const entries = orderFile.entries();
    await database.db.transaction((tx) =>
      repo.beginEditionLoad(tx, orderFile.edition, orderFile.sha256, entries),
    );
    for (let start = 0; start < entries.length; start += LOAD_BATCH) {
      await repo.insertCodes(database.db, orderFile.edition, entries.slice(start, start + LOAD_BATCH));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await repo.finishEditionLoad(database.db, orderFile.edition, deps.now());
    return { edition: orderFile.edition, codes: entries.length, loaded: true };
  }

  /** Loads the shipped edition once per database (a no-op when its checksum is already there). */
  const ensureShippedEdition = (): Promise<LoadResult> => (shippedLoad ??= loadFile(SHIPPED_ORDER_FILE));

  async function currentEdition(db: Db = database.db): Promise<number> {
    const edition = await repo.latestEdition(db);
    if (edition !== undefined) return edition;
    // First start: the code list is still loading; wait for it rather than answer empty.
    return (await ensureShippedEdition()).edition;
  }

  async function problemFor(
    code: string,
    edition: number,
    db: Db = database.db,
  ): Promise<{ entry: repo.CodeRow | undefined; problem: CodeProblem | undefined }> {
    const normalized = normalizeCode(code);
    const entry = normalized ? await repo.findCode(db, edition, normalized) : undefined;
    const descendants =
      normalized && !entry?.billable
        ? (await repo.codesWithPrefix(db, edition, normalized, { billableOnly: true, limit: 6 })).map(
            (r) => r.code,
          )
        : [];
    const problem = billabilityProblem(
      code,
      entry && { ...entry, shortDescription: entry.description, longDescription: entry.description },
      descendants,
    );
    return { entry, problem };
  }

  return {
    loadFile,
    ensureShippedEdition,

    async search(query: TIcd10cmSearchQuery): Promise<TIcd10cmSearchResult> {
      const edition = await currentEdition();
      const options = { billableOnly: query.billable === 'only', limit: query.limit };
      const code = normalizeCode(query.q);
      let rows: repo.CodeRow[] = [];
      if (code) rows = await repo.codesWithPrefix(database.db, edition, code, options);
      if (rows.length === 0) {
        const queries = [prefixTsquery(query.q), prefixTsquery(officialTermsFor(query.q) ?? '')].filter(
          (q): q is string => q !== undefined,
        );
        if (queries.length > 0) rows = await repo.searchTitles(database.db, edition, queries, options);
      }
      return {
        edition,
        items: rows.map((row) => ({
          code: formatCode(row.code),
          description: row.description,
          billable: row.billable,
        })),
      };
    },

    async lookup(code: string): Promise<TIcd10cmEntry> {
      const edition = await currentEdition();
      const { entry, problem } = await problemFor(code, edition);
      if (!entry) throw new AppError('not_found', problem?.message ?? `${code} is not an ICD-10-CM code.`);
      return {
        code: formatCode(entry.code),
        description: entry.description,
        billable: entry.billable,
        edition,
        problem: problem?.message ?? null,
        suggestions: problem && 'suggestions' in problem ? problem.suggestions : [],
      };
    },

    /** For prescriptions and claims: why a code cannot be billed, or undefined. */
    /**
     * Why a code cannot be billed (undefined when it can). Inside a transaction pass its handle: PGlite has
     * one connection, so a second query outside the transaction would wait for it forever.
     */
    async billabilityProblem(code: string, db: Db = database.db): Promise<CodeProblem | undefined> {
      return (await problemFor(code, await currentEdition(db), db)).problem;
    },

    /**
     * The code set in force on a date of service: ICD-10-CM fiscal year N runs from October 1 of N−1 to
     * September 30 of N (CDC/NCHS). `exact` is false when that year's file is not loaded and the nearest
     * older one answers instead.
     */
    async editionFor(
      serviceDate: string,
      db: Db = database.db,
    ): Promise<{ fiscalYear: number; edition: number; exact: boolean }> {
      const year = Number(serviceDate.slice(0, 4));
      const fiscalYear = Number(serviceDate.slice(5, 7)) >= 10 ? year + 1 : year;
      const editions = await repo.loadedEditions(db);
      const edition = editions.find((e) => e <= fiscalYear) ?? editions.at(-1) ?? (await currentEdition(db));
      return { fiscalYear, edition, exact: edition === fiscalYear };
    },

    /** Why a code cannot be billed under a given edition (undefined when it can). */
    async billabilityProblemIn(
      code: string,
      edition: number,
      db: Db = database.db,
    ): Promise<CodeProblem | undefined> {
      return (await problemFor(code, edition, db)).problem;
    },
  };
}
export type Icd10cmService = ReturnType<typeof createIcd10cmService>;
