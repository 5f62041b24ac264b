import fontkit from '@pdf-lib/fontkit';
import {
  degrees,
  PageSizes,
  PDFDocument,
  PDFName,
  PDFString,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { type ReportFonts } from '../reports/index.js';
import type { ClaimDocument } from './domain/claim-document.js';
import { CMS1500_CHECKBOXES, type FieldRect } from './domain/cms1500-fields.js';
import { layoutCms1500, type Cms1500Page, type Cms1500Text } from './domain/cms1500-layout.js';

export type Cms1500PdfOptions = {
  /**
   * 'data-only': just the data, in black, for printing onto the official red pre-printed (OCR) form.
   * 'full': Palpa's own drawing of the form in red with the data in black, for records and upload portals.
   */
  form: 'full' | 'data-only';
  /** Printer calibration for 'data-only' (points; + moves right / up). Ignored for 'full'. */
  offsetXPt?: number;
  offsetYPt?: number;
};

/** Data: 9 pt, shrunk to no less than 6 pt to fit a field, then cut. */
const DATA_SIZE = 9;
const MIN_DATA_SIZE = 6;
const FIELD_PADDING = 1.2;
/** DejaVu Sans cap height (729/1000 em): used to centre capitals vertically in a field. */
const CAP_HEIGHT = 0.729;

const BLACK = rgb(0, 0, 0);
/** "Dropout" red of the form's outline and labels, and the pink of its shaded areas. */
const RED = rgb(0.85, 0.2, 0.2);
const SHADE = rgb(0.97, 0.9, 0.92);
const FAINT = rgb(0.96, 0.84, 0.87);
const NOTE = rgb(0.35, 0.35, 0.35);

export async function renderCms1500Pdf(
  doc: ClaimDocument,
  options: Cms1500PdfOptions,
  fonts: ReportFonts,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // Subset: the full DejaVu faces would add 1.4 MB to every claim.
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });

  pdf.setTitle(`CMS-1500 claim ${doc.patientControlNumber}`, { showInWindowTitleBar: true });
  pdf.setSubject(
    options.form === 'full'
      ? 'Health insurance claim form 1500 (02/12), rendered for records'
      : 'Health insurance claim form 1500 (02/12), data for printing on the red form',
  );
  pdf.setCreator('Palpa');
  pdf.setProducer('Palpa');
  pdf.catalog.set(PDFName.of('Lang'), PDFString.of('en-US'));

  const offset =
    options.form === 'data-only' ? { x: options.offsetXPt ?? 0, y: options.offsetYPt ?? 0 } : { x: 0, y: 0 };
  for (const layoutPage of layoutCms1500(doc)) {
    const page = pdf.addPage(PageSizes.Letter);
    if (options.form === 'full') drawForm(page, { regular, bold }, layoutPage);
    drawData(page, regular, layoutPage, offset);
  }
  return pdf.save();
}

// ---------------------------------------------------------------------------------------------------------
// Data

function drawData(page: PDFPage, font: PDFFont, layout: Cms1500Page, offset: { x: number; y: number }) {
  for (const item of layout.texts) drawFieldText(page, font, item, offset);
  for (const check of layout.checks) {
    drawFieldText(page, font, { field: check.group, rect: check.rect, text: 'X', align: 'center' }, offset);
  }
}

function drawFieldText(page: PDFPage, font: PDFFont, item: Cms1500Text, offset: { x: number; y: number }) {
  const [x1, y1, x2, y2] = item.rect;
  const room = x2 - x1 - 2 * FIELD_PADDING;
  let size = DATA_SIZE;
  while (size > MIN_DATA_SIZE && font.widthOfTextAtSize(item.text, size) > room) size -= 0.5;
  let text = item.text;
  while (text.length > 1 && font.widthOfTextAtSize(text, size) > room) text = text.slice(0, -1);
  const width = font.widthOfTextAtSize(text, size);
  const x =
    item.align === 'left'
      ? x1 + FIELD_PADDING
      : item.align === 'right'
        ? x2 - FIELD_PADDING - width
        : (x1 + x2 - width) / 2;
  const y = y1 + Math.max(1, (y2 - y1 - CAP_HEIGHT * size) / 2);
  page.drawText(text, { x: x + offset.x, y: y + offset.y, size, font, color: BLACK });
}

