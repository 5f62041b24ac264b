import fontkit from '@pdf-lib/fontkit';
import {
  LineCapStyle,
  PageSizes,
  PDFDocument,
  PDFName,
  PDFString,
  rgb,
  type PDFFont,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import {
  chartScale,
  cleanLine,
  dateXPositions,
  formatDisplayDate,
  formatNumber,
  formatPeriod,
  formatScore,
  formatShortDate,
  formatSignedNumber,
  GOAL_STATUS_LABELS,
  labelsToShow,
  measureBounds,
  project,
  RECOMMENDATION_LABELS,
  REPORT_TITLES,
  sortedPoints,
  splitParagraphs,
  summarizeMeasure,
  truncateToWidth,
  visitsLine,
  wrapText,
  type GoalStatus,
  type OutcomeMeasure,
  type ProgressReportData,
} from './domain/progress-report.js';
import { type ReportFonts } from './report-fonts.js';

// US Letter in points; 0.75 in side margins, the usual for clinical letters.
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.Letter;
const LEFT = 54;
const RIGHT = PAGE_WIDTH - 54;
const CONTENT_WIDTH = RIGHT - LEFT;
const TOP = PAGE_HEIGHT - 50;
const BOTTOM = 64; // lowest point body text may reach; the footer sits below it
const FOOTER_BASELINE = 34;

const INK = rgb(0.12, 0.14, 0.17);
const MUTED = rgb(0.4, 0.43, 0.48);
const HAIRLINE = rgb(0.8, 0.82, 0.85);
const GRID = rgb(0.9, 0.91, 0.93);
const PANEL = rgb(0.96, 0.97, 0.975);
const ACCENT = rgb(0.05, 0.35, 0.42);
const BAND = rgb(0.87, 0.93, 0.94);
const GOAL = rgb(0.16, 0.5, 0.25);
const WHITE = rgb(1, 1, 1);
const STATUS_COLORS: Record<GoalStatus, RGB> = {
  met: rgb(0.16, 0.5, 0.25),
  progressing: rgb(0.74, 0.47, 0.02),
  not_progressing: rgb(0.72, 0.16, 0.14),
};

type Style = { bold?: boolean; size?: number; color?: RGB };

/** Page flow: a cursor `y` (top of the space left) that moves down and opens a new page when needed. */
class Flow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = TOP;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly continuationHeader: { left: string; right: string },
  ) {
    this.addPage();
  }

  addPage() {
    this.page = this.doc.addPage(PageSizes.Letter);
    this.pages.push(this.page);
    this.y = TOP;
    if (this.pages.length > 1) {
      // Later pages can be separated from the first (faxed, scanned): say whose and what they are.
      const baseline = TOP - 8;
      const style: Style = { size: 8, color: MUTED };
      const right = this.fit(this.continuationHeader.right, CONTENT_WIDTH * 0.6, style);
      const left = this.fit(
        this.continuationHeader.left,
        CONTENT_WIDTH - this.width(right, style) - 16,
        style,
      );
      this.text(left, LEFT, baseline, style);
      this.textRight(right, RIGHT, baseline, style);
      this.rule(baseline - 6, HAIRLINE, 0.5);
      this.y = baseline - 20;
    }
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensure(height: number) {
    if (this.y - height < BOTTOM) this.addPage();
  }

  font(style: Style) {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  width(text: string, style: Style) {
    return this.font(style).widthOfTextAtSize(cleanLine(text), style.size ?? 10);
  }

  wrap(text: string, maxWidth: number, style: Style) {
    const font = this.font(style);
    const size = style.size ?? 10;
    return wrapText(text, maxWidth, (s) => font.widthOfTextAtSize(s, size));
  }

  /** One line cut with '…' to fit `maxWidth`, for places that cannot wrap (headers, footers, captions). */
  fit(text: string, maxWidth: number, style: Style) {
    const font = this.font(style);
    const size = style.size ?? 10;
    return truncateToWidth(cleanLine(text), maxWidth, (s) => font.widthOfTextAtSize(s, size));
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

  /** Wrapped text at the cursor, one line at a time so a long paragraph flows onto the next page. */
  paragraph(text: string, x: number, maxWidth: number, style: Style, leading: number) {
    const size = style.size ?? 10;
    for (const line of this.wrap(text, maxWidth, style)) {
      this.ensure(leading);
      this.text(line, x, this.y - size, style);
      this.y -= leading;
    }
  }

  /** A section heading, kept on the same page as at least `keepWith` points of what follows. */
  heading(title: string, keepWith: number) {
    this.ensure(40 + keepWith);
    this.y -= 16;
    const baseline = this.y - 11;
    this.text(title, LEFT, baseline, { bold: true, size: 11, color: ACCENT });
    this.rule(baseline - 5);
    this.y = baseline - 14;
  }
}

export async function renderProgressReportPdf(
  data: ProgressReportData,
  fonts: ReportFonts,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Subsetting keeps a report at tens of kB instead of the fonts' 1.4 MB; the test reads the names back.
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });

  const title = REPORT_TITLES[data.kind];
  doc.setTitle(`${title} — ${data.client.name}`, { showInWindowTitleBar: true });
  doc.setAuthor(data.therapist.name);
  doc.setSubject(`${data.episode.title}, ${formatPeriod(data.periodFrom, data.periodTo)}`);
  doc.setCreator('Palpa');
  doc.setProducer('Palpa');
  // Screen readers pick the pronunciation from the document language.
  doc.catalog.set(PDFName.of('Lang'), PDFString.of('en-US'));

  const flow = new Flow(
    doc,
    { regular, bold },
    { left: data.clinic.name, right: `${title} — ${data.client.name} (continued)` },
  );

  drawLetterhead(flow, data);
  drawTitle(flow, data, title);
  drawParticulars(flow, data);
  drawDiagnoses(flow, data);
  drawMeasures(flow, data);
  drawGoals(flow, data);
  drawSummary(flow, data);
  drawRecommendation(flow, data);
  drawSignature(flow, data);
  drawFooters(flow, data);

  return doc.save();
}

