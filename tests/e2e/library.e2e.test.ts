import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfPages } from '../support/pdf-text.js';
import { fillClinicSetup, openTab, SHOTS, startE2e, visible, type E2e } from './e2e-support.js';

/**
 * Issue 4's acceptance, as a therapist does it in chromium at tablet width: a neck-pain prescription (M54.2)
 * suggests the library's "Chronic neck pain" protocol, which fills in the treatment plan; an anticoagulant on
 * the intake makes cupping in a protocol-filled session note a flagged conflict; the library finds conditions
 * by their other names and hands out the client education sheet as a PDF. Every step leaves a screenshot in
 * test-output/screenshots/library-NN-<step>.png.
 */
let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
});

afterAll(async () => {
  await e2e?.stop();
});

const owner = { name: 'Ana Silva', email: 'ana@riverside.example', password: 'calm river stones 42' };
const CLIENT = 'Grace Okafor';
const EPISODE = 'Chronic neck pain';

let step = 0;
const shot = (page: Page, name: string) =>
  e2e.shot(page, `library-${String(++step).padStart(2, '0')}-${name}`);

describe('a therapist works from the condition & protocol library in the browser', () => {
  it('walks the acceptance from suggested protocol to education sheet at tablet width', async () => {
    const page = await e2e.newPage(768, 1024);
    page.setDefaultTimeout(15_000);
    try {
      await walk(page);
    } catch (error) {
      await e2e.shot(page, 'library-failure').catch(() => undefined);
      throw error;
    }
    expect(e2e.consoleProblems).toEqual([]);
  });
});

