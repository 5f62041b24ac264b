import { describe, expect, it } from 'vitest';
import { ZHealthHistory, ZScreeningAlert, ZScreeningRule } from '../screening.schemas.js';
import {
  classifyMedication,
  CONDITION_CODES,
  emptyHealthHistory,
  medicationClassesIn,
  type ConditionCode,
  type HealthHistory,
} from './health-history.js';
import { SCREENING_RULES, SCREENING_SOURCES, type ScreeningRuleId } from './screening-rules.js';
import {
  isValidIsoDate,
  requiresAcknowledgement,
  screenHealthHistory,
  SEVERITY_LABELS,
  SEVERITY_ORDER,
} from './screening.js';

const TODAY = '2025-03-01';

function history(overrides: Partial<HealthHistory> = {}): HealthHistory {
  return { ...emptyHealthHistory(), ...overrides };
}

function condition(code: ConditionCode, region?: string, status: 'current' | 'past' = 'current') {
  return history({ conditions: [{ condition: code, status, ...(region ? { region } : {}) }] });
}

const medication = (name: string) => history({ medications: [{ name }] });

/**
 * One minimal history per rule that triggers it. Typed by rule id, and checked against the table at run
 * time too: a new rule without a case here fails.
 */
const TRIGGERING_HISTORY: Record<ScreeningRuleId, HealthHistory> = {
  dvt_thrombophlebitis: condition('dvt', 'left calf'),
  fever: condition('fever'),
  fever_measured: history({ vitals: { temperatureC: 38.2 } }),
  acute_infection: condition('acute_infection'),
  uncontrolled_hypertension: condition('uncontrolled_hypertension'),
  blood_pressure_systolic_high: history({ vitals: { systolic: 185, diastolic: 100 } }),
  blood_pressure_diastolic_high: history({ vitals: { systolic: 170, diastolic: 121 } }),
  unexplained_pain: condition('unexplained_pain', 'abdomen'),
  thrombocytopenia: condition('thrombocytopenia'),
  high_risk_pregnancy: history({ pregnancy: { status: 'pregnant', weeks: 30, highRisk: true } }),
  fracture_recent: condition('fracture_recent', 'right wrist'),
  open_wound_burn: condition('burn', 'left forearm'),
  recent_surgery: history({
    surgeries: [{ procedure: 'Knee arthroscopy', date: '2025-02-01', region: 'right knee' }],
  }),
  radiation_area: condition('radiation_area', 'left chest', 'past'),
  varicose_veins: condition('varicose_veins', 'right calf'),
  skin_infection_local: condition('skin_infection_local', 'left foot'),
  inflammatory_flare: condition('rheumatoid_flare', 'hands'),
  aneurysm: condition('aneurysm', 'abdomen'),
  bone_metastasis: condition('bone_metastasis', 'lumbar spine'),
  insulin_pump_site: history({ devices: [{ device: 'insulin_pump', region: 'abdomen' }] }),
  bleeding_disorder: condition('bleeding_disorder'),
  blood_thinning_medication: medication('Plavix'),
  weakened_bone: condition('osteoporosis', 'spine'),
  cancer_active: condition('cancer_active', 'left breast'),
  neuropathy: condition('neuropathy', 'both feet'),
  insulin_medication: medication('Lantus'),
  pregnancy: history({ pregnancy: { status: 'pregnant', weeks: 20 } }),
  lymphedema_at_risk: condition('lymph_node_removal', 'left axilla', 'past'),
  heart_failure: condition('heart_failure'),
  renal_insufficiency: condition('renal_insufficiency'),
  provider_consult: condition('dermatomyositis'),
  cardiac_device: history({ devices: [{ device: 'pacemaker', region: 'left chest' }] }),
  oncology_pressure_zero: condition('neutropenia'),
  cold_contraindicated: condition('raynauds', 'hands'),
  heat_contraindicated: condition('arteriosclerosis', 'legs'),
  heat_sedating_medication: medication('cyclobenzaprine 10 mg'),
  lymphedema_gentle: condition('lymphedema', 'right arm'),
  fibromyalgia: condition('fibromyalgia'),
  ptsd: condition('ptsd'),
  anxiety_disorder: condition('anxiety_disorder'),
  osteoarthritis_severe: condition('osteoarthritis_severe', 'left knee'),
  multiple_sclerosis: condition('multiple_sclerosis'),
};

