import type { Agent } from './test-app.js';

export const BILLING_PROFILE = {
  legalName: 'Riverside Medical Massage LLC',
  taxId: '37-1234567',
  taxIdType: 'EIN',
  billingNpi: '1234567893',
  taxonomy: '225700000X',
  address: { line1: '100 Main St', city: 'Springfield', state: 'IL', zip: '62701-1234' },
  phone: '217-555-0100',
  placeOfService: '11',
  acceptAssignment: true,
  submitterId: 'PALPA01',
  submitterContact: 'Billing Office',
  receiverId: 'CLEARHOUSE',
  receiverName: 'Example Clearinghouse',
  usage: 'T',
} as const;

export const HEALTH_PAYER = {
  name: 'Example Health Plan',
  payerId: '12345',
  address: { line1: 'PO Box 100', city: 'Chicago', state: 'IL', zip: '60601' },
  claimType: 'health',
  filingIndicator: 'CI',
  unitMethod: 'cms',
  requiresGp: true,
  bundles97124With97140: false,
  requiresReferringProvider: true,
} as const;

export const AUTO_PAYER = {
  name: 'Lakeshore Auto Insurance',
  payerId: 'AUTO77',
  claimType: 'auto',
  filingIndicator: 'AM',
  unitMethod: 'per-code',
  requiresGp: false,
  bundles97124With97140: true,
  requiresReferringProvider: true,
} as const;

/** Valid-checksum NPI for a therapist (Luhn over 80840 + 9 digits). */
export const THERAPIST_NPI = '1679576722';

/** Billing profile, the therapist's NPI, a health payer and standard fees (97124 $50/unit, 97140 $60/unit). */
export async function setUpBilling(owner: Agent, therapistId: string) {
  const profile = await owner.put('/api/billing/profile', BILLING_PROFILE);
  if (profile.status !== 200) throw new Error(`profile failed: ${profile.status} ${profile.text}`);
  const provider = await owner.put(`/api/billing/providers/${therapistId}`, {
    npi: THERAPIST_NPI,
    taxonomy: '225700000X',
    licenseState: 'IL',
  });
  if (provider.status !== 200) throw new Error(`provider failed: ${provider.status} ${provider.text}`);
  const payer = await owner.post('/api/payers', HEALTH_PAYER);
  if (payer.status !== 201) throw new Error(`payer failed: ${payer.status} ${payer.text}`);
  for (const [code, feeCents] of [
    ['97124', 5000],
    ['97140', 6000],
    ['97112', 6000],
    ['97010', 1500],
  ] as const) {
    const fee = await owner.put('/api/billing/fees', { code, payerId: null, feeCents });
    if (fee.status !== 200) throw new Error(`fee failed: ${fee.status} ${fee.text}`);
  }
  return { payerId: payer.body.id as string };
}

export async function addPolicy(
  agent: Agent,
  clientId: string,
  payerId: string,
  fields: Record<string, unknown> = {},
) {
  const res = await agent.post(`/api/clients/${clientId}/policies`, {
    payerId,
    priority: 'primary',
    memberId: 'XYZ123456789',
    groupNumber: 'GRP001',
    relationship: 'self',
    ...fields,
  });
  if (res.status !== 201) throw new Error(`policy failed: ${res.status} ${res.text}`);
  return res.body.id as string;
}

/** Client demographics a claim needs (boxes 2, 3, 5). */
export const CLAIM_READY_CLIENT = {
  givenName: 'Jane',
  familyName: 'Doe',
  dateOfBirth: '1980-01-15',
  sex: 'female',
  phone: '217-555-0199',
  address: { line1: '200 Oak Ave', city: 'Springfield', region: 'IL', postalCode: '62702', country: 'US' },
};