async function walk(page: Page) {
  const { baseUrl } = e2e;

  // 1. Set up the clinic, add a client, open an episode.
  await fillClinicSetup(page, baseUrl, owner);
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await page.waitForURL(/\/clients$/);
  // Before anyone is signed in, the app's session check is answered 401: expected, and the only one.
  for (const problem of e2e.consoleProblems.splice(0))
    expect(problem).toMatch(/status of 401 .*\/api\/auth\/session\]$/);

  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByLabel('Given name').fill('Grace');
  await page.getByLabel('Family name').fill('Okafor');
  await page.getByLabel('Date of birth').fill('1971-11-02');
  await page.getByRole('button', { name: 'Save client' }).click();
  await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
  await visible(page.getByRole('heading', { level: 1, name: CLIENT }));

  await page.getByRole('button', { name: 'Open new episode' }).click();
  const episodeDialog = page.getByRole('dialog', { name: 'Open a new episode of care' });
  await episodeDialog.getByLabel('Title').fill(EPISODE);
  await episodeDialog.getByLabel('Start of care').fill('2026-10-01');
  await shot(page, 'open-episode');
  await episodeDialog.getByRole('button', { name: 'Open episode' }).click();
  await page.waitForURL(/\/episodes\/[0-9a-f-]{36}\?tab=prescription$/);
  await visible(page.getByRole('heading', { level: 1, name: new RegExp(EPISODE) }));

  // 2. A prescription for M54.2 suggests the library's chronic neck pain protocol.
  const rx = page.getByRole('form', { name: 'New prescription' });
  await rx.getByLabel("Prescriber's name").fill('Dr. Maya Brooks');
  await rx.getByLabel('NPI').fill('1234567893');
  await visible(rx.getByText('Check digit OK'));
  await rx.getByLabel('Date written').fill('2026-10-01');
  // The code list loads in the background on a fresh install: the first search may wait for it.
  await rx.getByLabel('Diagnoses (ICD-10-CM)').fill('m54.2');
  await rx.getByRole('option', { name: /M54\.2/ }).click({ timeout: 60_000 });
  await visible(rx.getByRole('list', { name: 'Chosen diagnoses' }).getByText(/M54\.2/));
  await rx.getByLabel('Visits per week').fill('2');
  await rx.getByLabel('For how many weeks').fill('6');
  await shot(page, 'prescription-form');
  await rx.getByRole('button', { name: 'Save prescription' }).click();
  await visible(page.getByRole('article', { name: 'Dr. Maya Brooks' }));
  const suggested = page.getByRole('list', { name: 'Suggested protocols' });
  await visible(suggested.getByText('Chronic neck pain', { exact: true }));
  await shot(page, 'suggested-protocols');
  await suggested
    .getByRole('link', { name: 'Use the Chronic neck pain protocol for the treatment plan' })
    .click();

  // 3. The plan editor is filled in from the protocol; the NDI goal needs its baseline and target.
  await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('plan');
  await visible(page.getByRole('status').getByText('Filled in from the Chronic neck pain protocol'));
  const techniques = page.getByRole('combobox', { name: 'Technique' });
  await expect
    .poll(() => techniques.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)))
    .toContain('Trigger point therapy');
  await expect.poll(() => page.getByLabel('Sessions per week').inputValue()).toBe('2');
  await expect.poll(() => page.getByLabel('For how many weeks').inputValue()).toBe('6');
  await visible(page.getByRole('textbox', { name: /^Goal, in the client's terms/ }));
  const ndiGoal = page.getByRole('group', { name: 'Goal 1' });
  await expect
    .poll(() => ndiGoal.getByRole('combobox', { name: /^Outcome measure/ }).inputValue())
    .toMatch(/^NDI/);
  await ndiGoal.getByLabel(/^Baseline( \*)?$/).fill('38');
  await ndiGoal.getByLabel(/^Target( \*)?$/).fill('18');
  await shot(page, 'plan-from-protocol');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await visible(page.getByRole('button', { name: 'Edit plan' }));
  await visible(page.getByText('Trigger point therapy'));
  await shot(page, 'plan-saved');

  // 4. Intake: an anticoagulant raises the blood-thinning alert.
  await openTab(page, 'Intake');
  await page.getByRole('button', { name: 'Add medication' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Eliquis 5 mg');
  await visible(page.getByText('Recognised as an anticoagulant'));
  await page.getByRole('button', { name: 'Save and screen' }).click();
  const alerts = page.getByRole('region', { name: /^Screening alerts/ });
  await visible(alerts.getByText('Blood-thinning medication'));
  await visible(alerts.getByText('Medication: Eliquis 5 mg (anticoagulant)'));
  await shot(page, 'intake-alerts');

  // 5. A session note from the library protocol; cupping conflicts with the blood thinner.
  await openTab(page, 'Notes');
  await page.getByRole('button', { name: 'New session note' }).click();
  const newNote = page.getByRole('dialog', { name: 'New session note' });
  await newNote.getByLabel('Session date').fill('2026-10-06');
  await newNote.getByRole('combobox', { name: 'Library protocol (optional)' }).click();
  await page.getByRole('option', { name: 'Chronic neck pain' }).click();
  await shot(page, 'new-note-protocol');
  await newNote.getByRole('button', { name: 'Start note' }).click();
  await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
  const note = page.getByRole('form', { name: 'Session note' });
  const codes = () =>
    note
      .getByRole('combobox', { name: 'Service code' })
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  await expect
    .poll(codes)
    .toEqual([
      expect.stringMatching(/^97124/),
      expect.stringMatching(/^97140/),
      expect.stringMatching(/^97140/),
      expect.stringMatching(/^97140/),
    ]);
  await expect.poll(() => note.getByLabel('Home care given').inputValue()).toContain('Chin tucks');
  await shot(page, 'note-from-protocol');

  await note.getByRole('button', { name: 'Add service' }).click();
  const added = note.getByRole('group', { name: 'Service 5' });
  await added.getByRole('combobox', { name: 'Technique' }).fill('Cupping');
  await page.getByRole('option', { name: /^Cupping/ }).click();
  await added.getByLabel('Minutes').fill('5');
  await visible(page.getByRole('status').getByText(/^Saved at /), 15_000);
  const conflicts = note.getByRole('alert').filter({ hasText: 'Advised against by the screening alerts' });
  await visible(conflicts.getByText('Cupping is to be avoided: Blood-thinning medication'));
  await visible(added.getByText('Advised against: Blood-thinning medication'));
  await shot(page, 'note-cupping-conflict');

  // 6. The library: found by other names; the condition page and its education sheet.
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await page.getByRole('link', { name: 'Library' }).click();
  await page.waitForURL(/\/library$/);
  const searchBox = page.getByRole('textbox', { name: /^Search conditions/ });
  const results = page.getByRole('list', { name: 'Search results' });
  const firstResult = () => results.getByRole('listitem').first().getByRole('link').textContent();
  await searchBox.fill('frozen shoulder');
  await expect.poll(firstResult).toBe('Frozen shoulder (adhesive capsulitis)');
  await shot(page, 'search-frozen-shoulder');
  await searchBox.fill('tennis elbow');
  await expect.poll(firstResult).toBe('Lateral epicondylalgia (tennis elbow)');
  await shot(page, 'search-tennis-elbow');
  await searchBox.fill('neck pain');
  await results.getByRole('link', { name: 'Chronic neck pain' }).click();
  await page.waitForURL(/\/library\/conditions\/chronic-neck-pain$/);
  await visible(page.getByRole('heading', { level: 1, name: 'Chronic neck pain' }));
  await visible(page.getByText('Red flags: stop and refer'));
  await shot(page, 'condition-page');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Client education sheet (PDF)' }).click(),
  ]);
  const file = path.join(SHOTS, '..', 'library-education-sheet.pdf');
  await download.saveAs(file);
  const bytes = new Uint8Array(fs.readFileSync(file));
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const text = (await extractPdfPages(bytes)).join('\n');
  for (const expected of ['Chronic neck pain', 'Looking after yourself at home'])
    expect(text).toContain(expected);
}
