import { rgb } from 'pdf-lib';
import { type ReportFonts } from '../reports/index.js';
import { AGING_BUCKET_KEYS, AGING_BUCKET_LABELS } from './domain/aging.js';
import { formatUsd, formatUsDate, type Statement } from './domain/statement.js';
import {
  ACCENT,
  BOTTOM,
  CONTENT_WIDTH,
  drawTable,
  HAIRLINE,
  INK,
  LEFT,
  LedgerPdf,
  MUTED,
  PANEL,
  RIGHT,
  type Style,
  type TableCell,
} from './superbill-pdf.js';

/** What a patient statement shows: `statement` is `buildStatement`'s output for the client. */
export type StatementPdfData = {
  practice: {
    name: string;
    address: string[];
    phone: string | null;
    email: string | null;
    website: string | null;
  };
  client: { name: string; address: string[]; accountNumber: string };
  statement: Statement;
  /** Pay by this date (YYYY-MM-DD); null leaves it out. */
  dueBy: string | null;
  /** Who checks are made out to; the practice's name when null. */
  payableTo: string | null;
  /** A short note for the client (how to pay by card, a thank-you); null for none. */
  message: string | null;
};

const STUB_HEIGHT = 122;
const WHITE = rgb(1, 1, 1);

export async function renderStatementPdf(data: StatementPdfData, fonts: ReportFonts): Promise<Uint8Array> {
  const { statement, client, practice } = data;
  const pdf = await LedgerPdf.create(
    fonts,
    {
      title: `Statement ${formatUsDate(statement.today)} — ${client.name}`,
      author: practice.name,
      subject: `Patient statement, ${formatUsDate(statement.from)} to ${formatUsDate(statement.to)}`,
    },
    { left: practice.name, right: `Statement ${formatUsDate(statement.today)} — ${client.name} (continued)` },
  );

  // The remit stub sits at the foot of the first page, whatever follows: keep its room free.
  pdf.floor = BOTTOM + STUB_HEIGHT + 14;
  drawRemitStub(pdf, data);
  drawHeader(pdf, data);
  drawAddressAndDue(pdf, data);
  drawAging(pdf, statement);
  drawActivity(pdf, statement);
  drawInsurancePending(pdf, statement);
  if (data.message) {
    pdf.ensure(22);
    pdf.y -= 10;
    pdf.paragraph(data.message, LEFT, CONTENT_WIDTH, { size: 9 }, 12.5);
  }
  pdf.footers(
    `Statement ${formatUsDate(statement.today)} — ${client.name} — account ${client.accountNumber}`,
    (page, total) => `page ${page} of ${total}`,
  );
  return pdf.save();
}

