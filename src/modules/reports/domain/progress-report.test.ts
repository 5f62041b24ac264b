import { describe, expect, it } from 'vitest';
import {
  chartScale,
  cleanLine,
  dateXPositions,
  dayNumber,
  formatDisplayDate,
  formatNumber,
  formatPeriod,
  formatScore,
  formatShortDate,
  formatSignedNumber,
  labelsToShow,
  measureBounds,
  niceStep,
  parseIsoDate,
  project,
  splitParagraphs,
  summarizeMeasure,
  truncateToWidth,
  visitsLine,
  wrapText,
  type OutcomeMeasure,
} from './progress-report.js';

/** A monospace "font": every character is 1 unit wide, so widths are easy to reason about. */
const mono = (s: string) => [...s].length;

describe('dates', () => {
  it('formats from the string parts, whatever the time zone', () => {
    expect(formatDisplayDate('2026-11-25')).toBe('Nov 25, 2026');
    expect(formatDisplayDate('2026-01-01')).toBe('Jan 1, 2026');
    expect(formatDisplayDate('2024-02-29')).toBe('Feb 29, 2024');
    expect(formatShortDate('2026-09-02')).toBe('Sep 2');
  });

  it('rejects what is not a calendar date', () => {
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '26-1-1',
      '2026-11-25T10:00',
    ]) {
      expect(() => parseIsoDate(bad), bad).toThrow();
    }
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('writes a period with one year when it does not span a new year', () => {
    expect(formatPeriod('2026-09-02', '2026-11-24')).toBe('Sep 2 – Nov 24, 2026');
    expect(formatPeriod('2025-12-20', '2026-01-31')).toBe('Dec 20, 2025 – Jan 31, 2026');
    expect(formatPeriod('2026-09-02', '2026-09-02')).toBe('Sep 2, 2026');
  });

  it('counts days like the calendar does (leap years, century rules)', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).toBe(1);
    expect(dayNumber('2027-01-01') - dayNumber('2026-01-01')).toBe(365);
    expect(dayNumber('1969-12-31')).toBe(-1);
    // Cross-check against UTC milliseconds (fine in a test: UTC has no time-zone shift).
    expect(dayNumber('2026-11-25')).toBe(Date.UTC(2026, 10, 25) / 86_400_000);
  });
});

describe('numbers', () => {
  it('keeps at most one decimal and uses a real minus sign', () => {
    expect(formatNumber(38)).toBe('38');
    expect(formatNumber(6.45)).toBe('6.5');
    expect(formatNumber(7.5)).toBe('7.5');
    expect(formatNumber(-22)).toBe('−22');
    expect(formatNumber(-0.01)).toBe('0');
    expect(formatSignedNumber(3.2)).toBe('+3.2');
    expect(formatSignedNumber(-22)).toBe('−22');
    expect(formatSignedNumber(0.01)).toBe('0');
    expect(formatScore(38, '%')).toBe('38%');
    expect(formatScore(6.5, 'points')).toBe('6.5 points');
  });

  it('says how many visits are used out of the authorization', () => {
    expect(visitsLine({ used: 8, authorised: 12 })).toBe('8 of 12 authorized visits used');
    expect(visitsLine({ used: 1, authorised: null })).toBe('1 visit used (no authorization limit)');
  });
});

describe('summarizeMeasure', () => {
  const ndi: OutcomeMeasure = {
    instrument: 'NDI',
    unit: '%',
    higherIsBetter: false,
    mcid: 7.5,
    points: [
      { date: '2026-10-07', score: 30 },
      { date: '2026-09-02', score: 38 },
      { date: '2026-11-24', score: 16 },
    ],
  };

  it('takes the earliest score as baseline and the latest as latest, whatever the input order', () => {
    const summary = summarizeMeasure(ndi);
    expect(summary.baseline).toEqual({ date: '2026-09-02', score: 38 });
    expect(summary.latest).toEqual({ date: '2026-11-24', score: 16 });
    expect(summary.change).toBe(-22);
    expect(summary.improvement).toBe(22);
    expect(summary.direction).toBe('improved');
    expect(summary.mcidReached).toBe(true);
  });

  it('turns the sign for instruments where higher is better, and counts exactly the MCID as reached', () => {
    const psfs = summarizeMeasure({
      instrument: 'PSFS',
      unit: 'points',
      higherIsBetter: true,
      mcid: 2,
      points: [
        { date: '2026-09-02', score: 3.1 },
        { date: '2026-10-02', score: 5.1 },
      ],
    });
    expect(psfs.direction).toBe('improved');
    expect(psfs.mcidReached).toBe(true);
    const worse = summarizeMeasure({ ...ndi, points: [ndi.points[1]!, { date: '2026-12-01', score: 41 }] });
    expect(worse.direction).toBe('worse');
    expect(worse.mcidReached).toBe(false);
  });

  it('has no change with fewer than two scores', () => {
    const one = summarizeMeasure({ ...ndi, points: [{ date: '2026-09-02', score: 38 }] });
    expect(one.baseline).toEqual(one.latest);
    expect(one.change).toBeUndefined();
    expect(one.mcidReached).toBeUndefined();
    expect(summarizeMeasure({ ...ndi, points: [] }).baseline).toBeUndefined();
  });
});

