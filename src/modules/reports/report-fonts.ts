import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ReportFonts = { regular: Uint8Array; bold: Uint8Array };

/** DejaVu Sans, shipped in content/fonts (README.md there gives its source and licence). */
export const REPORT_FONT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../content/fonts',
);

let cached: Promise<ReportFonts> | undefined;

/** Reads the report fonts once per process (about 1.4 MB); later calls share the same bytes. */
export function loadReportFonts(): Promise<ReportFonts> {
  cached ??= Promise.all([
    readFile(path.join(REPORT_FONT_DIR, 'DejaVuSans.ttf')),
    readFile(path.join(REPORT_FONT_DIR, 'DejaVuSans-Bold.ttf')),
  ]).then(
    ([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }),
    (error: unknown) => {
      // Do not cache a failure (say, a font missing during an upgrade): the next call tries again.
      cached = undefined;
      throw error;
    },
  );
  return cached;
}