// ---------------------------------------------------------------------------------------------------------
// Palpa's drawing of the form. Geometry measured on the 02/12 form's image (points, origin bottom left) so
// that the field rectangles of cms1500-fields.ts fall inside their boxes; labels are Palpa's short wording.

const LEFT = 19.5;
const RIGHT = 589.8;
const COL1 = 226.3;
const COL2 = 371;
/** Top of service line 1; each line is 24 pt, its upper (shaded) half 12 pt. */
const LINES_TOP = 264.6;
const LINE_HEIGHT = 24;
const THIN = 0.6;

/** Horizontal rules: [y, x1, x2, thickness?]. */
const H_RULES: [number, number, number, number?][] = [
  [696.2, LEFT - 0.3, RIGHT + 0.3, 2],
  [671, LEFT, RIGHT],
  [648.3, LEFT, RIGHT],
  [624.2, LEFT, RIGHT],
  [601, LEFT, COL1],
  [600, COL2, RIGHT],
  [575.3, LEFT, RIGHT],
  [552.7, LEFT, COL1],
  [551.7, COL2, RIGHT],
  [529.5, LEFT, COL1],
  [527, COL2, RIGHT],
  [503.8, LEFT, COL1],
  [503.8, COL2, RIGHT],
  [479.7, LEFT, RIGHT],
  [455.5, LEFT, RIGHT],
  [411.5, 56, 236.3, 0.4],
  [411, 272, 369, 0.4],
  [410.5, 412.3, 587, 0.4],
  [407.7, LEFT - 0.3, RIGHT + 0.3, 1.8],
  [384, LEFT, RIGHT],
  [372, 212.3, COL2, 0.4],
  [360.3, LEFT, RIGHT],
  [335.7, LEFT, RIGHT],
  [311.5, COL2, RIGHT],
  [287.3, LEFT, RIGHT],
  [96, LEFT, RIGHT],
  [49.2, 176.5, RIGHT],
  [34.5, LEFT - 0.3, RIGHT + 0.3, 1.5],
  // 10b state bracket
  [505.3, 335.3, 356],
];

/** Vertical rules: [x, y1, y2, thickness?]. */
const V_RULES: [number, number, number, number?][] = [
  [LEFT, 34.5, 696.2],
  [RIGHT, 34.5, 696.2],
  // The column rule stops at the service lines: there it runs through the unshaded halves only.
  [COL2, LINES_TOP, 696.2],
  [COL2, 34.5, LINES_TOP - 6 * LINE_HEIGHT],
  [COL1, 455.5, 671],
  [199.8, 601, 624.2],
  [542.5, 600, 624.2],
  [113.3, 575.3, 601],
  [464.2, 575.3, 600],
  [335.5, 505.3, 511.5],
  [355.8, 505.3, 511.5],
  [212.3, 360.3, 407.7],
  [228.8, 360.3, 384],
  [244.2, 360.3, 384],
  [454.4, 335.7, 348.3],
  [454, 311.5, 324.3],
  [176.5, 34.5, 120.6],
  [282, 96, 120.6],
  [452, 96, 120.6],
  [521.2, 96, 120.6],
  [260.2, 34.5, 49.2],
  [454.5, 34.5, 49.2],
  // 24 header columns
  ...[147.2, 170.3, 191.5, 334.7, 435, 464.2, 479.2, 500.3].map((x): [number, number, number] => [
    x,
    264.6,
    287.3,
  ]),
];

/** Dashed dividers: [x, y1, y2]. */
const V_DASHES: [number, number, number][] = [
  [390.8, 505, 517.5], // 11b qualifier | ID
  [40.3, 361, 374], // 17 qualifier | name
  [524.3, 337, 348], // 20 dollars | cents
  [432, 96.5, 108], // 28
  [504, 96.5, 108], // 29
  [569.3, 96.5, 108], // 30
];

/** Service-line columns: solid through the unshaded half (24A–H); 24I and 24J through the whole line. */
const LINE_SOLID = [82.3, 147.2, 170.3, 191.5, 243.8, 334.7, 435, 464.2];
const LINE_FULL = [479.2, 500.3];
const LINE_DASHED = [38.7, 60, 103, 126.3, 269.2, 290.5, 312.2, 416.7];

