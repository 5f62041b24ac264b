/**
 * The words of appointment messages. They say when, where and how to change the booking — never what
 * for (domain/message.ts CLINICAL_WORDS): no service, diagnosis or note.
 */
export type AppointmentMessageFacts = {
  clientFirstName: string;
  clinicName: string;
  clinicPhone: string | null;
  /** "Tue, Dec 1, 2026 at 10:00 AM EST" */
  when: string;
  therapistFirstName: string;
  portalUrl: string | null;
};

function changeLine(f: AppointmentMessageFacts): string {
  const ways = [
    f.portalUrl && `in your portal: ${f.portalUrl}`,
    f.clinicPhone && `by phone: ${f.clinicPhone}`,
  ].filter(Boolean);
  return ways.length
    ? `To change or cancel, reach us ${ways.join(' or ')}.`
    : 'To change or cancel, contact the clinic.';
}

export function confirmationMessage(f: AppointmentMessageFacts) {
  return {
    subject: `Your appointment at ${f.clinicName}`,
    body: [
      `Hello ${f.clientFirstName},`,
      '',
      `Your appointment with ${f.therapistFirstName} at ${f.clinicName} is booked for ${f.when}.`,
      changeLine(f),
      '',
      f.clinicName,
    ].join('\n'),
  };
}

export function reminderMessage(f: AppointmentMessageFacts) {
  return {
    subject: `Reminder: your appointment at ${f.clinicName}`,
    body: [
      `Hello ${f.clientFirstName},`,
      '',
      `A reminder of your appointment with ${f.therapistFirstName} at ${f.clinicName} on ${f.when}.`,
      changeLine(f),
      '',
      f.clinicName,
    ].join('\n'),
  };
}

export function cancellationMessage(f: AppointmentMessageFacts) {
  return {
    subject: `Appointment cancelled — ${f.clinicName}`,
    body: [
      `Hello ${f.clientFirstName},`,
      '',
      `Your appointment at ${f.clinicName} on ${f.when} is cancelled.`,
      changeLine(f),
      '',
      f.clinicName,
    ].join('\n'),
  };
}

/**
 * Forms to fill before a visit (issue 7, item 6): the health history before the first visit, the
 * questionnaires before a re-evaluation. Named by kind only, never by condition.
 */
export function formsMessage(f: AppointmentMessageFacts & { purpose: 'intake' | 're_evaluation' }) {
  const what =
    f.purpose === 'intake'
      ? 'please fill in the health history form before your first visit'
      : 'please fill in the short progress questionnaires before your next visit';
  return {
    subject: `A form to fill before your visit — ${f.clinicName}`,
    body: [
      `Hello ${f.clientFirstName},`,
      '',
      `To make the most of your appointment on ${f.when}, ${what}.`,
      f.portalUrl
        ? `You will find it in your client portal: ${f.portalUrl} (ask us for an invitation if you have no account yet).`
        : 'Ask us for your client portal invitation, or come ten minutes early to fill it in at the desk.',
      ...(f.clinicPhone ? [`Questions? Call us at ${f.clinicPhone}.`] : []),
      '',
      f.clinicName,
    ].join('\n'),
  };
}
