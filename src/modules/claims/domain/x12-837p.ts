/**
 * X12 005010X222A1 837P (professional claim) serialiser. Pure: the caller supplies control numbers and the
 * file's creation time, so the same claims always give the same bytes.
 * Loop skeleton, envelope and the example this reproduces: billing-standards.md §4.1–4.2; which
 * ClaimDocument field feeds which element: §3.
 */
import type {
  ClaimDocument,
  ClaimServiceLine,
  PersonName,
  PostalAddress,
  Relationship,
  Sex,
} from './claim-document.js';

export const X12_SEPARATORS = { element: '*', component: ':', repetition: '^', segment: '~' } as const;

export type Interchange837Options = {
  /** ISA06 / GS02 / submitter NM109 (e.g. 'PALPA01'); padded to 15 in ISA. */
  senderId: string;
  /** ISA08 / GS03 (e.g. 'CLEARHOUSE'); also the receiver NM109 unless receiverPrimaryId is given. */
  receiverId: string;
  /** 1000B NM1*40 name. */
  receiverName: string;
  /** 1000B NM109 when the receiver's ETIN differs from its interchange id (§4.2 example: 12345). */
  receiverPrimaryId?: string;
  /** 1000A NM1*41 and PER*IC. */
  submitter: { name: string; contactName: string; phone: string };
  /** ISA13 (9 digits, zero-padded) = IEA02. */
  interchangeControlNumber: number;
  /** GS06 = GE02. */
  groupControlNumber: number;
  /** ST02 = SE02, at least 4 digits zero-padded; default 1. */
  transactionSetControlNumber?: number;
  /** ISA15: P production, T test. */
  usage: 'P' | 'T';
  /** Local clinic time the file is created: 'YYYY-MM-DD', 'HH:MM'. */
  createdAt: { date: string; time: string };
  /** BHT03: the submitter's reference for this batch. */
  batchReference: string;
  /** A newline after every segment terminator (readable, and what most clearinghouses accept). Default true. */
  lineBreaks?: boolean;
};

const { element: E, component: C, segment: S } = X12_SEPARATORS;