/** Practice on the left; the word STATEMENT, its date, period and account number on the right. */
function drawHeader(pdf: LedgerPdf, data: StatementPdfData) {
  const { statement, practice } = data;
  const meta: Style = { size: 8.5, color: MUTED };
  const metaValue: Style = { ...meta, bold: true, color: INK };
  const rows: [string, string][] = [
    ['Statement date', formatUsDate(statement.today)],
    ['Period', `${formatUsDate(statement.from)} – ${formatUsDate(statement.to)}`],
    ['Account no.', data.client.accountNumber],
  ];
  const valueWidth = Math.max(...rows.map(([, value]) => pdf.width(value, metaValue)));
  const labelWidth = Math.max(...rows.map(([label]) => pdf.width(label, meta)));
  const rightWidth = Math.max(valueWidth + 8 + labelWidth, pdf.width('STATEMENT', { bold: true, size: 17 }));
  const leftWidth = CONTENT_WIDTH - rightWidth - 24;

  let left = pdf.y;
  for (const line of pdf.wrap(practice.name, leftWidth, { bold: true, size: 15 })) {
    pdf.text(line, LEFT, left - 15, { bold: true, size: 15, color: ACCENT });
    left -= 19;
  }
  left -= 2;
  // Phone, email and website share a line while they fit, and never break in the middle.
  const contact: string[] = [];
  for (const part of [practice.phone && `Phone ${practice.phone}`, practice.email, practice.website]) {
    if (!part || !part.trim()) continue;
    const last = contact.at(-1);
    if (last !== undefined && pdf.width(`${last}  ·  ${part}`, meta) <= leftWidth) {
      contact[contact.length - 1] = `${last}  ·  ${part}`;
    } else contact.push(part);
  }
  for (const address of [...practice.address, ...contact]) {
    for (const line of pdf.wrap(address, leftWidth, meta)) {
      if (!line) continue;
      pdf.text(line, LEFT, left - 8.5, meta);
      left -= 11.5;
    }
  }

  let right = pdf.y;
  pdf.textRight('STATEMENT', RIGHT, right - 16, { bold: true, size: 17 });
  right -= 22;
  for (const [label, value] of rows) {
    pdf.textRight(label, RIGHT - valueWidth - 8, right - 8.5, meta);
    pdf.textRight(value, RIGHT, right - 8.5, metaValue);
    right -= 11.5;
  }
  pdf.y = Math.min(left, right) - 6;
  pdf.rule(pdf.y, ACCENT, 1.2);
  pdf.y -= 14;
}

function drawAddressAndDue(pdf: LedgerPdf, data: StatementPdfData) {
  const { statement, client } = data;
  const boxWidth = 210;
  const top = pdf.y;

  // Left: the client's name and address, where a window envelope shows it.
  let y = top - 4;
  pdf.text('BILL TO', LEFT, y - 7, { bold: true, size: 7, color: MUTED });
  y -= 14;
  for (const line of pdf.wrap(client.name, CONTENT_WIDTH - boxWidth - 30, { bold: true, size: 10.5 })) {
    pdf.text(line, LEFT, y - 10.5, { bold: true, size: 10.5 });
    y -= 14;
  }
  for (const address of client.address) {
    for (const line of pdf.wrap(address, CONTENT_WIDTH - boxWidth - 30, { size: 9.5 })) {
      pdf.text(line, LEFT, y - 9.5, { size: 9.5 });
      y -= 12.5;
    }
  }

  // Right: what to pay, large.
  const boxHeight = 84;
  const x = RIGHT - boxWidth;
  pdf.box(x, top, boxWidth, boxHeight, { fill: PANEL, border: ACCENT, borderWidth: 1 });
  const center = x + boxWidth / 2;
  pdf.textCentered('AMOUNT DUE', center, top - 17, { bold: true, size: 8, color: MUTED });
  pdf.textCentered(formatUsd(statement.amountDueCents), center, top - 45, {
    bold: true,
    size: 24,
    color: ACCENT,
  });
  const note =
    statement.creditCents > 0
      ? `You have a credit of ${formatUsd(statement.creditCents)}`
      : statement.amountDueCents === 0
        ? 'Nothing to pay — thank you'
        : data.dueBy
          ? `Please pay by ${formatUsDate(data.dueBy)}`
          : 'Due on receipt';
  pdf.textCentered(note, center, top - 61, { size: 8.5 });
  if (statement.insurancePending.totalCents > 0) {
    pdf.textCentered(
      `Pending with insurance: ${formatUsd(statement.insurancePending.totalCents)}`,
      center,
      top - 74,
      { size: 7.5, color: MUTED },
    );
  }
  pdf.y = Math.min(y, top - boxHeight) - 4;
}

