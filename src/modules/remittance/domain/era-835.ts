import { claimStatusLabel, TRANSACTION_SET_NAMES } from './adjustment-codes.js';

/**
 * Typed reading of an X12 835 health care claim payment/advice (005010X221A1), from segments already split by
 * `readX12Segments`. Loop structure and element meanings: billing-standards.md §4.3 and the 835 guide
 * (Stedi's rendering, linked there). Money is integer cents; dates are ISO `YYYY-MM-DD`.
 *
 * The reader is lenient on purpose: an 835 is a payer's statement of money already sent, so an odd element
 * must not stop us reading the rest. Unknown segments are skipped; anything suspicious (a bad amount, a
 * segment count that disagrees with SE01, a missing trailer) becomes a warning on the remittance. It only
 * throws, with an X12FormatError, when there is no 835 transaction at all.
 */

/** One X12 segment: `elements[0]` is element 01. Composite elements keep their components joined by ':'. */
export type X12Segment = { name: string; elements: string[] };

/** Input that is not a readable X12 835. Its message is meant for the user (the API turns it into a 422). */
export class X12FormatError extends Error {
  override name = 'X12FormatError';
}

/** CAS01. CR (correction/reversal) is a 4010 group some payers still send. */
export type AdjustmentGroup = 'CO' | 'PR' | 'OA' | 'PI' | 'CR';

export type Adjustment = {
  group: AdjustmentGroup;
  /** CARC, e.g. "45". */
  reasonCode: string;
  amountCents: number;
  quantity: number | null;
};

/** SVC01 / SVC06 composite: `HC:97140:GP` → qualifier HC, code 97140, modifiers [GP]. */
export type ProcedureCode = { qualifier: string; code: string; modifiers: string[] };

export type ServicePayment = {
  procedure: ProcedureCode;
  /** SVC02, the line charge as the payer received it. */
  chargeCents: number;
  /** SVC03. */
  paidCents: number;
  /** SVC05; the guide says an omitted value means 1. */
  unitsPaid: number;
  /** SVC06: the code we billed, present only when the payer adjudicated under another code (SVC01). */
  originalProcedure: ProcedureCode | null;
  /** SVC07: units we billed, present only when they differ from SVC05. */
  originalUnits: number | null;
  /** DTM*472 (or DTM*150, the start of a range). */
  serviceDate: string | null;
  /** DTM*151, the end of a range. */
  serviceDateTo: string | null;
  /** REF*6R: our line item control number from the 837P. */
  lineControlNumber: string | null;
  adjustments: Adjustment[];
  /** AMT*B6, informational (not part of balancing). */
  allowedCents: number | null;
  /** LQ*HE remittance advice remark codes (RARC). */
  remarkCodes: string[];
};

export type ClaimPayment = {
  /** CLP01: our CLM01. */
  patientControlNumber: string;
  /** CLP02. */
  statusCode: string;
  statusLabel: string;
  /** CLP03. */
  chargeCents: number;
  /** CLP04. */
  paidCents: number;
  /** CLP05 (0 when empty). */
  patientResponsibilityCents: number;
  /** CLP06 claim filing indicator. */
  filingIndicator: string;
  /** CLP07: the payer's claim number (REF*F8 on a replacement claim). */
  payerClaimNumber: string;
  /** Claim-level CAS (loop 2100). */
  adjustments: Adjustment[];
  /** NM1*QC. */
  patient: { familyName: string; givenName: string; memberId: string | null } | null;
  /** DTM*232 / DTM*233 statement period. */
  statementFrom: string | null;
  statementTo: string | null;
  services: ServicePayment[];
};

export type ProviderAdjustment = {
  /** PLB01. */
  providerId: string;
  /** PLB02 (end of the provider's fiscal period). */
  fiscalPeriodDate: string | null;
  /** PLB03-1 etc., e.g. WO, L6, FB. */
  reasonCode: string;
  /** PLB03-2 etc., e.g. the payer claim number an overpayment is recovered from. */
  reference: string | null;
  /** Positive reduces the payment, negative increases it. */
  amountCents: number;
};

/** BPR04. */
export type PaymentMethod = 'ACH' | 'BOP' | 'CHK' | 'FWT' | 'NON';

