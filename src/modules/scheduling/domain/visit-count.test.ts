import { describe, expect, it } from 'vitest';
import { visitStandings, type EpisodeVisit } from './visit-count.js';

const PRESCRIPTION = { id: 'rx1', writtenOn: '2026-10-01', expiresOn: '2026-12-20', visitsAuthorised: 12 };
const RULE = { everyVisits: 10, everyDays: 30 };

function visits(dates: string[]): EpisodeVisit[] {
  return dates.map((date, i) => ({ key: `a${i + 1}`, date, at: i }));
}

describe('visitStandings ("visit n of N")', () => {
  it('numbers visits against the prescription and labels them as the calendar shows', () => {
    const map = visitStandings({
      prescriptions: [PRESCRIPTION],
      visits: visits(['2026-10-06', '2026-10-09', '2026-10-13', '2026-10-16', '2026-10-20']),
      assessments: [{ date: '2026-10-06' }],
      reEvaluation: RULE,
    });
    expect(map.get('a5')).toMatchObject({
      number: 5,
      authorised: 12,
      label: 'visit 5 of 12, prescription expires 2026-12-20',
      beyondAuthorisation: false,
      renewalDue: false,
      warnings: [],
    });
  });

  it('warns on the last visits, beyond the authorised number and after expiry', () => {
    const dates = Array.from({ length: 13 }, (_, i) => `2026-10-${String(5 + i * 2).padStart(2, '0')}`);
    const map = visitStandings({
      prescriptions: [PRESCRIPTION],
      visits: visits(dates),
      assessments: [],
      reEvaluation: RULE,
    });
    expect(map.get('a10')!.renewalDue).toBe(false);
    expect(map.get('a11')!.warnings).toEqual(['1 authorised visit left after this one.']);
    expect(map.get('a12')!.warnings).toEqual(['Last authorised visit: ask the prescriber for a renewal.']);
    expect(map.get('a13')).toMatchObject({
      beyondAuthorisation: true,
      warnings: ['Beyond the 12 authorised visits.'],
    });
    const late = visitStandings({
      prescriptions: [PRESCRIPTION],
      visits: visits(['2026-12-10', '2026-12-22']),
      assessments: [],
      reEvaluation: RULE,
    });
    expect(late.get('a1')!.warnings).toEqual(['The prescription expires on 2026-12-20.']);
    expect(late.get('a2')).toMatchObject({
      pastExpiry: true,
      warnings: ['After the prescription expired on 2026-12-20.'],
    });
  });

  it('starts counting again from a renewal written later, and flags visits no prescription covers', () => {
    const renewal = { id: 'rx2', writtenOn: '2026-11-01', expiresOn: '2027-01-31', visitsAuthorised: 8 };
    const map = visitStandings({
      prescriptions: [PRESCRIPTION, renewal],
      visits: visits(['2026-09-28', '2026-10-20', '2026-11-03', '2026-11-05']),
      assessments: [],
      reEvaluation: RULE,
    });
    expect(map.get('a1')).toMatchObject({
      prescriptionId: null,
      label: 'visit 1',
      warnings: ['No prescription covers this date.'],
    });
    expect(map.get('a2')!.label).toBe('visit 1 of 12, prescription expires 2026-12-20');
    expect(map.get('a4')!.label).toBe('visit 2 of 8, prescription expires 2027-01-31');
  });

  it('shows a re-evaluation due on the 10th visit since the last assessment, or 30 days after it', () => {
    const dates = Array.from({ length: 10 }, (_, i) => `2026-10-${String(2 + i * 2).padStart(2, '0')}`);
    const byVisits = visitStandings({
      prescriptions: [PRESCRIPTION],
      visits: visits(dates),
      assessments: [{ date: '2026-10-02' }],
      reEvaluation: RULE,
    });
    expect(byVisits.get('a9')!.reEvaluationDue).toBe(false);
    expect(byVisits.get('a10')!.reEvaluationDue).toBe(true);
    const byDays = visitStandings({
      prescriptions: [PRESCRIPTION],
      visits: visits(['2026-10-02', '2026-10-31', '2026-11-01']),
      assessments: [{ date: '2026-10-02' }],
      reEvaluation: RULE,
    });
    expect(byDays.get('a2')!.reEvaluationDue).toBe(false);
    expect(byDays.get('a3')!.reEvaluationDue).toBe(true);
    const afterReEval = visitStandings({
      prescriptions: [PRESCRIPTION],
      visits: visits(['2026-10-02', '2026-11-01', '2026-11-03']),
      assessments: [{ date: '2026-10-02' }, { date: '2026-11-03' }],
      reEvaluation: RULE,
    });
    expect(afterReEval.get('a3')!.reEvaluationDue).toBe(false);
  });
});
