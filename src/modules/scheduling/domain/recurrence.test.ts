import { describe, expect, it } from 'vitest';
import {
  describeRecurrence,
  expandRecurrence,
  fromLocal,
  localDifference,
  parseRecurrence,
  ruleFromFrequency,
  shiftLocal,
  toLocal,
} from './recurrence.js';

const NY = 'America/New_York';

describe('expandRecurrence in the clinic time zone', () => {
  it('keeps a weekly 10:00 series at 10:00 local across the end of daylight saving (Nov 1, 2026)', () => {
    const occurrences = expandRecurrence({
      rule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=6',
      firstStart: new Date('2026-10-26T10:00:00-04:00'),
      durationMinutes: 60,
      zone: NY,
    });
    expect(occurrences.map((o) => `${o.local.date} ${o.local.time}`)).toEqual([
      '2026-10-26 10:00',
      '2026-10-29 10:00',
      '2026-11-02 10:00',
      '2026-11-05 10:00',
      '2026-11-09 10:00',
      '2026-11-12 10:00',
    ]);
    // The UTC instants move by an hour when the offset goes from -04:00 to -05:00.
    expect(occurrences[1]!.start.toISOString()).toBe('2026-10-29T14:00:00.000Z');
    expect(occurrences[2]!.start.toISOString()).toBe('2026-11-02T15:00:00.000Z');
    expect(occurrences[2]!.end.toISOString()).toBe('2026-11-02T16:00:00.000Z');
  });

  it('keeps local time across the start of daylight saving (Mar 8, 2026) and in Europe (Oct 25, 2026)', () => {
    const spring = expandRecurrence({
      rule: 'FREQ=WEEKLY;COUNT=2',
      firstStart: new Date('2026-03-02T09:30:00-05:00'),
      durationMinutes: 45,
      zone: NY,
    });
    expect(spring.map((o) => o.start.toISOString())).toEqual([
      '2026-03-02T14:30:00.000Z',
      '2026-03-09T13:30:00.000Z',
    ]);
    const berlin = expandRecurrence({
      rule: 'FREQ=DAILY;INTERVAL=7;COUNT=2',
      firstStart: new Date('2026-10-20T08:00:00+02:00'),
      durationMinutes: 30,
      zone: 'Europe/Berlin',
    });
    expect(berlin.map((o) => o.local.time)).toEqual(['08:00', '08:00']);
    expect(berlin[1]!.start.toISOString()).toBe('2026-10-27T07:00:00.000Z');
  });

  it('reads UNTIL as the wall-clock time it names in the zone, and caps an open rule', () => {
    const until = expandRecurrence({
      rule: 'FREQ=WEEKLY;UNTIL=20261109T150000Z',
      firstStart: new Date('2026-10-26T10:00:00-04:00'),
      durationMinutes: 60,
      zone: NY,
    });
    expect(until.map((o) => o.local.date)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09']);
    const open = expandRecurrence({
      rule: 'FREQ=DAILY',
      firstStart: new Date('2026-10-26T10:00:00-04:00'),
      durationMinutes: 60,
      zone: NY,
    });
    expect(open).toHaveLength(104);
  });

  it('moves a time that does not exist (the skipped hour) forward, as RFC 5545 says', () => {
    expect(fromLocal({ date: '2026-03-08', time: '02:30' }, NY).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });
});

describe('parseRecurrence', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12', null],
    ['RRULE:FREQ=WEEKLY;COUNT=3', null],
    ['BYDAY=MO', 'FREQ'],
    ['FREQ=HOURLY;COUNT=3', 'daily'],
    ['FREQ=WEEKLY;BYDAY=XX', 'cannot be read'],
    ['DTSTART=20260101T100000Z;FREQ=WEEKLY', 'DTSTART'],
  ])('%s', (rule, problem) => {
    const result = parseRecurrence(rule);
    if (problem === null) expect(result).toHaveProperty('rule');
    else expect('problem' in result && result.problem.message).toContain(problem);
  });
});

describe('ruleFromFrequency (the plan\'s "2×/week for 6 weeks")', () => {
  it.each([
    [2, 6, '2026-11-02', 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12'],
    [3, 4, '2026-11-02', 'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12'],
    [1, 8, '2026-11-04', 'FREQ=WEEKLY;BYDAY=WE;COUNT=8'],
    [2, 3, '2026-11-05', 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=6'],
    [5, 1, '2026-11-02', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=5'],
    [2, 2, '2026-11-07', 'FREQ=WEEKLY;BYDAY=TU,SA;COUNT=4'],
  ])('%i×/week for %i weeks from %s', (perWeek, weeks, firstDate, expected) => {
    expect(ruleFromFrequency({ perWeek, weeks, firstDate })).toBe(expected);
  });

  it('describes a rule in words', () => {
    expect(describeRecurrence('FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12')).toBe(
      'every week on Monday, Thursday for 12 times',
    );
  });
});

describe('wall-clock arithmetic', () => {
  it('shifts and compares local times without caring about offsets', () => {
    expect(shiftLocal({ date: '2026-10-31', time: '23:30' }, 1, 45)).toEqual({
      date: '2026-11-02',
      time: '00:15',
    });
    expect(
      localDifference({ date: '2026-10-29', time: '10:00' }, { date: '2026-10-30', time: '09:15' }),
    ).toEqual({
      days: 1,
      minutes: -45,
    });
    expect(toLocal(new Date('2026-11-02T15:00:00Z'), NY)).toEqual({ date: '2026-11-02', time: '10:00' });
  });
});