describe('the rule table', () => {
  it('has a triggering history for every rule, and no case for a rule that is gone', () => {
    expect(Object.keys(TRIGGERING_HISTORY).sort()).toEqual(SCREENING_RULES.map((rule) => rule.id).sort());
  });

  it('has unique ids', () => {
    expect(new Set(SCREENING_RULES.map((rule) => rule.id)).size).toBe(SCREENING_RULES.length);
  });

  it.each(SCREENING_RULES.map((rule) => [rule.id, rule] as const))(
    '%s: cites a listed source, says what to do, and marks weak sources',
    (_id, rule) => {
      const listed = Object.values(SCREENING_SOURCES) as { ref: number }[];
      for (const source of [rule.source, ...(rule.otherSources ?? [])]) {
        expect(listed).toContainEqual(source);
        expect(source.title.length).toBeGreaterThan(5);
      }
      expect(rule.title.trim()).not.toBe('');
      expect(rule.guidance.length).toBeGreaterThan(20);
      const restsOnWeak = [rule.source, ...(rule.otherSources ?? [])].some((source) => 'weak' in source);
      if (restsOnWeak) expect(rule.weak).toBe(true);
      expect(() => ZScreeningRule.parse(rule)).not.toThrow();
    },
  );

  it('covers every contraindication trigger and gentle-treatment population of the reference', () => {
    const covered = new Set(
      SCREENING_RULES.flatMap((rule) => (rule.trigger.kind === 'condition' ? rule.trigger.conditions : [])),
    );
    const sectionC: ConditionCode[] = [
      'dvt',
      'thrombophlebitis',
      'fever',
      'acute_infection',
      'uncontrolled_hypertension',
      'unexplained_pain',
      'bleeding_disorder',
      'thrombocytopenia',
      'fracture_recent',
      'osteoporosis',
      'bone_metastasis',
      'open_wound',
      'burn',
      'cancer_active',
      'radiation_area',
      'neuropathy',
      'diabetes',
      'varicose_veins',
      'lymphedema',
      'lymph_node_removal',
      'heart_failure',
      'renal_insufficiency',
      'fragile_skin',
      'dermatomyositis',
      'heart_disease',
      'skin_infection_local',
      'rheumatoid_flare',
      'aneurysm',
      'neutropenia',
      'thrombosis_risk',
      'raynauds',
      'cold_urticaria',
      'cryoglobulinemia',
      'cold_hemoglobinuria',
      'circulatory_insufficiency',
      'cardiopulmonary_disease_severe',
      'arteriosclerosis',
      'fibromyalgia',
      'ptsd',
      'anxiety_disorder',
      'osteoarthritis_severe',
      'multiple_sclerosis',
    ];
    expect(sectionC.filter((code) => !covered.has(code))).toEqual([]);
    expect(sectionC.filter((code) => !CONDITION_CODES.includes(code))).toEqual([]);

    const gentle = SCREENING_RULES.filter((rule) => rule.severity === 'gentle').flatMap((rule) =>
      rule.trigger.kind === 'condition' ? rule.trigger.conditions : [],
    );
    expect([...gentle].sort()).toEqual(
      [
        'anxiety_disorder',
        'fibromyalgia',
        'lymphedema',
        'multiple_sclerosis',
        'osteoarthritis_severe',
        'ptsd',
      ].sort(),
    );
  });

  it('avoids a surgical site for six weeks and modifies for blood thinners (no deep tissue, no cupping)', () => {
    const surgery = SCREENING_RULES.find((rule) => rule.trigger.kind === 'recent_surgery');
    expect(surgery).toMatchObject({ severity: 'local_avoid', trigger: { withinDays: 42 } });
    const thinners = SCREENING_RULES.find((rule) => rule.id === 'blood_thinning_medication');
    expect(thinners?.severity).toBe('modify');
    expect(thinners?.modalitiesToAvoid).toEqual(expect.arrayContaining(['deep_tissue', 'cupping']));
  });
});

