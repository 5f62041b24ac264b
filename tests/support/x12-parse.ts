import { Readable } from 'node:stream';
import { X12parser, type FormattedSegment } from 'x12-parser';

/** One segment; elements[0] is element 01, composites are joined back with the component separator. */
export type X12Segment = { name: string; elements: string[] };

/**
 * Parses X12 with the independent x12-parser stream, so tests do not trust our own splitting.
 * x12-parser reports a composite `HC:97140:GP` as `{ '1': 'HC', '1-1': '97140', '1-2': 'GP' }` (the first
 * component under the bare element number); this folds that back into one string per element.
 */
export async function parseX12Segments(text: string): Promise<X12Segment[]> {
  const segments: X12Segment[] = [];
  let component = ':';
  for await (const raw of Readable.from([text]).pipe(new X12parser()) as AsyncIterable<FormattedSegment>) {
    const elements: string[] = [];
    for (let n = 1; `${n}` in raw; n++) {
      const parts = [raw[`${n}`]!];
      for (let c = 1; `${n}-${c}` in raw; c++) parts.push(raw[`${n}-${c}`]!);
      elements.push(parts.join(component));
    }
    // The parser yields an empty pseudo-segment for whatever follows the last terminator (a newline).
    if (raw.name === '' && elements.length === 0) continue;
    if (raw.name === 'ISA') component = elements[15] ?? component;
    segments.push({ name: raw.name, elements });
  }
  return segments;
}

/** Element NN (1-based, as the guides number them) of a segment, '' when absent. */
export function el(segment: X12Segment | undefined, n: number): string {
  return segment?.elements[n - 1] ?? '';
}

/** Decimal amount (R type) to integer cents, so sums do not drift. */
function cents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

// Segments each part of the 837P may hold (billing-standards.md §4.2; only what Palpa sends).
const NAME_LOOP_SEGMENTS = ['PRV', 'NM1', 'N3', 'N4', 'REF', 'PER', 'DMG'];
const CLAIM_SEGMENTS = ['DTP', 'AMT', 'REF', 'NM1', 'PRV', 'N3', 'N4'];
const LINE_SEGMENTS = ['DTP', 'REF'];
const HEADER = ['BHT', 'NM1*41', 'PER', 'NM1*40'];
/** NM101 each HL level must carry: 2010AA billing provider; 2010BA subscriber + 2010BB payer; 2010CA patient. */
const REQUIRED_ENTITIES: Record<string, string[]> = { '20': ['85'], '22': ['IL', 'PR'], '23': ['QC'] };

/**
 * Envelope and 837P loop checks (billing-standards.md §4.1–4.2) on parsed segments. Returns the problems
 * found; an empty list means the structure is sound.
 */
