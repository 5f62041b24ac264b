/** Claims module: claims from signed notes, the scrubber, CMS-1500 and 837P, batches and the claim lifecycle. */
export { createClaimsService, type ClaimsService } from './claims.service.js';
export { claimsRoutes } from './claims.routes.js';
export {
  claimsByControlNumbers,
  claimLinesOf,
  linesOfClaims,
  findClaim,
  updateClaim,
  insertEvent,
  insertEvents,
  type ClaimRow,
  type ClaimLineRow,
} from './claims.repository.js';
export { CLAIM_STATUS_LABELS, canTransition, type ClaimStatus } from './domain/claim-lifecycle.js';
export type { ClaimDocument, PostalAddress } from './domain/claim-document.js';
export { formatCents } from './domain/claim-scrubber.js';