export type Era835 = {
  /** ISA13 (null when the segments came without an envelope). */
  interchangeControlNumber: string | null;
  interchangeSenderId: string | null;
  interchangeReceiverId: string | null;
  /** ISA15: P production, T test. */
  usageIndicator: string | null;
  /** GS06. */
  groupControlNumber: string | null;
  /** ST02. */
  transactionControlNumber: string;
  /** ST03, else GS08: "005010X221A1". */
  implementationGuide: string | null;
  payer: { name: string; idQualifier: string | null; id: string | null };
  payee: {
    name: string;
    idQualifier: string | null;
    id: string | null;
    npi: string | null;
    taxId: string | null;
  };
  payment: {
    /** BPR01: I remittance with payment, H notification only, … */
    handlingCode: string;
    /** BPR02. */
    totalPaidCents: number;
    /** BPR03: C credit, D debit. */
    creditDebit: string;
    /** BPR04; null when absent or not a known code. */
    method: PaymentMethod | null;
    /** BPR16: the payment (EFT effective or check issue) date. */
    paymentDate: string | null;
  };
  /** TRN02: the EFT trace or check number, which ties the remittance to the bank deposit. */
  traceNumber: string | null;
  /** TRN03: the payer's identifier as originator of the payment. */
  traceOriginatorId: string | null;
  /** DTM*405. */
  productionDate: string | null;
  claims: ClaimPayment[];
  providerAdjustments: ProviderAdjustment[];
  /** Structural oddities found while reading; the remittance is still usable. */
  warnings: string[];
};

const ADJUSTMENT_GROUPS = new Set<string>(['CO', 'PR', 'OA', 'PI', 'CR']);
const PAYMENT_METHODS = new Set<string>(['ACH', 'BOP', 'CHK', 'FWT', 'NON']);
const EXPECTED_GUIDE = '005010X221A1';

/**
 * Decimal text → integer cents without going through binary floating point ('62.5' → 6250, '-10' → -1000,
 * '.5' → 50). X12 R (decimal) values allow a leading sign and an optional decimal point; a third decimal
 * rounds half away from zero. Null when the text is not a number.
 */
export function parseCents(text: string): number | null {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  let cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  if (fraction.length > 2 && Number(fraction[2]) >= 5) cents += 1;
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** CCYYMMDD → YYYY-MM-DD, or null when it is not a calendar date. */
export function parseX12Date(text: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, year = '', month = '', day = ''] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  if (d < 1 || d > daysInMonth) return null;
  return `${year}-${month}-${day}`;
}

function parseProcedure(composite: string): ProcedureCode {
  const [qualifier = '', code = '', ...rest] = composite.split(':');
  // Components 3-6 are modifiers, 7 is a description (835 guide, SVC01 / C003).
  return { qualifier, code, modifiers: rest.slice(0, 4).filter((m) => m !== '') };
}

function parseQuantity(text: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text.trim())) return null;
  return Number(text);
}

type TransactionState = {
  era: Era835;
  segmentCount: number;
  claim: ClaimPayment | null;
  service: ServicePayment | null;
  /** Which 1000A/1000B party the REF segments that follow an N1 belong to. */
  party: 'PR' | 'PE' | null;
};

type Envelope = {
  isa: X12Segment | null;
  gs: X12Segment | null;
};

const el = (segment: X12Segment, position: number): string => segment.elements[position - 1] ?? '';
const orNull = (text: string): string | null => (text === '' ? null : text);

function money(state: TransactionState, segment: X12Segment, position: number, required: boolean): number {
  const raw = el(segment, position);
  if (raw === '') {
    if (required) state.era.warnings.push(`${segment.name}${pad(position)} is empty; read as $0.00.`);
    return 0;
  }
  const cents = parseCents(raw);
  if (cents === null) {
    state.era.warnings.push(`${segment.name}${pad(position)} "${raw}" is not an amount; read as $0.00.`);
    return 0;
  }
  return cents;
}

function date(state: TransactionState, segment: X12Segment, position: number): string | null {
  const raw = el(segment, position);
  if (raw === '') return null;
  const iso = parseX12Date(raw);
  if (iso === null) state.era.warnings.push(`${segment.name}${pad(position)} "${raw}" is not a date.`);
  return iso;
}

const pad = (position: number) => String(position).padStart(2, '0');

