import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROM_NORMS, SPECIAL_TESTS } from '../assessments/domain/assessment.js';
import { BODY_REGIONS } from '../assessments/domain/body-regions.js';
import { readOrderFile, SHIPPED_ORDER_FILE } from '../icd10cm/icd10cm.loader.js';
import { SCREENING_RULES } from '../screening/domain/screening-rules.js';
import { TECHNIQUES } from '../session-notes/domain/session-note.js';
import { educationSheetFor } from './domain/education-sheet.js';
import {
  REQUIRED_CONDITIONS,
  ZCondition,
  ZTechnique,
  type Condition,
  type Technique,
} from './domain/library-content.js';

const CONTENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content/library');

function readAll<T>(folder: string, parse: (value: unknown) => T): { file: string; value: T }[] {
  const dir = path.join(CONTENT, folder);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, value: parse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))) }));
}

const billable = new Set(
  readOrderFile(SHIPPED_ORDER_FILE)
    .entries()
    .filter((e) => e.billable)
    .map((e) => e.code),
);
const regionIds = new Set(BODY_REGIONS.map((r) => r.id as string));
const ruleIds = new Set(SCREENING_RULES.map((r) => r.id));
const testIds = new Set(SPECIAL_TESTS.map((t) => t.id as string));
const noteTechniqueIds = new Set(TECHNIQUES.map((t) => t.id as string));

describe('library content: techniques', () => {
  const techniques = readAll('techniques', (v) => v);
  it.each(techniques.map((t) => [t.file, t.value] as const))('%s matches the schema', (file, value) => {
    const parsed = ZTechnique.safeParse(value);
    expect(parsed.error?.issues ?? []).toEqual([]);
    const technique = parsed.data as Technique;
    expect(`${technique.id}.json`).toBe(file);
    expect(noteTechniqueIds, `${technique.id} is not in the session notes' technique list`).toContain(
      technique.id,
    );
    for (const rule of technique.screeningRules) expect(ruleIds, rule).toContain(rule);
  });
  it('has at least 12 techniques', () => expect(techniques.length).toBeGreaterThanOrEqual(12));
});

describe('library content: conditions', () => {
  const conditions = readAll('conditions', (v) => v);
  const techniqueIds = new Set(readAll('techniques', (v) => ZTechnique.parse(v).id).map((t) => t.value));

  it.each(conditions.map((c) => [c.file, c.value] as const))(
    '%s is complete and every reference resolves',
    (file, value) => {
      const parsed = ZCondition.safeParse(value);
      expect(parsed.error?.issues ?? []).toEqual([]);
      const condition = parsed.data as Condition;
      expect(`${condition.id}.json`).toBe(file);
      for (const { code } of condition.icd10cm)
        expect(billable.has(code.replace('.', '')), `${code} is not a billable FY2026 code`).toBe(true);
      for (const rule of condition.screeningRules) expect(ruleIds, `screening rule ${rule}`).toContain(rule);
      for (const test of condition.assessmentFocus.specialTests)
        expect(testIds, `special test ${test}`).toContain(test);
      for (const { joint, movement } of condition.assessmentFocus.rom)
        expect(
          ROM_NORMS.some((n) => n.joint === joint && n.movement === movement),
          `ROM ${joint} ${movement}`,
        ).toBe(true);
      for (const step of condition.protocol.steps) {
        expect(techniqueIds, `technique ${step.technique}`).toContain(step.technique);
        for (const region of step.regions) expect(regionIds, `region ${region}`).toContain(region);
      }
    },
  );

  it('has at least 70 conditions with unique names', () => {
    expect(conditions.length).toBeGreaterThanOrEqual(70);
    const names = conditions.map((c) => (c.value as { name: string }).name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('covers every condition the issue lists', () => {
    const ids = new Set(conditions.map((c) => c.file.replace(/\.json$/, '')));
    expect(REQUIRED_CONDITIONS.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('client education sheet', () => {
  it("is built from the condition's own home care, course and red flags", () => {
    const neck = ZCondition.parse(
      JSON.parse(fs.readFileSync(path.join(CONTENT, 'conditions/chronic-neck-pain.json'), 'utf8')),
    );
    const sheet = educationSheetFor(neck, 'Riverside Medical Massage');
    expect(sheet.sections.map((s) => s.heading)).toEqual([
      'About chronic neck pain',
      'What you may notice',
      'Looking after yourself at home',
      'What treatment usually looks like',
      'See a doctor promptly if',
      'Sources',
    ]);
    expect(sheet.sections[2]!.bullets).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Chin tucks/)]),
    );
    expect(sheet.sections[3]!.paragraphs![0]).toMatch(/2 times a week for 6 weeks/);
    expect(sheet.sections[4]!.bullets).toEqual(neck.redFlags);
  });
});
