import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZCondition, ZTechnique, type Condition, type Technique } from './domain/library-content.js';

/** The shipped library: content/library/{conditions,techniques}/*.json (see content/library/README.md). */
export const SHIPPED_LIBRARY_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../content/library',
);

export type LibraryContent = { version: string; conditions: Condition[]; techniques: Technique[] };

/** Reads and validates every file; the version is the SHA-256 of all of them, so any edit is a new version. */
export function readLibraryContent(dir = SHIPPED_LIBRARY_DIR): LibraryContent {
  const hash = createHash('sha256');
  const read = <T>(folder: string, parse: (value: unknown) => T): T[] => {
    const full = path.join(dir, folder);
    return fs
      .readdirSync(full)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => {
        const text = fs.readFileSync(path.join(full, file), 'utf8');
        hash.update(`${folder}/${file}\n${text}\n`);
        try {
          return parse(JSON.parse(text));
        } catch (err) {
          throw new Error(`content/library/${folder}/${file} is not valid: ${(err as Error).message}`);
        }
      });
  };
  const techniques = read('techniques', (v) => ZTechnique.parse(v));
  const conditions = read('conditions', (v) => ZCondition.parse(v));
  return { version: hash.digest('hex'), conditions, techniques };
}
