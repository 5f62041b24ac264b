import fontkit from '@pdf-lib/fontkit';
import { PageSizes, PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { cleanLine, wrapText } from './domain/progress-report.js';
import type { ReportFonts } from './report-fonts.js';

/** A one- or two-page handout for the client: plain sections of paragraphs and bullet points. */
export type EducationSheet = {
  title: string;
  subtitle: string;
  issuer: string;
  sections: { heading: string; paragraphs?: string[]; bullets?: string[] }[];
  disclaimer: string;
};

const [WIDTH, HEIGHT] = PageSizes.Letter;
const LEFT = 60;
const RIGHT = WIDTH - 60;
const TOP = HEIGHT - 60;
const BOTTOM = 70;
const INK = rgb(0.12, 0.14, 0.17);
const MUTED = rgb(0.4, 0.43, 0.48);
const ACCENT = rgb(0.05, 0.35, 0.42);

export async function renderEducationSheetPdf(
  sheet: EducationSheet,
  fonts: ReportFonts,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${sheet.title} — ${sheet.subtitle}`);
  doc.setCreator('Palpa');
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const pages: PDFPage[] = [];
  let page = doc.addPage(PageSizes.Letter);
  pages.push(page);
  let y = TOP;

  const ensure = (height: number) => {
    if (y - height >= BOTTOM) return;
    page = doc.addPage(PageSizes.Letter);
    pages.push(page);
    y = TOP;
  };
  const lines = (text: string, font: PDFFont, size: number, width: number) =>
    wrapText(cleanLine(text), width, (s) => font.widthOfTextAtSize(s, size));
  const write = (
    text: string,
    font: PDFFont,
    size: number,
    options: { indent?: number; color?: typeof INK } = {},
  ) => {
    const x = LEFT + (options.indent ?? 0);
    for (const line of lines(text, font, size, RIGHT - x)) {
      ensure(size * 1.45);
      page.drawText(line, { x, y: y - size, size, font, color: options.color ?? INK });
      y -= size * 1.45;
    }
  };

  page.drawText(sheet.issuer, { x: LEFT, y: y - 10, size: 10, font: bold, color: ACCENT });
  y -= 34;
  write(sheet.title, bold, 22);
  write(sheet.subtitle, regular, 11, { color: MUTED });
  y -= 10;
  for (const section of sheet.sections) {
    ensure(40);
    y -= 8;
    write(section.heading, bold, 13, { color: ACCENT });
    y -= 2;
    for (const paragraph of section.paragraphs ?? []) {
      write(paragraph, regular, 10.5);
      y -= 4;
    }
    for (const bullet of section.bullets ?? []) {
      ensure(16);
      page.drawText('•', { x: LEFT + 4, y: y - 10.5, size: 10.5, font: bold, color: ACCENT });
      write(bullet, regular, 10.5, { indent: 18 });
      y -= 2;
    }
  }
  pages.forEach((p, index) => {
    const footer = `${sheet.disclaimer}   Page ${index + 1} of ${pages.length}`;
    for (const [i, line] of lines(footer, regular, 8, RIGHT - LEFT).entries())
      p.drawText(line, { x: LEFT, y: 40 - i * 10, size: 8, font: regular, color: MUTED });
  });
  return doc.save();
}
