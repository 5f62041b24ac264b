import type { ClaimDocument } from './claim-document.js';

/**
 * Test support: a realistic claim to render, serialise and scrub. Neck pain after a car accident, treated at a
 * medical massage clinic on a physician's prescription and billed to the patient's health plan (box 10b: auto
 * accident in Oregon). The NPIs pass the Luhn check; all names, numbers and addresses are made up.
 * Returns a fresh object on every call, so a test may change it freely; `overrides` replaces top-level keys.
 */
export function sampleClaimDocument(overrides: Partial<ClaimDocument> = {}): ClaimDocument {
  return {
    id: 'clm_sample_0001',
    patientControlNumber: 'PALPA-000123',
    frequencyCode: '1',
    originalPayerClaimNumber: null,
    claimDate: '2026-11-25',
    billingProvider: {
      organizationName: 'Riverside Medical Massage LLC',
      npi: '1234567893',
      taxId: '93-1234567',
      taxIdType: 'EIN',
      taxonomy: '225700000X',
      address: {
        line1: '1200 Harbor Blvd',
        line2: 'Suite 4',
        city: 'Portland',
        state: 'OR',
        zip: '972013456',
      },
      phone: '(503) 555-0140',
    },
    renderingProvider: {
      givenName: 'Maya',
      familyName: 'Okafor',
      middleInitial: null,
      npi: '1679576722',
      taxonomy: '225700000X',
      credentials: 'LMT',
    },
    referringProvider: { givenName: 'Priya', familyName: 'Raman', middleInitial: 'K', npi: '1245319599' },
    serviceFacility: null,
    payer: {
      name: 'Example Health Plan',
      payerId: 'EXHP1',
      address: { line1: 'PO Box 4410', line2: null, city: 'Salem', state: 'OR', zip: '97309' },
      claimType: 'health',
    },
    subscriber: {
      sequence: 'P',
      givenName: 'Jordan',
      familyName: 'Reyes',
      middleInitial: 'A',
      memberId: 'XEH123456789',
      groupNumber: 'GRP00451',
      planName: 'Example Health Plan PPO',
      filingIndicator: '12',
      dateOfBirth: '1984-03-07',
      sex: 'F',
      address: { line1: '4410 SE Division St', line2: 'Apt 2', city: 'Portland', state: 'OR', zip: '97206' },
      phone: '503-555-0123',
      organizationName: null,
    },
    patient: {
      givenName: 'Jordan',
      familyName: 'Reyes',
      middleInitial: 'A',
      relationshipToSubscriber: 'self',
      dateOfBirth: '1984-03-07',
      sex: 'F',
      address: { line1: '4410 SE Division St', line2: 'Apt 2', city: 'Portland', state: 'OR', zip: '97206' },
      phone: '503-555-0123',
    },
    otherInsurance: null,
    accident: { relatedCause: 'AA', state: 'OR', propertyCasualtyClaimNumber: null, date: '2026-08-21' },
    onsetDate: '2026-08-21',
    initialTreatmentDate: '2026-09-02',
    priorAuthorizationNumber: 'PA2026091701',
    // Cervicalgia; other specified disorders of muscle (myofascial), multiple sites; cervical sprain, subsequent.
    diagnoses: ['M54.2', 'M62.838', 'S13.4XXD'],
    placeOfService: '11',
    acceptAssignment: true,
    releaseOfInformation: true,
    benefitsAssigned: true,
    lines: [
      {
        lineNumber: 1,
        lineControlNumber: 'PALPA-000123-1',
        serviceDate: '2026-11-18',
        code: '97140',
        modifiers: ['GP'],
        diagnosisPointers: [1, 3],
        units: 2,
        chargeCents: 12000,
        placeOfService: null,
        minutes: 30,
      },
      {
        lineNumber: 2,
        lineControlNumber: 'PALPA-000123-2',
        serviceDate: '2026-11-18',
        code: '97124',
        modifiers: ['GP'],
        diagnosisPointers: [2, 1],
        units: 1,
        chargeCents: 6000,
        placeOfService: null,
        minutes: 15,
      },
    ],
    totalChargeCents: 18000,
    amountPaidCents: 0,
    ...overrides,
  };
}
