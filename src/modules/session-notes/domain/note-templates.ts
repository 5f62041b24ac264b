import type { PerformedService } from './session-note.js';

/**
 * Note templates per condition: they pre-fill a new note with the prompts and the usual techniques so the
 * therapist edits rather than types. Written for Palpa from the technique catalogue and special tests in
 * clinical-and-learning.md §D–E; they are prompts, not clinical advice.
 */
export type NoteTemplate = {
  id: string;
  label: string;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  homeCare: string;
  pressureLevel: number | null;
  services: PerformedService[];
};

export const NOTE_TEMPLATES: readonly NoteTemplate[] = [
  {
    id: 'neck_pain',
    label: 'Neck pain / cervicalgia',
    subjective:
      'Neck pain since last visit: NPRS _/10. Headaches: _. Sleep: _. Change in daily activities: _.',
    objective:
      'Palpation: hypertonicity upper trapezius / levator scapulae / suboccipitals (see body chart). Cervical rotation L _° R _°.',
    assessment: 'Response to treatment: _. Progress toward NDI goal: _.',
    plan: 'Continue per plan of care; reassess cervical ROM next visit.',
    homeCare: 'Gentle chin tucks and upper trapezius stretch, 3×/day; heat 15 min as needed.',
    pressureLevel: 3,
    services: [
      {
        technique: 'swedish',
        regions: ['neck_left_posterior', 'neck_right_posterior'],
        minutes: 15,
        serviceCode: '97124',
      },
      {
        technique: 'trigger_point',
        regions: ['upper_trapezius_left', 'upper_trapezius_right'],
        minutes: 15,
        serviceCode: '97140',
      },
    ],
  },
  {
    id: 'low_back_pain',
    label: 'Low back pain',
    subjective: 'Low back pain: NPRS _/10. Radiating symptoms: _. Sitting / standing tolerance: _.',
    objective: 'Palpation: lumbar paraspinals, quadratus lumborum, gluteals (see body chart). SLR L _ R _.',
    assessment: 'Response to treatment: _. Progress toward ODI goal: _.',
    plan: 'Continue per plan of care.',
    homeCare: 'Knee-to-chest and piriformis stretch, 2×/day.',
    pressureLevel: 3,
    services: [
      {
        technique: 'swedish',
        regions: ['lumbar_left', 'lumbar_right'],
        minutes: 15,
        serviceCode: '97124',
      },
      {
        technique: 'myofascial_release',
        regions: ['lumbar_left', 'lumbar_right', 'gluteal_left', 'gluteal_right'],
        minutes: 15,
        serviceCode: '97140',
      },
    ],
  },
  {
    id: 'tension_headache',
    label: 'Tension-type headache',
    subjective: 'Headache days since last visit: _. Intensity NPRS _/10. Triggers: _.',
    objective: 'Palpation: suboccipitals, upper trapezius, SCM, temporalis.',
    assessment: 'Response to treatment: _.',
    plan: 'Continue per plan of care.',
    homeCare: 'Posture breaks every 30 min; suboccipital self-release with a towel.',
    pressureLevel: 2,
    services: [
      {
        technique: 'trigger_point',
        regions: ['neck_left_posterior', 'neck_right_posterior'],
        minutes: 20,
        serviceCode: '97140',
      },
    ],
  },
  {
    id: 'carpal_tunnel',
    label: 'Carpal tunnel syndrome',
    subjective: 'Numbness / tingling (which fingers, when): _. Night symptoms: _. Grip: _.',
    objective: 'Phalen _ / Tinel _. Palpation of forearm flexors, pronator teres.',
    assessment: 'Response to treatment: _. Progress toward QuickDASH goal: _.',
    plan: 'Continue per plan of care.',
    homeCare: 'Median nerve glides 2×/day; neutral wrist at the keyboard.',
    pressureLevel: 2,
    services: [
      {
        technique: 'myofascial_release',
        regions: ['forearm_left_anterior', 'forearm_right_anterior'],
        minutes: 15,
        serviceCode: '97140',
      },
    ],
  },
  {
    id: 'fibromyalgia',
    label: 'Fibromyalgia (gentle treatment)',
    subjective:
      'Overall pain and fatigue since last visit: _. Sleep: _. Flare: _. Preferred pressure today: _.',
    objective: 'Tolerance check-ins during session: _.',
    assessment: 'Response to treatment (next-day soreness reported at next visit): _.',
    plan: 'Gentle pressure; short sessions; adjust to client feedback.',
    homeCare: 'Gentle movement as tolerated; warm bath.',
    pressureLevel: 2,
    services: [{ technique: 'swedish', regions: [], minutes: 30, serviceCode: '97124' }],
  },
];

export function noteTemplate(id: string): NoteTemplate | undefined {
  return NOTE_TEMPLATES.find((t) => t.id === id);
}