describe('screenHealthHistory, rule by rule', () => {
  it.each(Object.entries(TRIGGERING_HISTORY))('%s is triggered by its history', (ruleId, input) => {
    expect(() => ZHealthHistory.parse(input)).not.toThrow();
    const rule = SCREENING_RULES.find((r) => r.id === ruleId)!;
    const alerts = screenHealthHistory(input, TODAY);
    const alert = alerts.find((a) => a.ruleId === ruleId);
    expect(alert).toBeDefined();
    expect(alert).toMatchObject({ severity: rule.severity, title: rule.title, source: rule.source });
    expect(alert!.because).toMatch(/^(Condition|Medication|Pregnancy|Surgery|Device|Temperature|Blood)/);
    const regionGiven = JSON.stringify(input).includes('"region"');
    expect(alert!.region !== undefined).toBe(rule.local && regionGiven);
    expect(() => ZScreeningAlert.parse(alert)).not.toThrow();
  });
});

describe('screenHealthHistory', () => {
  it('gives no alerts for an empty history', () => {
    expect(screenHealthHistory(emptyHealthHistory(), TODAY)).toEqual([]);
  });

  it('flags warfarin and current lymphedema (the issue scenario)', () => {
    const alerts = screenHealthHistory(
      history({
        medications: [{ name: 'Warfarin', dose: '5 mg' }],
        conditions: [{ condition: 'lymphedema', status: 'current', region: 'left arm' }],
      }),
      TODAY,
    );
    expect(alerts).toContainEqual(
      expect.objectContaining({
        ruleId: 'blood_thinning_medication',
        severity: 'modify',
        because: 'Medication: Warfarin 5 mg (anticoagulant)',
        modalitiesToAvoid: expect.arrayContaining(['deep_tissue', 'cupping']),
      }),
    );
    expect(alerts).toContainEqual(
      expect.objectContaining({
        ruleId: 'lymphedema_at_risk',
        severity: 'modify',
        region: 'left arm',
        because: 'Condition: Lymphedema (current, left arm)',
      }),
    );
    expect(alerts).toContainEqual(
      expect.objectContaining({ ruleId: 'lymphedema_gentle', severity: 'gentle' }),
    );
    expect(alerts.some(requiresAcknowledgement)).toBe(false);
  });

  it('names the class found from the name even when another class was picked', () => {
    const alerts = screenHealthHistory(
      history({ medications: [{ name: 'Eliquis', dose: '5 mg', medicationClass: 'other' }] }),
      TODAY,
    );
    expect(alerts.map((a) => [a.ruleId, a.because])).toEqual([
      ['blood_thinning_medication', 'Medication: Eliquis 5 mg (anticoagulant)'],
    ]);
  });

  it('uses a picked class when the name is unknown', () => {
    const alerts = screenHealthHistory(
      history({ medications: [{ name: 'Study drug X', medicationClass: 'anticoagulant' }] }),
      TODAY,
    );
    expect(alerts.map((a) => a.ruleId)).toEqual(['blood_thinning_medication']);
  });

  it('ignores past conditions unless the rule holds for life', () => {
    expect(screenHealthHistory(condition('fever', undefined, 'past'), TODAY)).toEqual([]);
    expect(screenHealthHistory(condition('dvt', 'left calf', 'past'), TODAY)).toEqual([]);
    const nodes = screenHealthHistory(condition('lymph_node_removal', 'right axilla', 'past'), TODAY);
    expect(nodes.map((a) => a.ruleId)).toEqual(['lymphedema_at_risk']);
    expect(nodes[0]!.because).toBe(
      'Condition: Lymph nodes removed or irradiated (at-risk quadrant) (past, right axilla)',
    );
  });

  it.each([
    ['2025-03-01', true, 'today'],
    ['2025-01-30', true, '30 days ago'],
    ['2025-01-18', true, '42 days ago'],
    ['2025-01-17', false, ''],
    ['2024-12-31', false, ''],
    ['2025-03-02', false, ''],
  ])('a surgery on %s alerts: %s', (date, alerts, ago) => {
    const found = screenHealthHistory(
      history({ surgeries: [{ procedure: 'Rotator cuff repair', date, region: 'right shoulder' }] }),
      TODAY,
    );
    if (alerts) {
      expect(found).toEqual([
        expect.objectContaining({
          ruleId: 'recent_surgery',
          region: 'right shoulder',
          because: `Surgery: Rotator cuff repair, right shoulder on ${date} (${ago})`,
        }),
      ]);
    } else {
      expect(found).toEqual([]);
    }
  });

  it('cannot place an undated surgery in time', () => {
    expect(screenHealthHistory(history({ surgeries: [{ procedure: 'Appendectomy' }] }), TODAY)).toEqual([]);
  });

  it.each([
    [{ temperatureC: 37.9 }, []],
    [{ temperatureC: 38 }, ['fever_measured']],
    [{ systolic: 179, diastolic: 119 }, []],
    [{ systolic: 180 }, ['blood_pressure_systolic_high']],
    [{ systolic: 200, diastolic: 130 }, ['blood_pressure_diastolic_high', 'blood_pressure_systolic_high']],
  ])('vitals %j → %j', (vitals, ruleIds) => {
    expect(
      screenHealthHistory(history({ vitals }), TODAY)
        .map((a) => a.ruleId)
        .sort(),
    ).toEqual(ruleIds);
  });

  it('writes the readings that triggered a vital rule', () => {
    const [alert] = screenHealthHistory(history({ vitals: { systolic: 182 } }), TODAY);
    expect(alert?.because).toBe('Blood pressure today: 182/? mmHg');
  });

  it('treats a high-risk pregnancy as postpone/refer on top of the pregnancy precautions', () => {
    const alerts = screenHealthHistory(
      history({ pregnancy: { status: 'pregnant', weeks: 32, highRisk: true } }),
      TODAY,
    );
    expect(alerts.map((a) => [a.ruleId, a.severity])).toEqual([
      ['high_risk_pregnancy', 'postpone_refer'],
      ['pregnancy', 'modify'],
    ]);
    expect(alerts[0]!.because).toBe('Pregnancy: pregnant, 32 weeks, high risk');
    expect(alerts.filter(requiresAcknowledgement).map((a) => a.ruleId)).toEqual(['high_risk_pregnancy']);
    expect(screenHealthHistory(history({ pregnancy: { status: 'not_pregnant' } }), TODAY)).toEqual([]);
  });

  it('sorts by severity, then title, then region', () => {
    const alerts = screenHealthHistory(
      history({
        conditions: [
          { condition: 'fibromyalgia', status: 'current' },
          { condition: 'varicose_veins', status: 'current', region: 'right calf' },
          { condition: 'fever', status: 'current' },
          { condition: 'open_wound', status: 'current', region: 'left shin' },
          { condition: 'open_wound', status: 'current', region: 'chin' },
          { condition: 'bleeding_disorder', status: 'current' },
        ],
      }),
      TODAY,
    );
    expect(alerts.map((a) => [a.severity, a.title, a.region])).toEqual([
      ['postpone_refer', 'Fever', undefined],
      ['local_avoid', 'Open or healing wound or burn', 'chin'],
      ['local_avoid', 'Open or healing wound or burn', 'left shin'],
      ['local_avoid', 'Varicose veins', 'right calf'],
      ['modify', 'Bleeding disorder', undefined],
      ['gentle', 'Gentle treatment: fibromyalgia', undefined],
    ]);
  });

  it('gives one alert per rule and region, naming every answer that triggered it', () => {
    const alerts = screenHealthHistory(
      history({
        conditions: [
          { condition: 'dvt', status: 'current', region: 'Left leg' },
          { condition: 'thrombophlebitis', status: 'current', region: 'left leg ' },
          { condition: 'dvt', status: 'current', region: 'right arm' },
        ],
        medications: [
          { name: 'Xarelto', dose: '20 mg' },
          { name: 'aspirin 81 mg' },
          { name: 'Xarelto', dose: '20 mg' },
        ],
      }),
      TODAY,
    );
    expect(alerts.map((a) => [a.ruleId, a.region, a.because])).toEqual([
      [
        'dvt_thrombophlebitis',
        'Left leg',
        'Condition: Deep vein thrombosis (blood clot) (current, Left leg); ' +
          'Condition: Thrombophlebitis / phlebitis (current, left leg)',
      ],
      [
        'dvt_thrombophlebitis',
        'right arm',
        'Condition: Deep vein thrombosis (blood clot) (current, right arm)',
      ],
      [
        'blood_thinning_medication',
        undefined,
        'Medication: Xarelto 20 mg (anticoagulant); Medication: aspirin 81 mg (antiplatelet)',
      ],
    ]);
  });

  it('leaves the region off alerts of rules that are not local', () => {
    const [alert] = screenHealthHistory(condition('fever', 'forehead'), TODAY);
    expect(alert).not.toHaveProperty('region');
  });

  it('refuses a visit date that is not a date', () => {
    expect(() => screenHealthHistory(emptyHealthHistory(), '2025-02-30')).toThrow(RangeError);
    expect(() => screenHealthHistory(emptyHealthHistory(), 'today')).toThrow(RangeError);
  });
});

