/**
 * The billing part of the client page (for roles with billing:read): insurance policies and accident
 * cases, and the client's account (ledger, payments, statements and superbills).
 */
import { CoverageSection } from './CoverageSection.js';
import { LedgerSection } from './LedgerSection.js';

export function ClientBilling({ clientId, clientName }: { clientId: string; clientName: string }) {
  return (
    <>
      <CoverageSection clientId={clientId} clientName={clientName} />
      <LedgerSection clientId={clientId} clientName={clientName} />
    </>
  );
}
