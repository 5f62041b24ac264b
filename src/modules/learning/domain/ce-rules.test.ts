import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ceStatus, monthsOrPartMonths, ZCeRulesFile, type CeCourse } from './ce-rules.js';

const file = ZCeRulesFile.parse(
  JSON.parse(fs.readFileSync(new URL('../../../../content/learning/ce-rules.json', import.meta.url), 'utf8')),
);
const rule = (id: string) => file.rules.find((r) => r.id === id)!;
let n = 0;
const course = (
  completedOn: string,
  hours: number,
  category: string,
  format: CeCourse['format'] = 'in_person',
) => ({
  id: `c${++n}`,
  completedOn,
  hours,
  category,
  format,
});

describe('monthsOrPartMonths (Florida: one hour for each month or partial month licensed)', () => {
  it.each([
    ['2026-06-10', '2027-02-28', 9],
    ['2026-03-01', '2027-02-28', 12],
    ['2025-03-01', '2027-03-01', 24],
    ['2026-02-28', '2026-03-01', 1],
    ['2027-01-01', '2026-12-31', 0],
  ])('%s to %s: %i', (from, to, months) => expect(monthsOrPartMonths(from, to)).toBe(months));
});

describe('Florida', () => {
  it('first renewal: one hour per month or part-month licensed, including 2 h medical errors and 1 h human trafficking', () => {
    const status = ceStatus({
      rule: rule('fl-lmt'),
      licence: { issuedOn: '2026-06-10', expiresOn: '2027-02-28', firstRenewal: true },
      courses: [
        course('2026-09-01', 2, 'medical-errors', 'online'),
        course('2026-10-01', 4, 'general', 'online'),
      ],
      today: '2026-11-26',
    });
    expect(status.requiredHours).toBe(9);
    expect(status.countedHours).toBe(6);
    expect(status.categories).toEqual([
      { category: 'medical-errors', required: 2, done: 2, missing: 0, inPersonOnly: false },
      { category: 'human-trafficking', required: 1, done: 0, missing: 1, inPersonOnly: false },
    ]);
    expect(status.missingHours).toBe(3);
    expect(status.missing).toEqual(['1 h of human-trafficking', '2 h more of any approved CE']);
    expect(status.cycleStarts).toBe('2026-06-10');
  });

  it('first renewal after two years or more is capped at 24 hours', () => {
    const status = ceStatus({
      rule: rule('fl-lmt'),
      licence: { issuedOn: '2024-01-15', expiresOn: '2026-08-31', firstRenewal: true },
      courses: [],
      today: '2026-01-01',
    });
    expect(status.requiredHours).toBe(24);
  });

  it('later renewals: 24 hours with 12 in-person hands-on; online hands-on hours do not count for it', () => {
    const courses = [
      course('2025-09-01', 2, 'medical-errors', 'online'),
      course('2025-10-01', 2, 'laws-and-rules', 'online'),
      course('2025-11-01', 2, 'ethics', 'online'),
      course('2025-12-01', 1, 'human-trafficking', 'online'),
      course('2026-01-10', 8, 'hands-on', 'in_person'),
      course('2026-02-10', 6, 'hands-on', 'online'),
      course('2023-01-10', 12, 'hands-on', 'in_person'), // before this cycle
    ];
    const status = ceStatus({
      rule: rule('fl-lmt'),
      licence: { issuedOn: '2019-05-01', expiresOn: '2027-08-31', firstRenewal: false },
      courses,
      today: '2026-11-26',
    });
    expect(status.cycleStarts).toBe('2025-08-31');
    expect(status.requiredHours).toBe(24);
    expect(status.countedHours).toBe(21);
    expect(status.categories.find((c) => c.category === 'hands-on')).toEqual({
      category: 'hands-on',
      required: 12,
      done: 8,
      missing: 4,
      inPersonOnly: true,
    });
    expect(status.missingHours).toBe(4);
    expect(status.courseIds).toHaveLength(6);
    expect(status.state).toBe('in_progress');
  });
});

describe('Texas, New York, Hawaii, NCBTMB', () => {
  it('Texas: 12 hours per two-year term including the human trafficking course', () => {
    const status = ceStatus({
      rule: rule('tx-lmt'),
      licence: { issuedOn: null, expiresOn: '2027-01-31', firstRenewal: false },
      courses: [course('2026-05-01', 11, 'general', 'online')],
      today: '2026-11-26',
    });
    expect(status.requiredHours).toBe(12);
    expect(status.missing).toEqual(['1 h of human-trafficking']);
    expect(status.state).toBe('due_soon');
  });

  it('New York: exempt in the first registration period; later 36 hours with at most 12 self-study', () => {
    const first = ceStatus({
      rule: rule('ny-lmt'),
      licence: { issuedOn: '2025-01-01', expiresOn: '2027-12-31', firstRenewal: true },
      courses: [],
      today: '2026-11-26',
    });
    expect(first.exempt).toBe(true);
    expect(first.state).toBe('complete');
    const later = ceStatus({
      rule: rule('ny-lmt'),
      licence: { issuedOn: '2015-01-01', expiresOn: '2027-12-31', firstRenewal: false },
      courses: [
        course('2025-03-01', 20, 'general', 'online'),
        course('2026-03-01', 10, 'general', 'in_person'),
      ],
      today: '2026-11-26',
    });
    expect(later.countedHours).toBe(22);
    expect(later.missingHours).toBe(14);
  });

  it('Hawaii: 12 hours including 2 of first aid or CPR', () => {
    const status = ceStatus({
      rule: rule('hi-lmt'),
      licence: { issuedOn: null, expiresOn: '2026-06-30', firstRenewal: false },
      courses: [course('2025-01-01', 12, 'general')],
      today: '2026-11-26',
    });
    expect(status.missingHours).toBe(2);
    expect(status.state).toBe('overdue');
  });

  it('NCBTMB: 24 CEs with 3 ethics; self-care counts for at most 4', () => {
    const status = ceStatus({
      rule: rule('ncbtmb-bc'),
      licence: { issuedOn: null, expiresOn: '2027-06-30', firstRenewal: false },
      courses: [
        course('2026-01-01', 10, 'self-care'),
        course('2026-02-01', 3, 'ethics'),
        course('2026-03-01', 17, 'general'),
      ],
      today: '2026-11-26',
    });
    expect(status.countedHours).toBe(24);
    expect(status.state).toBe('complete');
  });
});