function drawLetterhead(flow: Flow, data: ProgressReportData) {
  const { clinic } = data;
  const contact = [
    clinic.phone && `Phone ${clinic.phone}`,
    clinic.fax && `Fax ${clinic.fax}`,
    clinic.npi && `NPI ${clinic.npi}`,
  ].filter((line): line is string => Boolean(line));
  const contactStyle: Style = { size: 8.5, color: MUTED };
  const contactWidth = Math.max(0, ...contact.map((line) => flow.width(line, contactStyle)));
  const nameWidth = CONTENT_WIDTH - (contactWidth > 0 ? contactWidth + 24 : 0);

  let left = flow.y;
  for (const line of flow.wrap(clinic.name, nameWidth, { bold: true, size: 15 })) {
    flow.text(line, LEFT, left - 15, { bold: true, size: 15, color: ACCENT });
    left -= 19;
  }
  left -= 2;
  for (const address of clinic.addressLines) {
    for (const line of flow.wrap(address, nameWidth, contactStyle)) {
      flow.text(line, LEFT, left - 8.5, contactStyle);
      left -= 11.5;
    }
  }
  let right = flow.y - 4;
  for (const line of contact) {
    flow.textRight(line, RIGHT, right - 8.5, contactStyle);
    right -= 11.5;
  }
  flow.y = Math.min(left, right) - 6;
  flow.rule(flow.y, ACCENT, 1.2);
  flow.y -= 26;
}

function drawTitle(flow: Flow, data: ProgressReportData, title: string) {
  const baseline = flow.y - 17;
  flow.text(title, LEFT, baseline, { bold: true, size: 19 });
  flow.textRight(`Report date: ${formatDisplayDate(data.reportDate)}`, RIGHT, baseline, {
    size: 9,
    color: MUTED,
  });
  flow.y = baseline - 16;
}

type InfoBlock = { label: string; lines: { text: string; bold?: boolean }[] };

