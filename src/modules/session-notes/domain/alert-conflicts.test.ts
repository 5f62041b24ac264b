import { describe, expect, it } from 'vitest';
import { alertConflicts } from './alert-conflicts.js';

const anticoagulant = {
  ruleId: 'blood_thinning_medication',
  severity: 'modify',
  title: 'Blood-thinning medication',
  modalitiesToAvoid: ['deep_tissue', 'cupping'],
};
const fibromyalgia = {
  ruleId: 'fibromyalgia',
  severity: 'gentle',
  title: 'Fibromyalgia',
  modalitiesToAvoid: [],
};
const noHeat = {
  ruleId: 'heat_contraindicated',
  severity: 'modify',
  title: 'No heat therapy',
  modalitiesToAvoid: ['heat'],
};

describe('alertConflicts', () => {
  it.each([
    [
      'cupping with anticoagulants',
      [{ technique: 'cupping' }],
      2,
      [anticoagulant],
      ['blood_thinning_medication@0'],
    ],
    [
      'deep pressure with anticoagulants',
      [{ technique: 'swedish' }],
      5,
      [anticoagulant],
      ['blood_thinning_medication@-'],
    ],
    [
      'deep pressure in a gentle population',
      [{ technique: 'swedish' }],
      4,
      [fibromyalgia],
      ['fibromyalgia@-'],
    ],
    ['light pressure in a gentle population', [{ technique: 'swedish' }], 2, [fibromyalgia], []],
    [
      'contrast hydrotherapy with no heat',
      [{ technique: 'contrast_hydrotherapy' }],
      null,
      [noHeat],
      ['heat_contraindicated@0'],
    ],
    [
      'deep tissue technique with anticoagulants',
      [{ technique: 'swedish' }, { technique: 'deep_tissue' }],
      3,
      [anticoagulant],
      ['blood_thinning_medication@1'],
    ],
    ['nothing to flag', [{ technique: 'trigger_point' }], 3, [noHeat], []],
  ] as const)('%s', (_label, services, pressureLevel, alerts, expected) => {
    const conflicts = alertConflicts({ services: [...services], pressureLevel }, alerts);
    expect(conflicts.map((c) => `${c.ruleId}@${c.serviceIndex ?? '-'}`)).toEqual(expected);
  });
});
