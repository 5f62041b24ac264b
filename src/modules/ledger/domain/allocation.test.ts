import { describe, expect, it } from 'vitest';
import { allocateOldestFirst, openPatientItems } from './allocation.js';

const entry = (id: string, fields: Partial<Parameters<typeof openPatientItems>[0][number]>) => ({
  id,
  bucket: 'patient',
  claimId: null,
  sessionNoteId: null,
  reversesEntryId: null,
  serviceDate: '2026-11-01',
  amountCents: 0,
  ...fields,
});

describe('applying an unattached payment oldest first', () => {
  const entries = [
    entry('a', { sessionNoteId: 'visit-2', serviceDate: '2026-10-10', amountCents: 16000 }),
    entry('b', { sessionNoteId: 'visit-1', serviceDate: '2026-09-01', amountCents: 11000 }),
    entry('c', { sessionNoteId: 'visit-1', serviceDate: '2026-09-01', amountCents: -5000 }),
    entry('d', { claimId: 'claim-1', serviceDate: '2026-09-20', amountCents: 2000 }),
    entry('e', { bucket: 'insurance', claimId: 'claim-1', serviceDate: '2026-09-20', amountCents: 30000 }),
    entry('f', { sessionNoteId: 'visit-3', serviceDate: '2026-08-01', amountCents: 5000 }),
    entry('g', { sessionNoteId: 'visit-3', serviceDate: '2026-08-01', amountCents: -5000 }),
  ];

  it('lists open patient items oldest first; settled and insurance items are left out', () => {
    expect(openPatientItems(entries).map((i) => [i.groupKey, i.openCents])).toEqual([
      ['visit-1', 6000],
      ['claim-1', 2000],
      ['visit-2', 16000],
    ]);
  });

  it.each([
    [5000, [['visit-1', 5000]]],
    [6000, [['visit-1', 6000]]],
    [
      9000,
      [
        ['visit-1', 6000],
        ['claim-1', 2000],
        ['visit-2', 1000],
      ],
    ],
    [
      30000,
      [
        ['visit-1', 6000],
        ['claim-1', 2000],
        ['visit-2', 16000],
        [null, 6000],
      ],
    ],
  ])('%i cents → %j', (amount, expected) => {
    const result = allocateOldestFirst(openPatientItems(entries), amount);
    expect(result.map((a) => [a.item?.groupKey ?? null, a.amountCents])).toEqual(expected);
    expect(result.reduce((sum, a) => sum + a.amountCents, 0)).toBe(amount);
  });

  it('with nothing open the whole amount is an unapplied credit', () => {
    expect(allocateOldestFirst([], 2500)).toEqual([{ item: null, amountCents: 2500 }]);
  });
});
