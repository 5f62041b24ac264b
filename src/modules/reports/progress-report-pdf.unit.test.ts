import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadReportFonts,
  renderProgressReportPdf,
  type ProgressReportData,
  type ReportFonts,
} from './index.js';

const NARRATIVE_PARAGRAPH =
  'Łukasz presented with constant right-sided neck pain radiating to the upper trapezius after a rear-end ' +
  'collision, limiting his ability to work at a computer for more than 20 minutes and disturbing his sleep. ' +
  'Treatment has combined myofascial release of the upper trapezius and levator scapulae, suboccipital ' +
  'release, gentle cervical mobilisation within pain-free range and a home programme of chin tucks and ' +
  'scapular setting. He reports the home programme most days.';

function sampleReport(overrides: Partial<ProgressReportData> = {}): ProgressReportData {
  return {
    kind: 'progress',
    clinic: {
      name: 'Riverside Medical Massage',
      addressLines: ['1200 Harbor Blvd, Suite 4', 'Portland, OR 97201'],
      phone: '(503) 555-0140',
      fax: '(503) 555-0141',
      npi: '1234567893',
    },
    client: { name: 'Łukasz Nguyễn', dateOfBirth: '1984-03-07' },
    prescriber: {
      name: 'Dr. Zoë Ødegård',
      practice: 'Northwest Spine & Sports Medicine',
      phone: '(503) 555-0199',
      fax: '(503) 555-0198',
      npi: '1098765432',
    },
    episode: { title: 'Whiplash-associated neck pain (MVA 2026-08-21)', startedOn: '2026-09-02' },
    reportDate: '2026-11-25',
    periodFrom: '2026-09-02',
    periodTo: '2026-11-24',
    diagnoses: [
      { code: 'M54.2', description: 'Cervicalgia' },
      { code: 'S13.4XXA', description: 'Sprain of ligaments of cervical spine, initial encounter' },
    ],
    visits: { used: 8, authorised: 12 },
    measures: [
      {
        instrument: 'NDI',
        unit: '%',
        higherIsBetter: false,
        mcid: 7.5,
        points: [
          { date: '2026-10-07', score: 30 },
          { date: '2026-09-02', score: 38 },
          { date: '2026-11-04', score: 22 },
          { date: '2026-11-24', score: 16 },
        ],
        goal: { target: 10, targetDate: '2026-12-31' },
      },
      {
        instrument: 'PSFS',
        unit: 'points',
        higherIsBetter: true,
        mcid: 2,
        points: [
          { date: '2026-09-02', score: 3.3 },
          { date: '2026-10-07', score: 4.7 },
          { date: '2026-11-24', score: 6.5 },
        ],
        goal: { target: 8, targetDate: '2027-01-15' },
      },
    ],
    goals: [
      {
        text: 'Work at the computer for 2 hours without neck pain above 3/10.',
        status: 'progressing',
        baseline: '20 minutes, pain 6/10',
        current: '75 minutes, pain 3/10',
      },
      { text: 'Sleep through the night without waking from neck pain.', status: 'met' },
      {
        text: 'Turn head fully to check blind spot when driving.',
        status: 'not_progressing',
        baseline: 'Right rotation 45°',
        current: 'Right rotation 50°',
      },
    ],
    summary: Array.from({ length: 4 }, (_, i) => `${i + 1}. ${NARRATIVE_PARAGRAPH}`).join('\n\n'),
    recommendation: 'continue',
    recommendationNote:
      'Continue weekly treatment for 4 more visits, then reassess with the NDI and PSFS before discharge.',
    therapist: {
      name: 'Ana Sofía Martínez',
      credentials: 'LMT, CMMT',
      licenseNumber: 'LMT 12345',
      signedAtDisplay: 'Nov 25, 2026 at 4:12 PM PST',
    },
    ...overrides,
  };
}

async function extractPages(bytes: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of (detaches) the buffer it is given.
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages;
}