/** Client, prescriber, episode and period as labelled blocks in two columns on a pale panel. */
function drawParticulars(flow: Flow, data: ProgressReportData) {
  const blocks: InfoBlock[] = [
    {
      label: 'CLIENT',
      lines: [
        { text: data.client.name, bold: true },
        { text: `Date of birth ${formatDisplayDate(data.client.dateOfBirth)}` },
      ],
    },
  ];
  const { prescriber } = data;
  if (prescriber) {
    const phoneFax = [
      prescriber.phone && `Phone ${prescriber.phone}`,
      prescriber.fax && `Fax ${prescriber.fax}`,
    ]
      .filter(Boolean)
      .join('  ·  ');
    blocks.push({
      label: 'TO (PRESCRIBER)',
      lines: [
        { text: prescriber.name, bold: true },
        ...(prescriber.practice ? [{ text: prescriber.practice }] : []),
        ...(phoneFax ? [{ text: phoneFax }] : []),
        ...(prescriber.npi ? [{ text: `NPI ${prescriber.npi}` }] : []),
      ],
    });
  }
  blocks.push(
    {
      label: 'EPISODE',
      lines: [
        { text: data.episode.title, bold: true },
        { text: `Started ${formatDisplayDate(data.episode.startedOn)}` },
      ],
    },
    {
      label: 'REPORTING PERIOD',
      lines: [
        { text: formatPeriod(data.periodFrom, data.periodTo), bold: true },
        { text: visitsLine(data.visits) },
      ],
    },
  );

  const padding = 10;
  const gap = 20;
  const columnWidth = (CONTENT_WIDTH - 2 * padding - gap) / 2;
  const lineStyle = (bold?: boolean): Style => (bold ? { bold: true, size: 10.5 } : { size: 9 });
  const wrapped = blocks.map((block) => ({
    label: block.label,
    lines: block.lines.flatMap((line) =>
      flow.wrap(line.text, columnWidth, lineStyle(line.bold)).map((text) => ({ text, bold: line.bold })),
    ),
  }));
  const blockHeight = (block: (typeof wrapped)[number]) =>
    14 + block.lines.reduce((sum, line) => sum + (line.bold ? 14 : 12), 0);
  const rows: (typeof wrapped)[] = [];
  for (let i = 0; i < wrapped.length; i += 2) rows.push(wrapped.slice(i, i + 2));
  const rowGap = 10;
  const rowHeights = rows.map((row) => Math.max(...row.map(blockHeight)));
  const panelHeight = rowHeights.reduce((a, b) => a + b, 0) + rowGap * (rows.length - 1) + 2 * padding;

  flow.ensure(panelHeight);
  flow.page.drawRectangle({
    x: LEFT,
    y: flow.y - panelHeight,
    width: CONTENT_WIDTH,
    height: panelHeight,
    color: PANEL,
  });
  let rowTop = flow.y - padding;
  rows.forEach((row, r) => {
    row.forEach((block, c) => {
      const x = LEFT + padding + c * (columnWidth + gap);
      let y = rowTop;
      flow.text(block.label, x, y - 7, { bold: true, size: 7, color: MUTED });
      y -= 14;
      for (const line of block.lines) {
        const style = lineStyle(line.bold);
        flow.text(line.text, x, y - (style.size ?? 10), style);
        y -= line.bold ? 14 : 12;
      }
    });
    rowTop -= (rowHeights[r] ?? 0) + rowGap;
  });
  flow.y -= panelHeight + 4;
}

function drawDiagnoses(flow: Flow, data: ProgressReportData) {
  flow.heading('Diagnoses', 14);
  if (data.diagnoses.length === 0) {
    flow.paragraph('None recorded.', LEFT, CONTENT_WIDTH, { size: 9.5, color: MUTED }, 14);
    return;
  }
  const codeStyle: Style = { bold: true, size: 9.5 };
  const codeWidth = Math.min(110, Math.max(...data.diagnoses.map((d) => flow.width(d.code, codeStyle)))) + 14;
  for (const diagnosis of data.diagnoses) {
    const lines = flow.wrap(diagnosis.description, CONTENT_WIDTH - codeWidth, { size: 9.5 });
    flow.ensure(lines.length * 13.5);
    flow.text(diagnosis.code, LEFT, flow.y - 9.5, codeStyle);
    for (const line of lines) {
      flow.text(line, LEFT + codeWidth, flow.y - 9.5, { size: 9.5 });
      flow.y -= 13.5;
    }
  }
}