/** Labels: [x, baseline y, text, size?]. */
const LABEL = 5.6;
const SMALL = 4.6;
const LABELS: [number, number, string, number?][] = [
  [42.5, 699.6, 'PICA'],
  [553, 699.6, 'PICA'],
  // 1, 1a
  [22, 689, '1.'],
  [33.5, 689, 'MEDICARE'],
  [82.5, 689, 'MEDICAID'],
  [134, 689, 'TRICARE'],
  [197, 689, 'CHAMPVA'],
  [249, 690.5, 'GROUP'],
  [249, 685.5, 'HEALTH PLAN'],
  [305, 690.5, 'FECA'],
  [305, 685.5, 'BLK LUNG'],
  [338, 689, 'OTHER'],
  [33, 676, '(Medicare#)', SMALL],
  [82.5, 676, '(Medicaid#)', SMALL],
  [132.5, 676, '(ID#/DoD#)', SMALL],
  [197.5, 676, '(Member ID#)', SMALL],
  [248, 676, '(ID#)', SMALL],
  [305.5, 676, '(ID#)', SMALL],
  [348.5, 676, '(ID#)', SMALL],
  [373.5, 689, "1a. INSURED'S I.D. NUMBER"],
  [515, 689, '(For Program in Item 1)'],
  // 2, 3, 4
  [22, 665, "2. PATIENT'S NAME (Last Name, First Name, Middle Initial)"],
  [229, 665, "3. PATIENT'S BIRTH DATE"],
  [330, 665, 'SEX'],
  [240, 660.6, 'MM', SMALL],
  [261, 660.6, 'DD', SMALL],
  [287, 660.6, 'YY', SMALL],
  [307.5, 651.5, 'M'],
  [344, 651.5, 'F'],
  [373.5, 665, "4. INSURED'S NAME (Last Name, First Name, Middle Initial)"],
  // 5, 6, 7
  [22, 642, "5. PATIENT'S ADDRESS (No., Street)"],
  [229, 642, '6. PATIENT RELATIONSHIP TO INSURED'],
  [236, 628, 'Self'],
  [264, 628, 'Spouse'],
  [298.5, 628, 'Child'],
  [332.5, 628, 'Other'],
  [373.5, 642, "7. INSURED'S ADDRESS (No., Street)"],
  [22, 618, 'CITY'],
  [202, 618, 'STATE'],
  [229, 618, '8. RESERVED FOR NUCC USE'],
  [373.5, 618, 'CITY'],
  [545, 618, 'STATE'],
  [22, 594.5, 'ZIP CODE'],
  [116, 594.5, 'TELEPHONE (Include Area Code)'],
  [373.5, 593.5, 'ZIP CODE'],
  [467, 593.5, 'TELEPHONE (Include Area Code)'],
  // 9, 10, 11
  [22, 569, "9. OTHER INSURED'S NAME (Last Name, First Name, Middle Initial)"],
  [229, 569, "10. IS PATIENT'S CONDITION RELATED TO:"],
  [373.5, 569, "11. INSURED'S POLICY GROUP OR FECA NUMBER"],
  [22, 546, "a. OTHER INSURED'S POLICY OR GROUP NUMBER"],
  [229, 546, 'a. EMPLOYMENT? (Current or Previous)'],
  [373.5, 545, "a. INSURED'S DATE OF BIRTH"],
  [520, 545, 'SEX'],
  [399, 540, 'MM', SMALL],
  [420, 540, 'DD', SMALL],
  [449, 540, 'YY', SMALL],
  [494, 531.5, 'M'],
  [546, 531.5, 'F'],
  [22, 523, 'b. RESERVED FOR NUCC USE'],
  [229, 523, 'b. AUTO ACCIDENT?'],
  [322, 519.5, 'PLACE (State)', SMALL + 0.4],
  [373.5, 520.5, 'b. OTHER CLAIM ID (Designated by NUCC)'],
  [22, 497.5, 'c. RESERVED FOR NUCC USE'],
  [229, 497.5, 'c. OTHER ACCIDENT?'],
  [373.5, 497.5, 'c. INSURANCE PLAN NAME OR PROGRAM NAME'],
  [22, 473.5, 'd. INSURANCE PLAN NAME OR PROGRAM NAME'],
  [229, 473.5, '10d. CLAIM CODES (Designated by NUCC)'],
  [373.5, 473.5, 'd. IS THERE ANOTHER HEALTH BENEFIT PLAN?'],
  [399, 459.8, 'YES'],
  [435.5, 459.8, 'NO'],
  [452, 459.8, 'If yes, complete items 9, 9a, and 9d.'],
  ...[531.5, 507.5, 484].flatMap((y): [number, number, string][] => [
    [277, y, 'YES'],
    [321, y, 'NO'],
  ]),
  // 12, 13
  [22, 447.5, "12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE"],
  [30, 441, '(release of medical information to process this claim)', SMALL + 0.4],
  [373.5, 447.5, "13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE"],
  [381, 441, '(payment of benefits to the provider)', SMALL + 0.4],
  [33, 413, 'SIGNED'],
  [255, 413, 'DATE'],
  [383, 413, 'SIGNED'],
  // 14, 15, 16
  [22, 401.5, '14. DATE OF CURRENT ILLNESS, INJURY, or PREGNANCY (LMP)'],
  [31, 396.5, 'MM', SMALL],
  [52, 396.5, 'DD', SMALL],
  [81, 396.5, 'YY', SMALL],
  [112, 386, 'QUAL.'],
  [215, 401.5, '15. OTHER DATE'],
  [215, 386, 'QUAL.'],
  [283, 396.5, 'MM', SMALL],
  [305, 396.5, 'DD', SMALL],
  [331, 396.5, 'YY', SMALL],
  [373.5, 401.5, '16. DATES PATIENT UNABLE TO WORK IN CURRENT OCCUPATION'],
  [375, 386, 'FROM'],
  [486, 386, 'TO'],
  // 17, 18
  [22, 377.5, '17. NAME OF REFERRING PROVIDER OR OTHER SOURCE'],
  [214, 376, '17a.'],
  [214, 363.5, '17b.'],
  [231, 363.5, 'NPI'],
  [373.5, 377.5, '18. HOSPITALIZATION DATES RELATED TO CURRENT SERVICES'],
  [375, 362, 'FROM'],
  [486, 362, 'TO'],
  ...[396.5, 372.7].flatMap((y): [number, number, string, number][] => [
    [403, y, 'MM', SMALL],
    [426, y, 'DD', SMALL],
    [454, y, 'YY', SMALL],
    [506, y, 'MM', SMALL],
    [528, y, 'DD', SMALL],
    [554, y, 'YY', SMALL],
  ]),
  // 19, 20
  [22, 353.5, '19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)'],
  [373.5, 353.5, '20. OUTSIDE LAB?'],
  [475, 353.5, '$ CHARGES'],
  [399.5, 339.5, 'YES'],
  [436, 339.5, 'NO'],
  // 21, 22, 23
  [22, 329.5, '21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY  Relate A-L to service line below (24E)'],
  [288, 324.5, 'ICD Ind.'],
  ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map(
    (letter, i): [number, number, string] => [
      [24, 117.5, 211.5, 306][i % 4] ?? 0,
      [314, 302.5, 290.5][Math.floor(i / 4)] ?? 0,
      `${letter}.`,
    ],
  ),
  [373.5, 329.5, '22. RESUBMISSION'],
  [381, 324, 'CODE'],
  [470, 324, 'ORIGINAL REF. NO.'],
  [373.5, 305.5, '23. PRIOR AUTHORIZATION NUMBER'],
  // 24 header
  [22, 281.5, '24. A.'],
  [52, 281.5, 'DATE(S) OF SERVICE'],
  [38, 275, 'From', SMALL + 0.4],
  [110, 275, 'To', SMALL + 0.4],
  ...['MM', 'DD', 'YY', 'MM', 'DD', 'YY'].map((text, i): [number, number, string, number] => [
    [23, 44, 66, 87, 109, 131][i] ?? 0,
    267.5,
    text,
    SMALL + 0.4,
  ]),
  [156.5, 281.5, 'B.'],
  [150, 274.5, 'PLACE OF', SMALL],
  [150.5, 267.5, 'SERVICE', SMALL],
  [178, 281.5, 'C.'],
  [174, 267.5, 'EMG', SMALL + 0.4],
  [194, 281.5, 'D. PROCEDURES, SERVICES, OR SUPPLIES'],
  [212, 275, '(Explain Unusual Circumstances)', SMALL + 0.4],
  [197, 267.5, 'CPT/HCPCS', SMALL + 0.4],
  [275, 267.5, 'MODIFIER', SMALL + 0.4],
  [350, 281.5, 'E.'],
  [338, 274.5, 'DIAGNOSIS', SMALL + 0.4],
  [340, 267.5, 'POINTER', SMALL + 0.4],
  [400, 281.5, 'F.'],
  [392, 267.5, '$ CHARGES', SMALL + 0.4],
  [447, 281.5, 'G.'],
  [444, 276, 'DAYS', SMALL - 0.6],
  [447, 271.5, 'OR', SMALL - 0.6],
  [443, 267, 'UNITS', SMALL - 0.6],
  [469, 281.5, 'H.'],
  [465.5, 276, 'EPSDT', SMALL - 1],
  [466, 271.5, 'Family', SMALL - 1],
  [467.5, 267, 'Plan', SMALL - 1],
  [487, 281.5, 'I.'],
  [485.5, 274.5, 'ID.', SMALL + 0.4],
  [483, 267.5, 'QUAL.', SMALL + 0.4],
  [541, 281.5, 'J.'],
  [525, 274.5, 'RENDERING', SMALL + 0.4],
  [520, 267.5, 'PROVIDER ID. #', SMALL + 0.4],
  // 25–30
  [22, 114.5, '25. FEDERAL TAX I.D. NUMBER'],
  [136.5, 112, 'SSN', SMALL + 0.4],
  [150.5, 112, 'EIN', SMALL + 0.4],
  [179, 114.5, "26. PATIENT'S ACCOUNT NO."],
  [285, 114.5, '27. ACCEPT ASSIGNMENT?'],
  [299, 99.5, 'YES'],
  [335.5, 99.5, 'NO'],
  [373.5, 114.5, '28. TOTAL CHARGE'],
  [374, 100, '$', 7],
  [455, 114.5, '29. AMOUNT PAID'],
  [455, 100, '$', 7],
  [523.5, 114.5, '30. Rsvd for NUCC Use'],
  // 31, 32, 33
  [22, 89.5, '31. SIGNATURE OF PHYSICIAN OR SUPPLIER'],
  [30, 83.5, 'INCLUDING DEGREES OR CREDENTIALS'],
  [22, 37.5, 'SIGNED'],
  [131, 37.5, 'DATE'],
  [179, 89.5, '32. SERVICE FACILITY LOCATION INFORMATION'],
  [179, 43, 'a.'],
  [262.5, 43, 'b.'],
  [373.5, 89.5, '33. BILLING PROVIDER INFO & PH #'],
  [373.5, 43, 'a.'],
  [457, 43, 'b.'],
];

