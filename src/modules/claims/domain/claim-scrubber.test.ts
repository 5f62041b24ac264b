import { describe, expect, it } from 'vitest';
import type { ClaimDocument } from './claim-document.js';
import { hasBlockingProblems, scrubClaim, type PayerRules, type ScrubInput } from './claim-scrubber.js';
import { sampleClaimDocument } from './sample-claim.js';

const HEALTH: PayerRules = {
  claimType: 'health',
  unitMethod: 'cms',
  requiresGp: true,
  bundles97124With97140: false,
  requiresReferringProvider: true,
};

/** 97140 30 min + 97124 15 min = 45 timed minutes → 3 units (2 + 1), as the sample claim bills. */
function input(claim: ClaimDocument = sampleClaimDocument(), changes: Partial<ScrubInput> = {}): ScrubInput {
  return {
    claim,
    payer: HEALTH,
    sessionsByLine: Object.fromEntries(
      claim.lines.map((line) => [
        line.lineNumber,
        {
          noteId: 'note-1',
          serviceDate: '2026-11-18',
          signed: true,
          services: [
            { code: '97140', minutes: 30, timed: true, regions: ['neck_left_posterior'] },
            { code: '97124', minutes: 15, timed: true, regions: ['upper_back_left'] },
          ],
        },
      ]),
    ),
    prescription: {
      writtenOn: '2026-09-01',
      expiresOn: '2026-12-31',
      visitsAuthorised: 12,
      visitNumberByDate: { '2026-11-18': 5 },
    },
    diagnosisProblems: {},
    codePairEdits: [{ column1: '97530', column2: '97140', modifierIndicator: '1', source: 'NCCI' }],
    today: '2026-11-25',
    ...changes,
  };
}

const rules = (i: ScrubInput) => scrubClaim(i).map((p) => p.rule);
const claimWith = (change: (claim: ClaimDocument) => void) => {
  const claim = sampleClaimDocument();
  change(claim);
  return claim;
};

