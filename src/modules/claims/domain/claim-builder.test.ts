import { describe, expect, it } from 'vitest';
import { buildClaimLines, splitPersonName } from './claim-builder.js';
import { allowedTransitions, canTransition, CLAIM_STATUSES, isActiveClaim } from './claim-lifecycle.js';

const session = (noteId: string, serviceDate: string, services: [string, number, boolean?][]) => ({
  noteId,
  serviceDate,
  signed: true,
  services: services.map(([code, minutes, timed = true]) => ({
    code,
    minutes,
    timed,
    regions: [`${code}-region`],
  })),
});
const fees: Record<string, number> = { '97124': 5000, '97140': 6000, '97010': 1500 };

describe('claim lines from signed notes', () => {
  it('one line per code per date, units by the payer’s method, charge = fee × units, GP when required', () => {
    const { lines, notBilled } = buildClaimLines({
      sessions: [
        session('n2', '2026-11-20', [
          ['97140', 25],
          ['97124', 15],
          ['97112', 10],
        ]),
        session('n1', '2026-11-18', [
          ['97124', 23],
          ['97140', 15],
          ['97010', 10, false],
        ]),
      ],
      method: 'cms',
      feeFor: (code) => fees[code] ?? null,
      requiresGp: true,
      diagnosisCount: 6,
      claimControlNumber: 'PAL0000001',
    });
    expect(
      lines.map((l) => [
        l.lineNumber,
        l.serviceDate,
        l.code,
        l.units,
        l.modifiers.join(','),
        l.chargeCents,
        l.lineControlNumber,
      ]),
    ).toEqual([
      [1, '2026-11-18', '97124', 2, 'GP', 10000, 'PAL0000001-1'],
      [2, '2026-11-18', '97140', 1, 'GP', 6000, 'PAL0000001-2'],
      [3, '2026-11-18', '97010', 1, 'GP', 1500, 'PAL0000001-3'],
      // 50 timed minutes → 3 units: full units 97140 ×1, 97124 ×1; the last unit is a tie of 10-minute
      // leftovers between 97140 and 97112 and goes to the lower code; 97112 has no fee set (charge 0).
      [4, '2026-11-20', '97140', 1, 'GP', 6000, 'PAL0000001-4'],
      [5, '2026-11-20', '97124', 1, 'GP', 5000, 'PAL0000001-5'],
      [6, '2026-11-20', '97112', 1, 'GP', 0, 'PAL0000001-6'],
    ]);
    expect(notBilled).toEqual([]);
    expect(lines[0]!.diagnosisPointers).toEqual([1, 2, 3, 4]);
  });

  it('lists codes that earn no unit instead of billing them, and charges 0 where no fee is set', () => {
    const { lines, notBilled } = buildClaimLines({
      sessions: [
        session('n1', '2026-11-18', [
          ['97140', 45],
          ['97124', 7],
        ]),
      ],
      method: 'per-code',
      feeFor: () => null,
      requiresGp: false,
      diagnosisCount: 1,
      claimControlNumber: 'PAL0000002',
    });
    expect(lines.map((l) => [l.code, l.units, l.chargeCents, l.modifiers, l.diagnosisPointers])).toEqual([
      ['97140', 3, 0, [], [1]],
    ]);
    expect(notBilled).toEqual([
      expect.objectContaining({ code: '97124', minutes: 7, serviceDate: '2026-11-18' }),
    ]);
  });
});

describe('prescriber names for box 17', () => {
  it.each([
    ['Dr. Robert J. Smith, MD', { givenName: 'Robert', familyName: 'Smith', middleInitial: 'J' }],
    ['Zoë Ødegård', { givenName: 'Zoë', familyName: 'Ødegård', middleInitial: null }],
    ['Marsh', { givenName: '', familyName: 'Marsh', middleInitial: null }],
    ['Doctor Helen Marsh, DO, PhD', { givenName: 'Helen', familyName: 'Marsh', middleInitial: null }],
  ])('%s', (name, expected) => {
    expect(splitPersonName(name)).toEqual(expected);
  });
});

describe('claim lifecycle', () => {
  it.each([
    ['draft', 'ready', true],
    ['draft', 'submitted', false],
    ['ready', 'submitted', true],
    ['submitted', 'paid', true],
    ['rejected', 'draft', true],
    ['paid', 'corrected', true],
    ['paid', 'draft', false],
    ['denied', 'appealed', true],
    ['appealed', 'paid', true],
    ['voided', 'paid', false],
    ['corrected', 'voided', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('every status has its exits listed, and the ends have none', () => {
    for (const status of CLAIM_STATUSES) expect(Array.isArray(allowedTransitions(status))).toBe(true);
    expect(allowedTransitions('voided')).toEqual([]);
    expect(allowedTransitions('corrected')).toEqual([]);
  });

  it('a rejected, corrected or voided claim no longer holds its visits', () => {
    expect(CLAIM_STATUSES.filter((s) => !isActiveClaim(s))).toEqual(['rejected', 'corrected', 'voided']);
  });
});
