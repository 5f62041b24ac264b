import { describe, expect, it } from 'vitest';
import { buildMeasureSeries, type ScoredPoint } from './measure-series.js';
import { sortTimeline, type TimelineItem } from './timeline.js';

const facts = (instrument: string) =>
  instrument === 'lefs'
    ? { name: 'LEFS', unit: 'points', higherIsBetter: true, mcid: 9, range: { min: 0, max: 80 } }
    : { name: 'NDI', unit: '%', higherIsBetter: false, mcid: 10, range: { min: 0, max: 100 } };

const point = (instrument: string, takenOn: string, score: number): ScoredPoint => ({
  instrument,
  takenOn,
  score,
  band: 'x',
  source: 'assessment',
  sourceId: takenOn,
});

describe('buildMeasureSeries', () => {
  it('compares the latest score with the first and finds the goal line', () => {
    const [ndi, lefs] = buildMeasureSeries(
      [
        point('ndi', '2026-11-20', 22),
        point('ndi', '2026-10-01', 38),
        point('lefs', '2026-10-01', 40),
        point('lefs', '2026-11-20', 45),
      ],
      facts,
      [
        { instrument: 'ndi', target: 28, targetDate: '2026-11-01', term: 'short' },
        { instrument: 'ndi', target: 18, targetDate: '2026-12-20', term: 'long' },
      ],
    );
    expect(ndi).toMatchObject({
      baseline: 38,
      latest: 22,
      change: -16,
      improved: true,
      clinicallyImportant: true,
      goal: { target: 18, targetDate: '2026-12-20' },
    });
    expect(ndi!.points.map((p) => p.date)).toEqual(['2026-10-01', '2026-11-20']);
    expect(lefs).toMatchObject({ change: 5, improved: true, clinicallyImportant: false, goal: null });
  });
});

describe('sortTimeline', () => {
  it('orders by date, then by the natural order of an episode, then by time', () => {
    const item = (date: string, kind: TimelineItem['kind'], at = ''): TimelineItem => ({
      date,
      at,
      kind,
      title: kind,
      detail: null,
      refId: null,
      status: null,
    });
    const sorted = sortTimeline([
      item('2026-10-02', 'session_note', '2026-10-02T15:00:00Z'),
      item('2026-10-01', 'assessment'),
      item('2026-10-01', 'prescription'),
      item('2026-10-02', 'session_note', '2026-10-02T09:00:00Z'),
      item('2026-10-01', 'episode_opened'),
    ]);
    expect(sorted.map((i) => `${i.date} ${i.kind} ${i.at}`)).toEqual([
      '2026-10-01 episode_opened ',
      '2026-10-01 prescription ',
      '2026-10-01 assessment ',
      '2026-10-02 session_note 2026-10-02T09:00:00Z',
      '2026-10-02 session_note 2026-10-02T15:00:00Z',
    ]);
  });
});
