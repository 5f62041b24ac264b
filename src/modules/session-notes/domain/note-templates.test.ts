import { describe, expect, it } from 'vitest';
import { regionById } from '../../assessments/domain/body-regions.js';
import { NOTE_TEMPLATES } from './note-templates.js';
import {
  canonicalNoteContent,
  signingProblems,
  SERVICE_CODES,
  TECHNIQUES,
  type NoteContent,
} from './session-note.js';

describe('note templates', () => {
  it.each(NOTE_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s uses known regions, techniques and codes',
    (_id, template) => {
      for (const service of template.services) {
        expect(TECHNIQUES.map((t) => t.id)).toContain(service.technique);
        expect(SERVICE_CODES.map((c) => c.code)).toContain(service.serviceCode);
        for (const region of service.regions) expect(regionById(region), region).toBeDefined();
      }
    },
  );
});

const complete: NoteContent = {
  sessionDate: '2026-11-20',
  subjective: 's',
  objective: 'o',
  assessment: 'a',
  plan: 'p',
  painBefore: 5,
  painAfter: 3,
  pressureLevel: 3,
  clientResponse: '',
  homeCare: '',
  services: [{ technique: 'swedish', regions: [], minutes: 30, serviceCode: '97124' }],
};

describe('signingProblems', () => {
  const dvt = { ruleId: 'dvt', title: 'Deep vein thrombosis', requiresAcknowledgement: true };
  const gentle = { ruleId: 'fibro', title: 'Fibromyalgia', requiresAcknowledgement: false };

  it.each([
    ['a complete note', complete, [], [], []],
    ['a future session', { ...complete, sessionDate: '2026-11-26' }, [], [], ['sessionDate']],
    [
      'zero minutes',
      { ...complete, services: [{ ...complete.services[0]!, minutes: 0 }] },
      [],
      [],
      ['services[0].minutes'],
    ],
    ['an unacknowledged postpone/refer alert', complete, [dvt, gentle], [], ['acknowledgements.dvt']],
    ['a reason too short', complete, [dvt], [{ ruleId: 'dvt', reason: 'ok' }], ['acknowledgements.dvt']],
    ['an acknowledged alert', complete, [dvt], [{ ruleId: 'dvt', reason: 'Cleared by Dr. Ode' }], []],
  ] as const)('%s', (_label, note, alerts, acknowledgements, paths) => {
    const problems = signingProblems(
      { ...note, acknowledgements: [...acknowledgements] },
      alerts,
      '2026-11-25',
    );
    expect(problems.map((p) => p.path)).toEqual(paths);
  });

  it('hashes the same content the same way, and different content differently', () => {
    expect(canonicalNoteContent(complete)).toBe(canonicalNoteContent({ ...complete }));
    expect(canonicalNoteContent({ ...complete, plan: 'q' })).not.toBe(canonicalNoteContent(complete));
  });
});