export function check837pStructure(segments: X12Segment[]): string[] {
  const problems: string[] = [];
  const fail = (index: number, message: string) => {
    const seg = segments[index];
    problems.push(`#${index + 1} ${seg ? seg.name : '?'}: ${message}`);
  };

  if (segments[0]?.name !== 'ISA') fail(0, 'file must start with ISA');
  if (segments.at(-1)?.name !== 'IEA') fail(segments.length - 1, 'file must end with IEA');

  // Envelope state.
  let isa: X12Segment | undefined;
  let gs: X12Segment | undefined;
  let st: { segment: X12Segment; index: number } | undefined;
  let groupCount = 0;
  let transactionCount = 0;

  // 837P loop state within the current transaction set.
  type Hl = {
    id: string;
    level: string;
    parent: string;
    hasChildInd: string;
    index: number;
    children: number;
    claims: number;
    /** NM101 codes seen in the HL's own name loops. */
    entities: Set<string>;
  };
  let hls = new Map<string, Hl>();
  let hlOrder: Hl[] = [];
  let currentByLevel: Record<string, Hl | undefined> = {};
  let currentHl: Hl | undefined;
  let claim: { index: number; total: number; lines: number; sum: number; diagnoses: number } | undefined;
  let inLine = false;
  let lineServices = 0;
  let headerStep = 0;

  const closeClaim = () => {
    if (!claim) return;
    if (claim.lines === 0) fail(claim.index, 'claim has no service lines');
    if (claim.diagnoses === 0) fail(claim.index, 'claim has no HI diagnoses');
    if (claim.total !== claim.sum) {
      fail(claim.index, `CLM02 ${claim.total / 100} ≠ Σ SV102 ${claim.sum / 100}`);
    }
    claim = undefined;
    inLine = false;
  };

  const closeTransaction = (seIndex: number) => {
    closeClaim();
    for (const hl of hlOrder) {
      const expected = hl.children > 0 ? '1' : '0';
      if (hl.hasChildInd !== expected) fail(hl.index, `HL04 is "${hl.hasChildInd}", expected ${expected}`);
      if (hl.level === '20' && hl.children === 0) fail(hl.index, 'billing provider HL without subscribers');
      const leaf = hl.level === '23' || (hl.level === '22' && hl.children === 0);
      if (leaf && hl.claims === 0) fail(hl.index, 'subscriber/patient HL without a claim');
      for (const entity of REQUIRED_ENTITIES[hl.level] ?? []) {
        if (!hl.entities.has(entity)) fail(hl.index, `HL ${hl.level} lacks NM1*${entity}`);
      }
    }
    if (hlOrder.length === 0) fail(seIndex, 'transaction set has no HL loops');
    hls = new Map();
    hlOrder = [];
    currentByLevel = {};
    currentHl = undefined;
    headerStep = 0;
  };

  segments.forEach((seg, index) => {
    switch (seg.name) {
      case 'ISA':
        if (isa) fail(index, 'nested ISA');
        isa = seg;
        groupCount = 0;
        if (el(seg, 12) !== '00501') fail(index, 'ISA12 must be 00501');
        if (!/^\d{9}$/.test(el(seg, 13))) fail(index, 'ISA13 must be 9 digits');
        return;
      case 'IEA':
        if (!isa) return fail(index, 'IEA without ISA');
        if (Number(el(seg, 1)) !== groupCount) fail(index, `IEA01 ${el(seg, 1)} ≠ ${groupCount} GS`);
        if (el(seg, 2) !== el(isa, 13)) fail(index, `IEA02 ${el(seg, 2)} ≠ ISA13 ${el(isa, 13)}`);
        isa = undefined;
        return;
      case 'GS':
        if (!isa || gs) fail(index, 'GS outside an interchange or nested');
        gs = seg;
        groupCount++;
        transactionCount = 0;
        if (el(seg, 8) !== '005010X222A1') fail(index, 'GS08 must be 005010X222A1');
        return;
      case 'GE':
        if (!gs) return fail(index, 'GE without GS');
        if (Number(el(seg, 1)) !== transactionCount)
          fail(index, `GE01 ${el(seg, 1)} ≠ ${transactionCount} ST`);
        if (el(seg, 2) !== el(gs, 6)) fail(index, `GE02 ${el(seg, 2)} ≠ GS06 ${el(gs, 6)}`);
        gs = undefined;
        return;
      case 'ST':
        if (!gs || st) fail(index, 'ST outside a group or nested');
        st = { segment: seg, index };
        transactionCount++;
        if (el(seg, 1) !== '837') fail(index, 'ST01 must be 837');
        if (el(seg, 3) !== el(gs, 8)) fail(index, 'ST03 must equal GS08');
        return;
      case 'SE': {
        if (!st) return fail(index, 'SE without ST');
        const count = index - st.index + 1;
        if (Number(el(seg, 1)) !== count) fail(index, `SE01 ${el(seg, 1)} ≠ ${count} segments ST..SE`);
        if (el(seg, 2) !== el(st.segment, 2)) fail(index, `SE02 ${el(seg, 2)} ≠ ST02 ${el(st.segment, 2)}`);
        closeTransaction(index);
        st = undefined;
        return;
      }
    }

    if (!st) return fail(index, 'segment outside a transaction set');

    // Header in TR3 order: BHT, 1000A submitter (NM1*41, PER), 1000B receiver (NM1*40); then HL loops.
    if (headerStep < HEADER.length) {
      const key = seg.name === 'NM1' ? `NM1*${el(seg, 1)}` : seg.name;
      if (key !== HEADER[headerStep]) fail(index, `expected ${HEADER[headerStep]} in the header`);
      headerStep++;
      return;
    }

    if (seg.name === 'HL') {
      closeClaim();
      const [id, parent, level, hasChildInd] = [el(seg, 1), el(seg, 2), el(seg, 3), el(seg, 4)];
      if (Number(id) !== hlOrder.length + 1) fail(index, `HL01 ${id} should be ${hlOrder.length + 1}`);
      if (hls.has(id)) fail(index, `duplicate HL01 ${id}`);
      const expectedParentLevel = { '20': undefined, '22': '20', '23': '22' }[level];
      if (!['20', '22', '23'].includes(level)) fail(index, `unexpected HL03 ${level}`);
      else if (expectedParentLevel === undefined) {
        if (parent !== '') fail(index, 'billing provider HL must have no parent');
      } else {
        const parentHl = hls.get(parent);
        if (!parentHl) fail(index, `HL02 ${parent} names no earlier HL`);
        else if (parentHl.level !== expectedParentLevel) {
          fail(index, `HL ${level}'s parent must be an HL ${expectedParentLevel}, got ${parentHl.level}`);
        } else if (currentByLevel[expectedParentLevel] !== parentHl) {
          fail(index, `HL02 ${parent} is not the enclosing HL ${expectedParentLevel}`);
        } else parentHl.children++;
      }
      const hl: Hl = { id, level, parent, hasChildInd, index, children: 0, claims: 0, entities: new Set() };
      hls.set(id, hl);
      hlOrder.push(hl);
      currentHl = hl;
      currentByLevel[level] = hl;
      if (level === '20') currentByLevel['22'] = currentByLevel['23'] = undefined;
      if (level === '22') currentByLevel['23'] = undefined;
      return;
    }
    if (!currentHl) return fail(index, 'loop segment before the first HL');

    switch (seg.name) {
      case 'CLM': {
        closeClaim();
        if (currentHl.level === '20') fail(index, 'CLM directly under a billing provider HL');
        if (currentHl.level === '22' && currentHl.hasChildInd === '1') {
          fail(index, 'CLM under a subscriber HL that has a patient HL');
        }
        currentHl.claims++;
        claim = { index, total: cents(el(seg, 2)), lines: 0, sum: 0, diagnoses: 0 };
        return;
      }
      case 'HI':
        if (!claim || inLine) return fail(index, 'HI outside the claim loop');
        claim.diagnoses = seg.elements.length;
        if (seg.elements.length > 12) fail(index, 'more than 12 diagnoses');
        seg.elements.forEach((value, i) => {
          if (!value.startsWith(i === 0 ? 'ABK:' : 'ABF:'))
            fail(index, `HI${i + 1} qualifier must be ${i ? 'ABF' : 'ABK'}`);
          if (value.includes('.')) fail(index, 'diagnosis codes go without the dot');
        });
        return;
      case 'LX':
        if (!claim) return fail(index, 'LX outside a claim');
        claim.lines++;
        inLine = true;
        lineServices = 0;
        if (Number(el(seg, 1)) !== claim.lines) fail(index, `LX01 ${el(seg, 1)} should be ${claim.lines}`);
        return;
      case 'SV1': {
        if (!claim || !inLine) return fail(index, 'SV1 outside a service line');
        if (++lineServices > 1) fail(index, 'second SV1 in one service line');
        claim.sum += cents(el(seg, 2));
        const pointers = el(seg, 7).split(':').map(Number);
        if (pointers.length > 4 || pointers.some((p) => !(p >= 1 && p <= claim!.diagnoses))) {
          fail(index, `SV107 ${el(seg, 7)} must be 1–4 pointers into the ${claim.diagnoses} diagnoses`);
        }
        return;
      }
      case 'PAT':
        if (currentHl.level !== '23') fail(index, 'PAT outside a patient HL');
        return;
      case 'SBR':
        if (currentHl.level !== '22') fail(index, 'SBR outside a subscriber HL');
        return;
    }
    const allowed = !claim ? NAME_LOOP_SEGMENTS : inLine ? LINE_SEGMENTS : CLAIM_SEGMENTS;
    if (!allowed.includes(seg.name)) {
      fail(
        index,
        `not expected in ${!claim ? 'an HL name loop' : inLine ? 'a service line' : 'the claim loop'}`,
      );
    }
    if (seg.name === 'NM1' && !claim) currentHl.entities.add(el(seg, 1));
  });

  if (st) fail(segments.length - 1, 'ST without SE');
  if (gs) fail(segments.length - 1, 'GS without GE');
  return problems;
}