function drawActivity(pdf: LedgerPdf, statement: Statement) {
  pdf.heading('Account activity', 17 + 3 * 16);
  const signed = (cents: number) => formatUsd(cents);
  const rows: TableCell[][] = [
    [
      formatUsDate(statement.from),
      '',
      { text: 'Balance forward', bold: true },
      '',
      { text: signed(statement.openingBalanceCents), bold: true },
    ],
    ...statement.lines.map((line): TableCell[] => [
      formatUsDate(line.postedOn),
      formatUsDate(line.serviceDate),
      line.description,
      signed(line.amountCents),
      signed(line.balanceCents),
    ]),
  ];
  if (statement.lines.length === 0)
    rows.push(['', '', { text: 'No activity in this period', color: MUTED }, '', '']);
  rows.push([
    formatUsDate(statement.to),
    '',
    { text: `Balance on ${formatUsDate(statement.to)}`, bold: true },
    '',
    { text: signed(statement.closingBalanceCents), bold: true },
  ]);
  drawTable(
    pdf,
    [
      { title: 'Date', width: 64 },
      { title: 'Service date', width: 72 },
      { title: 'Description', width: CONTENT_WIDTH - 64 - 72 - 76 - 76 },
      { title: 'Amount', width: 76, align: 'right' },
      { title: 'Balance', width: 76, align: 'right' },
    ],
    rows,
    { size: 8.5 },
  );
}

function drawAging(pdf: LedgerPdf, statement: Statement) {
  pdf.heading('Your balance by age of service', 50);
  const gap = 8;
  const count = AGING_BUCKET_KEYS.length + 1;
  const width = (CONTENT_WIDTH - gap * (count - 1)) / count;
  const height = 40;
  const top = pdf.y - 2;
  const boxes: { label: string; value: string; strong: boolean }[] = [
    ...AGING_BUCKET_KEYS.map((key) => ({
      label: AGING_BUCKET_LABELS[key],
      value: formatUsd(statement.aging[key]),
      strong: false,
    })),
    { label: 'Amount due', value: formatUsd(statement.amountDueCents), strong: true },
  ];
  boxes.forEach((box, i) => {
    const x = LEFT + i * (width + gap);
    pdf.box(x, top, width, height, box.strong ? { fill: ACCENT } : { fill: PANEL, border: HAIRLINE });
    const color = box.strong ? WHITE : MUTED;
    pdf.textCentered(box.label, x + width / 2, top - 13, { bold: true, size: 7.5, color });
    pdf.textCentered(box.value, x + width / 2, top - 30, {
      bold: true,
      size: 11,
      color: box.strong ? WHITE : INK,
    });
  });
  pdf.y = top - height;
}

const PENDING_NOTE = 'Not due from you while your insurer processes these visits.';

/** Claims still with insurance: a small panel for a few, a table for many. */
function drawInsurancePending(pdf: LedgerPdf, statement: Statement) {
  const { items, totalCents } = statement.insurancePending;
  if (items.length === 0) return;
  const title = `Pending with insurance: ${formatUsd(totalCents)}`;
  const rows = items.map((item): [string, string, string] => [
    formatUsDate(item.serviceDate),
    item.payerName ?? 'Insurer',
    formatUsd(item.amountCents),
  ]);

  if (items.length > 4) {
    pdf.heading(title, 12 + 16 + 18);
    pdf.paragraph(PENDING_NOTE, LEFT, CONTENT_WIDTH, { size: 8.5, color: MUTED }, 11.5);
    pdf.y -= 4;
    drawTable(
      pdf,
      [
        { title: 'Service date', width: 100 },
        { title: 'Insurer', width: CONTENT_WIDTH - 200 },
        { title: 'Pending', width: 100, align: 'right' },
      ],
      rows,
    );
    return;
  }

  const height = 8 + 14 + rows.length * 12 + 5;
  pdf.ensure(height + 12);
  pdf.y -= 12;
  const top = pdf.y;
  pdf.box(LEFT, top, CONTENT_WIDTH, height, { fill: PANEL });
  const titleStyle: Style = { bold: true, size: 9, color: ACCENT };
  pdf.text(title, LEFT + 10, top - 17, titleStyle);
  const noteX = LEFT + 10 + pdf.width(title, titleStyle) + 10;
  pdf.text(pdf.fit(PENDING_NOTE, RIGHT - 10 - noteX, { size: 8 }), noteX, top - 17, {
    size: 8,
    color: MUTED,
  });
  let baseline = top - 22 - 10;
  for (const [date, payer, amount] of rows) {
    pdf.text(date, LEFT + 10, baseline, { size: 8.5 });
    pdf.text(pdf.fit(payer, CONTENT_WIDTH - 200, { size: 8.5 }), LEFT + 90, baseline, { size: 8.5 });
    pdf.textRight(amount, RIGHT - 10, baseline, { size: 8.5 });
    baseline -= 12;
  }
  pdf.y = top - height;
}

