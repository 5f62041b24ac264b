/**
 * The billing API: set-up (profile, providers, payers, codes and fees), coverage, claims and batches,
 * remittances, the client ledger and the A/R reports. Types come from the server's schemas and pure domain
 * code, so both sides agree by construction. Files (PDF, X12) are fetched as blobs, so a refusal arrives as
 * a readable problem instead of a downloaded error page.
 */
import type { z } from 'zod';
import type {
  TBillingProfile,
  TCreatePayerRequest,
  TPayer,
  TProviderBillingId,
  TSaveBillingProfileRequest,
  TSaveFeeRequest,
  TServiceCodeEntry,
  TUpdatePayerRequest,
} from '../../modules/billing/billing.schemas.js';
import type { CodePairEdit } from '../../modules/billing/domain/billing-setup.js';
import type {
  TClaim,
  TClaimSummary,
  TCreateClaimRequest,
  TToBillItem,
  TTransitionRequest,
  TUpdateClaimRequest,
  ZBatchSummary,
} from '../../modules/claims/claims.schemas.js';
import type { ClaimStatus } from '../../modules/claims/domain/claim-lifecycle.js';
import type {
  TCase,
  TCreateCaseRequest,
  TCreatePolicyRequest,
  TPolicy,
  TUpdateCaseRequest,
  TUpdatePolicyRequest,
} from '../../modules/coverage/coverage.schemas.js';
import type { AgingReport, WriteOffReport } from '../../modules/ledger/domain/aging.js';
import type {
  TAdjustmentRequest,
  TLedgerEntry,
  TPaymentRequest,
  ZClientLedger,
} from '../../modules/ledger/ledger.schemas.js';
import type { PostingPlan } from '../../modules/remittance/domain/remittance-posting.js';
import { probeSession } from './accounts.js';
import { apiRequest, ApiError, type FieldError, type QueryValue } from './http.js';

export type BillingProfile = TBillingProfile;
export type BillingProfileInput = TSaveBillingProfileRequest;
export type ProviderBillingId = TProviderBillingId;
export type Payer = TPayer;
export type PayerInput = TCreatePayerRequest;
export type ServiceCodeEntry = TServiceCodeEntry;
export type CodePairEdits = { source: 'shipped' | 'clinic'; edits: CodePairEdit[] };
export type Claim = TClaim;
export type ClaimLine = TClaim['lines'][number];
export type ScrubProblem = NonNullable<TClaim['problems']>[number];
export type ClaimSummary = TClaimSummary;
export type ClaimUpdate = TUpdateClaimRequest;
export type ToBillItem = TToBillItem;
export type ClaimBatch = z.infer<typeof ZBatchSummary>;
export type Policy = TPolicy;
export type PolicyInput = TCreatePolicyRequest;
export type CoverageCase = TCase;
export type CaseInput = TCreateCaseRequest;
export type Coverage = { policies: Policy[]; cases: CoverageCase[] };
export type LedgerEntry = TLedgerEntry;
export type ClientLedger = z.infer<typeof ZClientLedger>;
export type PaymentInput = TPaymentRequest;
export type AdjustmentInput = TAdjustmentRequest;
export type ArAging = AgingReport & { today: string };
export type WriteOffs = WriteOffReport;
export type Period = { from?: string | undefined; to?: string | undefined };

/** What posting an 835 did (remittance.service.ts RemittanceSummary). */
export type RemittanceSummary = {
  id: string;
  payerName: string | null;
  traceNumber: string | null;
  paymentDate: string | null;
  totalPaidCents: number;
  postedAt: string;
  plans: PostingPlan[];
  claimsPosted: number;
  claimsHeld: number;
  unmatchedItems: number;
  balanced: boolean;
};
export type RemittanceListItem = Omit<RemittanceSummary, 'plans' | 'claimsPosted' | 'claimsHeld'> & {
  claims: number;
};

const id = encodeURIComponent;

/** React Query keys: everything billing starts with 'billing', so one invalidation refreshes it all. */
export const billingKeys = {
  all: ['billing'] as const,
  profile: ['billing', 'profile'] as const,
  providers: ['billing', 'providers'] as const,
  payers: ['billing', 'payers'] as const,
  serviceCodes: ['billing', 'service-codes'] as const,
  codePairEdits: ['billing', 'code-pair-edits'] as const,
  toBill: ['billing', 'to-bill'] as const,
  claims: (filter: { status?: ClaimStatus | undefined; clientId?: string | undefined } = {}) =>
    ['billing', 'claims', filter] as const,
  claimLists: ['billing', 'claims'] as const,
  claim: (claimId: string) => ['billing', 'claim', claimId] as const,
  batches: ['billing', 'batches'] as const,
  remittances: ['billing', 'remittances'] as const,
  remittance: (remittanceId: string) => ['billing', 'remittance', remittanceId] as const,
  coverage: (clientId: string) => ['billing', 'coverage', clientId] as const,
  ledger: (clientId: string) => ['billing', 'ledger', clientId] as const,
  arAging: ['billing', 'ar-aging'] as const,
  writeOffs: (period: Period) => ['billing', 'write-offs', period] as const,
};

