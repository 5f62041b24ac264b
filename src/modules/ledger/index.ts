/** Ledger module: the append-only client ledger, payments, adjustments, statements, superbills, A/R. */
export { postLedgerEntries, type LedgerPosting } from './ledger.posting.js';
export { createLedgerService, balancesOf, type LedgerService } from './ledger.service.js';
export { ledgerRoutes } from './ledger.routes.js';
export { createLedgerDocuments, type LedgerDocuments } from './ledger.documents.js';
export {
  claimsWithCharges,
  entriesOfClaim,
  selfPayChargedNoteIds,
  type LedgerEntryRow,
} from './ledger.repository.js';
export * from './domain/ledger.js';
