import fontkit from '@pdf-lib/fontkit';
import { PageSizes, PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatCalendarDate } from '../../platform/domain/calendar-date.js';
import { cleanLine, wrapText } from './domain/progress-report.js';
import type { ReportFonts } from './report-fonts.js';

/**
 * A letter asking the prescriber to renew a prescription for medical massage (issue 7, item 4): faxed
 * when the authorised visits run low or the expiry nears. It says what was authorised, what was used, how
 * the client is doing by the outcome measures, what is asked for, and leaves room for the prescriber's
 * answer and signature, so the page can come straight back by fax.
 */
export type RenewalRequestData = {
  clinic: { name: string; addressLines: string[]; phone?: string; fax?: string; npi?: string };
  date: string;
  prescriber: { name: string; practice?: string; phone?: string; fax?: string; npi?: string };
  client: { name: string; dateOfBirth: string };
  diagnoses: { code: string; description: string }[];
  current: {
    writtenOn: string;
    expiresOn: string | null;
    authorised: number | null;
    used: number;
    booked: number;
  };
  measures: { name: string; baseline: string; latest: string; change: string }[];
  request: { perWeek: number | null; weeks: number | null; visits: number | null };
  therapist: { name: string; credentials?: string; licenseNumber?: string };
};

const [WIDTH, HEIGHT] = PageSizes.Letter;
const LEFT = 64;
const RIGHT = WIDTH - 64;
const TOP = HEIGHT - 50;
const BOTTOM = 48;
const INK = rgb(0.12, 0.14, 0.17);
const MUTED = rgb(0.4, 0.43, 0.48);
const ACCENT = rgb(0.05, 0.35, 0.42);

export async function renderRenewalRequestPdf(
  data: RenewalRequestData,
  fonts: ReportFonts,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`Prescription renewal request — ${data.client.name}`);
  doc.setCreator('Palpa');
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  let page: PDFPage = doc.addPage(PageSizes.Letter);
  let y = TOP;
  const ensure = (height: number) => {
    if (y - height >= BOTTOM) return;
    page = doc.addPage(PageSizes.Letter);
    y = TOP;
  };
  const write = (
    text: string,
    font: PDFFont,
    size: number,
    options: { indent?: number; color?: typeof INK } = {},
  ) => {
    const x = LEFT + (options.indent ?? 0);
    for (const line of wrapText(cleanLine(text), RIGHT - x, (s) => font.widthOfTextAtSize(s, size))) {
      ensure(size * 1.45);
      page.drawText(line, { x, y: y - size, size, font, color: options.color ?? INK });
      y -= size * 1.45;
    }
  };
  const gap = (points: number) => (y -= points);

  // Letterhead
  write(data.clinic.name, bold, 15, { color: ACCENT });
  const contact = [
    ...data.clinic.addressLines,
    [
      data.clinic.phone && `Phone ${data.clinic.phone}`,
      data.clinic.fax && `Fax ${data.clinic.fax}`,
      data.clinic.npi && `NPI ${data.clinic.npi}`,
    ]
      .filter(Boolean)
      .join(' · '),
  ].filter((line) => line);
  for (const line of contact) write(line, regular, 9, { color: MUTED });
  gap(6);
  page.drawLine({ start: { x: LEFT, y }, end: { x: RIGHT, y }, thickness: 0.8, color: ACCENT });
  gap(16);

  write(formatCalendarDate(data.date), regular, 10.5);
  gap(8);
  write(data.prescriber.name, bold, 10.5);
  for (const line of [
    data.prescriber.practice,
    [
      data.prescriber.phone && `Phone ${data.prescriber.phone}`,
      data.prescriber.fax && `Fax ${data.prescriber.fax}`,
    ]
      .filter(Boolean)
      .join(' · '),
    data.prescriber.npi && `NPI ${data.prescriber.npi}`,
  ])
    if (line) write(line, regular, 10.5);
  gap(12);
  write(`Re: Request to renew the prescription for medical massage therapy`, bold, 11);
  write(
    `Patient: ${data.client.name}, date of birth ${formatCalendarDate(data.client.dateOfBirth)}`,
    regular,
    10.5,
  );
  gap(10);

  const surname = data.prescriber.name;
  write(`Dear ${surname},`, regular, 10.5);
  gap(6);
  const authorised =
    data.current.authorised === null
      ? `the visits you prescribed on ${formatCalendarDate(data.current.writtenOn)}`
      : `${data.current.used} of the ${data.current.authorised} visits you authorised on ${formatCalendarDate(data.current.writtenOn)}`;
  const expiry = data.current.expiresOn
    ? ` The prescription expires on ${formatCalendarDate(data.current.expiresOn)}.`
    : '';
  const booked =
    data.current.booked > 0
      ? ` ${data.current.booked} further visit${data.current.booked === 1 ? ' is' : 's are'} booked.`
      : '';
  write(`${data.client.name} has attended ${authorised}.${expiry}${booked}`, regular, 10.5);
  gap(6);
  if (data.diagnoses.length) {
    write('Diagnoses treated:', bold, 10.5);
    for (const d of data.diagnoses) write(`${d.code}  ${d.description}`, regular, 10, { indent: 14 });
    gap(6);
  }
  if (data.measures.length) {
    write('Progress by outcome measure (first → latest):', bold, 10.5);
    for (const m of data.measures)
      write(`${m.name}: ${m.baseline} → ${m.latest} (${m.change})`, regular, 10, { indent: 14 });
    gap(6);
  }
  const asked = [
    data.request.perWeek && `${data.request.perWeek}× per week`,
    data.request.weeks && `for ${data.request.weeks} weeks`,
    data.request.visits && `(${data.request.visits} visits)`,
  ]
    .filter(Boolean)
    .join(' ');
  write(
    `To continue treatment toward the goals of the plan of care, we ask you to renew the prescription${asked ? `: ${asked}` : ''}, with the same diagnoses unless you decide otherwise.`,
    regular,
    10.5,
  );
  gap(6);
  write(
    `Please mark your decision, sign and return this page${data.clinic.fax ? ` by fax to ${data.clinic.fax}` : ''}.`,
    regular,
    10.5,
  );
  gap(8);

  // The prescriber's answer: the whole letter stays on one page so it can come back by fax.
  ensure(150);
  for (const choice of [
    'Renewal approved as requested',
    'Approved with changes: ____________________________________',
    'Not approved',
  ]) {
    page.drawRectangle({ x: LEFT, y: y - 11, width: 10, height: 10, borderColor: INK, borderWidth: 0.8 });
    page.drawText(choice, { x: LEFT + 18, y: y - 10, size: 10.5, font: regular, color: INK });
    y -= 18;
  }
  gap(8);
  for (const label of ['Prescriber signature', 'Date', 'NPI']) {
    page.drawLine({
      start: { x: LEFT + 130, y: y - 12 },
      end: { x: RIGHT, y: y - 12 },
      thickness: 0.6,
      color: INK,
    });
    page.drawText(label, { x: LEFT, y: y - 11, size: 10, font: regular, color: MUTED });
    y -= 24;
  }
  gap(6);
  write('Sincerely,', regular, 10.5);
  gap(12);
  write([data.therapist.name, data.therapist.credentials].filter(Boolean).join(', '), bold, 10.5);
  if (data.therapist.licenseNumber) write(`Licence ${data.therapist.licenseNumber}`, regular, 10);
  return doc.save();
}