type Cell = { main: string; sub?: string | undefined; bold?: boolean; color?: RGB | undefined };

const TABLE_COLUMNS = [
  { title: 'Measure', width: 104 },
  { title: 'Baseline', width: 100 },
  { title: 'Latest', width: 100 },
  { title: 'Change', width: 100 },
  { title: 'MCID reached', width: 100 },
];

function changeUnit(unit: string) {
  // A change on a 0–100 % scale is in percentage points, which clinicians call points.
  return unit === '%' || unit === 'points' ? 'pts' : unit;
}

function measureRow(measure: OutcomeMeasure): Cell[] {
  const summary = summarizeMeasure(measure);
  const scoreCell = (point: { date: string; score: number } | undefined): Cell =>
    point
      ? { main: formatScore(point.score, measure.unit), sub: formatDisplayDate(point.date) }
      : { main: '—', sub: 'no score recorded' };
  const unit = changeUnit(measure.unit);
  const mcid = `MCID ${formatNumber(measure.mcid)} ${unit}`.trim();
  return [
    {
      main: measure.instrument,
      bold: true,
      sub: measure.higherIsBetter ? 'higher is better' : 'lower is better',
    },
    scoreCell(summary.baseline),
    summary.change !== undefined
      ? scoreCell(summary.latest)
      : { main: '—', sub: summary.baseline ? 'one score only' : undefined },
    summary.change === undefined
      ? { main: '—' }
      : {
          main: `${formatSignedNumber(summary.change)} ${unit}`.trim(),
          sub: summary.direction === 'unchanged' ? 'no change' : summary.direction,
        },
    summary.mcidReached === undefined
      ? { main: '—', sub: mcid }
      : {
          main: summary.mcidReached ? 'Yes' : 'No',
          bold: true,
          color: summary.mcidReached ? GOAL : INK,
          sub: mcid,
        },
  ];
}

function drawTableHeader(flow: Flow) {
  const height = 18;
  flow.page.drawRectangle({ x: LEFT, y: flow.y - height, width: CONTENT_WIDTH, height, color: PANEL });
  let x = LEFT;
  for (const column of TABLE_COLUMNS) {
    flow.text(column.title, x + 6, flow.y - 12, { bold: true, size: 8, color: MUTED });
    x += column.width;
  }
  flow.y -= height;
}

function drawMeasures(flow: Flow, data: ProgressReportData) {
  if (data.measures.length === 0) return;
  flow.heading('Outcome measures', 18 + 32);
  drawTableHeader(flow);
  for (const measure of data.measures) {
    const cells = measureRow(measure);
    const wrapped = cells.map((cell, i) =>
      flow.wrap(cell.main, (TABLE_COLUMNS[i]?.width ?? 100) - 12, { bold: cell.bold, size: 9.5 }),
    );
    const rowHeight =
      Math.max(...wrapped.map((lines, i) => lines.length * 12.5 + (cells[i]?.sub ? 11 : 0))) + 10;
    if (flow.y - rowHeight < BOTTOM) {
      flow.addPage();
      drawTableHeader(flow);
    }
    let x = LEFT;
    cells.forEach((cell, i) => {
      let y = flow.y - 6;
      for (const line of wrapped[i] ?? []) {
        flow.text(line, x + 6, y - 9.5, { bold: cell.bold, size: 9.5, color: cell.color });
        y -= 12.5;
      }
      if (cell.sub) flow.text(cell.sub, x + 6, y - 8.5, { size: 7.5, color: MUTED });
      x += TABLE_COLUMNS[i]?.width ?? 100;
    });
    flow.y -= rowHeight;
    flow.rule(flow.y);
  }

  const charted = data.measures.filter((m) => m.points.length > 0);
  const chartGap = 20;
  const chartWidth = (CONTENT_WIDTH - chartGap) / 2;
  const chartHeight = 160;
  flow.y -= 12;
  for (let i = 0; i < charted.length; i += 2) {
    flow.ensure(chartHeight);
    charted.slice(i, i + 2).forEach((measure, c) => {
      drawChart(flow, measure, LEFT + c * (chartWidth + chartGap), flow.y, chartWidth, chartHeight);
    });
    flow.y -= chartHeight + 8;
  }
}

