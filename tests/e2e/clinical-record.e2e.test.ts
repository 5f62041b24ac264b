import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfPages } from '../support/pdf-text.js';
import { fillClinicSetup, openTab, SHOTS, startE2e, visible, type E2e } from './e2e-support.js';

/**
 * Issue 3's acceptance, as a therapist does it in chromium at tablet width: a client with a car-accident
 * neck injury gets an episode of care with a prescription (ICD-10-CM search, live NPI check), an intake
 * that raises screening alerts, a drawn consent signature, an initial assessment (body chart, ROM, special
 * test, NDI), a plan with measurable goals, three signed SOAP notes, a re-evaluation, the NDI chart on the
 * timeline and the progress report PDF. Every step leaves a screenshot in
 * test-output/screenshots/clinical-NN-<step>.png.
 */
let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
});

afterAll(async () => {
  await e2e?.stop();
});

const owner = { name: 'Ana Silva', email: 'ana@riverside.example', password: 'calm river stones 42' };
const CLIENT = 'Łukasz Nguyễn';
const EPISODE = 'Neck pain after car accident';

let step = 0;
const shot = (page: Page, name: string) =>
  e2e.shot(page, `clinical-${String(++step).padStart(2, '0')}-${name}`);

/** NDI answers in item order, as read from the client's licensed form. */
async function enterNdi(page: Page, answers: number[]) {
  const entry = page.getByRole('group', { name: /^NDI/ });
  for (const [index, answer] of answers.entries()) {
    await entry
      .getByLabel(`Item ${index + 1} (from your licensed form)`, { exact: true })
      .fill(String(answer));
  }
}