function readAdjustments(state: TransactionState, segment: X12Segment): Adjustment[] {
  let group = el(segment, 1);
  if (!ADJUSTMENT_GROUPS.has(group)) {
    state.era.warnings.push(`CAS group "${group}" is not CO, PR, OA, PI or CR; read as OA.`);
    group = 'OA';
  }
  const adjustments: Adjustment[] = [];
  // Up to six reason/amount/quantity triplets: CAS02-04, 05-07, … 17-19 (835 guide, CAS segment).
  for (let position = 2; position <= 17; position += 3) {
    const reasonCode = el(segment, position);
    if (reasonCode === '') continue;
    adjustments.push({
      group: group as AdjustmentGroup,
      reasonCode,
      amountCents: money(state, segment, position + 1, true),
      quantity: parseQuantity(el(segment, position + 2)),
    });
  }
  return adjustments;
}

function startTransaction(st: X12Segment, envelope: Envelope): TransactionState {
  const { isa, gs } = envelope;
  const era: Era835 = {
    interchangeControlNumber: isa ? el(isa, 13) : null,
    interchangeSenderId: isa ? el(isa, 6) : null,
    interchangeReceiverId: isa ? el(isa, 8) : null,
    usageIndicator: isa ? el(isa, 15) : null,
    groupControlNumber: gs ? el(gs, 6) : null,
    transactionControlNumber: el(st, 2),
    implementationGuide: orNull(el(st, 3)) ?? (gs ? orNull(el(gs, 8)) : null),
    payer: { name: '', idQualifier: null, id: null },
    payee: { name: '', idQualifier: null, id: null, npi: null, taxId: null },
    payment: { handlingCode: '', totalPaidCents: 0, creditDebit: '', method: null, paymentDate: null },
    traceNumber: null,
    traceOriginatorId: null,
    productionDate: null,
    claims: [],
    providerAdjustments: [],
    warnings: [],
  };
  if (era.implementationGuide !== null && era.implementationGuide !== EXPECTED_GUIDE) {
    era.warnings.push(
      `Implementation guide ${era.implementationGuide}, not ${EXPECTED_GUIDE}; read as 5010.`,
    );
  }
  return { era, segmentCount: 1, claim: null, service: null, party: null };
}

