import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeUnits, unitsForMinutes, type ServiceMinutes, type UnitMethod } from './units.js';

const timed = (code: string, minutes: number): ServiceMinutes => ({ code, minutes, timed: true });
const unitsByCode = (method: UnitMethod, services: ServiceMinutes[]) =>
  Object.fromEntries(computeUnits(method, services).lines.map((line) => [line.code, line.units]));

describe('the CMS chart (billing-standards.md §1.1)', () => {
  it.each([
    [0, 0],
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [67, 4],
    [68, 5],
    [82, 5],
    [83, 6],
    [97, 6],
    [98, 7],
    [112, 7],
    [113, 8],
    [127, 8],
    [128, 9],
  ])('%i timed minutes → %i units', (minutes, units) => {
    expect(unitsForMinutes(minutes)).toBe(units);
  });
});

describe('CMS worked examples 1–5', () => {
  it('Ex. 1: 97112 24 min + 97110 23 min = 47 → 97112 ×2, 97110 ×1', () => {
    const result = computeUnits('cms', [timed('97112', 24), timed('97110', 23)]);
    expect(result.totalUnits).toBe(3);
    expect(unitsByCode('cms', [timed('97112', 24), timed('97110', 23)])).toEqual({ '97112': 2, '97110': 1 });
    expect(result.explanation).toContain('47 timed minutes → 3 units: 97112 ×2, 97110 ×1');
  });

  it('Ex. 2: 20 + 20 = 40 → 3 units, one code ×2 and the other ×1, never 3 on one', () => {
    const units = Object.values(unitsByCode('cms', [timed('97112', 20), timed('97110', 20)])).sort();
    expect(units).toEqual([1, 2]);
  });

  it('Ex. 3: 97110 33 + 97140 7 = 40 → 97110 ×2, 97140 ×1 (leftover 3 < 7)', () => {
    expect(unitsByCode('cms', [timed('97110', 33), timed('97140', 7)])).toEqual({ '97110': 2, '97140': 1 });
  });

  it('Ex. 4: 18 + 13 + 10 + 8 = 49 → 97110, 97140, 97116 ×1 each; 97035 ×0', () => {
    const services = [timed('97110', 18), timed('97140', 13), timed('97116', 10), timed('97035', 8)];
    const result = computeUnits('cms', services);
    expect(result.totalUnits).toBe(3);
    expect(unitsByCode('cms', services)).toEqual({ '97110': 1, '97140': 1, '97116': 1, '97035': 0 });
    expect(result.explanation).toContain('not billed: 97035 (8 min)');
  });

  it('Ex. 5: three codes of 7 min = 21 → any one code ×1', () => {
    const result = computeUnits('cms', [timed('97112', 7), timed('97110', 7), timed('97140', 7)]);
    expect(result.totalUnits).toBe(1);
    expect(result.lines.filter((line) => line.units === 1)).toHaveLength(1);
  });
});

describe('extra vectors for both methods (billing-standards.md §1.1 table 2)', () => {
  it.each<[string, ServiceMinutes[], number, number]>([
    ['97140 7', [timed('97140', 7)], 0, 0],
    ['97140 8', [timed('97140', 8)], 1, 1],
    ['97140 22', [timed('97140', 22)], 1, 1],
    ['97140 23', [timed('97140', 23)], 2, 2],
    ['97140 53', [timed('97140', 53)], 4, 4],
    ['97124 5 + 97140 5', [timed('97124', 5), timed('97140', 5)], 1, 0],
    ['97140 25 + 97124 15 + 97112 10', [timed('97140', 25), timed('97124', 15), timed('97112', 10)], 3, 4],
    ['97124 30 + 97140 30', [timed('97124', 30), timed('97140', 30)], 4, 4],
    ['97140 45 + 97124 7', [timed('97140', 45), timed('97124', 7)], 3, 3],
  ])('%s → CMS %i, per-code %i', (_label, services, cms, perCode) => {
    expect(computeUnits('cms', services).totalUnits).toBe(cms);
    expect(computeUnits('per-code', services).totalUnits).toBe(perCode);
  });

  it('97140 25 + 97124 15 + 97112 10: full units first, the tied last unit to 97140 or 97112', () => {
    const units = unitsByCode('cms', [timed('97140', 25), timed('97124', 15), timed('97112', 10)]);
    expect(units['97124']).toBe(1);
    expect(units['97140']! + units['97112']!).toBe(2);
    expect(units['97140']).toBeGreaterThanOrEqual(1);
  });

  it('97124 30 + 97140 30 → 2 + 2; 97140 45 + 97124 7 → 3 + 0', () => {
    expect(unitsByCode('cms', [timed('97124', 30), timed('97140', 30)])).toEqual({ '97124': 2, '97140': 2 });
    expect(unitsByCode('cms', [timed('97140', 45), timed('97124', 7)])).toEqual({ '97140': 3, '97124': 0 });
  });
});