describe('the claim scrubber', () => {
  it('passes a clean claim', () => {
    expect(scrubClaim(input())).toEqual([]);
  });

  it.each<[string, ScrubInput, string[]]>([
    [
      'billing NPI fails its check digit',
      input(claimWith((c) => (c.billingProvider.npi = '1234567890'))),
      ['npi.billing.invalid'],
    ],
    [
      'rendering NPI missing',
      input(claimWith((c) => (c.renderingProvider.npi = ''))),
      ['npi.rendering.missing'],
    ],
    [
      'referring provider missing',
      input(claimWith((c) => (c.referringProvider = null))),
      ['referring.missing'],
    ],
    [
      'referring NPI mistyped',
      input(claimWith((c) => (c.referringProvider!.npi = '1245319590'))),
      ['npi.referring.invalid'],
    ],
    [
      'diagnosis not billable (a header / missing 7th character)',
      input(undefined, { diagnosisProblems: { 'S13.4XXD': 'S13.4 needs a 7th character.' } }),
      ['diagnosis.not_billable'],
    ],
    [
      'pointer to a diagnosis that is not there',
      input(claimWith((c) => (c.lines[0]!.diagnosisPointers = [1, 5]))),
      ['pointer.out_of_range'],
    ],
    [
      'five pointers on a line',
      input(claimWith((c) => (c.lines[0]!.diagnosisPointers = [1, 2, 3, 1, 2]))),
      ['pointer.too_many', 'pointer.duplicate'],
    ],
    ['no pointer', input(claimWith((c) => (c.lines[1]!.diagnosisPointers = []))), ['pointer.missing']],
    [
      'GP missing where the payer requires it',
      input(claimWith((c) => (c.lines[1]!.modifiers = []))),
      ['modifier.gp_missing'],
    ],
    [
      '59 with an X modifier',
      input(claimWith((c) => (c.lines[1]!.modifiers = ['GP', '59', 'XS']))),
      ['modifier.59_with_x'],
    ],
    [
      'units not matching the minutes (3 units billed on 30 minutes)',
      input(
        claimWith((c) => {
          c.lines[0]!.units = 3;
          c.lines[0]!.chargeCents = 18000;
          c.totalChargeCents = 24000;
        }),
      ),
      ['units.mismatch'],
    ],
    ['totals not adding up', input(claimWith((c) => (c.totalChargeCents = 17000))), ['totals.mismatch']],
    [
      'no charge (no fee)',
      input(
        claimWith((c) => {
          c.lines[1]!.chargeCents = 0;
          c.totalChargeCents = 12000;
        }),
      ),
      ['line.charge.missing'],
    ],
    [
      'unsigned note',
      input(undefined, {
        sessionsByLine: Object.fromEntries(
          [1, 2].map((n) => [n, { ...input().sessionsByLine[n]!, signed: false }]),
        ),
      }),
      ['note.unsigned', 'note.unsigned'],
    ],
    ['missing note', input(undefined, { sessionsByLine: {} }), ['note.missing', 'note.missing']],
    ['prescription missing', input(undefined, { prescription: null }), ['prescription.missing']],
    [
      'prescription expired',
      input(undefined, { prescription: { ...input().prescription!, expiresOn: '2026-11-01' } }),
      ['prescription.expired'],
    ],
    [
      'visits exhausted',
      input(undefined, {
        prescription: { ...input().prescription!, visitNumberByDate: { '2026-11-18': 13 } },
      }),
      ['prescription.visits_exhausted'],
    ],
    [
      'future date of service',
      input(undefined, {
        today: '2026-11-10',
        prescription: { ...input().prescription!, visitNumberByDate: {} },
      }),
      ['line.future_date', 'line.future_date'],
    ],
    [
      'corrected claim without the original number',
      input(claimWith((c) => (c.frequencyCode = '7'))),
      ['original_claim_number.missing'],
    ],
  ])('%s', (_label, scrubInput, expected) => {
    expect(rules(scrubInput)).toEqual(expected);
  });

  it('says what is wrong in plain words, naming the line and field', () => {
    const [problem] = scrubClaim(input(claimWith((c) => (c.lines[1]!.modifiers = []))));
    expect(problem).toEqual({
      rule: 'modifier.gp_missing',
      severity: 'error',
      field: 'lines[2].modifiers',
      message: 'Line 2 (97124 on 2026-11-18): this payer requires the GP modifier on therapy codes.',
    });
  });

  it('explains a unit mismatch with the arithmetic', () => {
    const claim = claimWith((c) => {
      c.lines[0]!.units = 3;
      c.lines[0]!.chargeCents = 18000;
      c.totalChargeCents = 24000;
    });
    expect(scrubClaim(input(claim))[0]!.message).toContain(
      '3 units billed, but 30 documented minutes give 2 by the CMS 8-minute rule (45 timed minutes → 3 units: 97140 ×2, 97124 ×1',
    );
  });

  describe('code pairs', () => {
    const withActivities = (modifiers: string[]) =>
      claimWith((c) => {
        c.lines.push({
          ...c.lines[0]!,
          lineNumber: 3,
          code: '97530',
          modifiers: ['GP'],
          units: 1,
          chargeCents: 5000,
        });
        c.lines[0]!.modifiers = modifiers;
        c.totalChargeCents += 5000;
      });
    const services = (claim: ClaimDocument) => ({
      sessionsByLine: Object.fromEntries(
        claim.lines.map((l) => [
          l.lineNumber,
          {
            noteId: 'note-1',
            serviceDate: '2026-11-18',
            signed: true,
            services: [
              { code: '97140', minutes: 30, timed: true, regions: [] },
              { code: '97124', minutes: 15, timed: true, regions: [] },
              { code: '97530', minutes: 15, timed: true, regions: [] },
            ],
          },
        ]),
      ),
    });

    it('asks for a distinct-service modifier on the column-2 code of an indicator-1 pair', () => {
      const claim = withActivities(['GP']);
      const found = scrubClaim(input(claim, services(claim)));
      expect(found.map((p) => [p.rule, p.field])).toEqual([['ncci.modifier_needed', 'lines[1].modifiers']]);
    });

    it('accepts 59 or XU when the note shows separate time blocks', () => {
      const claim = withActivities(['GP', 'XU']);
      expect(rules(input(claim, services(claim)))).toEqual([]);
    });

    it('refuses indicator-0 pairs outright', () => {
      const claim = withActivities(['GP', '59']);
      const found = rules(
        input(claim, {
          ...services(claim),
          codePairEdits: [{ column1: '97530', column2: '97140', modifierIndicator: '0', source: 'test' }],
        }),
      );
      expect(found).toEqual(['ncci.never_together']);
    });

    it('applies a payer that bundles 97124 into 97140: XS needed, and only for different regions', () => {
      const bundling = { ...HEALTH, bundles97124With97140: true };
      expect(rules(input(undefined, { payer: bundling }))).toEqual(['payer.bundles_97124_97140']);
      const distinct = claimWith((c) => {
        c.lines[1]!.modifiers = ['GP', 'XS'];
        c.lines[0]!.regions = ['neck_left_posterior'];
        c.lines[1]!.regions = ['upper_back_left'];
      });
      expect(rules(input(distinct, { payer: bundling }))).toEqual([]);
      const sameRegion = claimWith((c) => {
        c.lines[1]!.modifiers = ['GP', 'XS'];
        c.lines[0]!.regions = ['neck_left_posterior'];
        c.lines[1]!.regions = ['neck_left_posterior'];
      });
      expect(rules(input(sameRegion, { payer: bundling }))).toEqual(['payer.bundles_same_region']);
    });
  });

  describe('auto and workers’ comp', () => {
    const auto: PayerRules = { ...HEALTH, claimType: 'auto', requiresGp: false };
    const wc: PayerRules = { ...HEALTH, claimType: 'workers_comp', requiresGp: false };

    it('needs the case: claim number, injury date, and the accident state for auto', () => {
      expect(
        rules(
          input(
            claimWith((c) => (c.accident = null)),
            { payer: auto },
          ),
        ),
      ).toEqual(['case.missing']);
      expect(
        rules(
          input(
            claimWith(
              (c) =>
                (c.accident = {
                  relatedCause: 'AA',
                  state: null,
                  propertyCasualtyClaimNumber: null,
                  date: null,
                }),
            ),
            { payer: auto },
          ),
        ),
      ).toEqual(['case.claim_number.missing', 'case.injury_date.missing', 'case.state.missing']);
    });

    it('blocks Florida PIP for massage (Fla. Stat. 627.736(1)(a)5)', () => {
      const claim = claimWith(
        (c) =>
          (c.accident = {
            relatedCause: 'AA',
            state: 'FL',
            propertyCasualtyClaimNumber: 'PIP-1',
            date: '2026-08-21',
          }),
      );
      expect(rules(input(claim, { payer: auto }))).toEqual(['state.fl_pip_massage']);
    });

    it("needs the employer on a workers' comp claim", () => {
      const claim = claimWith(
        (c) =>
          (c.accident = {
            relatedCause: 'EM',
            state: 'OR',
            propertyCasualtyClaimNumber: 'WC-9',
            date: '2026-08-21',
          }),
      );
      expect(rules(input(claim, { payer: wc }))).toEqual(['case.employer.missing']);
      claim.subscriber.organizationName = 'Acme Logistics';
      expect(rules(input(claim, { payer: wc }))).toEqual([]);
    });
  });

  it('per-code payers are checked by the per-code rule', () => {
    const perCode = { ...HEALTH, unitMethod: 'per-code' as const };
    // Per code: 97140 30 min → 2, 97124 15 min → 1: the same as billed.
    expect(rules(input(undefined, { payer: perCode }))).toEqual([]);
  });

  it('a warning alone does not block', () => {
    const found = scrubClaim(input(claimWith((c) => (c.patient.sex = 'U'))));
    expect(found.map((p) => p.severity)).toEqual(['warning']);
    expect(hasBlockingProblems(found)).toBe(false);
  });
});
