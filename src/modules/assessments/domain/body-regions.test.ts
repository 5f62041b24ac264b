import { describe, expect, it } from 'vitest';
import {
  BODY_REGIONS,
  BODY_VIEWS,
  compareMarks,
  countChanges,
  describeMark,
  MARK_INTENSITY,
  MARK_INTENSITY_LABELS,
  MARK_TYPE_LABELS,
  MARK_TYPES,
  markProblem,
  regionById,
  regionLabel,
  regionsInView,
  type BodyChartMark,
} from './body-regions.js';

let nextId = 0;
function mark(
  regionId: string,
  type: BodyChartMark['type'],
  intensity: BodyChartMark['intensity'],
): BodyChartMark {
  const region = regionById(regionId);
  return { id: `m${++nextId}`, view: region?.view ?? 'front', regionId, x: 0.5, y: 0.5, type, intensity };
}

describe('BODY_REGIONS', () => {
  it('has unique ids', () => {
    const ids = BODY_REGIONS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses lower-case snake_case ids', () => {
    for (const region of BODY_REGIONS) expect(region.id).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('gives every region a label, a known view and a known side', () => {
    for (const region of BODY_REGIONS) {
      expect(region.label.trim(), region.id).not.toBe('');
      expect(BODY_VIEWS, region.id).toContain(region.view);
      expect(['left', 'right', 'midline'], region.id).toContain(region.side);
    }
  });

  it('has unique labels within a view', () => {
    for (const view of BODY_VIEWS) {
      const labels = regionsInView(view).map((r) => r.label);
      expect(new Set(labels).size, view).toBe(labels.length);
    }
  });

  it('has 25 to 40 regions per view', () => {
    for (const view of BODY_VIEWS) {
      expect(regionsInView(view).length, view).toBeGreaterThanOrEqual(25);
      expect(regionsInView(view).length, view).toBeLessThanOrEqual(40);
    }
  });

  it('keeps side, id and label consistent: "_left" ids are left and say "Left …"', () => {
    for (const region of BODY_REGIONS) {
      const idSide = /(^|_)left(_|$)/.test(region.id)
        ? 'left'
        : /(^|_)right(_|$)/.test(region.id)
          ? 'right'
          : 'midline';
      expect(region.side, region.id).toBe(idSide);
      if (region.side === 'left') expect(region.label, region.id).toMatch(/^Left /);
      if (region.side === 'right') expect(region.label, region.id).toMatch(/^Right /);
      if (region.side === 'midline') expect(region.label, region.id).not.toMatch(/\b(left|right)\b/i);
    }
  });

  it('pairs every left region with a right one on the same view', () => {
    for (const region of BODY_REGIONS.filter((r) => r.side === 'left')) {
      const twin = regionById(region.id.replace(/(^|_)left(_|$)/, '$1right$2'));
      expect(twin, region.id).toBeDefined();
      expect(twin?.view, region.id).toBe(region.view);
      expect(twin?.label, region.id).toBe(region.label.replace(/^Left /, 'Right '));
    }
  });

  it('lists each view in reading order: the viewer’s left first (client right on the front, left on the back)', () => {
    const first = (view: 'front' | 'back') => regionsInView(view).find((r) => r.side !== 'midline');
    expect(first('front')?.side).toBe('right');
    expect(first('back')?.side).toBe('left');
  });

  it('covers the regions a massage therapist charts most', () => {
    for (const id of [
      'upper_trapezius_left',
      'upper_trapezius_right',
      'neck_left_posterior',
      'lumbar_right',
      'gluteal_left',
      'sacroiliac_right',
      'hamstrings_left',
      'calf_right',
      'chest_left',
      'thigh_right_lateral',
      'face_left',
    ]) {
      expect(regionById(id), id).toBeDefined();
    }
  });
});

describe('regionById and regionLabel', () => {
  it('finds a region and its label', () => {
    expect(regionById('upper_trapezius_left')).toEqual({
      id: 'upper_trapezius_left',
      view: 'back',
      side: 'left',
      label: 'Left upper trapezius',
    });
    expect(regionLabel('calf_right')).toBe('Right calf');
  });

  it('answers undefined, and the raw id as label, for an unknown region', () => {
    expect(regionById('tail')).toBeUndefined();
    expect(regionLabel('tail')).toBe('tail');
  });
});

describe('mark types and intensities', () => {
  it('labels every type and intensity', () => {
    expect(MARK_TYPES).toEqual(['trigger_point', 'tenderness', 'hypertonicity', 'adhesion', 'edema', 'pain']);
    for (const type of MARK_TYPES) expect(MARK_TYPE_LABELS[type]).toBeTruthy();
    expect(MARK_INTENSITY.map((i) => MARK_INTENSITY_LABELS[i])).toEqual(['Mild', 'Moderate', 'Severe']);
  });
});

describe('describeMark', () => {
  it('reads region, finding, intensity and note', () => {
    expect(
      describeMark({ ...mark('upper_trapezius_left', 'trigger_point', 3), note: ' refers to temple ' }),
    ).toBe('Left upper trapezius — Trigger point — Severe — refers to temple');
    expect(describeMark(mark('calf_right', 'edema', 1))).toBe('Right calf — Edema — Mild');
  });
});

describe('markProblem', () => {
  it('accepts a valid mark', () => {
    expect(markProblem(mark('lumbar_left', 'tenderness', 2))).toBeUndefined();
  });

  it.each([
    [{ regionId: 'tail' }, 'Unknown body region "tail".'],
    [{ view: 'front' as const }, 'Region "lumbar_left" is not on the front view.'],
    [{ type: 'itch' as BodyChartMark['type'] }, 'Unknown mark type "itch".'],
    [{ intensity: 4 as BodyChartMark['intensity'] }, 'Intensity must be 1, 2 or 3.'],
    [{ x: 1.2 }, 'A mark must lie within the chart (x and y from 0 to 1).'],
    [{ y: Number.NaN }, 'A mark must lie within the chart (x and y from 0 to 1).'],
  ])('refuses %o', (change, problem) => {
    expect(markProblem({ ...mark('lumbar_left', 'tenderness', 2), ...change })).toBe(problem);
  });
});

describe('compareMarks', () => {
  it('answers nothing for two empty visits', () => {
    expect(compareMarks([], [])).toEqual([]);
  });

  it('classifies resolved, improved, unchanged, worse and new', () => {
    const before = [
      mark('upper_trapezius_left', 'trigger_point', 3),
      mark('lumbar_right', 'tenderness', 2),
      mark('calf_left', 'hypertonicity', 2),
      mark('gluteal_left', 'pain', 1),
    ];
    const after = [
      mark('upper_trapezius_left', 'trigger_point', 1),
      mark('calf_left', 'hypertonicity', 2),
      mark('gluteal_left', 'pain', 3),
      mark('neck_right_posterior', 'adhesion', 2),
    ];
    const rows = compareMarks(before, after);
    const byRegion = Object.fromEntries(rows.map((r) => [r.regionId, r]));
    expect(byRegion.upper_trapezius_left).toEqual({
      regionId: 'upper_trapezius_left',
      type: 'trigger_point',
      before: 3,
      after: 1,
      change: 'improved',
    });
    expect(byRegion.lumbar_right).toMatchObject({ before: 2, after: 0, change: 'resolved' });
    expect(byRegion.calf_left).toMatchObject({ before: 2, after: 2, change: 'unchanged' });
    expect(byRegion.gluteal_left).toMatchObject({ before: 1, after: 3, change: 'worse' });
    expect(byRegion.neck_right_posterior).toMatchObject({ before: 0, after: 2, change: 'new' });
    expect(countChanges(rows)).toEqual({ resolved: 1, improved: 1, unchanged: 1, worse: 1, new: 1 });
  });

  it('counts several marks of one kind in one region as their strongest', () => {
    const before = [mark('lumbar_left', 'trigger_point', 1), mark('lumbar_left', 'trigger_point', 3)];
    const after = [mark('lumbar_left', 'trigger_point', 2), mark('lumbar_left', 'trigger_point', 2)];
    expect(compareMarks(before, after)).toEqual([
      { regionId: 'lumbar_left', type: 'trigger_point', before: 3, after: 2, change: 'improved' },
    ]);
  });

  it('keeps different kinds of finding in one region apart', () => {
    const rows = compareMarks([mark('lumbar_left', 'tenderness', 2)], [mark('lumbar_left', 'adhesion', 2)]);
    expect(rows.map((r) => [r.type, r.change])).toEqual([
      ['tenderness', 'resolved'],
      ['adhesion', 'new'],
    ]);
  });

  it('sorts in chart order, then by mark type, with unknown regions last', () => {
    const rows = compareMarks(
      [mark('calf_right', 'pain', 1), mark('zz_unknown', 'pain', 1)],
      [mark('head_front', 'edema', 1), mark('head_front', 'trigger_point', 2)],
    );
    expect(rows.map((r) => `${r.regionId}/${r.type}`)).toEqual([
      'head_front/trigger_point',
      'head_front/edema',
      'calf_right/pain',
      'zz_unknown/pain',
    ]);
  });

  it('does not change its inputs', () => {
    const before = [mark('lumbar_left', 'tenderness', 2)];
    const copy = structuredClone(before);
    compareMarks(before, []);
    expect(before).toEqual(copy);
  });
});
