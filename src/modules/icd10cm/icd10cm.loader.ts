import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseOrderFile, type Icd10cmEntry } from './domain/icd10cm-code.js';

/** The FY2026 order file Palpa ships (content/icd10cm/README.md gives its source and checksum). */
export const SHIPPED_ORDER_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../content/icd10cm/icd10cm-order-2026.txt.gz',
);

export type OrderFile = { edition: number; sha256: string; entries: () => Icd10cmEntry[] };

/**
 * Reads an order file (plain or .gz). The edition is the fiscal year in its name unless given. Parsing is
 * deferred: a start-up that finds the edition already loaded only needs the checksum.
 */
export function readOrderFile(file: string, edition?: number): OrderFile {
  const raw = fs.readFileSync(file);
  const content = file.endsWith('.gz') ? gunzipSync(raw) : raw;
  const year = edition ?? Number(/(20\d\d)/.exec(path.basename(file))?.[1]);
  if (!Number.isInteger(year) || year < 2015 || year > 2100) {
    throw new Error(
      `Cannot tell the fiscal year of ${file}: name it icd10cm-order-YYYY.txt or pass the edition.`,
    );
  }
  const entries = () => {
    const parsed = parseOrderFile(content.toString('latin1'));
    if (parsed.length < 1000)
      throw new Error(`${file} holds only ${parsed.length} codes; is it an order file?`);
    return parsed;
  };
  return { edition: year, sha256: createHash('sha256').update(content).digest('hex'), entries };
}