// Set-up
export const getBillingProfile = () => apiRequest<{ profile: BillingProfile | null }>('/billing/profile');
export const saveBillingProfile = (input: BillingProfileInput) =>
  apiRequest<BillingProfile>('/billing/profile', { method: 'PUT', body: input });
export const listProviders = () => apiRequest<{ items: ProviderBillingId[] }>('/billing/providers');
export const saveProvider = (
  userId: string,
  input: { npi: string; taxonomy: string; licenseState?: string | null },
) => apiRequest<ProviderBillingId>(`/billing/providers/${id(userId)}`, { method: 'PUT', body: input });
export const listPayers = () => apiRequest<{ items: Payer[] }>('/payers');
export const createPayer = (input: PayerInput) =>
  apiRequest<Payer>('/payers', { method: 'POST', body: input });
export const updatePayer = (payerId: string, input: TUpdatePayerRequest) =>
  apiRequest<Payer>(`/payers/${id(payerId)}`, { method: 'PATCH', body: input });
export const listServiceCodes = () => apiRequest<{ items: ServiceCodeEntry[] }>('/billing/service-codes');
export const saveServiceCode = (code: string, input: { description: string; timed: boolean }) =>
  apiRequest<ServiceCodeEntry>(`/billing/service-codes/${id(code)}`, { method: 'PUT', body: input });
export const saveFee = (input: TSaveFeeRequest) =>
  apiRequest<ServiceCodeEntry>('/billing/fees', { method: 'PUT', body: input });
export const getCodePairEdits = () => apiRequest<CodePairEdits>('/billing/code-pair-edits');

// Claims
export const getToBill = () => apiRequest<{ items: ToBillItem[] }>('/billing/to-bill');
export const listClaims = (filter: { status?: ClaimStatus | undefined; clientId?: string | undefined }) =>
  apiRequest<{ items: ClaimSummary[] }>('/claims', { query: filter });
export const createClaim = (input: TCreateClaimRequest) =>
  apiRequest<Claim>('/claims', { method: 'POST', body: input });
export const getClaim = (claimId: string) => apiRequest<Claim>(`/claims/${id(claimId)}`);
export const updateClaim = (claimId: string, input: ClaimUpdate) =>
  apiRequest<Claim>(`/claims/${id(claimId)}`, { method: 'PATCH', body: input });
export const deleteClaim = (claimId: string) =>
  apiRequest<void>(`/claims/${id(claimId)}`, { method: 'DELETE' });
export const scrubClaim = (claimId: string) =>
  apiRequest<{ problems: ScrubProblem[]; ready: boolean }>(`/claims/${id(claimId)}/scrub`, {
    method: 'POST',
  });
export const transitionClaim = (claimId: string, input: TTransitionRequest) =>
  apiRequest<Claim>(`/claims/${id(claimId)}/status`, { method: 'POST', body: input });
export const resubmitClaim = (claimId: string, kind: 'correct' | 'void', note: string) =>
  apiRequest<Claim>(`/claims/${id(claimId)}/${kind}`, {
    method: 'POST',
    body: note.trim() ? { note: note.trim() } : {},
  });
export const listBatches = () => apiRequest<{ items: ClaimBatch[] }>('/claim-batches');

// Remittances
export const postRemittance = (file: string) =>
  apiRequest<RemittanceSummary>('/remittances', { method: 'POST', body: { file } });
export const listRemittances = () => apiRequest<{ items: RemittanceListItem[] }>('/remittances');
export const getRemittance = (remittanceId: string) =>
  apiRequest<RemittanceSummary>(`/remittances/${id(remittanceId)}`);

// Coverage
export const getCoverage = (clientId: string) => apiRequest<Coverage>(`/clients/${id(clientId)}/coverage`);
export const createPolicy = (clientId: string, input: PolicyInput) =>
  apiRequest<Policy>(`/clients/${id(clientId)}/policies`, { method: 'POST', body: input });
export const updatePolicy = (policyId: string, input: TUpdatePolicyRequest) =>
  apiRequest<Policy>(`/policies/${id(policyId)}`, { method: 'PATCH', body: input });
export const createCase = (clientId: string, input: CaseInput) =>
  apiRequest<CoverageCase>(`/clients/${id(clientId)}/cases`, { method: 'POST', body: input });
export const updateCase = (caseId: string, input: TUpdateCaseRequest) =>
  apiRequest<CoverageCase>(`/cases/${id(caseId)}`, { method: 'PATCH', body: input });