describe('classifyMedication', () => {
  it.each([
    ['warfarin', 'anticoagulant'],
    ['Warfarin 5 mg', 'anticoagulant'],
    ['COUMADIN', 'anticoagulant'],
    ['Jantoven 2.5mg', 'anticoagulant'],
    ['Eliquis 5mg', 'anticoagulant'],
    ['eliquis5mg twice daily', 'anticoagulant'],
    ['apixaban (Eliquis)', 'anticoagulant'],
    ['Xarelto', 'anticoagulant'],
    ['Pradaxa 150', 'anticoagulant'],
    ['Savaysa', 'anticoagulant'],
    ['enoxaparin injection', 'anticoagulant'],
    ['Lovenox', 'anticoagulant'],
    ['heparin', 'anticoagulant'],
    ['Plavix 75 mg', 'antiplatelet'],
    ['ticagrelor', 'antiplatelet'],
    ['Brilinta', 'antiplatelet'],
    ['baby aspirin', 'antiplatelet'],
    ['Prednisone 10mg', 'corticosteroid'],
    ['insulin glargine', 'insulin'],
    ['Insulin-glargine', 'insulin'],
    ['Lantus SoloStar', 'insulin'],
    ['Humalog', 'insulin'],
    ['Percocet', 'opioid_analgesic'],
    ['Tylenol with codeine', 'opioid_analgesic'],
    ['Flexeril', 'muscle_relaxant'],
    ['ibuprofen 400', 'nsaid'],
    ['Advil', 'nsaid'],
    ['warfarin + aspirin', 'anticoagulant'],
    ['warfarinx', undefined],
    ['prewarfarin', undefined],
    ['Lisinopril', undefined],
    ['', undefined],
  ])('%j → %s', (name, expected) => {
    expect(classifyMedication(name)).toBe(expected);
  });

  it('lists every class a text names, in table order', () => {
    expect(medicationClassesIn('aspirin and warfarin')).toEqual(['anticoagulant', 'antiplatelet']);
  });
});