function readSegment(state: TransactionState, segment: X12Segment): void {
  const { era } = state;
  switch (segment.name) {
    case 'BPR': {
      const method = el(segment, 4);
      era.payment = {
        handlingCode: el(segment, 1),
        totalPaidCents: money(state, segment, 2, true),
        creditDebit: el(segment, 3),
        method: PAYMENT_METHODS.has(method) ? (method as PaymentMethod) : null,
        paymentDate: date(state, segment, 16),
      };
      if (method !== '' && era.payment.method === null)
        era.warnings.push(`BPR04 "${method}" is not a known method.`);
      return;
    }
    case 'TRN':
      era.traceNumber = orNull(el(segment, 2));
      era.traceOriginatorId = orNull(el(segment, 3));
      return;
    case 'N1': {
      const entity = el(segment, 1);
      state.party = entity === 'PR' || entity === 'PE' ? entity : null;
      const name = el(segment, 2);
      const idQualifier = orNull(el(segment, 3));
      const id = orNull(el(segment, 4));
      if (entity === 'PR') era.payer = { name, idQualifier, id };
      if (entity === 'PE') {
        era.payee = { ...era.payee, name, idQualifier, id, npi: idQualifier === 'XX' ? id : era.payee.npi };
      }
      return;
    }
    case 'LX':
      // 2000 header number: a new group of claims begins.
      state.claim = null;
      state.service = null;
      state.party = null;
      return;
    case 'CLP': {
      const statusCode = el(segment, 2);
      const claim: ClaimPayment = {
        patientControlNumber: el(segment, 1),
        statusCode,
        statusLabel: claimStatusLabel(statusCode),
        chargeCents: money(state, segment, 3, true),
        paidCents: money(state, segment, 4, true),
        patientResponsibilityCents: money(state, segment, 5, false),
        filingIndicator: el(segment, 6),
        payerClaimNumber: el(segment, 7),
        adjustments: [],
        patient: null,
        statementFrom: null,
        statementTo: null,
        services: [],
      };
      era.claims.push(claim);
      state.claim = claim;
      state.service = null;
      state.party = null;
      return;
    }
    case 'SVC': {
      if (!state.claim) {
        era.warnings.push('SVC segment outside a claim (no CLP before it); skipped.');
        return;
      }
      const original = el(segment, 6);
      const originalUnits = el(segment, 7);
      const service: ServicePayment = {
        procedure: parseProcedure(el(segment, 1)),
        chargeCents: money(state, segment, 2, true),
        paidCents: money(state, segment, 3, true),
        unitsPaid: parseQuantity(el(segment, 5)) ?? 1,
        originalProcedure: original === '' ? null : parseProcedure(original),
        originalUnits: originalUnits === '' ? null : parseQuantity(originalUnits),
        serviceDate: null,
        serviceDateTo: null,
        lineControlNumber: null,
        adjustments: [],
        allowedCents: null,
        remarkCodes: [],
      };
      state.claim.services.push(service);
      state.service = service;
      return;
    }
    case 'CAS': {
      // A CAS after an SVC adjusts that line (2110); after the CLP and before any SVC, the claim (2100).
      const target = state.service ?? state.claim;
      if (!target) {
        era.warnings.push('CAS segment outside a claim; skipped.');
        return;
      }
      target.adjustments.push(...readAdjustments(state, segment));
      return;
    }
    case 'NM1':
      if (state.claim && !state.service && el(segment, 1) === 'QC') {
        state.claim.patient = {
          familyName: el(segment, 3),
          givenName: el(segment, 4),
          memberId: orNull(el(segment, 9)),
        };
      }
      return;
    case 'DTM':
    case 'DTP': {
      // 835 uses DTM; DTP is accepted too in case a sender copies the 837 habit.
      const qualifier = el(segment, 1);
      const value = segment.name === 'DTP' ? el(segment, 3) : el(segment, 2);
      const dateOf = () => {
        const iso = parseX12Date(value);
        if (iso === null && value !== '')
          era.warnings.push(`${segment.name}*${qualifier} "${value}" is not a date.`);
        return iso;
      };
      if (state.service) {
        if (qualifier === '472' || qualifier === '150') state.service.serviceDate = dateOf();
        if (qualifier === '151') state.service.serviceDateTo = dateOf();
      } else if (state.claim) {
        if (qualifier === '232') state.claim.statementFrom = dateOf();
        if (qualifier === '233') state.claim.statementTo = dateOf();
      } else if (qualifier === '405') {
        era.productionDate = dateOf();
      }
      return;
    }
    case 'REF': {
      const qualifier = el(segment, 1);
      const value = orNull(el(segment, 2));
      if (state.service) {
        if (qualifier === '6R') state.service.lineControlNumber = value;
      } else if (!state.claim) {
        if (state.party === 'PR' && qualifier === '2U') era.payer.id ??= value;
        if (state.party === 'PE' && qualifier === 'TJ') era.payee.taxId = value;
      }
      return;
    }
    case 'AMT':
      if (state.service && el(segment, 1) === 'B6')
        state.service.allowedCents = money(state, segment, 2, true);
      return;
    case 'LQ':
      if (state.service && el(segment, 1) === 'HE' && el(segment, 2) !== '') {
        state.service.remarkCodes.push(el(segment, 2));
      }
      return;
    case 'PLB': {
      // Provider-level adjustments close the claim loops (835 guide: PLB follows the last 2000 loop).
      state.claim = null;
      state.service = null;
      const providerId = el(segment, 1);
      const fiscalPeriodDate = date(state, segment, 2);
      // Up to six reason:reference / amount pairs: PLB03-04, 05-06, … 13-14.
      for (let position = 3; position <= 13; position += 2) {
        const composite = el(segment, position);
        if (composite === '') continue;
        const [reasonCode = '', reference = ''] = composite.split(':');
        era.providerAdjustments.push({
          providerId,
          fiscalPeriodDate,
          reasonCode,
          reference: orNull(reference),
          amountCents: money(state, segment, position + 1, true),
        });
      }
      return;
    }
    default:
      // Segments we do not use (N3, N4, PER, MIA, MOA, QTY, TS3, …) are skipped.
      return;
  }
}