// Ledger
export const getLedger = (clientId: string) => apiRequest<ClientLedger>(`/clients/${id(clientId)}/ledger`);
export const recordPayment = (clientId: string, input: PaymentInput) =>
  apiRequest<ClientLedger>(`/clients/${id(clientId)}/payments`, { method: 'POST', body: input });
export const recordAdjustment = (clientId: string, input: AdjustmentInput) =>
  apiRequest<ClientLedger>(`/clients/${id(clientId)}/adjustments`, { method: 'POST', body: input });
export const chargeSelfPayVisit = (clientId: string, sessionNoteId: string) =>
  apiRequest<ClientLedger>(`/clients/${id(clientId)}/self-pay-charges`, {
    method: 'POST',
    body: { sessionNoteId },
  });
export const reverseEntry = (entryId: string, reason: string) =>
  apiRequest<ClientLedger>(`/ledger-entries/${id(entryId)}/reverse`, { method: 'POST', body: { reason } });

// Reports
export const getArAging = () => apiRequest<ArAging>('/reports/ar-aging');
export const getWriteOffs = (period: Period) =>
  apiRequest<WriteOffs>('/reports/write-offs', { query: period });

// ---------------------------------------------------------------------------------------------------------
// Files

export type FetchedFile = { blob: Blob; fileName: string; headers: Headers };

function fileNameFrom(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition)?.[1];
  if (star) return decodeURIComponent(star.trim().replace(/^"|"$/g, ''));
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1]?.trim() || fallback;
}

async function problemOf(response: Response): Promise<ApiError> {
  let problem: Record<string, unknown> = {};
  try {
    if ((response.headers.get('content-type') ?? '').includes('json'))
      problem = (await response.json()) as Record<string, unknown>;
  } catch {
    // not JSON after all: the generic message below
  }
  const errors = Array.isArray(problem.errors)
    ? (problem.errors as FieldError[]).filter((e) => typeof e?.path === 'string')
    : [];
  return new ApiError({
    status: response.status,
    code: typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
    title: typeof problem.title === 'string' ? problem.title : response.statusText || 'Error',
    detail:
      typeof problem.detail === 'string'
        ? problem.detail
        : response.status >= 500
          ? 'Palpa had a problem on its side. Please try again in a moment.'
          : `The server answered ${response.status}.`,
    errors,
    problem,
  });
}

/** A file from the API (PDF, X12) as a blob with its file name, or the server's problem as an ApiError. */
export async function fetchFile(
  path: string,
  options: { method?: 'GET' | 'POST'; body?: unknown; query?: Record<string, QueryValue> } = {},
  fallbackName = 'download',
): Promise<FetchedFile> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  let response: Response;
  try {
    response = await fetch(`/api${path}${search ? `?${search}` : ''}`, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        Accept: '*/*',
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network',
      title: 'No connection',
      detail: 'Palpa cannot be reached. Check the network connection and try again.',
    });
  }
  if (!response.ok) {
    const error = await problemOf(response);
    // Let the session layer notice an ended session (its own request reports the 401).
    if (response.status === 401) void probeSession().catch(() => undefined);
    throw error;
  }
  return {
    blob: await response.blob(),
    fileName: fileNameFrom(response, fallbackName),
    headers: response.headers,
  };
}

/** Hands a fetched file to the browser as a download. */
export function saveFile({ blob, fileName }: { blob: Blob; fileName: string }): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type Cms1500Form = 'full' | 'data-only';
export const cms1500File = (claimId: string, form: Cms1500Form, offset = { x: 0, y: 0 }) =>
  fetchFile(
    `/claims/${id(claimId)}/cms1500.pdf`,
    {
      query: {
        form,
        offsetX: form === 'data-only' ? offset.x : undefined,
        offsetY: form === 'data-only' ? offset.y : undefined,
      },
    },
    'cms1500.pdf',
  );
export const x837File = (claimId: string) => fetchFile(`/claims/${id(claimId)}/837p`, {}, 'claim.837p.txt');
export const sendReadyClaims = (claimIds?: string[]) =>
  fetchFile('/claim-batches', { method: 'POST', body: claimIds ? { claimIds } : {} }, 'batch.837p.txt');
export const batchFile = (batchId: string) =>
  fetchFile(`/claim-batches/${id(batchId)}`, {}, 'batch.837p.txt');
export const statementFile = (clientId: string, period: Period) =>
  fetchFile(`/clients/${id(clientId)}/statement.pdf`, { query: period }, 'statement.pdf');
export const superbillFile = (clientId: string, period: Period) =>
  fetchFile(`/clients/${id(clientId)}/superbill.pdf`, { query: period }, 'superbill.pdf');

/** The gaps the server found in a superbill (missing member ID, NPI, …), from X-Superbill-Problems. */
export function superbillProblems(headers: Headers): string[] {
  const raw = headers.get('x-superbill-problems');
  if (!raw) return [];
  try {
    const parsed = JSON.parse(decodeURIComponent(raw)) as unknown;
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}