describe('severities', () => {
  it('orders and labels the four levels', () => {
    expect(SEVERITY_ORDER).toEqual(['postpone_refer', 'local_avoid', 'modify', 'gentle']);
    expect(SEVERITY_ORDER.map((s) => SEVERITY_LABELS[s])).toEqual([
      'Postpone / refer',
      'Avoid local area',
      'Modify treatment',
      'Gentle treatment',
    ]);
  });

  it('needs an acknowledgement for postpone/refer only', () => {
    expect(SEVERITY_ORDER.filter((severity) => requiresAcknowledgement({ severity }))).toEqual([
      'postpone_refer',
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-1-01', false],
  ])('%s valid: %s', (value, valid) => {
    expect(isValidIsoDate(value)).toBe(valid);
  });
});

describe('ZHealthHistory', () => {
  it('refuses unknown fields, unknown codes and impossible dates', () => {
    expect(ZHealthHistory.safeParse({ ...emptyHealthHistory(), smoker: true }).success).toBe(false);
    expect(
      ZHealthHistory.safeParse(history({ conditions: [{ condition: 'gout' as never, status: 'current' }] }))
        .success,
    ).toBe(false);
    expect(
      ZHealthHistory.safeParse(history({ surgeries: [{ procedure: 'Hip replacement', date: '2025-02-30' }] }))
        .success,
    ).toBe(false);
    expect(
      ZHealthHistory.safeParse(history({ pregnancy: { status: 'not_pregnant', weeks: 12 } })).success,
    ).toBe(false);
  });
});
