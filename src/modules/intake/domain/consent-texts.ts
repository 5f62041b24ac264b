/**
 * Consent wording Palpa ships, versioned: a signature is stored with the exact version and text it agreed
 * to, so a later edit of the wording never changes what an earlier client signed. Written for Palpa after
 * the elements of informed consent (AMA Code of Medical Ethics Op. 2.1.1) and of an authorisation to
 * release information (HIPAA, 45 CFR 164.508(c)). Clinics should have their own counsel review them.
 */
export const CONSENT_KINDS = ['treatment', 'release_of_information'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const SIGNATURE_METHODS = ['drawn', 'typed'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export type ConsentText = { kind: ConsentKind; version: string; title: string; body: string };

export const CONSENT_TEXTS: readonly ConsentText[] = [
  {
    kind: 'treatment',
    version: 'treatment-2026-11',
    title: 'Consent to massage therapy treatment',
    body: [
      'I ask to receive massage therapy for the condition my prescriber referred me for.',
      'My therapist has explained the treatment plan, the techniques to be used, the expected benefits, and the possible effects, including temporary soreness, bruising or fatigue. I may ask questions at any time.',
      'Massage therapy does not replace medical care. My therapist does not diagnose illness or prescribe medication.',
      'I have given a complete and accurate health history and will tell my therapist about any change in my health or medications.',
      'I may ask to change the pressure or technique, or stop the session, at any time, and I may withdraw this consent at any time.',
    ].join('\n\n'),
  },
  {
    kind: 'release_of_information',
    version: 'release-2026-11',
    title: 'Authorisation to release health information',
    body: [
      'I authorise this clinic to share my treatment records (intake, assessments, treatment notes and progress reports) with the person or organisation named below, for the purpose of coordinating my care and obtaining payment.',
      'This authorisation expires one year from the date signed unless I revoke it earlier in writing. Revoking it does not affect information already shared.',
      'Information shared may be re-disclosed by the recipient and may then no longer be protected by federal privacy rules.',
      'My treatment does not depend on signing this authorisation.',
    ].join('\n\n'),
  },
];

export function currentConsentText(kind: ConsentKind): ConsentText {
  const text = CONSENT_TEXTS.find((t) => t.kind === kind);
  if (!text) throw new Error(`No consent text for ${kind}`);
  return text;
}