function finishTransaction(state: TransactionState, se: X12Segment | null): Era835 {
  const { era } = state;
  if (!se) {
    era.warnings.push(
      `Transaction ${era.transactionControlNumber} has no SE trailer: the file may be cut short.`,
    );
    return era;
  }
  const declared = el(se, 1);
  if (declared !== String(state.segmentCount)) {
    era.warnings.push(`SE01 says ${declared} segments, but the transaction has ${state.segmentCount}.`);
  }
  if (el(se, 2) !== era.transactionControlNumber) {
    era.warnings.push(`SE02 ${el(se, 2)} does not match ST02 ${era.transactionControlNumber}.`);
  }
  return era;
}

function describeOthers(others: string[]): string {
  const unique = [...new Set(others)];
  return unique
    .map((id) => (TRANSACTION_SET_NAMES[id] ? `${id} (${TRANSACTION_SET_NAMES[id]})` : id))
    .join(', ');
}

/**
 * Every 835 transaction (ST*835 … SE) in the segments of one file, in order, with its envelope's control
 * numbers. Other transaction sets in the file are skipped with a warning on the first remittance.
 * @throws X12FormatError when the file holds no 835.
 */
export function parseEra835File(segments: X12Segment[]): Era835[] {
  const remittances: Era835[] = [];
  const others: string[] = [];
  const envelope: Envelope = { isa: null, gs: null };
  let current: TransactionState | null = null;
  let interchangeRemittances: Era835[] = [];
  let groupRemittances: Era835[] = [];
  let interchangeOpen = false;

  for (const segment of segments) {
    switch (segment.name) {
      case 'ISA':
        envelope.isa = segment;
        interchangeRemittances = [];
        interchangeOpen = true;
        break;
      case 'GS':
        envelope.gs = segment;
        groupRemittances = [];
        break;
      case 'ST':
        if (current) remittances.push(finishTransaction(current, null));
        current = null;
        if (el(segment, 1) === '835') {
          current = startTransaction(segment, envelope);
          interchangeRemittances.push(current.era);
          groupRemittances.push(current.era);
        } else {
          others.push(el(segment, 1));
        }
        break;
      case 'SE':
        if (current) {
          current.segmentCount += 1;
          remittances.push(finishTransaction(current, segment));
          current = null;
        }
        break;
      case 'GE':
        if (envelope.gs && el(segment, 2) !== el(envelope.gs, 6)) {
          const warning = `GE02 ${el(segment, 2)} does not match GS06 ${el(envelope.gs, 6)}.`;
          for (const era of groupRemittances) era.warnings.push(warning);
        }
        break;
      case 'IEA':
        interchangeOpen = false;
        if (envelope.isa && el(segment, 2) !== el(envelope.isa, 13)) {
          const warning = `IEA02 ${el(segment, 2)} does not match ISA13 ${el(envelope.isa, 13)}.`;
          for (const era of interchangeRemittances) era.warnings.push(warning);
        }
        break;
      default:
        if (current) {
          current.segmentCount += 1;
          readSegment(current, segment);
        }
    }
  }
  if (current) remittances.push(finishTransaction(current, null));
  if (interchangeOpen) {
    for (const era of interchangeRemittances) era.warnings.push('The interchange has no IEA trailer.');
  }

  if (remittances.length === 0) {
    if (others.length > 0) {
      throw new X12FormatError(
        `This X12 file holds ${describeOthers(others)}, not an 835 remittance advice (ST*835).`,
      );
    }
    throw new X12FormatError('This X12 file holds no transaction (ST segment), so no 835 remittance advice.');
  }
  if (others.length > 0) {
    remittances[0]?.warnings.push(`Skipped transactions that are not 835s: ${describeOthers(others)}.`);
  }
  return remittances;
}

/**
 * The one 835 transaction in `segments` (a whole file or just ST … SE).
 * @throws X12FormatError when there is no 835, or more than one (use parseEra835File for those).
 */
export function parseEra835(segments: X12Segment[]): Era835 {
  const remittances = parseEra835File(segments);
  if (remittances.length > 1) {
    throw new X12FormatError(
      `The file holds ${remittances.length} remittances (ST*835 … SE); read it with parseEra835File.`,
    );
  }
  return remittances[0] as Era835;
}