/** Confirms the signing dialog and waits for it to have gone (its fade-out would be in the screenshot). */
async function signAssessment(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Sign this assessment?' });
  await dialog.getByRole('button', { name: 'Sign and lock' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('a therapist keeps the clinical record of an episode of care in the browser', () => {
  it('walks the acceptance from prescription to progress report at tablet width', async () => {
    const page = await e2e.newPage(768, 1024);
    page.setDefaultTimeout(15_000);
    try {
      await walk(page);
    } catch (error) {
      // Where it stopped, for whoever reads the failure.
      await e2e.shot(page, 'clinical-failure').catch(() => undefined);
      throw error;
    }
    // No script errors and nothing the Content-Security-Policy blocked (the NPI check answers 200).
    expect(e2e.consoleProblems).toEqual([]);
  });
});

async function walk(page: Page) {
  const { baseUrl } = e2e;

  // 1. Set up the clinic.
  await fillClinicSetup(page, baseUrl, owner);
  await shot(page, 'setup');
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await page.waitForURL(/\/clients$/);
  // Before anyone is signed in, the app's session check is answered 401: expected, and the only one.
  for (const problem of e2e.consoleProblems.splice(0))
    expect(problem).toMatch(/status of 401 .*\/api\/auth\/session\]$/);

  // 2. A new client.
  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByLabel('Given name').fill('Łukasz');
  await page.getByLabel('Family name').fill('Nguyễn');
  await page.getByLabel('Date of birth').fill('1984-03-07');
  await shot(page, 'new-client');
  await page.getByRole('button', { name: 'Save client' }).click();
  await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
  await visible(page.getByRole('heading', { level: 1, name: CLIENT }));

  // 3. Open an episode of care: lands on its prescription tab.
  await page.getByRole('button', { name: 'Open new episode' }).click();
  const episodeDialog = page.getByRole('dialog', { name: 'Open a new episode of care' });
  await episodeDialog.getByLabel('Title').fill(EPISODE);
  await episodeDialog.getByLabel('Who pays').selectOption({ label: 'Auto accident (PIP / med-pay)' });
  await episodeDialog.getByLabel('Start of care').fill('2026-10-01');
  await episodeDialog.getByLabel('Onset date').fill('2026-09-20');
  await shot(page, 'open-episode');
  await episodeDialog.getByRole('button', { name: 'Open episode' }).click();
  await page.waitForURL(/\/episodes\/[0-9a-f-]{36}\?tab=prescription$/);
  const episodeUrl = page.url().replace(/\?.*$/, '');
  await visible(page.getByRole('heading', { level: 1, name: new RegExp(EPISODE) }));

  // 4. The prescription: a mistyped NPI is caught as it is typed, then the right one passes.
  const rx = page.getByRole('form', { name: 'New prescription' });
  await rx.getByLabel("Prescriber's name").fill('Dr. Zoë Ødegård');
  await rx.getByLabel('NPI').fill('1234567890');
  await visible(rx.getByText('This NPI fails its check digit'));
  await shot(page, 'prescription-npi-check-digit');
  await rx.getByLabel('NPI').fill('1234567893');
  await visible(rx.getByText('Check digit OK'));
  await rx.getByLabel('Date written').fill('2026-10-01');
  const search = rx.getByLabel('Diagnoses (ICD-10-CM)');
  const chosen = rx.getByRole('list', { name: 'Chosen diagnoses' });
  // The code list loads in the background on a fresh install: the first search may wait for it.
  await search.fill('cervicalgia');
  await rx.getByRole('option', { name: /M54\.2/ }).click({ timeout: 60_000 });
  await search.fill('s13.4xxa');
  await rx.getByRole('option', { name: /S13\.4XXA/ }).click();
  await visible(chosen.getByText('S13.4XXA'));
  await expect
    .poll(() => chosen.getByRole('listitem').allTextContents())
    .toEqual([expect.stringMatching(/^A\s*M54\.2 — .*Primary/), expect.stringMatching(/^B\s*S13\.4XXA — /)]);
  await rx.getByLabel('Visits per week').fill('2');
  await rx.getByLabel('For how many weeks').fill('6');
  await rx.getByLabel('Visits authorised').fill('12');
  await rx.getByLabel('Expires on').fill('2026-12-31');
  await shot(page, 'prescription-form');
  await rx.getByRole('button', { name: 'Save prescription' }).click();
  const card = page.getByRole('article', { name: 'Dr. Zoë Ødegård' });
  await visible(card);
  await visible(card.getByText('0 of 12 used'));
  await visible(card.getByText('2×/week for 6 weeks'));
  await shot(page, 'prescription-saved');

  // 5. Intake: warfarin and current lymphedema raise screening alerts.
  await openTab(page, 'Intake');
  await page.getByRole('button', { name: 'Add medication' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Warfarin 5 mg');
  await visible(page.getByText('Recognised as an anticoagulant'));
  await page.getByRole('button', { name: 'Add condition' }).click();
  await page.getByRole('combobox', { name: 'Condition' }).fill('lymph');
  await page.getByRole('option', { name: 'Lymphedema' }).click();
  await expect.poll(() => page.getByLabel('Status').inputValue()).toBe('current');
  await page.getByRole('button', { name: 'Save and screen' }).click();
  const alerts = page.getByRole('region', { name: /^Screening alerts/ });
  await visible(alerts.getByText('Blood-thinning medication'));
  await visible(alerts.getByText('Medication: Warfarin 5 mg (anticoagulant)'));
  await visible(alerts.getByText('Lymphedema or at-risk area'));
  await visible(alerts.getByText('Gentle treatment: lymphedema'));
  await shot(page, 'intake-screening-alerts');

  // Consent to treatment, signed with a drawn signature.
  await page.getByRole('button', { name: 'Collect consent' }).click();
  const consent = page.getByRole('dialog', { name: 'Collect consent' });
  await visible(consent.getByRole('region', { name: /consent/i }));
  const pad = consent.getByRole('img', { name: 'Signature' });
  const box = (await pad.boundingBox())!;
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  await page.mouse.move(...at(0.12, 0.62));
  await page.mouse.down();
  for (const [x, y] of [
    [0.2, 0.35],
    [0.28, 0.7],
    [0.36, 0.4],
    [0.45, 0.68],
    [0.55, 0.45],
    [0.66, 0.6],
    [0.8, 0.5],
  ] as const)
    await page.mouse.move(...at(x, y), { steps: 4 });
  await page.mouse.up();
  await visible(consent.getByText('Signature drawn.'));
  await shot(page, 'consent-drawn-signature');
  await consent.getByRole('button', { name: 'Record signature' }).click();
  await consent.waitFor({ state: 'hidden' });
  await visible(page.getByRole('img', { name: `Drawn signature of ${CLIENT}` }));
  await visible(page.getByRole('cell', { name: /Consent to treatment/ }));
  await shot(page, 'consent-signed');

  // 6. The initial assessment (opened for the first one).
  await openTab(page, 'Assessments');
  const assessment = page.getByRole('form', { name: /^New initial assessment/ });
  await visible(assessment);
  await assessment.getByLabel(/^Date( \*)?$/).fill('2026-10-01');
  // Body chart: a region focused (as with Tab) and a mark placed on it with Enter.
  const region = assessment.getByRole('button', { name: 'Right upper trapezius' });
  await region.focus();
  await page.keyboard.press('Enter');
  const markDialog = page.getByRole('dialog', { name: 'Add a mark' });
  await markDialog.getByRole('radio', { name: 'Trigger point' }).check();
  await markDialog.getByText('Severe', { exact: true }).click();
  await markDialog.getByLabel('Note').fill('refers to the temple');
  await shot(page, 'assessment-body-chart-mark');
  await markDialog.getByRole('button', { name: 'Add mark' }).click();
  await visible(assessment.getByRole('cell', { name: 'Right upper trapezius' }));
  await assessment.getByRole('button', { name: 'Add a movement' }).click();
  await assessment.getByLabel('Degrees, row 1').fill('56');
  await visible(assessment.getByLabel('70% of normal, reduced'));
  await assessment.getByRole('button', { name: 'Add a special test' }).click();
  const test1 = assessment.getByRole('group', { name: 'Special test 1' });
  await test1.getByLabel('Test', { exact: true }).selectOption({ label: 'Spurling' });
  await test1.getByText('Negative', { exact: true }).click();
  await assessment.getByRole('button', { name: 'Add a measure' }).click();
  await page.getByRole('menuitem', { name: /^NDI/ }).click();
  await enterNdi(page, [5, 5, 5, 4, 0, 0, 0, 0, 0, 0]);
  await visible(assessment.getByText('NDI 38%'));
  await assessment.getByLabel('Assessment findings').fill('Cervical strain with a reduced right rotation.');
  await shot(page, 'initial-assessment');
  await assessment.getByRole('button', { name: 'Save and sign…' }).click();
  await signAssessment(page);
  await visible(page.getByRole('heading', { name: /^Initial assessment · / }));
  await visible(page.getByText(/^Signed by Ana Silva on /));
  await shot(page, 'initial-assessment-signed');

  // 7. The plan: two measurable goals.
  await openTab(page, 'Plan');
  await page.getByRole('button', { name: 'Create treatment plan' }).click();
  await page.getByRole('textbox', { name: 'Problem 1' }).fill('Neck pain limits driving and desk work');
  const goal1 = page.getByRole('group', { name: 'Goal 1' });
  await expect.poll(() => goal1.getByLabel('Baseline').inputValue()).toBe('38%');
  await goal1.getByRole('radio', { name: 'Long-term' }).check();
  await goal1.getByLabel(/^Target( \*)?$/).fill('18');
  await goal1.getByLabel('Target date').fill('2026-12-20');
  await page.getByRole('button', { name: 'Add goal' }).click();
  const goal2 = page.getByRole('group', { name: 'Goal 2' });
  await goal2.getByRole('radio', { name: 'Short-term' }).check();
  await goal2.getByLabel(/^Target( \*)?$/).fill('28');
  await goal2.getByLabel('Target date').fill('2026-11-15');
  await page.getByRole('combobox', { name: 'Technique' }).click();
  await page.getByRole('option', { name: 'Trigger point therapy' }).click();
  await shot(page, 'plan-editor');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await visible(page.getByRole('button', { name: 'Edit plan' }));
  await shot(page, 'plan-saved');

  // 8. Three session notes from the neck-pain template, each autosaved and signed.
  const sessions = [
    { date: '2026-10-06', subjective: 'Neck pain 6/10; stiff turning to the right when driving.' },
    { date: '2026-10-09', subjective: 'Neck pain 5/10; slept better after the first session.' },
    { date: '2026-10-13', subjective: 'Neck pain 4/10; turning to reverse the car is easier.' },
  ];
  for (const [index, session] of sessions.entries()) {
    await openTab(page, 'Notes');
    await page.getByRole('button', { name: 'New session note' }).click();
    const newNote = page.getByRole('dialog', { name: 'New session note' });
    await newNote.getByLabel('Session date').fill(session.date);
    await newNote.getByRole('combobox', { name: 'Template (optional)' }).click();
    await page.getByRole('option', { name: 'Neck pain / cervicalgia' }).click();
    await newNote.getByRole('button', { name: 'Start note' }).click();
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    const note = page.getByRole('form', { name: 'Session note' });
    await note.getByLabel('Subjective', { exact: true }).fill(session.subjective);
    await note
      .getByLabel('Objective', { exact: true })
      .fill('Hypertonic right upper trapezius with an active trigger point; rotation R 56°.');
    await note
      .getByLabel('Assessment', { exact: true })
      .fill('Tolerated treatment well; less guarding after trigger point work.');
    await note.getByLabel('Plan', { exact: true }).fill('Continue 2×/week per the plan of care.');
    await note.getByLabel('Pain before').fill(String(6 - index));
    await note.getByLabel('Pain after').fill(String(4 - index));
    const service1 = note.getByRole('group', { name: 'Service 1' });
    const service2 = note.getByRole('group', { name: 'Service 2' });
    await expect
      .poll(() => service1.getByRole('combobox', { name: 'Service code' }).inputValue())
      .toMatch(/^97124/);
    await expect
      .poll(() => service2.getByRole('combobox', { name: 'Service code' }).inputValue())
      .toMatch(/^97140/);
    await service1.getByLabel('Minutes').fill('23');
    await service2.getByLabel('Minutes').fill('15');
    await visible(note.getByText('Total 38 min'));
    await visible(page.getByRole('status').getByText(/^Saved at /), 15_000);
    if (index === 0) await shot(page, 'note-editor');
    await page.getByRole('button', { name: 'Sign note' }).click();
    const confirm = page.getByRole('dialog', { name: 'Sign this note?' });
    await visible(confirm.getByText('97124 23 min'));
    await confirm.getByRole('button', { name: 'Sign note' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await visible(page.getByText(/^Signed by Ana Silva on /));
    if (index === 0) await shot(page, 'note-signed');
    await page.getByRole('link', { name: 'Session notes' }).click();
    await page.waitForURL(/\?tab=notes$/);
  }
  await visible(page.getByText('3 notes, newest first.'));
  await expect.poll(() => page.getByRole('row').count()).toBe(4);
  await shot(page, 'notes-list');

  // 9. The re-evaluation: NDI 22%, compared with the baseline; continue the plan.
  await openTab(page, 'Assessments');
  await page.getByRole('button', { name: 'New assessment' }).click();
  const reEval = page.getByRole('form', { name: /^New re-evaluation/ });
  await visible(reEval);
  await reEval.getByLabel(/^Date( \*)?$/).fill('2026-11-20');
  await reEval.getByRole('button', { name: 'Add a measure' }).click();
  await page.getByRole('menuitem', { name: /^NDI/ }).click();
  await enterNdi(page, [3, 3, 3, 2, 0, 0, 0, 0, 0, 0]);
  await visible(reEval.getByText('NDI 22%'));
  await visible(reEval.getByText('NDI 38% → 22%'));
  await reEval.getByRole('radio', { name: 'Continue the current plan' }).check();
  await reEval.getByLabel('Assessment findings').fill('NDI improved by 16 points; rotation improving.');
  await shot(page, 're-evaluation');
  await reEval.getByRole('button', { name: 'Save and sign…' }).click();
  await signAssessment(page);
  await visible(page.getByRole('heading', { name: /^Re-evaluation · / }));
  await shot(page, 're-evaluation-signed');

  // 10. The timeline: the NDI chart shows the improvement.
  await openTab(page, 'Timeline');
  const ndiChart = page.getByRole('figure', { name: 'NDI' });
  await visible(ndiChart.getByText('NDI 38% → 22% (−16, better than the MCID of 10)'));
  await visible(ndiChart.locator('.recharts-line'));
  await page.waitForLoadState('networkidle');
  await shot(page, 'timeline-tablet');
  await page.setViewportSize({ width: 1280, height: 900 });
  await visible(ndiChart.getByText(/^NDI 38% → 22%/));
  await shot(page, 'timeline-desktop');
  await page.setViewportSize({ width: 768, height: 1024 });

  // 11. The progress report for the prescriber.
  await openTab(page, 'Report');
  await visible(page.getByText('NDI 38% → 22%'));
  await shot(page, 'report');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download progress report (PDF)' }).click(),
  ]);
  const file = path.join(SHOTS, '..', 'clinical-progress-report.pdf');
  await download.saveAs(file);
  const bytes = new Uint8Array(fs.readFileSync(file));
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const text = (await extractPdfPages(bytes)).join('\n');
  for (const expected of [CLIENT, 'M54.2', 'S13.4XXA', '38', '22']) expect(text).toContain(expected);
  expect(page.url()).toContain(episodeUrl);
}