describe('text', () => {
  it('wraps on word boundaries within the width', () => {
    expect(wrapText('the quick brown fox jumps', 10, mono)).toEqual(['the quick', 'brown fox', 'jumps']);
    expect(wrapText('  spaced \t out  ', 20, mono)).toEqual(['spaced out']);
  });

  it('keeps single newlines as line breaks', () => {
    expect(wrapText('Plan:\n- stretch\n- ice', 20, mono)).toEqual(['Plan:', '- stretch', '- ice']);
  });

  it('cuts a word longer than the line, without splitting a character', () => {
    expect(wrapText('a abcdefghij b', 4, mono)).toEqual(['a', 'abcd', 'efgh', 'ij b']);
    expect(wrapText('🙂🙂🙂', 2, mono)).toEqual(['🙂🙂', '🙂']);
  });

  it('splits paragraphs on blank lines', () => {
    expect(splitParagraphs('One.\r\n\r\nTwo\nstill two.\n \n\n\nThree.')).toEqual([
      'One.',
      'Two\nstill two.',
      'Three.',
    ]);
    expect(splitParagraphs('  \n ')).toEqual([]);
  });

  it('makes one clean line of any text', () => {
    expect(cleanLine(' a\tb\nc\u0000d ')).toBe('a b c d');
  });

  it('truncates with an ellipsis to fit', () => {
    expect(truncateToWidth('Łukasz Nguyễn', 20, mono)).toBe('Łukasz Nguyễn');
    expect(truncateToWidth('Łukasz Nguyễn', 8, mono)).toBe('Łukasz…');
    expect(truncateToWidth('abc', 0.5, mono)).toBe('');
  });
});

describe('chart scale', () => {
  it('picks nice steps', () => {
    expect(niceStep(30, 4)).toBe(10);
    expect(niceStep(8, 4)).toBe(2);
    expect(niceStep(0.9, 4)).toBe(0.25);
    expect(niceStep(0, 4)).toBe(1);
  });

  it('pads the data range and snaps it outwards to ticks', () => {
    const scale = chartScale([38, 30, 22, 16, 10, 45.5]);
    expect(scale.min).toBeLessThanOrEqual(10);
    expect(scale.max).toBeGreaterThanOrEqual(45.5);
    expect(scale.ticks[0]).toBe(scale.min);
    expect(scale.ticks[scale.ticks.length - 1]).toBe(scale.max);
    expect(scale).toEqual({ min: 0, max: 60, ticks: [0, 20, 40, 60] });
  });

  it('never goes beyond the instrument range', () => {
    const scale = chartScale([100, 92.5, 96], { floor: 0, ceiling: 100 });
    expect(scale.max).toBe(100);
    expect(scale.min).toBeGreaterThanOrEqual(0);
    expect(chartScale([0.5, 1, 2], { floor: 0 }).min).toBe(0);
  });

  it('gives a flat or empty series a visible range', () => {
    const flat = chartScale([5, 5, 5]);
    expect(flat.min).toBeLessThan(5);
    expect(flat.max).toBeGreaterThan(5);
    expect(chartScale([]).ticks.length).toBeGreaterThan(1);
  });

  it('knows the range from the measure, else from the unit', () => {
    expect(measureBounds({ unit: '%' })).toEqual({ floor: 0, ceiling: 100 });
    expect(measureBounds({ unit: 'points' })).toEqual({ floor: 0 });
    expect(measureBounds({ unit: 'points', range: { min: 0, max: 10 } })).toEqual({ floor: 0, ceiling: 10 });
  });

  it('projects values linearly', () => {
    expect(project(50, { min: 0, max: 100 }, 10, 110)).toBe(60);
    expect(project(3, { min: 3, max: 3 }, 0, 10)).toBe(5);
  });

  it('places dates by the days between them, the range stretched to an extra date', () => {
    const { xs, at } = dateXPositions(['2026-09-01', '2026-09-11', '2026-10-01'], 100, 300);
    expect(xs).toEqual([100, 200, 400]);
    expect(at('2026-09-21')).toBe(300);
    expect(dateXPositions(['2026-09-01', '2026-09-11'], 0, 100, ['2026-09-21']).xs).toEqual([0, 50]);
    expect(dateXPositions(['2026-09-01'], 0, 100).xs).toEqual([50]);
  });

  it('thins axis labels so they do not overlap, always keeping the latest', () => {
    expect(labelsToShow([0, 50, 100], 30)).toEqual([0, 1, 2]);
    expect(labelsToShow([0, 10, 20, 30, 100], 30)).toEqual([0, 3, 4]);
    expect(labelsToShow([0, 10, 100], 30)).toEqual([0, 2]);
    expect(labelsToShow([0, 80, 100], 30)).toEqual([0, 2]);
    expect(labelsToShow([0, 10], 30)).toEqual([1]);
    expect(labelsToShow([5], 30)).toEqual([0]);
    expect(labelsToShow([], 30)).toEqual([]);
  });
});
