import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdfPages } from '../../../tests/support/pdf-text.js';
import { loadReportFonts, type ReportFonts } from '../reports/index.js';
import { renderCms1500Pdf, type Cms1500PdfOptions } from './cms1500-pdf.js';
import type { ClaimDocument, ClaimServiceLine } from './domain/claim-document.js';
import { CMS1500_FIELDS } from './domain/cms1500-fields.js';
import { sampleClaimDocument } from './domain/sample-claim.js';

type PositionedText = { str: string; x: number; y: number };

/** Text items of page 1 with their baseline origin (pdf.js transform e, f) in PDF points. */
async function positionedText(bytes: Uint8Array): Promise<PositionedText[]> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  const content = await (await pdf.getPage(1)).getTextContent();
  const items = content.items.flatMap((item) =>
    'str' in item && item.str.trim()
      ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number }]
      : [],
  );
  await pdf.destroy();
  return items;
}

function maybeWrite(name: string, bytes: Uint8Array) {
  if (!process.env.PALPA_WRITE_PDF) return;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'palpa-cms1500-')), name);
  fs.writeFileSync(file, bytes);
  console.log(`Wrote ${file}`);
}

const LABELS = [
  "1a. INSURED'S I.D. NUMBER",
  "2. PATIENT'S NAME",
  '21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY',
  'DATE(S) OF SERVICE',
  '28. TOTAL CHARGE',
  '33. BILLING PROVIDER INFO & PH #',
];

describe('renderCms1500Pdf', () => {
  let fonts: ReportFonts;
  const render = (doc: ClaimDocument, options: Cms1500PdfOptions) => renderCms1500Pdf(doc, options, fonts);

  beforeAll(async () => {
    fonts = await loadReportFonts();
  });

  it('full form: the data, the box labels, the header and the records note', async () => {
    const bytes = await render(sampleClaimDocument(), { form: 'full' });
    maybeWrite('cms1500-full.pdf', bytes);

    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // Subset fonts: the full DejaVu faces alone would be 1.4 MB.
    expect(bytes.length).toBeLessThan(100_000);

    const pages = await extractPdfPages(bytes);
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? '';
    for (const expected of [
      'HEALTH INSURANCE CLAIM FORM',
      'APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12',
      'Rendered by Palpa for records — not for OCR submission',
      ...LABELS,
      'EXAMPLE HEALTH PLAN',
      'REYES, JORDAN, A',
      'M542',
      'M62838',
      'S134XXD',
      '97140',
      '97124',
      '1234567893',
      '1245319599',
      '1679576722',
      'ZZ225700000X',
      'SIGNATURE ON FILE',
    ]) {
      expect(text).toContain(expected);
    }
    // Box 28: $180.00 as dollars and cents.
    expect(text).toMatch(/180 00/);

    const meta = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(meta.getTitle()).toBe('CMS-1500 claim PALPA-000123');
  });

  it('data only: the same data and no form text', async () => {
    const bytes = await render(sampleClaimDocument(), { form: 'data-only' });
    maybeWrite('cms1500-data.pdf', bytes);
    expect(bytes.length).toBeLessThan(60_000);

    const [text = ''] = await extractPdfPages(bytes);
    for (const expected of [
      'REYES, JORDAN, A',
      'M542',
      'S134XXD',
      '1234567893',
      '1679576722',
      'PALPA-000123',
    ]) {
      expect(text).toContain(expected);
    }
    for (const label of [...LABELS, 'HEALTH INSURANCE CLAIM FORM', 'NUCC', 'Rendered by Palpa']) {
      expect(text).not.toContain(label);
    }
    const meta = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(meta.getTitle()).toBe('CMS-1500 claim PALPA-000123');
  });

  it('renders names outside Latin-1 (Łukasz Nguyễn)', async () => {
    const doc = sampleClaimDocument();
    doc.patient = { ...doc.patient, givenName: 'Łukasz', familyName: 'Nguyễn', middleInitial: null };
    for (const form of ['full', 'data-only'] as const) {
      const [text = ''] = await extractPdfPages(await render(doc, { form }));
      expect(text.normalize('NFC')).toContain('NGUYỄN, ŁUKASZ');
    }
  });

  it('8 service lines → 2 forms, each with its own total', async () => {
    const lines: ClaimServiceLine[] = Array.from({ length: 8 }, (_, i) => ({
      lineNumber: i + 1,
      lineControlNumber: `L${i + 1}`,
      serviceDate: `2026-10-${String(i + 1).padStart(2, '0')}`,
      code: '97124',
      modifiers: ['GP'],
      diagnosisPointers: [1],
      units: 1,
      chargeCents: 6000,
    }));
    const bytes = await render(sampleClaimDocument({ lines, totalChargeCents: 48000 }), { form: 'full' });
    const pages = await extractPdfPages(bytes);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatch(/360 00/);
    expect(pages[1]).toMatch(/120 00/);
    expect(pages[1]).toContain('PAGE 2 OF 2');
    expect(pages[1]).toContain('REYES, JORDAN, A');
  });

  it('data only: the patient name sits in the box 2 field and moves by the calibration offset', async () => {
    const [x1, y1, x2, y2] = CMS1500_FIELDS.pt_name;
    const find = (items: PositionedText[]) => {
      const item = items.find((i) => i.str.includes('REYES, JORDAN, A'));
      expect(item).toBeDefined();
      return item as PositionedText;
    };

    const plain = find(await positionedText(await render(sampleClaimDocument(), { form: 'data-only' })));
    expect(plain.x).toBeGreaterThanOrEqual(x1);
    expect(plain.x).toBeLessThan(x2);
    expect(plain.y).toBeGreaterThanOrEqual(y1);
    expect(plain.y).toBeLessThan(y2);

    const shifted = find(
      await positionedText(
        await render(sampleClaimDocument(), { form: 'data-only', offsetXPt: 7.2, offsetYPt: -3.6 }),
      ),
    );
    expect(shifted.x - plain.x).toBeCloseTo(7.2, 2);
    expect(shifted.y - plain.y).toBeCloseTo(-3.6, 2);

    // The full form is not calibrated: its data stays aligned with its own boxes.
    const full = find(
      await positionedText(
        await render(sampleClaimDocument(), { form: 'full', offsetXPt: 7.2, offsetYPt: -3.6 }),
      ),
    );
    expect(full.x).toBeCloseTo(plain.x, 2);
    expect(full.y).toBeCloseTo(plain.y, 2);
  });
});
