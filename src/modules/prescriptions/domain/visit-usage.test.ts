import { describe, expect, it } from 'vitest';
import { allocateSessions, prescriptionUsage, type PrescriptionTerms } from './visit-usage.js';

const first: PrescriptionTerms = {
  id: 'rx1',
  writtenOn: '2026-10-01',
  expiresOn: '2026-12-31',
  visitsAuthorised: 12,
};
const renewal: PrescriptionTerms = {
  id: 'rx2',
  writtenOn: '2026-11-15',
  expiresOn: '2027-01-31',
  visitsAuthorised: 6,
};

describe('allocateSessions', () => {
  it('counts each session against the newest prescription written by then', () => {
    const counts = allocateSessions(
      [first, renewal],
      ['2026-09-30', '2026-10-02', '2026-11-14', '2026-11-15', '2026-11-20'],
    );
    expect(counts.get('rx1')).toBe(2);
    expect(counts.get('rx2')).toBe(2);
  });
});

describe('prescriptionUsage', () => {
  it.each([
    // [used, today, state, remaining, warning pattern]
    [3, '2026-11-01', 'active', 9, null],
    [10, '2026-11-01', 'active', 2, /2 authorised visits left/],
    [11, '2026-11-01', 'active', 1, /1 authorised visit left/],
    [12, '2026-11-01', 'exhausted', 0, /All 12 authorised visits are used/],
    [13, '2026-11-01', 'exhausted', -1, /1 visit beyond the 12 authorised/],
    [3, '2026-12-17', 'active', 9, /Expires in 14 days \(Dec 31, 2026\)/],
    [3, '2026-12-31', 'active', 9, /Expires today/],
    [3, '2027-01-01', 'expired', 9, /Expired on Dec 31, 2026/],
    [3, '2026-09-01', 'not_yet_valid', 9, null],
  ] as const)('%i used on %s → %s', (used, today, state, remaining, warning) => {
    const usage = prescriptionUsage(first, used, today);
    expect(usage.state).toBe(state);
    expect(usage.remaining).toBe(remaining);
    if (warning) expect(usage.warnings.join(' ')).toMatch(warning);
    else expect(usage.warnings).toEqual([]);
  });

  it('has no remaining count when the prescription sets no visit limit', () => {
    const usage = prescriptionUsage({ ...first, visitsAuthorised: null, expiresOn: null }, 40, '2027-06-01');
    expect(usage).toEqual({ used: 40, remaining: null, state: 'active', warnings: [] });
  });
});
