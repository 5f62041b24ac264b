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
