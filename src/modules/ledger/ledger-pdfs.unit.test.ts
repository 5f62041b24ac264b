import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdfPages } from '../../../tests/support/pdf-text.js';
import { loadReportFonts, type ReportFonts } from '../reports/index.js';
import { buildStatement, type StatementEntry } from './domain/statement.js';
import {
  superbillProblems,
  superbillTotals,
  type SuperbillData,
  type SuperbillLine,
} from './domain/superbill.js';
import { renderStatementPdf, type StatementPdfData } from './statement-pdf.js';
import { renderSuperbillPdf } from './superbill-pdf.js';

/** Page texts with runs of white space (pdf.js emits empty items at line ends) made single spaces. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  return (await extractPdfPages(bytes)).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** PALPA_WRITE_PDF=1 keeps the rendered files, to look at them. */
function keep(name: string, bytes: Uint8Array) {
  if (!process.env.PALPA_WRITE_PDF) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palpa-ledger-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  console.log(`Wrote ${file} (${bytes.length} bytes)`);
}

const LINES: SuperbillLine[] = [
  {
    serviceDate: '2026-11-04',
    placeOfService: '11',
    code: '97140',
    description: 'Manual therapy (myofascial release), neck and upper back',
    modifiers: ['GP'],
    units: 2,
    diagnosisPointers: [1, 2],
    chargeCents: 9000,
  },
  {
    serviceDate: '2026-11-04',
    placeOfService: '11',
    code: '97124',
    description: 'Massage',
    modifiers: ['GP', '59'],
    units: 2,
    diagnosisPointers: [2],
    chargeCents: 8000,
  },
  {
    serviceDate: '2026-11-18',
    placeOfService: '12',
    code: '97112',
    description: 'Neuromuscular re-education',
    modifiers: [],
    units: 1,
    diagnosisPointers: [3, 1],
    chargeCents: 5500,
  },
];

function superbill(overrides: Partial<SuperbillData> = {}): SuperbillData {
  const payments = [
    { date: '2026-11-04', method: 'Card (Visa …4242)', amountCents: 17000 },
    { date: '2026-11-18', method: 'Cash', amountCents: 5500 },
  ];
  return {
    patient: {
      name: 'Zoë Ødegård',
      dateOfBirth: '1988-04-12',
      address: ['48 Alder St, Apt 3', 'Portland, OR 97214'],
      memberId: 'W123456789',
    },
    provider: {
      name: 'Ana Sofía Martínez',
      credentials: 'LMT',
      npi: '1234567893',
      licenseNumber: '12345',
      licenseState: 'OR',
      taxonomy: '225700000X',
    },
    practice: {
      name: 'Riverside Medical Massage',
      address: ['1200 Harbor Blvd, Suite 4', 'Portland, OR 97201'],
      phone: '(503) 555-0140',
      npi: '1245678903',
      taxId: '12-3456789',
      taxIdType: 'EIN',
    },
    referringProvider: { name: 'Dr. Sam Okafor, MD', npi: '9876543213' },
    diagnoses: [
      { code: 'M54.2', description: 'Cervicalgia' },
      { code: 'M62.838', description: 'Other muscle spasm' },
      { code: 'S13.4XXD', description: 'Sprain of ligaments of cervical spine, subsequent encounter' },
    ],
    lines: LINES,
    totals: superbillTotals(LINES, payments),
    payments,
    issuedOn: '2026-11-25',
    statementNumber: 'SB-2026-0042',
    ...overrides,
  };
}

const ANA = { clientId: 'client-zoe', clientName: 'Zoë Ødegård' };
const AETNA = { payerId: 'payer-aetna', payerName: 'Aetna' };

function entry(
  bucket: StatementEntry['bucket'],
  kind: StatementEntry['kind'],
  amountCents: number,
  groupKey: string,
  serviceDate: string,
  postedOn: string,
  extra: Partial<StatementEntry> = {},
): StatementEntry {
  return {
    ...ANA,
    payerId: null,
    payerName: null,
    bucket,
    kind,
    amountCents,
    groupKey,
    serviceDate,
    postedOn,
    code: null,
    units: null,
    memo: null,
    method: null,
    ...extra,
  };
}

