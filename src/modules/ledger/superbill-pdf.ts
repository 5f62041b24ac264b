import fontkit from '@pdf-lib/fontkit';
import {
  PageSizes,
  PDFDocument,
  PDFName,
  PDFString,
  rgb,
  type PDFFont,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import { type ReportFonts } from '../reports/index.js';
import { isIsoDate } from './domain/aging.js';
import { formatUsd, formatUsDate } from './domain/statement.js';
import { diagnosisLetter, type SuperbillData } from './domain/superbill.js';

// ---------------------------------------------------------------------------------------------------------
// A small page-flow kit shared by the ledger's documents (superbill, statement).

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.Letter;
export const LEFT = 54;
export const RIGHT = PAGE_WIDTH - 54;
export const CONTENT_WIDTH = RIGHT - LEFT;
export const TOP = PAGE_HEIGHT - 48;
/** The lowest point body text may reach; the footer sits below it. */
export const BOTTOM = 62;
const FOOTER_BASELINE = 34;

export const INK = rgb(0.12, 0.14, 0.17);
export const MUTED = rgb(0.4, 0.43, 0.48);
export const HAIRLINE = rgb(0.8, 0.82, 0.85);
export const PANEL = rgb(0.955, 0.965, 0.97);
export const ACCENT = rgb(0.05, 0.35, 0.42);
export const PAID = rgb(0.13, 0.47, 0.24);

export type Style = { bold?: boolean; size?: number; color?: RGB };

/** One line of PDF text: control characters and runs of white space become single spaces. */
export function cleanLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
}

export class LedgerPdf {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = TOP;
  /** The lowest point the flow may reach on this page (raised to keep room for something at the foot). */
  floor = BOTTOM;

  private constructor(
    readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly continuation: { left: string; right: string },
  ) {
    this.addPage();
  }

