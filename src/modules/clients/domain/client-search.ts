/**
 * Reads what a front-desk person types into the client search box: a date of birth (1985-03-14 or
 * 03/14/1985), a phone number (7+ digits, any punctuation), an email fragment, or words of a name.
 */
export type ClientQuery =
  | { kind: 'all' }
  | { kind: 'dateOfBirth'; date: string }
  | { kind: 'phone'; digits: string }
  | { kind: 'email'; text: string }
  | { kind: 'text'; text: string };

export function parseClientQuery(raw: string | undefined): ClientQuery {
  const q = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (q === '') return { kind: 'all' };

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(q);
  if (iso) return { kind: 'dateOfBirth', date: `${iso[1]}-${pad(iso[2])}-${pad(iso[3])}` };
  const us = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(q);
  if (us) return { kind: 'dateOfBirth', date: `${us[3]}-${pad(us[1])}-${pad(us[2])}` };

  if (/^[\d\s()+.-]+$/.test(q)) {
    const digits = q.replace(/\D/g, '');
    if (digits.length >= 4) return { kind: 'phone', digits };
  }
  if (q.includes('@')) return { kind: 'email', text: q.toLowerCase() };
  return { kind: 'text', text: q.toLowerCase() };
}

function pad(part: string | undefined): string {
  return (part ?? '').padStart(2, '0');
}