/** Box 20 outside-lab squares (not filled by Palpa, so not in CMS1500_CHECKBOXES). */
const EXTRA_SQUARES: FieldRect[] = [
  [387.14, 337.5, 397.26, 347.51],
  [423.38, 337.66, 433.46, 347.63],
];

function drawForm(page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }, layout: Cms1500Page) {
  const { regular, bold } = fonts;
  const label = (x: number, y: number, text: string, size = LABEL, font = regular) =>
    page.drawText(text, { x, y, size, font, color: RED });
  const hLine = (y: number, x1: number, x2: number, thickness = THIN, dashed = false) =>
    page.drawLine({
      start: { x: x1, y },
      end: { x: x2, y },
      thickness,
      color: RED,
      ...(dashed ? { dashArray: [2, 1.5] } : {}),
    });
  const vLine = (x: number, y1: number, y2: number, thickness = THIN, dashed = false) =>
    page.drawLine({
      start: { x, y: y1 },
      end: { x, y: y2 },
      thickness,
      color: RED,
      ...(dashed ? { dashArray: [1.5, 1.5] } : {}),
    });
  const square = ([x1, y1, x2, y2]: FieldRect) =>
    page.drawRectangle({
      x: x1,
      y: y1,
      width: x2 - x1,
      height: y2 - y1,
      borderColor: RED,
      borderWidth: THIN,
    });

  // Shaded areas first, so the rules stay on top.
  for (let row = 0; row < 6; row++) {
    const top = LINES_TOP - row * LINE_HEIGHT;
    page.drawRectangle({ x: LEFT, y: top - 12, width: RIGHT - LEFT, height: 12, color: SHADE });
  }
  page.drawRectangle({ x: 212.3, y: 372, width: COL2 - 212.3, height: 12, color: SHADE });
  page.drawRectangle({ x: 260.2, y: 34.5, width: COL2 - 260.2, height: 14.7, color: SHADE });
  page.drawRectangle({ x: 454.5, y: 34.5, width: RIGHT - 454.5, height: 14.7, color: SHADE });

  // Title block.
  label(20, 726, 'HEALTH INSURANCE CLAIM FORM', 12, bold);
  label(20, 716, 'APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12', 5.8);
  for (const [x1, x2] of [
    [20, 40.3],
    [568.3, 590],
  ] as const) {
    page.drawRectangle({ x: x1, y: 697.7, width: x2 - x1, height: 8.6, borderColor: RED, borderWidth: THIN });
    vLine(x1 + (x2 - x1) / 3, 697.7, 706.3);
    vLine(x1 + (2 * (x2 - x1)) / 3, 697.7, 706.3);
  }

  for (const [y, x1, x2, thickness] of H_RULES) hLine(y, x1, x2, thickness);
  for (const [x, y1, y2, thickness] of V_RULES) vLine(x, y1, y2, thickness);
  for (const [x, y1, y2] of V_DASHES) vLine(x, y1, y2, 0.5, true);

  // Box 21 underlines with their end ticks.
  for (const x of [33.3, 126.7, 220.7, 315]) {
    for (const y of [312.6, 300.8, 288.8]) {
      hLine(y, x, x + 51, 0.5);
      vLine(x, y, y + 6, 0.5);
    }
  }
  vLine(330, 322.5, 334.5, 0.5, true); // ICD indicator slot
  vLine(312, 322.5, 334.5, 0.5, true);

  // Service lines.
  for (let row = 0; row < 6; row++) {
    const top = LINES_TOP - row * LINE_HEIGHT;
    const bottom = top - LINE_HEIGHT;
    hLine(bottom, LEFT, RIGHT);
    hLine(top - 12, LINE_FULL[0] ?? 0, LINE_FULL[1] ?? 0, 0.4);
    hLine(top - 12, LINE_FULL[1] ?? 0, RIGHT, 0.4, true);
    for (const x of LINE_SOLID) vLine(x, bottom, top - 12);
    for (const x of LINE_FULL) vLine(x, bottom, top);
    for (const x of LINE_DASHED) vLine(x, bottom, bottom + 5, 0.5);
    vLine(COL2, bottom, top - 12);
    label(483, bottom + 3.5, 'NPI');
    label(8, top - 17, String(row + 1), 11);
  }

  // Phone parentheses (5, 7, 33).
  for (const [x1, x2, y] of [
    [118, 145, 579],
    [477, 506.5, 579],
    [485.5, 512.5, 87.5],
  ] as const) {
    label(x1, y, '(', 9);
    label(x2, y, ')', 9);
  }
  // "NPI" in the 32a / 33a slots, faint, as on the form.
  for (const x of [212, 406]) page.drawText('NPI', { x, y: 38.5, size: 9, font: bold, color: FAINT });

  for (const options of Object.values(CMS1500_CHECKBOXES)) {
    for (const rect of Object.values(options) as FieldRect[]) square(rect);
  }
  for (const rect of EXTRA_SQUARES) square(rect);

  for (const [x, y, text, size] of LABELS) label(x, y, text, size);

  // Side rails.
  const rail = (text: string, y1: number, y2: number) => {
    const size = 6.5;
    const width = bold.widthOfTextAtSize(text, size);
    const mid = (y1 + y2) / 2;
    vLine(595, y1, mid - width / 2 - 4, 0.5);
    vLine(595, mid + width / 2 + 4, y2, 0.5);
    page.drawText(text, { x: 597.4, y: mid - width / 2, size, font: bold, color: RED, rotate: degrees(90) });
  };
  rail('CARRIER', 698, 771);
  rail('PATIENT AND INSURED INFORMATION', 409, 695);
  rail('PHYSICIAN OR SUPPLIER INFORMATION', 35, 406);

  // Footer.
  label(470, 26.5, 'FORM 1500 (02/12)', 6.5);
  if (layout.pageCount > 1) label(280, 26.5, `PAGE ${layout.pageNumber} OF ${layout.pageCount}`, 6.5, bold);
  page.drawText('Rendered by Palpa for records — not for OCR submission', {
    x: 20,
    y: 26.5,
    size: 6,
    font: regular,
    color: NOTE,
  });
}