/** The part the client tears off and mails back with a check, at the foot of the first page. */
function drawRemitStub(pdf: LedgerPdf, data: StatementPdfData) {
  const { statement, client, practice } = data;
  const top = BOTTOM + STUB_HEIGHT;
  pdf.page.drawLine({
    start: { x: LEFT, y: top },
    end: { x: RIGHT, y: top },
    thickness: 0.8,
    color: MUTED,
    dashArray: [4, 3],
  });
  const cut = 'Please detach and return this part with your payment';
  const cutStyle: Style = { size: 7.5, color: MUTED };
  const cutWidth = pdf.width(cut, cutStyle) + 16;
  pdf.page.drawRectangle({
    x: (LEFT + RIGHT - cutWidth) / 2,
    y: top - 5,
    width: cutWidth,
    height: 10,
    color: WHITE,
  });
  pdf.textCentered(cut, (LEFT + RIGHT) / 2, top - 2.5, cutStyle);

  // Left: where to send it.
  let y = top - 18;
  pdf.text('REMIT TO', LEFT, y - 7, { bold: true, size: 7, color: MUTED });
  y -= 14;
  const leftWidth = CONTENT_WIDTH / 2 - 20;
  for (const line of pdf.wrap(practice.name, leftWidth, { bold: true, size: 10 })) {
    pdf.text(line, LEFT, y - 10, { bold: true, size: 10 });
    y -= 13;
  }
  for (const address of practice.address) {
    pdf.text(pdf.fit(address, leftWidth, { size: 9 }), LEFT, y - 9, { size: 9 });
    y -= 12;
  }
  y -= 4;
  const payable = `Make checks payable to ${data.payableTo ?? practice.name}`;
  for (const line of pdf.wrap(payable, leftWidth, { size: 8, color: MUTED })) {
    pdf.text(line, LEFT, y - 8, { size: 8, color: MUTED });
    y -= 10.5;
  }

  // Right: who pays and how much.
  const x = LEFT + CONTENT_WIDTH / 2 + 10;
  const rows: [string, string][] = [
    ['Patient', client.name],
    ['Account no.', client.accountNumber],
    ['Statement date', formatUsDate(statement.today)],
  ];
  let ry = top - 18;
  const labelWidth = 86;
  for (const [label, value] of rows) {
    pdf.text(label, x, ry - 8.5, { size: 8, color: MUTED });
    pdf.text(pdf.fit(value, RIGHT - x - labelWidth, { size: 9 }), x + labelWidth, ry - 8.5, { size: 9 });
    ry -= 13;
  }
  ry -= 4;
  pdf.box(x - 6, ry + 2, RIGHT - x + 6, 24, { fill: PANEL });
  pdf.text('Amount due', x, ry - 14, { bold: true, size: 9.5 });
  pdf.textRight(formatUsd(statement.amountDueCents), RIGHT - 6, ry - 15, { bold: true, size: 13 });
  ry -= 34;
  pdf.text('Amount enclosed', x, ry - 9, { size: 9 });
  pdf.text('$', x + labelWidth, ry - 9, { size: 9 });
  pdf.rule(ry - 11, INK, 0.6, x + labelWidth + 9, RIGHT);
}