/**
 * A small line chart of one measure: scores over time, a pale band for baseline ± MCID (a change inside it
 * may be noise), and the goal as a dashed line with a marker at its target date. The goal is named in the
 * legend, not on the plot, where a label would sooner or later sit on the scores.
 */
function drawChart(
  flow: Flow,
  measure: OutcomeMeasure,
  x0: number,
  top: number,
  width: number,
  height: number,
) {
  const { page } = flow;
  const points = sortedPoints(measure.points);
  const baseline = points[0];
  if (!baseline) return;

  // Frame and caption.
  page.drawRectangle({
    x: x0,
    y: top - height,
    width,
    height,
    borderColor: HAIRLINE,
    borderWidth: 0.5,
  });
  const captionStyle: Style = { bold: true, size: 9 };
  const hintStyle: Style = { size: 7.5, color: MUTED };
  const hint = measure.higherIsBetter ? 'higher is better' : 'lower is better';
  const unitSuffix = measure.unit ? ` (${measure.unit})` : '';
  const captionRoom = width - 16 - flow.width(hint, hintStyle) - 6;
  const caption =
    flow.width(measure.instrument + unitSuffix, captionStyle) <= captionRoom
      ? measure.instrument + unitSuffix
      : flow.fit(measure.instrument, captionRoom, captionStyle);
  flow.text(caption, x0 + 8, top - 14, captionStyle);
  flow.text(hint, x0 + 8 + flow.width(caption, captionStyle) + 6, top - 14, hintStyle);

  const bandLow = baseline.score - measure.mcid;
  const bandHigh = baseline.score + measure.mcid;
  const bounds = measureBounds(measure);
  const scores = points.map((p) => p.score);
  // A score outside the instrument's range is a data error, but it must still be on the chart.
  const scale = chartScale([...scores, bandLow, bandHigh, ...(measure.goal ? [measure.goal.target] : [])], {
    floor: bounds.floor === undefined ? undefined : Math.min(bounds.floor, ...scores),
    ceiling: bounds.ceiling === undefined ? undefined : Math.max(bounds.ceiling, ...scores),
    tickCount: 4,
  });

  const tickStyle: Style = { size: 7, color: MUTED };
  const tickLabelWidth = Math.max(...scale.ticks.map((t) => flow.width(formatNumber(t), tickStyle)));
  const plot = {
    left: x0 + 14 + tickLabelWidth,
    right: x0 + width - 12,
    top: top - 26,
    bottom: top - height + 36,
  };
  // Keep the first and last points off the axes.
  const inset = 12;
  const yOf = (value: number) => project(value, scale, plot.bottom, plot.top);
  const clampY = (y: number) => Math.min(plot.top, Math.max(plot.bottom, y));

  // MCID band (under everything else).
  const bandTop = clampY(yOf(bandHigh));
  const bandBottom = clampY(yOf(bandLow));
  page.drawRectangle({
    x: plot.left,
    y: bandBottom,
    width: plot.right - plot.left,
    height: bandTop - bandBottom,
    color: BAND,
  });

  // Grid and y labels.
  for (const tick of scale.ticks) {
    const y = yOf(tick);
    if (tick !== scale.min) flow.rule(y, GRID, 0.4, plot.left, plot.right);
    flow.textRight(formatNumber(tick), plot.left - 4, y - 2.5, tickStyle);
  }
  // Axes.
  page.drawLine({
    start: { x: plot.left, y: plot.bottom },
    end: { x: plot.right, y: plot.bottom },
    thickness: 0.6,
    color: MUTED,
  });
  page.drawLine({
    start: { x: plot.left, y: plot.bottom },
    end: { x: plot.left, y: plot.top },
    thickness: 0.6,
    color: MUTED,
  });

  const { xs, at } = dateXPositions(
    points.map((p) => p.date),
    plot.left + inset,
    plot.right - plot.left - 2 * inset,
    measure.goal ? [measure.goal.targetDate] : [],
  );

  // Goal: dashed line across the plot and a diamond at the target date.
  if (measure.goal) {
    const goalY = yOf(measure.goal.target);
    page.drawLine({
      start: { x: plot.left, y: goalY },
      end: { x: plot.right, y: goalY },
      thickness: 0.9,
      color: GOAL,
      dashArray: [3, 2.5],
    });
    const d = 3.2;
    page.drawSvgPath(`M 0 ${-d} L ${d} 0 L 0 ${d} L ${-d} 0 Z`, {
      x: at(measure.goal.targetDate),
      y: goalY,
      color: GOAL,
    });
  }

  // Score line and points, each labelled with its value when there is room.
  const coords = points.map((p, i) => ({ x: xs[i] ?? plot.left, y: yOf(p.score), score: p.score }));
  for (let i = 1; i < coords.length; i++) {
    const a = coords[i - 1];
    const b = coords[i];
    if (!a || !b) continue;
    page.drawLine({
      start: a,
      end: b,
      thickness: 1.4,
      color: ACCENT,
      lineCap: LineCapStyle.Round,
    });
  }
  const valueStyle: Style = { size: 7, color: INK, bold: true };
  const showValues = coords.length <= 10;
  for (const point of coords) {
    page.drawCircle({
      x: point.x,
      y: point.y,
      size: 2.6,
      color: ACCENT,
      borderColor: WHITE,
      borderWidth: 0.8,
    });
    if (showValues) {
      // Above the point when there is room under the top of the plot, else below it.
      const y = point.y + 12 < plot.top ? point.y + 5 : point.y - 11;
      flow.textCentered(formatNumber(point.score), point.x, y, valueStyle);
    }
  }

  // Date labels on the x axis, thinned so they never overlap.
  const dateLabels = points.map((p) => formatShortDate(p.date));
  const dateStyle: Style = { size: 7, color: MUTED };
  const widest = Math.max(...dateLabels.map((label) => flow.width(label, dateStyle)));
  for (const i of labelsToShow(xs, widest + 6)) {
    const x = xs[i] ?? plot.left;
    page.drawLine({
      start: { x, y: plot.bottom },
      end: { x, y: plot.bottom - 2.5 },
      thickness: 0.6,
      color: MUTED,
    });
    flow.textCentered(dateLabels[i] ?? '', x, plot.bottom - 10, dateStyle);
  }

  // Legend.
  const legendY = top - height + 9;
  const legendStyle: Style = { size: 6.5, color: MUTED };
  let lx = x0 + 8;
  page.drawRectangle({ x: lx, y: legendY - 1, width: 10, height: 6, color: BAND });
  lx += 13;
  const bandText = `Baseline ± MCID (${formatNumber(measure.mcid)})`;
  flow.text(bandText, lx, legendY, legendStyle);
  lx += flow.width(bandText, legendStyle) + 12;
  if (measure.goal) {
    page.drawLine({
      start: { x: lx, y: legendY + 2 },
      end: { x: lx + 12, y: legendY + 2 },
      thickness: 0.9,
      color: GOAL,
      dashArray: [3, 2.5],
    });
    const goalText = `Goal ${formatNumber(measure.goal.target)} by ${formatShortDate(measure.goal.targetDate)}`;
    const goalStyle: Style = { bold: true, size: 6.5, color: GOAL };
    flow.text(flow.fit(goalText, x0 + width - 8 - (lx + 15), goalStyle), lx + 15, legendY, goalStyle);
  }
}