describe('renderProgressReportPdf', () => {
  let fonts: ReportFonts;
  beforeAll(async () => {
    fonts = await loadReportFonts();
  });

  it('renders a two-page progress report whose text reads back exactly, accents included', async () => {
    const bytes = await renderProgressReportPdf(sampleReport(), fonts);

    if (process.env.PALPA_WRITE_PDF) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palpa-report-'));
      const file = path.join(dir, 'progress-report.pdf');
      fs.writeFileSync(file, bytes);
      console.log(`Wrote ${file} (${bytes.length} bytes)`);
    }

    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // Subset fonts: the full DejaVu faces alone would be 1.4 MB.
    expect(bytes.length).toBeLessThan(150_000);

    const pages = await extractPages(bytes);
    expect(pages.length).toBe(2);
    const [first = '', second = ''] = pages;
    const all = pages.join('\n');

    expect(first).toContain('Riverside Medical Massage');
    expect(first).toContain('Progress report');
    expect(first).toContain('Łukasz Nguyễn');
    expect(first).toContain('Date of birth Mar 7, 1984');
    expect(first).toContain('Dr. Zoë Ødegård');
    expect(first).toContain('Northwest Spine & Sports Medicine');
    expect(first).toContain('Fax (503) 555-0198');
    expect(first).toContain('Report date: Nov 25, 2026');
    expect(first).toContain('Sep 2 – Nov 24, 2026');
    expect(first).toContain('8 of 12 authorized visits used');
    expect(first).toContain('M54.2');
    expect(first).toContain('Cervicalgia');
    expect(first).toContain('S13.4XXA');

    // Outcome table: baseline is the earliest score whatever the input order, latest the last one.
    expect(first).toContain('38%');
    expect(first).toContain('Sep 2, 2026');
    expect(first).toContain('16%');
    expect(first).toContain('Nov 24, 2026');
    expect(first).toContain('−22 pts');
    expect(first).toContain('+3.2 pts');
    expect(first).toContain('MCID 7.5 pts');
    // Chart labels: every NDI score and the goal.
    for (const score of ['38', '30', '22', '16', '3.3', '4.7', '6.5']) {
      expect(first).toMatch(new RegExp(`(^| )${score.replace('.', '\\.')}( |$)`));
    }
    expect(first).toContain('Goal 10 by Dec 31');

    expect(all).toContain('Sleep through the night');
    expect(all).toContain('Not progressing');
    expect(second).toContain('4. Łukasz presented');
    expect(all).toContain('Continue the current plan of care');
    expect(all).toContain('Ana Sofía Martínez, LMT, CMMT');
    expect(all).toContain('License no. LMT 12345');
    expect(all).toContain('Electronically signed Nov 25, 2026 at 4:12 PM PST');

    expect(first).toContain('Łukasz Nguyễn — DOB Mar 7, 1984 — page 1 of 2');
    expect(second).toContain('Łukasz Nguyễn — DOB Mar 7, 1984 — page 2 of 2');
    expect(second).toContain('Progress report — Łukasz Nguyễn (continued)');
  });

  it('titles a discharge summary and copes with a sparse episode on one page', async () => {
    const bytes = await renderProgressReportPdf(
      sampleReport({
        kind: 'discharge',
        prescriber: undefined,
        diagnoses: [],
        visits: { used: 1, authorised: null },
        measures: [{ instrument: 'NDI', unit: '%', higherIsBetter: false, mcid: 7.5, points: [] }],
        goals: [],
        summary: 'Seen once.\tMoved away.',
        recommendation: 'discharge',
        recommendationNote: undefined,
        therapist: { name: 'Ana Sofía Martínez' },
      }),
      fonts,
    );
    const pages = await extractPages(bytes);
    expect(pages.length).toBe(1);
    const [text = ''] = pages;
    expect(text).toContain('Discharge summary');
    expect(text).toContain('1 visit used (no authorization limit)');
    expect(text).toContain('Seen once. Moved away.');
    expect(text).toContain('Not signed: draft for review');
    expect(text).toContain('page 1 of 1');
    expect(text).not.toContain('TO (PRESCRIBER)');
    expect(text).toContain('no score recorded');
    expect(text).not.toContain('one score only');
  });

  it('runs a very long narrative onto as many pages as it needs and numbers them all', async () => {
    const summary = Array.from({ length: 40 }, () => NARRATIVE_PARAGRAPH).join('\n\n');
    const pages = await extractPages(await renderProgressReportPdf(sampleReport({ summary }), fonts));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((text, i) => expect(text).toContain(`page ${i + 1} of ${pages.length}`));
  });
});