describe('the per-code method (billing-standards.md §1.2)', () => {
  it.each<[string, ServiceMinutes[], Record<string, number>]>([
    ['Ex. 1 bills more: 4', [timed('97112', 24), timed('97110', 23)], { '97112': 2, '97110': 2 }],
    ['Ex. 2 bills fewer: 2', [timed('97112', 20), timed('97110', 20)], { '97112': 1, '97110': 1 }],
    ['Ex. 3: 2', [timed('97110', 33), timed('97140', 7)], { '97110': 2, '97140': 0 }],
    [
      'Ex. 4: 4',
      [timed('97110', 18), timed('97140', 13), timed('97116', 10), timed('97035', 8)],
      { '97110': 1, '97140': 1, '97116': 1, '97035': 1 },
    ],
    [
      'Ex. 5: 0',
      [timed('97112', 7), timed('97110', 7), timed('97140', 7)],
      { '97112': 0, '97110': 0, '97140': 0 },
    ],
  ])('%s', (_label, services, expected) => {
    expect(unitsByCode('per-code', services)).toEqual(expected);
  });

  it('explains itself per code', () => {
    expect(computeUnits('per-code', [timed('97112', 24), timed('97110', 23)]).explanation).toContain(
      '97112 24 min → 2, 97110 23 min → 2',
    );
  });
});

describe('untimed codes and repeated codes', () => {
  it('an untimed code bills 1 unit and its minutes are not pooled', () => {
    const services = [timed('97140', 20), { code: '97010', minutes: 10, timed: false }];
    const result = computeUnits('cms', services);
    expect(result.totalTimedMinutes).toBe(20);
    expect(unitsByCode('cms', services)).toEqual({ '97140': 1, '97010': 1 });
    expect(result.totalUnits).toBe(2);
    expect(result.explanation).toContain('untimed: 97010 ×1');
  });

  it('the same code entered twice in a day is one line with the minutes added', () => {
    const result = computeUnits('cms', [timed('97140', 10), timed('97124', 20), timed('97140', 15)]);
    expect(result.lines.map((line) => [line.code, line.minutes])).toEqual([
      ['97140', 25],
      ['97124', 20],
    ]);
    expect(result.totalUnits).toBe(3);
  });
});

// Property tests: invariants the two methods must keep for any documented day.
const CODES = ['97124', '97140', '97112', '97110', '97530', '97116'];
const servicesArbitrary = fc.uniqueArray(
  fc.record({ code: fc.constantFrom(...CODES), minutes: fc.integer({ min: 0, max: 120 }) }),
  { selector: (service) => service.code, minLength: 1, maxLength: CODES.length },
);
const asTimed = (services: { code: string; minutes: number }[]) =>
  services.map((s) => timed(s.code, s.minutes));

describe('unit properties (fast-check)', () => {
  it('CMS: the total units equal the chart for the total timed minutes', () => {
    fc.assert(
      fc.property(servicesArbitrary, (services) => {
        const total = services.reduce((sum, s) => sum + s.minutes, 0);
        expect(computeUnits('cms', asTimed(services)).totalUnits).toBe(unitsForMinutes(total));
      }),
    );
  });

  it('both methods: no code gets more units than its minutes allow (⌈minutes / 15⌉)', () => {
    fc.assert(
      fc.property(servicesArbitrary, fc.constantFrom<UnitMethod>('cms', 'per-code'), (services, method) => {
        for (const line of computeUnits(method, asTimed(services)).lines) {
          expect(line.units).toBeLessThanOrEqual(Math.ceil(line.minutes / 15));
        }
      }),
    );
  });

  it('CMS: every code keeps its full 15-minute units', () => {
    fc.assert(
      fc.property(servicesArbitrary, (services) => {
        for (const line of computeUnits('cms', asTimed(services)).lines) {
          expect(line.units).toBeGreaterThanOrEqual(Math.floor(line.minutes / 15));
        }
      }),
    );
  });

  it('both methods: the result does not depend on the order the services were entered', () => {
    fc.assert(
      fc.property(
        servicesArbitrary.chain((services) =>
          fc.tuple(fc.constant(services), fc.shuffledSubarray(services, { minLength: services.length })),
        ),
        fc.constantFrom<UnitMethod>('cms', 'per-code'),
        ([services, shuffled], method) => {
          const units = (list: typeof services) =>
            Object.fromEntries(
              computeUnits(method, asTimed(list)).lines.map((line) => [line.code, line.units]),
            );
          expect(units(shuffled)).toEqual(units(services));
        },
      ),
    );
  });

  it('per-code: each code is billed on its own minutes only', () => {
    fc.assert(
      fc.property(servicesArbitrary, (services) => {
        for (const line of computeUnits('per-code', asTimed(services)).lines) {
          expect(line.units).toBe(unitsForMinutes(line.minutes));
        }
      }),
    );
  });
});