function drawGoals(flow: Flow, data: ProgressReportData) {
  if (data.goals.length === 0) return;
  flow.heading('Goals', 28);
  const statusWidth = 100;
  const textWidth = CONTENT_WIDTH - statusWidth;
  for (const goal of data.goals) {
    const lines = flow.wrap(goal.text, textWidth, { size: 9.5 });
    const progress = [goal.baseline && `Baseline: ${goal.baseline}`, goal.current && `Now: ${goal.current}`]
      .filter(Boolean)
      .join('   →   ');
    const progressLines = progress ? flow.wrap(progress, textWidth, { size: 8.5 }) : [];
    flow.ensure(lines.length * 13 + progressLines.length * 11.5 + 6);
    const color = STATUS_COLORS[goal.status];
    flow.page.drawCircle({ x: LEFT + 3.5, y: flow.y - 6.2, size: 3, color });
    flow.text(GOAL_STATUS_LABELS[goal.status], LEFT + 11, flow.y - 9, { bold: true, size: 8.5, color });
    for (const line of lines) {
      flow.text(line, LEFT + statusWidth, flow.y - 9.5, { size: 9.5 });
      flow.y -= 13;
    }
    for (const line of progressLines) {
      flow.text(line, LEFT + statusWidth, flow.y - 8.5, { size: 8.5, color: MUTED });
      flow.y -= 11.5;
    }
    flow.y -= 6;
  }
}

