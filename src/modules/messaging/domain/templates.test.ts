import { describe, expect, it } from 'vitest';
import { clinicalWordsIn } from './message.js';
import { cancellationMessage, confirmationMessage, formsMessage, reminderMessage } from './templates.js';

const FACTS = {
  clientFirstName: 'Margaret',
  clinicName: 'Riverside Medical Massage',
  clinicPhone: '(555) 100-2000',
  when: 'Tue, Dec 1, 2026 at 10:00 AM EST',
  therapistFirstName: 'Jordan',
  portalUrl: 'https://palpa.example/portal',
};

describe('appointment messages (minimum necessary)', () => {
  it.each([
    ['confirmation', confirmationMessage],
    ['reminder', reminderMessage],
    ['cancellation', cancellationMessage],
    ['intake form', (f: typeof FACTS) => formsMessage({ ...f, purpose: 'intake' })],
    ['re-evaluation questionnaires', (f: typeof FACTS) => formsMessage({ ...f, purpose: 're_evaluation' })],
  ])('%s says when and where, and nothing clinical', (_, template) => {
    const message = template(FACTS);
    expect(message.body).toContain('Tue, Dec 1, 2026 at 10:00 AM EST');
    expect(message.body).toContain('(555) 100-2000');
    // The clinic's own name may say "Medical Massage"; the rest of the message may not.
    const withoutClinicName = `${message.subject}\n${message.body}`.replaceAll(FACTS.clinicName, 'CLINIC');
    expect(clinicalWordsIn(withoutClinicName)).toEqual([]);
  });

  it('finds clinical words', () => {
    expect(clinicalWordsIn('Your treatment for neck pain (M54.2 diagnosis)')).toEqual([
      'diagnos',
      'pain',
      'treatment for',
    ]);
  });
});