const STATEMENT_ENTRIES: StatementEntry[] = [
  entry('patient', 'charge', 9500, 'note-1', '2026-09-15', '2026-09-15', { code: '97124', units: 4 }),
  entry('patient', 'patient_payment', -5000, 'note-1', '2026-09-15', '2026-09-15', { method: 'card' }),
  entry('patient', 'charge', 9000, 'note-2', '2026-10-06', '2026-10-06', { code: '97140', units: 2 }),
  entry('patient', 'patient_payment', -9000, 'note-2', '2026-10-06', '2026-10-06', { method: 'cash' }),
  entry('patient', 'patient_payment', -4500, 'note-1', '2026-09-15', '2026-10-20', { method: 'cheque' }),
  entry('patient', 'reversal', 4500, 'note-1', '2026-09-15', '2026-10-24', { memo: 'Returned check' }),
  entry('patient', 'adjustment', -1000, 'note-1', '2026-09-15', '2026-10-25', { memo: 'Courtesy discount' }),
  entry('insurance', 'charge', 12000, 'claim-1', '2026-10-12', '2026-10-12', AETNA),
  entry('insurance', 'insurance_payment', -8000, 'claim-1', '2026-10-12', '2026-10-30', AETNA),
  entry('insurance', 'contractual_adjustment', -1500, 'claim-1', '2026-10-12', '2026-10-30', AETNA),
  entry('insurance', 'transfer_to_patient', -2500, 'claim-1', '2026-10-12', '2026-10-30', AETNA),
  entry('patient', 'transfer_to_patient', 2500, 'claim-1', '2026-10-12', '2026-10-30', {
    ...AETNA,
    code: '97140',
    units: 4,
    memo: 'Coinsurance',
  }),
  entry('patient', 'charge', 6000, 'note-3', '2026-11-20', '2026-11-20', { code: '97124', units: 2 }),
  entry('insurance', 'charge', 12000, 'claim-2', '2026-11-05', '2026-11-06', AETNA),
];

function statementData(entries = STATEMENT_ENTRIES, to = '2026-11-25'): StatementPdfData {
  return {
    practice: {
      name: 'Riverside Medical Massage',
      address: ['1200 Harbor Blvd, Suite 4', 'Portland, OR 97201'],
      phone: '(503) 555-0140',
      email: 'billing@riverside-massage.example',
      website: 'riverside-massage.example',
    },
    client: {
      name: 'Zoë Ødegård',
      address: ['48 Alder St, Apt 3', 'Portland, OR 97214'],
      accountNumber: 'A-1042',
    },
    statement: buildStatement(entries, { from: '2026-10-01', to, today: '2026-11-25' }),
    dueBy: '2026-12-15',
    payableTo: null,
    message: 'Pay by card at riverside-massage.example/pay or by phone. Thank you!',
  };
}