function drawSummary(flow: Flow, data: ProgressReportData) {
  const paragraphs = splitParagraphs(data.summary);
  if (paragraphs.length === 0) return;
  flow.heading('Clinical summary', 3 * 14);
  for (const paragraph of paragraphs) {
    flow.paragraph(paragraph, LEFT, CONTENT_WIDTH, { size: 10 }, 14);
    flow.y -= 6;
  }
}

function drawRecommendation(flow: Flow, data: ProgressReportData) {
  flow.heading('Recommendation', 16);
  flow.paragraph(
    RECOMMENDATION_LABELS[data.recommendation],
    LEFT,
    CONTENT_WIDTH,
    { bold: true, size: 10.5 },
    15,
  );
  if (data.recommendationNote) {
    flow.y -= 2;
    for (const paragraph of splitParagraphs(data.recommendationNote)) {
      flow.paragraph(paragraph, LEFT, CONTENT_WIDTH, { size: 10 }, 14);
      flow.y -= 4;
    }
  }
}

function drawSignature(flow: Flow, data: ProgressReportData) {
  const { therapist } = data;
  const name = [therapist.name, therapist.credentials].filter(Boolean).join(', ');
  const lines: { text: string; style: Style }[] = [
    { text: name, style: { bold: true, size: 10.5 } },
    ...(therapist.licenseNumber
      ? [{ text: `License no. ${therapist.licenseNumber}`, style: { size: 9 } }]
      : []),
    {
      text: therapist.signedAtDisplay
        ? `Electronically signed ${therapist.signedAtDisplay}`
        : 'Not signed: draft for review',
      style: { size: 9, color: therapist.signedAtDisplay ? MUTED : STATUS_COLORS.not_progressing },
    },
  ];
  // The block stays together: a signature alone at the top of a page looks detached from the letter.
  flow.ensure(30 + lines.length * 14);
  flow.y -= 26;
  flow.rule(flow.y, MUTED, 0.6, LEFT, LEFT + 220);
  flow.y -= 4;
  for (const line of lines) {
    flow.paragraph(line.text, LEFT, CONTENT_WIDTH, line.style, 14);
  }
}

function drawFooters(flow: Flow, data: ProgressReportData) {
  const total = flow.pages.length;
  const style: Style = { size: 7.5, color: MUTED };
  const notice = 'Confidential health information';
  const tail = ` — DOB ${formatDisplayDate(data.client.dateOfBirth)} — page ${total} of ${total}`;
  // A very long name is shortened rather than the notice, DOB or page number dropped.
  const nameRoom = CONTENT_WIDTH - flow.width(notice, style) - 16 - flow.width(tail, style);
  const name = flow.fit(data.client.name, nameRoom, style);
  flow.pages.forEach((page, index) => {
    flow.page = page;
    flow.rule(FOOTER_BASELINE + 12, HAIRLINE, 0.5);
    flow.text(notice, LEFT, FOOTER_BASELINE, style);
    const identity = `${name} — DOB ${formatDisplayDate(data.client.dateOfBirth)}`;
    flow.textRight(`${identity} — page ${index + 1} of ${total}`, RIGHT, FOOTER_BASELINE, style);
  });
}