/** Cents → X12 decimal (R type): no trailing zeros, no needless decimal point (18000 → '180', 6250 → '62.5'). */
export function formatX12Amount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount must be whole cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  if (fraction === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * Free text made safe for an element: delimiters and line breaks would split the segment (§4.1), and
 * characters outside printable ASCII are outside the X12 extended character set, so accents are folded
 * (José → Jose) and anything else dropped.
 */
export function sanitizeX12Text(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[*~:^]|\s/g, ' ')
    .replace(/[^\x20-\x7E]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const upper = (value: string | null | undefined): string => sanitizeX12Text(value).toUpperCase();
const digits = (value: string | null | undefined): string => (value ?? '').replace(/\D/g, '');

/** A segment with trailing empty elements dropped, as X12 syntax requires. */
function segment(...elements: Array<string | null | undefined>): string {
  let end = elements.length;
  while (end > 1 && !elements[end - 1]) end--;
  return elements
    .slice(0, end)
    .map((value) => value ?? '')
    .join(E);
}

function composite(...components: Array<string | null | undefined>): string {
  let end = components.length;
  while (end > 0 && !components[end - 1]) end--;
  return components
    .slice(0, end)
    .map((value) => value ?? '')
    .join(C);
}

/** 'YYYY-MM-DD' → 'CCYYMMDD' (DTP D8, GS04, BHT04). */
function d8(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got "${isoDate}"`);
  return `${match[1]}${match[2]}${match[3]}`;
}

function hhmm(time: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`Expected an HH:MM time, got "${time}"`);
  return `${match[1]}${match[2]}`;
}

function controlNumber(value: number, width: number, label: string): string {
  if (!Number.isSafeInteger(value) || value < 1 || value > 999_999_999) {
    throw new RangeError(`${label} must be an integer from 1 to 999999999, got ${value}`);
  }
  return String(value).padStart(width, '0');
}

/** ISA06/ISA08 are fixed 15-character fields; a longer id would shift every later ISA element (§4.1). */
function isaId(value: string, label: string): string {
  const id = sanitizeX12Text(value);
  if (id.length === 0 || id.length > 15) throw new RangeError(`${label} must be 1–15 characters`);
  return id.padEnd(15, ' ');
}

function personNm1(entity: string, name: PersonName, idQualifier?: string, id?: string | null): string {
  return segment(
    'NM1',
    entity,
    '1',
    upper(name.familyName),
    upper(name.givenName),
    upper(name.middleInitial),
    '',
    '',
    id ? idQualifier : '',
    sanitizeX12Text(id),
  );
}

function organizationNm1(entity: string, name: string, idQualifier?: string, id?: string | null): string {
  return segment('NM1', entity, '2', upper(name), '', '', '', '', id ? idQualifier : '', sanitizeX12Text(id));
}

function addressSegments(address: PostalAddress): string[] {
  return [
    segment('N3', upper(address.line1), upper(address.line2)),
    segment('N4', upper(address.city), upper(address.state), digits(address.zip)),
  ];
}

function demographics(dateOfBirth: string, sex: Sex | null | undefined): string {
  return segment('DMG', 'D8', d8(dateOfBirth), sex ?? 'U');
}

/** 2000C PAT01 (§4.2, box 6). A patient under an employer (WC) gets TR3 code 20 "employee" instead. */
const PATIENT_RELATIONSHIP: Record<Exclude<Relationship, 'self'>, string> = {
  spouse: '01',
  child: '19',
  other: 'G8',
};

/** Repeat limits of the TR3 that the document could exceed; beyond them the file cannot carry the claim. */
function assertRepresentable(claim: ClaimDocument): void {
  const where = `Claim ${claim.patientControlNumber}`;
  if (claim.diagnoses.length < 1 || claim.diagnoses.length > 12) {
    throw new RangeError(`${where}: 837P carries 1–12 diagnoses (HI), got ${claim.diagnoses.length}`);
  }
  if (claim.lines.length < 1 || claim.lines.length > 50) {
    throw new RangeError(`${where}: 837P carries 1–50 service lines (2400), got ${claim.lines.length}`);
  }
  for (const line of claim.lines) {
    if (line.modifiers.length > 4) {
      throw new RangeError(`${where} line ${line.lineNumber}: at most 4 modifiers`);
    }
    const pointers = line.diagnosisPointers;
    if (
      pointers.length < 1 ||
      pointers.length > 4 ||
      pointers.some((p) => !Number.isInteger(p) || p < 1 || p > 12)
    ) {
      throw new RangeError(`${where} line ${line.lineNumber}: 1–4 diagnosis pointers from 1 to 12 (SV107)`);
    }
  }
}

function billingProviderLoop(claim: ClaimDocument, hl: number, submitterPhone: string): string[] {
  const provider = claim.billingProvider;
  const out = [
    segment('HL', String(hl), '', '20', '1'),
    segment('PRV', 'BI', 'PXC', sanitizeX12Text(provider.taxonomy)),
    organizationNm1('85', provider.organizationName, 'XX', digits(provider.npi)),
    ...addressSegments(provider.address),
    segment('REF', provider.taxIdType === 'SSN' ? 'SY' : 'EI', digits(provider.taxId)),
  ];
  // 2010AA PER is only required when it differs from the 1000A submitter contact.
  const phone = digits(provider.phone);
  if (phone && phone !== submitterPhone) out.push(segment('PER', 'IC', '', 'TE', phone));
  return out;
}

/** 2000B–2010CA for one claim; returns the next free HL number. */
function subscriberAndPatientLoops(
  claim: ClaimDocument,
  billingHl: number,
  nextHl: number,
  out: string[],
): number {
  const { subscriber, patient, payer, accident } = claim;
  // An employer (WC insured, box 4) cannot be the patient, so the patient always gets a 2000C loop then.
  const isOrganization = Boolean(subscriber.organizationName);
  const patientIsSubscriber = patient.relationshipToSubscriber === 'self' && !isOrganization;
  const claimNumber = sanitizeX12Text(accident?.propertyCasualtyClaimNumber);

  const subscriberHl = nextHl++;
  out.push(segment('HL', String(subscriberHl), String(billingHl), '22', patientIsSubscriber ? '0' : '1'));
  out.push(
    segment(
      'SBR',
      subscriber.sequence,
      patientIsSubscriber ? '18' : '',
      sanitizeX12Text(subscriber.groupNumber),
      // SBR04 (plan name) is only sent when there is no group number (TR3 2000B note; box 11c).
      subscriber.groupNumber ? '' : upper(subscriber.planName),
      '',
      '',
      '',
      '',
      subscriber.filingIndicator,
    ),
  );

  // 2010BA: when the patient is the subscriber, the patient's own address and demographics stand in.
  out.push(
    isOrganization
      ? organizationNm1('IL', subscriber.organizationName ?? '', 'MI', subscriber.memberId)
      : personNm1('IL', subscriber, 'MI', subscriber.memberId),
  );
  const subscriberAddress = subscriber.address ?? (patientIsSubscriber ? patient.address : null);
  if (subscriberAddress) out.push(...addressSegments(subscriberAddress));
  const subscriberDob = subscriber.dateOfBirth ?? (patientIsSubscriber ? patient.dateOfBirth : null);
  if (subscriberDob && !isOrganization) {
    out.push(demographics(subscriberDob, subscriber.sex ?? (patientIsSubscriber ? patient.sex : null)));
  }
  // REF*Y4 goes in the patient's own name loop, and is sent once (§5 "Claim number").
  if (claimNumber && patientIsSubscriber) out.push(segment('REF', 'Y4', claimNumber));

  // 2010BB payer.
  out.push(organizationNm1('PR', payer.name, 'PI', payer.payerId));
  if (payer.address) out.push(...addressSegments(payer.address));

  if (patientIsSubscriber) return nextHl;

  const patientHl = nextHl++;
  out.push(segment('HL', String(patientHl), String(subscriberHl), '23', '0'));
  // Not the subscriber: a 'self' here can only be a patient under an employer, i.e. an employee.
  const relationship = patient.relationshipToSubscriber;
  out.push(
    segment('PAT', relationship === 'self' || isOrganization ? '20' : PATIENT_RELATIONSHIP[relationship]),
  );
  out.push(personNm1('QC', patient));
  out.push(...addressSegments(patient.address));
  out.push(demographics(patient.dateOfBirth, patient.sex));
  if (claimNumber) out.push(segment('REF', 'Y4', claimNumber));
  return nextHl;
}

function claimLoop(claim: ClaimDocument, out: string[]): void {
  const { accident } = claim;
  // CLM11: EM / AA / OA, with the accident state in CLM11-4 for auto (box 10b).
  const relatedCauses = accident
    ? composite(accident.relatedCause, '', '', accident.relatedCause === 'AA' ? upper(accident.state) : '')
    : '';
  out.push(
    segment(
      'CLM',
      sanitizeX12Text(claim.patientControlNumber),
      formatX12Amount(claim.totalChargeCents),
      '',
      '',
      composite(sanitizeX12Text(claim.placeOfService), 'B', claim.frequencyCode),
      'Y',
      claim.acceptAssignment ? 'A' : 'C',
      claim.benefitsAssigned ? 'Y' : 'N',
      claim.releaseOfInformation ? 'Y' : 'I',
      '',
      relatedCauses,
    ),
  );
  // DTPs in TR3 2300 order: onset (box 14), initial treatment (box 15), accident.
  if (claim.onsetDate) out.push(segment('DTP', '431', 'D8', d8(claim.onsetDate)));
  if (claim.initialTreatmentDate) out.push(segment('DTP', '454', 'D8', d8(claim.initialTreatmentDate)));
  if (accident?.date) out.push(segment('DTP', '439', 'D8', d8(accident.date)));
  // Box 29 → AMT*F5 (§3); a zero amount is not sent.
  if (claim.amountPaidCents > 0) out.push(segment('AMT', 'F5', formatX12Amount(claim.amountPaidCents)));
  if (claim.priorAuthorizationNumber) {
    out.push(segment('REF', 'G1', sanitizeX12Text(claim.priorAuthorizationNumber)));
  }
  // Box 22: the payer's number of the claim being replaced or voided.
  if (claim.frequencyCode !== '1' && claim.originalPayerClaimNumber) {
    out.push(segment('REF', 'F8', sanitizeX12Text(claim.originalPayerClaimNumber)));
  }
  out.push(
    segment(
      'HI',
      ...claim.diagnoses.map((code, index) =>
        composite(index === 0 ? 'ABK' : 'ABF', upper(code).replace(/[.\s]/g, '')),
      ),
    ),
  );

  // 2310A referring (prescriber, box 17).
  if (claim.referringProvider) {
    out.push(personNm1('DN', claim.referringProvider, 'XX', digits(claim.referringProvider.npi)));
  }
  // 2310B rendering: only when the therapist is not the billing provider (§4.2).
  const rendering = claim.renderingProvider;
  if (digits(rendering.npi) !== digits(claim.billingProvider.npi)) {
    out.push(personNm1('82', rendering, 'XX', digits(rendering.npi)));
    out.push(segment('PRV', 'PE', 'PXC', sanitizeX12Text(rendering.taxonomy)));
  }
  // 2310C service facility (box 32), present only when it is not the billing address.
  if (claim.serviceFacility) {
    const facility = claim.serviceFacility;
    out.push(organizationNm1('77', facility.name, 'XX', digits(facility.npi)));
    out.push(...addressSegments(facility.address));
  }

  for (const line of claim.lines) serviceLine(claim, line, out);
}

function serviceLine(claim: ClaimDocument, line: ClaimServiceLine, out: string[]): void {
  const linePos = sanitizeX12Text(line.placeOfService);
  out.push(segment('LX', String(line.lineNumber)));
  out.push(
    segment(
      'SV1',
      composite('HC', upper(line.code), ...line.modifiers.map(upper)),
      formatX12Amount(line.chargeCents),
      'UN',
      String(line.units),
      // SV105 only when the line's place of service differs from CLM05-1 (box 24B).
      linePos && linePos !== sanitizeX12Text(claim.placeOfService) ? linePos : '',
      '',
      composite(...line.diagnosisPointers.map(String)),
    ),
  );
  out.push(segment('DTP', '472', 'D8', d8(line.serviceDate)));
  out.push(segment('REF', '6R', sanitizeX12Text(line.lineControlNumber)));
}

/**
 * One interchange (ISA/GS/ST) holding every claim: a 2000A billing-provider loop per distinct NPI + tax id
 * (in order of first appearance), a 2000B subscriber loop per claim, and 2000C when the patient is not the
 * subscriber. HL01 counts up through the file; HL02 names the parent.
 */
export function build837p(claims: ClaimDocument[], options: Interchange837Options): string {
  if (claims.length === 0) throw new RangeError('An 837P needs at least one claim');
  claims.forEach(assertRepresentable);

  const fileDate = d8(options.createdAt.date);
  const fileTime = hhmm(options.createdAt.time);
  const senderId = sanitizeX12Text(options.senderId);
  const receiverId = sanitizeX12Text(options.receiverId);
  const icn = controlNumber(options.interchangeControlNumber, 9, 'Interchange control number');
  const gcn = controlNumber(options.groupControlNumber, 1, 'Group control number');
  const stcn = controlNumber(options.transactionSetControlNumber ?? 1, 4, 'Transaction set control number');
  const submitterPhone = digits(options.submitter.phone);

  const envelope = [
    segment(
      'ISA',
      '00',
      ' '.repeat(10),
      '00',
      ' '.repeat(10),
      'ZZ',
      isaId(options.senderId, 'senderId'),
      'ZZ',
      isaId(options.receiverId, 'receiverId'),
      fileDate.slice(2),
      fileTime,
      X12_SEPARATORS.repetition,
      '00501',
      icn,
      '1',
      options.usage,
      C,
    ),
    segment('GS', 'HC', senderId, receiverId, fileDate, fileTime, gcn, 'X', '005010X222A1'),
  ];

  const out: string[] = [
    segment('ST', '837', stcn, '005010X222A1'),
    segment('BHT', '0019', '00', sanitizeX12Text(options.batchReference), fileDate, fileTime, 'CH'),
    organizationNm1('41', options.submitter.name, '46', senderId),
    segment('PER', 'IC', upper(options.submitter.contactName), 'TE', submitterPhone),
    organizationNm1(
      '40',
      options.receiverName,
      '46',
      sanitizeX12Text(options.receiverPrimaryId ?? receiverId),
    ),
  ];

  const byBillingProvider = new Map<string, ClaimDocument[]>();
  for (const claim of claims) {
    const key = `${digits(claim.billingProvider.npi)}|${digits(claim.billingProvider.taxId)}`;
    const group = byBillingProvider.get(key);
    if (group) group.push(claim);
    else byBillingProvider.set(key, [claim]);
  }

  let nextHl = 1;
  for (const group of byBillingProvider.values()) {
    const billingHl = nextHl++;
    out.push(...billingProviderLoop(group[0]!, billingHl, submitterPhone));
    for (const claim of group) {
      nextHl = subscriberAndPatientLoops(claim, billingHl, nextHl, out);
      claimLoop(claim, out);
    }
  }

  out.push(segment('SE', String(out.length + 1), stcn));
  const trailer = [segment('GE', '1', gcn), segment('IEA', '1', icn)];

  const terminator = options.lineBreaks === false ? S : `${S}\n`;
  return [...envelope, ...out, ...trailer].join(terminator) + terminator;
}
