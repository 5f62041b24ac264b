import type { Agent } from './test-app.js';

/** A therapist's worked example (issue 3 acceptance): neck pain after a car accident. */
export const NECK_PAIN_PRESCRIPTION = {
  prescriberName: 'Dr. Zoë Ødegård',
  prescriberPractice: 'Lakeside Family Medicine',
  prescriberPhone: '(555) 201-3000',
  prescriberFax: '(555) 201-3001',
  prescriberNpi: '1234567893',
  writtenOn: '2026-10-01',
  diagnoses: ['M54.2', 'S13.4XXA'],
  orderText: 'Medical massage for cervical strain; evaluate and treat.',
  frequencyPerWeek: 2,
  durationWeeks: 6,
  visitsAuthorised: 12,
  expiresOn: '2026-12-31',
  priorAuthNumber: 'PA-77812',
};

export const ANTICOAGULANT_LYMPHEDEMA_HISTORY = {
  complaints: [
    { description: 'Neck pain and stiffness after a rear-end collision', onsetDate: '2026-09-20' },
  ],
  conditions: [{ condition: 'lymphedema', status: 'current', region: 'Left arm' }],
  medications: [{ name: 'Warfarin 5 mg', reason: 'Atrial fibrillation' }],
  surgeries: [],
  injuries: [{ description: 'Whiplash, rear-end collision', date: '2026-09-20' }],
  allergies: [],
  pregnancy: { status: 'not_applicable' },
  devices: [],
  activityLevel: 'moderate',
  goalsInClientsWords: 'Turn my head to drive without pain.',
};

/** NDI answers (10 items, 0–5) summing to `sum` (0–50). */
export function ndiAnswers(sum: number): number[] {
  const answers = Array.from({ length: 10 }, () => 0);
  let left = sum;
  for (let i = 0; i < 10 && left > 0; i++) {
    answers[i] = Math.min(5, left);
    left -= answers[i]!;
  }
  return answers;
}

export async function openEpisode(agent: Agent, clientId: string, title = 'Neck pain after car accident') {
  const res = await agent.post(`/api/clients/${clientId}/episodes`, {
    title,
    payerContext: 'auto_pip',
    onsetDate: '2026-09-20',
    startedOn: '2026-10-01',
  });
  if (res.status !== 201) throw new Error(`episode failed: ${res.status} ${res.text}`);
  return res.body.id as string;
}

export const NOTE_CONTENT = {
  subjective: 'Neck pain 5/10, better after last visit.',
  objective: 'Hypertonic upper trapezius bilaterally; rotation R 60°.',
  assessment: 'Responding well; less guarding.',
  plan: 'Continue per plan; progress pressure.',
  painBefore: 5,
  painAfter: 3,
  pressureLevel: 3,
  clientResponse: 'Relaxed, no adverse response.',
  homeCare: 'Chin tucks 3×/day.',
  services: [
    {
      technique: 'swedish',
      regions: ['neck_left_posterior', 'neck_right_posterior'],
      minutes: 23,
      serviceCode: '97124',
    },
    { technique: 'trigger_point', regions: ['upper_trapezius_left'], minutes: 15, serviceCode: '97140' },
  ],
};

/** Creates a note on `sessionDate`, fills it and signs it (acknowledging any postpone/refer alerts). */
export async function signedNote(
  agent: Agent,
  episodeId: string,
  sessionDate: string,
  extra: Record<string, unknown> = {},
) {
  const created = await agent.post(`/api/episodes/${episodeId}/notes`, { sessionDate });
  if (created.status !== 201) throw new Error(`note failed: ${created.status} ${created.text}`);
  const acknowledgements = (created.body.alerts as { ruleId: string; severity: string }[])
    .filter((a) => a.severity === 'postpone_refer')
    .map((a) => ({ ruleId: a.ruleId, reason: 'Cleared by the prescriber by phone.' }));
  const saved = await agent.patch(`/api/notes/${created.body.id}`, {
    version: created.body.version,
    ...NOTE_CONTENT,
    acknowledgements,
    ...extra,
  });
  if (saved.status !== 200) throw new Error(`note save failed: ${saved.status} ${saved.text}`);
  const signed = await agent.post(`/api/notes/${created.body.id}/sign`, { version: saved.body.version });
  if (signed.status !== 200) throw new Error(`sign failed: ${signed.status} ${signed.text}`);
  return signed.body as { id: string; version: number } & Record<string, any>;
}