  /** A Letter document with the report fonts embedded as subsets, its metadata set, and a first page. */
  static async create(
    fonts: ReportFonts,
    meta: { title: string; author: string; subject: string },
    continuation: { left: string; right: string },
  ): Promise<LedgerPdf> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    // Subsetting keeps a document at tens of kB instead of the fonts' 1.4 MB.
    const regular = await doc.embedFont(fonts.regular, { subset: true });
    const bold = await doc.embedFont(fonts.bold, { subset: true });
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setAuthor(meta.author);
    doc.setSubject(meta.subject);
    doc.setCreator('Palpa');
    doc.setProducer('Palpa');
    // Screen readers pick the pronunciation from the document language.
    doc.catalog.set(PDFName.of('Lang'), PDFString.of('en-US'));
    return new LedgerPdf(doc, { regular, bold }, continuation);
  }

  addPage() {
    this.page = this.doc.addPage(PageSizes.Letter);
    this.pages.push(this.page);
    this.y = TOP;
    this.floor = BOTTOM;
    if (this.pages.length > 1) {
      // A later page may be separated from the first: say whose and what it is.
      const baseline = TOP - 8;
      const style: Style = { size: 8, color: MUTED };
      const right = this.fit(this.continuation.right, CONTENT_WIDTH * 0.6, style);
      this.text(
        this.fit(this.continuation.left, CONTENT_WIDTH - this.width(right, style) - 16, style),
        LEFT,
        baseline,
        style,
      );
      this.textRight(right, RIGHT, baseline, style);
      this.rule(baseline - 6);
      this.y = baseline - 20;
    }
  }

  /** Starts a new page unless `height` still fits above the floor; true when it did. */
  ensure(height: number): boolean {
    if (this.y - height >= this.floor) return false;
    this.addPage();
    return true;
  }

  font(style: Style) {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  width(text: string, style: Style) {
    return this.font(style).widthOfTextAtSize(cleanLine(text), style.size ?? 10);
  }

  /** Greedy word wrap; a word wider than the line is cut between characters. */
  wrap(text: string, maxWidth: number, style: Style): string[] {
    const measure = (s: string) => this.width(s, style);
    const lines: string[] = [];
    let current = '';
    for (const word of cleanLine(text).split(' ').filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (measure(candidate) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = '';
      for (const char of word) {
        if (current && measure(current + char) > maxWidth) {
          lines.push(current);
          current = char;
        } else {
          current += char;
        }
      }
    }
    if (current) lines.push(current);
    return lines.length > 0 ? lines : [''];
  }

  /** One line cut with '…' to fit `maxWidth`. */
  fit(text: string, maxWidth: number, style: Style): string {
    const line = cleanLine(text);
    if (this.width(line, style) <= maxWidth) return line;
    const chars = [...line];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.width(`${chars.slice(0, mid).join('').trimEnd()}…`, style) <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    return lo === 0 ? '' : `${chars.slice(0, lo).join('').trimEnd()}…`;
  }

  text(text: string, x: number, baseline: number, style: Style = {}) {
    const line = cleanLine(text);
    if (!line) return;
    this.page.drawText(line, {
      x,
      y: baseline,
      font: this.font(style),
      size: style.size ?? 10,
      color: style.color ?? INK,
    });
  }

  textRight(text: string, right: number, baseline: number, style: Style = {}) {
    this.text(text, right - this.width(text, style), baseline, style);
  }

  textCentered(text: string, center: number, baseline: number, style: Style = {}) {
    this.text(text, center - this.width(text, style) / 2, baseline, style);
  }

  rule(y: number, color = HAIRLINE, thickness = 0.5, from = LEFT, to = RIGHT) {
    this.page.drawLine({ start: { x: from, y }, end: { x: to, y }, thickness, color });
  }

  box(
    x: number,
    top: number,
    width: number,
    height: number,
    options: { fill?: RGB; border?: RGB; borderWidth?: number },
  ) {
    this.page.drawRectangle({
      x,
      y: top - height,
      width,
      height,
      ...(options.fill ? { color: options.fill } : {}),
      ...(options.border ? { borderColor: options.border, borderWidth: options.borderWidth ?? 0.75 } : {}),
    });
  }

  /** Wrapped text at the cursor, flowing onto the next page when it must. */
  paragraph(text: string, x: number, maxWidth: number, style: Style, leading: number) {
    const size = style.size ?? 10;
    for (const line of this.wrap(text, maxWidth, style)) {
      this.ensure(leading);
      this.text(line, x, this.y - size, style);
      this.y -= leading;
    }
  }

  /** A section heading, kept on one page with at least `keepWith` points of what follows. */
  heading(title: string, keepWith: number, x = LEFT, width = CONTENT_WIDTH) {
    this.ensure(30 + keepWith);
    this.y -= 12;
    const baseline = this.y - 10.5;
    this.text(title, x, baseline, { bold: true, size: 10.5, color: ACCENT });
    this.rule(baseline - 5, HAIRLINE, 0.5, x, x + width);
    this.y = baseline - 10;
  }

  /** The footer on every page, once the page count is known. */
  footers(left: string, right: (page: number, total: number) => string) {
    const total = this.pages.length;
    const style: Style = { size: 7.5, color: MUTED };
    this.pages.forEach((page, index) => {
      this.page = page;
      const pageText = right(index + 1, total);
      this.rule(FOOTER_BASELINE + 12);
      this.text(
        this.fit(left, CONTENT_WIDTH - this.width(pageText, style) - 16, style),
        LEFT,
        FOOTER_BASELINE,
        style,
      );
      this.textRight(pageText, RIGHT, FOOTER_BASELINE, style);
    });
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}

export type TableColumn = { title: string; width: number; align?: 'left' | 'right' | 'center' };
export type TableCell = string | { text: string; bold?: boolean; color?: RGB };

/**
 * A table at the cursor: a shaded header row, then rows whose cells wrap within their column. When a row
 * does not fit, the table continues on a new page under a repeated header. The table is as wide as its
 * columns, from `x` (the left margin by default).
 */
export function drawTable(
  pdf: LedgerPdf,
  columns: TableColumn[],
  rows: TableCell[][],
  options: { size?: number; x?: number } = {},
) {
  const size = options.size ?? 8.5;
  const leading = size * 1.3;
  const padX = 5;
  const padY = 3.5;
  const headerHeight = 16;
  const left = options.x ?? LEFT;
  const tableWidth = columns.reduce((sum, column) => sum + column.width, 0);

  const drawHeader = () => {
    pdf.box(left, pdf.y, tableWidth, headerHeight, { fill: PANEL });
    let x = left;
    for (const column of columns) {
      const style: Style = { bold: true, size: 7, color: MUTED };
      const title = pdf.fit(column.title.toUpperCase(), column.width - 2 * padX, style);
      drawAligned(pdf, title, x, column.width - 2 * padX, padX, pdf.y - 10.5, style, column.align);
      x += column.width;
    }
    pdf.y -= headerHeight;
  };

  const prepared = rows.map((row) =>
    row.map((cell, i) => {
      const { text, bold, color } =
        typeof cell === 'string' ? { text: cell, bold: false, color: undefined } : cell;
      const style: Style = { bold, size, color };
      const width = (columns[i]?.width ?? 60) - 2 * padX;
      return { lines: pdf.wrap(text, width, style), style };
    }),
  );
  const heightOf = (row: (typeof prepared)[number]) =>
    Math.max(1, ...row.map((cell) => cell.lines.length)) * leading + 2 * padY;

  pdf.ensure(headerHeight + (prepared[0] ? heightOf(prepared[0]) : 0));
  drawHeader();
  for (const row of prepared) {
    const height = heightOf(row);
    if (pdf.ensure(height)) drawHeader();
    let x = left;
    row.forEach((cell, i) => {
      const column = columns[i];
      const width = column?.width ?? 60;
      let baseline = pdf.y - padY - size;
      for (const line of cell.lines) {
        drawAligned(pdf, line, x, width - 2 * padX, padX, baseline, cell.style, column?.align);
        baseline -= leading;
      }
      x += width;
    });
    pdf.y -= height;
    pdf.rule(pdf.y, HAIRLINE, 0.5, left, left + tableWidth);
  }
}

function drawAligned(
  pdf: LedgerPdf,
  text: string,
  x: number,
  innerWidth: number,
  pad: number,
  baseline: number,
  style: Style,
  align: TableColumn['align'],
) {
  if (align === 'right') pdf.textRight(text, x + pad + innerWidth, baseline, style);
  else if (align === 'center') pdf.textCentered(text, x + pad + innerWidth / 2, baseline, style);
  else pdf.text(text, x + pad, baseline, style);
}

/** Practice name and address on the left, contact and identifiers on the right, over an accent rule. */
export function drawPracticeHeader(
  pdf: LedgerPdf,
  practice: { name: string; address: string[] },
  contact: string[],
) {
  const contactStyle: Style = { size: 8.5, color: MUTED };
  const lines = contact.filter((line) => line.trim() !== '');
  const contactWidth = Math.max(0, ...lines.map((line) => pdf.width(line, contactStyle)));
  const nameWidth = CONTENT_WIDTH - (contactWidth > 0 ? contactWidth + 24 : 0);

  let left = pdf.y;
  for (const line of pdf.wrap(practice.name, nameWidth, { bold: true, size: 15 })) {
    pdf.text(line, LEFT, left - 15, { bold: true, size: 15, color: ACCENT });
    left -= 19;
  }
  left -= 2;
  for (const address of practice.address) {
    for (const line of pdf.wrap(address, nameWidth, contactStyle)) {
      pdf.text(line, LEFT, left - 8.5, contactStyle);
      left -= 11.5;
    }
  }
  let right = pdf.y - 4;
  for (const line of lines) {
    pdf.textRight(line, RIGHT, right - 8.5, contactStyle);
    right -= 11.5;
  }
  pdf.y = Math.min(left, right) - 6;
  pdf.rule(pdf.y, ACCENT, 1.2);
  pdf.y -= 18;
}

export type InfoBlock = { label: string; lines: { text: string; bold?: boolean; muted?: boolean }[] };

/** Labelled blocks side by side on a pale panel (patient, provider…). */
export function drawInfoPanel(pdf: LedgerPdf, blocks: InfoBlock[], widths?: number[]) {
  const padding = 10;
  const gap = 16;
  const inner = CONTENT_WIDTH - 2 * padding - gap * (blocks.length - 1);
  const columnWidths = widths ?? blocks.map(() => inner / blocks.length);
  const lineStyle = (line: InfoBlock['lines'][number]): Style =>
    line.bold ? { bold: true, size: 10 } : { size: 8.5, color: line.muted ? MUTED : INK };
  const wrapped = blocks.map((block, i) => ({
    label: block.label,
    lines: block.lines.flatMap((line) =>
      pdf.wrap(line.text, columnWidths[i] ?? 100, lineStyle(line)).map((text) => ({ ...line, text })),
    ),
  }));
  const lineHeight = (line: InfoBlock['lines'][number]) => (line.bold ? 13.5 : 11.5);
  const height =
    Math.max(...wrapped.map((block) => 13 + block.lines.reduce((sum, line) => sum + lineHeight(line), 0))) +
    2 * padding;

  pdf.ensure(height);
  pdf.box(LEFT, pdf.y, CONTENT_WIDTH, height, { fill: PANEL });
  let x = LEFT + padding;
  wrapped.forEach((block, i) => {
    let y = pdf.y - padding;
    pdf.text(block.label, x, y - 7, { bold: true, size: 7, color: MUTED });
    y -= 13;
    for (const line of block.lines) {
      const style = lineStyle(line);
      pdf.text(line.text, x, y - (style.size ?? 10), style);
      y -= lineHeight(line);
    }
    x += (columnWidths[i] ?? 100) + gap;
  });
  pdf.y -= height;
}

// ---------------------------------------------------------------------------------------------------------
// The superbill

const SERVICE_COLUMNS: TableColumn[] = [
  { title: 'Date', width: 62 },
  { title: 'POS', width: 28, align: 'center' },
  { title: 'CPT/HCPCS', width: 58 },
  { title: 'Modifiers', width: 54 },
  { title: 'Description', width: CONTENT_WIDTH - 62 - 28 - 58 - 54 - 34 - 50 - 64 },
  { title: 'Units', width: 34, align: 'right' },
  { title: 'Dx', width: 50 },
  { title: 'Charge', width: 64, align: 'right' },
];

const CLIENT_NOTE = [
  "Get your insurer's out-of-network claim form (member website, or the phone number on your card), or use " +
    'its online claim upload.',
  "Attach this superbill. For massage therapy, also attach your physician's prescription or referral if you " +
    'have one.',
  'Keep a copy. Your insurer pays you directly; call us if it needs anything else.',
];

/** A date for print; a draft with a missing or malformed date shows it as given (or '—') rather than failing. */
function printDate(value: string): string {
  return isIsoDate(value) ? formatUsDate(value) : value.trim() || '—';
}

function providerName(provider: SuperbillData['provider']): string {
  return [provider.name, provider.credentials].filter((part) => part && part.trim() !== '').join(', ');
}

export async function renderSuperbillPdf(data: SuperbillData, fonts: ReportFonts): Promise<Uint8Array> {
  const title = `Superbill ${data.statementNumber} — ${data.patient.name}`;
  const pdf = await LedgerPdf.create(
    fonts,
    {
      title,
      author: data.practice.name,
      subject: `Superbill for out-of-network reimbursement, issued ${printDate(data.issuedOn)}`,
    },
    {
      left: data.practice.name,
      right: `Superbill ${data.statementNumber} — ${data.patient.name} (continued)`,
    },
  );

  drawSuperbillHeader(pdf, data);
  drawParties(pdf, data);
  drawDiagnoses(pdf, data);
  drawServices(pdf, data);
  drawTotalsAndPayments(pdf, data);
  drawSignature(pdf, data);
  drawClientNote(pdf);
  pdf.footers(
    `Superbill ${data.statementNumber} — ${data.patient.name} — DOB ${printDate(data.patient.dateOfBirth)}`,
    (page, total) => `page ${page} of ${total}`,
  );
  return pdf.save();
}

function drawSuperbillHeader(pdf: LedgerPdf, data: SuperbillData) {
  const { practice } = data;
  drawPracticeHeader(pdf, practice, [
    practice.phone ? `Phone ${practice.phone}` : '',
    practice.npi ? `NPI ${practice.npi}` : '',
    practice.taxId ? `${practice.taxIdType ?? 'Tax ID'} ${practice.taxId}` : '',
  ]);
  const baseline = pdf.y - 14;
  const titleStyle: Style = { bold: true, size: 17 };
  pdf.text('SUPERBILL', LEFT, baseline, titleStyle);
  pdf.text('— for out-of-network reimbursement', LEFT + pdf.width('SUPERBILL', titleStyle) + 7, baseline, {
    size: 10.5,
    color: MUTED,
  });
  const meta: Style = { size: 8.5, color: MUTED };
  pdf.textRight(`No. ${data.statementNumber}`, RIGHT, baseline + 4, { ...meta, bold: true, color: INK });
  pdf.textRight(`Issued ${printDate(data.issuedOn)}`, RIGHT, baseline - 8, meta);
  pdf.y = baseline - 18;
}

function drawParties(pdf: LedgerPdf, data: SuperbillData) {
  const { patient, provider } = data;
  const referring = data.referringProvider;
  drawInfoPanel(pdf, [
    {
      label: 'PATIENT',
      lines: [
        { text: patient.name, bold: true },
        { text: `Date of birth ${printDate(patient.dateOfBirth)}` },
        ...patient.address.filter((line) => line.trim() !== '').map((text) => ({ text })),
        { text: `Member ID ${patient.memberId ?? '—'}` },
      ],
    },
    {
      label: 'RENDERING PROVIDER',
      lines: [
        { text: providerName(provider), bold: true },
        { text: `NPI ${provider.npi ?? '—'}` },
        {
          text: `License no. ${provider.licenseNumber ?? '—'}${provider.licenseState ? ` (${provider.licenseState})` : ''}`,
        },
        ...(provider.taxonomy ? [{ text: `Taxonomy ${provider.taxonomy}` }] : []),
      ],
    },
    {
      label: 'REFERRING PROVIDER',
      lines: referring
        ? [{ text: referring.name, bold: true }, ...(referring.npi ? [{ text: `NPI ${referring.npi}` }] : [])]
        : [{ text: 'None', muted: true }],
    },
  ]);
}

function drawDiagnoses(pdf: LedgerPdf, data: SuperbillData) {
  pdf.heading('Diagnoses', 17 + 16);
  drawTable(
    pdf,
    [
      { title: 'Ptr', width: 40, align: 'center' },
      { title: 'ICD-10-CM', width: 80 },
      { title: 'Description', width: CONTENT_WIDTH - 120 },
    ],
    data.diagnoses.length > 0
      ? data.diagnoses.map((diagnosis, i) => [
          { text: diagnosisLetter(i + 1), bold: true },
          { text: diagnosis.code, bold: true },
          diagnosis.description,
        ])
      : [['', '', { text: 'No diagnosis listed', color: MUTED }]],
    { size: 9 },
  );
}

function drawServices(pdf: LedgerPdf, data: SuperbillData) {
  pdf.heading('Services', 17 + 16);
  drawTable(
    pdf,
    SERVICE_COLUMNS,
    data.lines.map((line) => [
      printDate(line.serviceDate),
      line.placeOfService,
      { text: line.code, bold: true },
      line.modifiers.join(' '),
      line.description,
      String(line.units),
      line.diagnosisPointers.map(diagnosisLetter).join(', '),
      formatUsd(line.chargeCents),
    ]),
    { size: 8.5 },
  );
}

const TOTALS_WIDTH = 210;
const STAMP_HEIGHT = 38;
const HEADING_HEIGHT = 32.5;

/** Totals on the right; payments beside them on the left when there are few, else in a table below. */
function drawTotalsAndPayments(pdf: LedgerPdf, data: SuperbillData) {
  const paidInFull = data.totals.balanceCents === 0 && data.totals.chargedCents > 0;
  const payments = [...data.payments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const paymentColumns = (width: number): TableColumn[] => [
    { title: 'Date', width: 70 },
    { title: 'Method', width: width - 70 - 80 },
    { title: 'Amount', width: 80, align: 'right' },
  ];
  const paymentRows = payments.map((p) => [printDate(p.date), p.method, formatUsd(p.amountCents)]);
  const totalsHeight = 3 * 16 + 10;

  if (payments.length === 0 || payments.length > 6) {
    pdf.ensure(totalsHeight + 8);
    pdf.y -= 8;
    const top = pdf.y;
    drawTotalsBox(pdf, data, RIGHT - TOTALS_WIDTH, top);
    if (paidInFull) drawPaidStamp(pdf, data, LEFT, top - (totalsHeight - STAMP_HEIGHT) / 2, TOTALS_WIDTH);
    pdf.y = top - totalsHeight;
    if (payments.length > 0) {
      pdf.heading('Payments received', 16 + 18);
      drawTable(pdf, paymentColumns(CONTENT_WIDTH), paymentRows);
    }
    return;
  }

  const leftWidth = CONTENT_WIDTH - TOTALS_WIDTH - 20;
  const leftHeight = HEADING_HEIGHT + 16 + payments.length * 18;
  const rightHeight = HEADING_HEIGHT + totalsHeight + (paidInFull ? 8 + STAMP_HEIGHT : 0);
  pdf.ensure(Math.max(leftHeight, rightHeight));
  const top = pdf.y;
  const boxTop = top - HEADING_HEIGHT;
  drawTotalsBox(pdf, data, RIGHT - TOTALS_WIDTH, boxTop);
  if (paidInFull) drawPaidStamp(pdf, data, RIGHT - TOTALS_WIDTH, boxTop - totalsHeight - 8, TOTALS_WIDTH);
  pdf.heading('Payments received', 16 + 18, LEFT, leftWidth);
  drawTable(pdf, paymentColumns(leftWidth), paymentRows);
  pdf.y = Math.min(pdf.y, top - rightHeight);
}

function drawTotalsBox(pdf: LedgerPdf, data: SuperbillData, x: number, top: number) {
  const { totals } = data;
  const rows: [string, string, boolean][] = [
    ['Total charged', formatUsd(totals.chargedCents), false],
    ['Amount paid', formatUsd(totals.paidCents), false],
    ['Balance due', formatUsd(totals.balanceCents), true],
  ];
  pdf.box(x, top, TOTALS_WIDTH, rows.length * 16 + 10, { fill: PANEL });
  let baseline = top - 16;
  for (const [label, value, strong] of rows) {
    const style: Style = strong ? { bold: true, size: 10.5 } : { size: 9.5 };
    pdf.text(label, x + 10, baseline, style);
    pdf.textRight(value, x + TOTALS_WIDTH - 10, baseline, style);
    baseline -= 16;
  }
}

/** The receipt statement insurers look for: the client paid the full fee. */
function drawPaidStamp(pdf: LedgerPdf, data: SuperbillData, x: number, top: number, width: number) {
  pdf.box(x, top, width, STAMP_HEIGHT, { border: PAID, borderWidth: 1.5 });
  pdf.textCentered('PAID IN FULL', x + width / 2, top - 17, { bold: true, size: 13, color: PAID });
  const last = data.payments
    .map((p) => p.date)
    .sort()
    .at(-1);
  pdf.textCentered(
    last ? `Paid in full — last payment ${printDate(last)}` : 'Paid in full',
    x + width / 2,
    top - 30,
    { size: 7.5, color: PAID },
  );
}

function drawSignature(pdf: LedgerPdf, data: SuperbillData) {
  const { provider } = data;
  pdf.ensure(44);
  pdf.y -= 30;
  const lineY = pdf.y;
  const signatureWidth = 300;
  const dateX = LEFT + signatureWidth + 30;
  pdf.rule(lineY, MUTED, 0.6, LEFT, LEFT + signatureWidth);
  pdf.rule(lineY, MUTED, 0.6, dateX, RIGHT);
  pdf.text(printDate(data.issuedOn), dateX + 4, lineY + 5, { size: 9.5 });
  const identity = [providerName(provider), provider.npi ? `NPI ${provider.npi}` : '']
    .filter(Boolean)
    .join(', ');
  const labelStyle: Style = { size: 7.5, color: MUTED };
  pdf.text('Provider signature', LEFT, lineY - 10, labelStyle);
  const labelWidth = pdf.width('Provider signature', labelStyle) + 8;
  pdf.text(pdf.fit(identity, signatureWidth - labelWidth, { size: 8 }), LEFT + labelWidth, lineY - 10, {
    size: 8,
  });
  pdf.text('Date', dateX, lineY - 10, labelStyle);
  pdf.y = lineY - 14;
}

function drawClientNote(pdf: LedgerPdf) {
  const style: Style = { size: 8 };
  const leading = 10.5;
  const width = CONTENT_WIDTH - 20 - 14;
  const items = CLIENT_NOTE.map((text) => pdf.wrap(text, width, style));
  const height = 8 + 15 + items.reduce((sum, lines) => sum + lines.length * leading + 2, 0) + 5;
  pdf.ensure(height + 14);
  pdf.y -= 14;
  pdf.box(LEFT, pdf.y, CONTENT_WIDTH, height, { border: HAIRLINE, borderWidth: 0.75 });
  let y = pdf.y - 8;
  pdf.text('For you: how to claim this from your insurer', LEFT + 10, y - 9, {
    bold: true,
    size: 9,
    color: ACCENT,
  });
  y -= 15;
  items.forEach((lines, i) => {
    pdf.text(`${i + 1}.`, LEFT + 10, y - 8, { ...style, bold: true });
    for (const line of lines) {
      pdf.text(line, LEFT + 24, y - 8, style);
      y -= leading;
    }
    y -= 2;
  });
  pdf.y -= height;
}