describe('ledger PDFs', () => {
  let fonts: ReportFonts;
  beforeAll(async () => {
    fonts = await loadReportFonts();
  });

  describe('renderSuperbillPdf', () => {
    it('prints every field an insurer needs (billing-standards.md §6), accents included', async () => {
      const data = superbill();
      expect(superbillProblems(data)).toEqual([]);
      const bytes = await renderSuperbillPdf(data, fonts);
      keep('superbill.pdf', bytes);

      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      // Subset fonts: the full DejaVu faces alone would be 1.4 MB.
      expect(bytes.length).toBeLessThan(120_000);
      expect((await PDFDocument.load(bytes)).getTitle()).toBe('Superbill SB-2026-0042 — Zoë Ødegård');

      const pages = await pageTexts(bytes);
      expect(pages).toHaveLength(1);
      const text = pages[0] ?? '';

      // Practice: name, address, phone, organisation NPI, tax ID.
      for (const part of [
        'Riverside Medical Massage',
        '1200 Harbor Blvd, Suite 4',
        'Portland, OR 97201',
        'Phone (503) 555-0140',
        'NPI 1245678903',
        'EIN 12-3456789',
        'SUPERBILL — for out-of-network reimbursement',
        'No. SB-2026-0042',
        'Issued 11/25/2026',
      ]) {
        expect(text).toContain(part);
      }
      // Patient.
      for (const part of [
        'Zoë Ødegård',
        'Date of birth 04/12/1988',
        '48 Alder St, Apt 3',
        'Member ID W123456789',
      ]) {
        expect(text).toContain(part);
      }
      // Rendering and referring provider.
      for (const part of [
        'Ana Sofía Martínez, LMT',
        'NPI 1234567893',
        'License no. 12345 (OR)',
        'Taxonomy 225700000X',
        'Dr. Sam Okafor, MD',
        'NPI 9876543213',
      ]) {
        expect(text).toContain(part);
      }
      // Diagnoses lettered A, B, C.
      expect(text).toContain('A M54.2 Cervicalgia');
      expect(text).toContain('B M62.838 Other muscle spasm');
      expect(text).toContain('C S13.4XXD Sprain of ligaments');
      // One row per service: exact date, POS, code, modifiers, description, units, pointers, charge.
      expect(text).toContain('11/04/2026 11 97140 GP Manual therapy');
      expect(text).toContain('2 A, B $90.00');
      expect(text).toContain('11/04/2026 11 97124 GP 59 Massage 2 B $80.00');
      expect(text).toContain('11/18/2026 12 97112 Neuromuscular re-education 1 C, A $55.00');
      // Totals, receipt and payments.
      expect(text).toContain('Total charged $225.00');
      expect(text).toContain('Amount paid $225.00');
      expect(text).toContain('Balance due $0.00');
      expect(text).toContain('PAID IN FULL');
      expect(text).toContain('Paid in full — last payment 11/18/2026');
      expect(text).toContain('11/04/2026 Card (Visa …4242) $170.00');
      expect(text).toContain('11/18/2026 Cash $55.00');
      // Signature, the note for the client and the footer.
      expect(text).toContain('Provider signature');
      expect(text).toContain('Provider signature Ana Sofía Martínez, LMT, NPI 1234567893');
      expect(text).toContain('how to claim this from your insurer');
      expect(text).toContain('Superbill SB-2026-0042 — Zoë Ødegård — DOB 04/12/1988');
      expect(text).toContain('page 1 of 1');
    });

    it('shows the balance and no "paid in full" while something is owed; renders a draft with gaps', async () => {
      const payments = [{ date: '2026-11-04', method: 'Card', amountCents: 5000 }];
      const data = superbill({
        payments,
        totals: superbillTotals(LINES, payments),
        referringProvider: null,
        patient: { ...superbill().patient, memberId: null, dateOfBirth: '' },
        provider: { ...superbill().provider, taxonomy: null },
      });
      const [text = ''] = await pageTexts(await renderSuperbillPdf(data, fonts));
      expect(text).toContain('Total charged $225.00');
      expect(text).toContain('Amount paid $50.00');
      expect(text).toContain('Balance due $175.00');
      expect(text).not.toMatch(/paid in full/i);
      expect(text).toContain('REFERRING PROVIDER None');
      expect(text).toContain('Member ID —');
      // A draft with a missing date still renders, so the therapist can see what is missing.
      expect(text).toContain('Date of birth —');
      expect(text).not.toContain('Taxonomy');
    });

    it('runs 40 lines over several pages, repeating the table header and numbering the pages', async () => {
      const lines = Array.from({ length: 40 }, (_, i): SuperbillLine => {
        const day = String(1 + (i % 28)).padStart(2, '0');
        return {
          ...LINES[i % 2]!,
          serviceDate: `2026-${i < 28 ? '10' : '11'}-${day}`,
          chargeCents: 9000 + i,
        };
      });
      const payments = [{ date: '2026-11-30', method: 'Check 1042', amountCents: 100_000 }];
      const data = superbill({ lines, payments, totals: superbillTotals(lines, payments) });
      expect(superbillProblems(data)).toEqual([]);
      const bytes = await renderSuperbillPdf(data, fonts);
      keep('superbill-40-lines.pdf', bytes);
      const pages = await pageTexts(bytes);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      pages.forEach((text, i) => expect(text).toContain(`page ${i + 1} of ${pages.length}`));
      const [, second = ''] = pages;
      expect(second).toContain('Superbill SB-2026-0042 — Zoë Ødegård (continued)');
      expect(second).toContain('DATE POS CPT/HCPCS MODIFIERS DESCRIPTION UNITS DX CHARGE');
      const all = pages.join('\n');
      // Every line is printed once, with its own date and charge.
      for (const line of lines) expect(all).toContain(`$${(line.chargeCents / 100).toFixed(2)}`);
      expect(all.match(/ 97140 GP /g)).toHaveLength(20);
      expect(all).toContain('11/12/2026');
      expect(all).toContain('Total charged $3,607.80');
      expect(all).toContain('Balance due $2,607.80');
    });
  });

  describe('renderStatementPdf', () => {
    it('shows the lines with a running balance, the amount due, its aging and what insurance still owes', async () => {
      const data = statementData();
      const bytes = await renderStatementPdf(data, fonts);
      keep('statement.pdf', bytes);
      expect(bytes.length).toBeLessThan(120_000);
      expect((await PDFDocument.load(bytes)).getTitle()).toBe('Statement 11/25/2026 — Zoë Ødegård');
      const pages = await pageTexts(bytes);
      expect(pages).toHaveLength(1);
      const text = pages[0] ?? '';

      for (const part of [
        'Riverside Medical Massage',
        'Phone (503) 555-0140',
        'STATEMENT',
        'Statement date 11/25/2026',
        'Period 10/01/2026 – 11/25/2026',
        'Account no. A-1042',
        'BILL TO Zoë Ødegård 48 Alder St, Apt 3 Portland, OR 97214',
        'AMOUNT DUE $120.00 Please pay by 12/15/2026',
        'Pending with insurance: $120.00',
      ]) {
        expect(text).toContain(part);
      }
      // Lines and running balance, from the balance forward to the balance at the end of the period.
      expect(text).toContain('10/01/2026 Balance forward $45.00');
      expect(text).toContain('10/06/2026 10/06/2026 Charge — 97140 × 2 units $90.00 $135.00');
      expect(text).toContain('10/06/2026 10/06/2026 Patient payment (cash) −$90.00 $45.00');
      expect(text).toContain('10/20/2026 09/15/2026 Patient payment (check) −$45.00 $0.00');
      expect(text).toContain('10/24/2026 09/15/2026 Reversal — Returned check $45.00 $45.00');
      expect(text).toContain('10/25/2026 09/15/2026 Adjustment — Courtesy discount −$10.00 $35.00');
      expect(text).toContain('Patient responsibility — 97140 × 4 units — Coinsurance $25.00 $60.00');
      expect(text).toContain('11/20/2026 11/20/2026 Charge — 97124 × 2 units $60.00 $120.00');
      expect(text).toContain('Balance on 11/25/2026 $120.00');
      // Aging boxes.
      expect(text).toContain(
        'Current $60.00 31–60 days $25.00 61–90 days $35.00 Over 90 days $0.00 Amount due $120.00',
      );
      // Insurance pending, apart from what is due.
      expect(text).toContain('11/05/2026 Aetna $120.00');
      // Remit stub.
      expect(text).toContain('Please detach and return this part with your payment');
      expect(text).toContain('REMIT TO Riverside Medical Massage');
      expect(text).toContain('Make checks payable to Riverside Medical Massage');
      expect(text).toMatch(/Amount due \$120\.00 Amount enclosed \$/);
      expect(text).toContain('Statement 11/25/2026 — Zoë Ødegård — account A-1042');
    });

    it('says when there is nothing to pay, and keeps the stub on the first of several pages', async () => {
      const many: StatementEntry[] = [];
      for (let i = 0; i < 45; i++) {
        const day = `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`;
        many.push(entry('patient', 'charge', 8000, `note-${i}`, day, day, { code: '97124', units: 2 }));
        many.push(entry('patient', 'patient_payment', -8000, `note-${i}`, day, day, { method: 'card' }));
      }
      many.push(
        entry('patient', 'patient_payment', -2000, 'entry-x', '2026-11-01', '2026-11-01', { method: 'card' }),
      );
      const bytes = await renderStatementPdf(statementData(many), fonts);
      keep('statement-long.pdf', bytes);
      const pages = await pageTexts(bytes);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pages[0]).toContain('Amount enclosed');
      expect(pages.slice(1).join(' ')).not.toContain('Amount enclosed');
      expect(pages[1]).toContain('(continued)');
      expect(pages[0]).toContain('AMOUNT DUE $0.00 You have a credit of $20.00');
      expect(pages.join(' ')).toContain('Balance on 11/25/2026 −$20.00');
      pages.forEach((text, i) => expect(text).toContain(`page ${i + 1} of ${pages.length}`));
    });
  });
});
