import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build835, header } from '../fixtures/x12/835/build-835.js';
import { BILLING_PROFILE, HEALTH_PAYER, THERAPIST_NPI } from '../support/billing-fixtures.js';
import { NECK_PAIN_PRESCRIPTION, NOTE_CONTENT } from '../support/clinical-fixtures.js';
import { formatCalendarDate } from '../../src/platform/domain/calendar-date.js';
import { extractPdfPages } from '../support/pdf-text.js';
import { check837pStructure, el, parseX12Segments } from '../support/x12-parse.js';
import { fillClinicSetup, SHOTS, startE2e, visible, type E2e } from './e2e-support.js';

/**
 * Issue 5's acceptance in chromium: the clinical record is seeded through the API (a client with an
 * episode, a prescription and two signed notes); the billing runs through the screens a biller uses. Set
 * up billing, add the client's policy, bill the two visits, see the claim check find two planted problems
 * (the therapist has no NPI yet; a line lost the GP modifier the payer requires), fix both, mark the claim
 * ready, download its CMS-1500 and 837P, send the batch, post an 835 that leaves coinsurance, and see the
 * client's balance and the A/R aging. Then a self-pay visit is charged, paid in full, and its superbill
 * printed. Screenshots: test-output/screenshots/billing-NN-<step>.png.
 */
let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
});

afterAll(async () => {
  await e2e?.stop();
});

const owner = { name: 'Ana Silva', email: 'ana@riverside.example', password: 'calm river stones 42' };
const CLIENT = { givenName: 'Marisol', familyName: 'Quintero' };
const SELF_PAY = { givenName: 'Tomasz', familyName: 'Wiśniewski' };
const OUT = path.join(SHOTS, '..');

let step = 0;
/** A screenshot without the notifications of earlier steps in the way. */
async function shot(page: Page, name: string, element?: Locator) {
  // A pointer resting on a notification pauses its timer: move it away, then close what is left.
  await page.mouse.move(2, (page.viewportSize()?.height ?? 900) - 2);
  const close = page.locator('.mantine-Notification-closeButton');
  for (let i = 0; i < 10 && (await close.count()) > 0; i++)
    await close
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
  const file = `billing-${String(++step).padStart(2, '0')}-${name}`;
  // A long page (the client record) is shown by the part that matters.
  if (!element) {
    await e2e.shot(page, file);
    return;
  }
  // Clipped from a full-page picture taken from the top, so the fixed app header stays at the top.
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  const box = (await element.boundingBox())!;
  await page.screenshot({ path: path.join(SHOTS, `${file}.png`), fullPage: true, clip: box });
}

/** A calendar date `days` from today (negative: in the past), as the server's "today" sees it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('a biller bills signed visits, posts the remittance and settles the client balances', () => {
  it('walks issue 5 from the visits to bill to the superbill', { timeout: 300_000 }, async () => {
    const page = await e2e.newPage(1280, 900);
    page.setDefaultTimeout(15_000);
    try {
      await walk(page);
    } catch (error) {
      await e2e.shot(page, 'billing-failure').catch(() => undefined);
      throw error;
    }
    expect(e2e.consoleProblems).toEqual([]);
  });
});

async function api(page: Page, method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown) {
  const response = await page.request.fetch(`${e2e.baseUrl}/api${url}`, {
    method,
    ...(data === undefined ? {} : { data }),
  });
  const body: any = await response.json().catch(() => null);
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${JSON.stringify(body)}`);
  return body;
}

/** A client with the demographics a claim needs, an episode, and signed notes (the clinical part). */
async function seedClient(
  page: Page,
  name: { givenName: string; familyName: string },
  payerContext: string,
  sessionDates: string[],
  draftDates: string[] = [],
) {
  const client = await api(page, 'POST', '/clients', {
    ...name,
    dateOfBirth: '1979-06-02',
    sex: 'female',
    phone: '217-555-0142',
    address: {
      line1: '48 Elm Street',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62704',
      country: 'US',
    },
  });
  const episode = await api(page, 'POST', `/clients/${client.id}/episodes`, {
    title: payerContext === 'self_pay' ? 'Tension headaches' : 'Neck pain after a fall',
    payerContext,
    onsetDate: day(-40),
    startedOn: day(-30),
  });
  await api(page, 'POST', `/episodes/${episode.id}/prescriptions`, {
    ...NECK_PAIN_PRESCRIPTION,
    writtenOn: day(-30),
    expiresOn: day(60),
    diagnoses: ['M54.2', 'S13.4XXD'],
  });
  for (const sessionDate of [...sessionDates, ...draftDates]) {
    const note = await api(page, 'POST', `/episodes/${episode.id}/notes`, { sessionDate });
    const acknowledgements = (note.alerts as { ruleId: string; severity: string }[])
      .filter((a) => a.severity === 'postpone_refer')
      .map((a) => ({ ruleId: a.ruleId, reason: 'Cleared by the prescriber by phone.' }));
    const saved = await api(page, 'PATCH', `/notes/${note.id}`, {
      version: note.version,
      ...NOTE_CONTENT,
      acknowledgements,
    });
    if (sessionDates.includes(sessionDate))
      await api(page, 'POST', `/notes/${note.id}/sign`, { version: saved.version });
  }
  return { clientId: client.id as string, episodeId: episode.id as string };
}

async function download(page: Page, click: () => Promise<void>, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const target = path.join(OUT, name);
  await file.saveAs(target);
  return { bytes: new Uint8Array(fs.readFileSync(target)), fileName: file.suggestedFilename(), target };
}

async function openBillingTab(page: Page, tab: string) {
  await page.getByRole('link', { name: 'Billing' }).click();
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
}

/** A refusal the step provoked on purpose: the browser logs the 409; take exactly that one off the list. */
async function expectRefusal(path: RegExp) {
  const matches = () => e2e.consoleProblems.filter((p) => /status of 409/.test(p) && path.test(p));
  await expect.poll(() => matches().length).toBe(1);
  e2e.consoleProblems.splice(e2e.consoleProblems.indexOf(matches()[0]!), 1);
}

/** Presses Tab until `name` has the focus (at most `max` times): proves it is reachable by keyboard. */
async function tabTo(page: Page, name: RegExp, max = 25) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    if (name.test(label)) return;
  }
  throw new Error(`${name} was not reached with the Tab key`);
}

async function walk(page: Page) {
  const { baseUrl } = e2e;

  // 1. The clinic and its owner (who is also the treating therapist).
  await fillClinicSetup(page, baseUrl, owner);
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await page.waitForURL(/\/clients$/);
  for (const problem of e2e.consoleProblems.splice(0))
    expect(problem).toMatch(/status of 401 .*\/api\/auth\/session\]$/);

  // 2. The clinical part, through the API: a client with a health-insurance episode and two signed notes.
  const visitDates = [day(-9), day(-7)];
  // A third visit's note is still a draft: listed, with what blocks it, and not selectable.
  const marisol = await seedClient(page, CLIENT, 'health_insurance', visitDates, [day(-2)]);
  const tomasz = await seedClient(page, SELF_PAY, 'self_pay', [day(-3)]);

  // 3. Billing set-up in the UI: the profile, a payer that requires GP, and the fees.
  await openBillingTab(page, 'Set-up');
  await page.waitForURL(/\/billing\/setup$/);
  const profile = page.getByRole('form', { name: 'Billing profile' });
  await profile.getByLabel('Legal name').fill(BILLING_PROFILE.legalName);
  await profile.getByLabel('Tax ID').fill(BILLING_PROFILE.taxId);
  await profile.getByLabel('Billing NPI').fill(BILLING_PROFILE.billingNpi);
  await profile.getByLabel('Street').fill(BILLING_PROFILE.address.line1);
  await profile.getByLabel('City').fill(BILLING_PROFILE.address.city);
  await profile.getByLabel('State').fill(BILLING_PROFILE.address.state);
  await profile.getByLabel('ZIP').fill(BILLING_PROFILE.address.zip);
  await profile.getByLabel('Phone').fill(BILLING_PROFILE.phone);
  await profile.getByLabel('Submitter ID').fill(BILLING_PROFILE.submitterId);
  await profile.getByLabel('Billing contact').fill(BILLING_PROFILE.submitterContact);
  await profile.getByLabel('Receiver ID').fill(BILLING_PROFILE.receiverId);
  await profile.getByLabel('Clearinghouse name').fill(BILLING_PROFILE.receiverName);
  await profile.getByRole('button', { name: 'Save billing profile' }).click();
  await visible(page.getByText('The billing profile was saved.'));

  await page.getByRole('button', { name: 'Add payer' }).click();
  const payerDialog = page.getByRole('dialog', { name: 'Add a payer' });
  await payerDialog.getByLabel('Name').fill(HEALTH_PAYER.name);
  await payerDialog.getByLabel('Payer ID').fill(HEALTH_PAYER.payerId);
  await payerDialog.getByLabel('Claim filing indicator').selectOption('CI');
  await payerDialog.getByLabel('Requires the GP modifier on therapy codes').check();
  await payerDialog.getByLabel('Street or PO box').fill(HEALTH_PAYER.address.line1);
  await payerDialog.getByLabel('City').fill(HEALTH_PAYER.address.city);
  await payerDialog.getByLabel('State').fill(HEALTH_PAYER.address.state);
  await payerDialog.getByLabel('ZIP').fill(HEALTH_PAYER.address.zip);
  await payerDialog.getByRole('button', { name: 'Add payer' }).click();
  await payerDialog.waitFor({ state: 'hidden' });
  await visible(page.getByRole('table', { name: 'Payers' }).getByText('GP required'));

  for (const [code, fee] of [
    ['97124', '50'],
    ['97140', '60'],
  ] as const) {
    await page.getByRole('button', { name: `Edit the fees of ${code}` }).click();
    const fees = page.getByRole('dialog', { name: `Fees for ${code}` });
    await fees.getByLabel('Standard fee').fill(fee);
    await fees.getByRole('button', { name: 'Save fees' }).click();
    await fees.waitFor({ state: 'hidden' });
  }
  const feeTable = page.getByRole('table', { name: 'Service codes and fees' });
  await visible(feeTable.getByRole('row', { name: /97140.*\$60\.00/ }));
  // Planted problem 1: the owner treats, but her NPI is not in Set-up › Providers yet.
  await visible(page.getByRole('table', { name: 'Providers' }).getByText('No NPI'));
  await shot(page, 'setup');

  // 4. The client's insurance card, on the client page.
  await page.goto(`${baseUrl}/clients/${marisol.clientId}`);
  await page.getByRole('button', { name: 'Add policy' }).click();
  const policyDialog = page.getByRole('dialog', { name: 'Add an insurance policy' });
  await policyDialog.getByLabel('Member ID').fill('XYZ123456789');
  await policyDialog.getByLabel('Group number').fill('GRP001');
  await policyDialog.getByRole('button', { name: 'Add policy' }).click();
  await policyDialog.waitFor({ state: 'hidden' });
  await visible(page.getByRole('article', { name: /Example Health Plan, Primary policy/ }));

  // 5. To bill: the two signed visits, selected, become a claim (the dialog is worked by keyboard).
  await openBillingTab(page, 'To bill');
  await page.waitForURL(/\/billing\/to-bill$/);
  const marisolSection = page.getByRole('region', { name: `${CLIENT.givenName} ${CLIENT.familyName}` });
  await visible(marisolSection.getByText('Neck pain after a fall'));
  await visible(marisolSection.getByText(/The note is not signed/));
  await expect
    .poll(() =>
      marisolSection
        .getByRole('checkbox', { name: `Select the visit of ${formatCalendarDate(day(-2))}` })
        .isDisabled(),
    )
    .toBe(true);
  await shot(page, 'to-bill');
  for (const date of visitDates) {
    await marisolSection
      .getByRole('checkbox', { name: `Select the visit of ${formatCalendarDate(date)}` })
      .check();
  }
  await marisolSection.getByRole('button', { name: 'Create claim (2 visits)' }).click();
  const claimDialog = page.getByRole('dialog', { name: 'Create a claim' });
  await visible(claimDialog.getByRole('radio', { name: /Example Health Plan — Primary policy/ }));
  await expect
    .poll(() => claimDialog.getByRole('radio', { name: /Example Health Plan/ }).isChecked())
    .toBe(true);
  await tabTo(page, /^Create claim$/);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/billing\/claims\/[0-9a-f-]{36}$/);
  const claimUrl = page.url();
  const claimId = claimUrl.split('/').at(-1)!;

  // 6. The claim check finds the missing NPI; removing GP from line 1 plants the second problem.
  const panel = page.getByRole('region', { name: /^Claim check/ });
  await visible(panel.getByText(/treating therapist's NPI is missing/));
  await page.getByLabel('Modifiers, line 1').fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await visible(panel.getByText(/Line 1 \(97124 on .*\): this payer requires the GP modifier/));
  const problems = panel.getByRole('list', { name: 'Problems found' }).getByRole('listitem');
  // Exactly the two planted errors (a warning about the ICD-10-CM edition may sit below them).
  const errorTexts = async () => (await problems.allTextContents()).filter((t) => t.startsWith('Error:'));
  await expect
    .poll(errorTexts)
    .toEqual([
      expect.stringMatching(/^Error: The treating therapist's NPI is missing\./),
      expect.stringMatching(/^Error: Line 1 .*GP modifier/),
    ]);
  await visible(panel.getByText('2 errors'));
  await shot(page, 'claim-two-problems');
  // The same draft at tablet width: the editable lines fit without a sideways scroll of the page.
  await page.setViewportSize({ width: 768, height: 1024 });
  await visible(page.getByLabel('Modifiers, line 4'));
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await shot(page, 'claim-tablet-draft');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Marking it ready is refused while errors remain (the refusal lists the same problems).
  await page.getByRole('button', { name: 'Mark ready' }).click();
  await visible(page.getByRole('alert').getByText('Not marked ready'));
  await expectRefusal(/\/api\/claims\/[0-9a-f-]{36}\/status\]$/);

  // 7. Fix both in the UI: GP back on line 1 here, the NPI in Set-up › Providers; then check again.
  await page.getByLabel('Modifiers, line 1').fill('GP');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(async () => (await errorTexts()).length).toBe(1);
  await panel.getByRole('link', { name: /Treating therapist's NPI/ }).click();
  await page.waitForURL(/\/billing\/setup/);
  await page.getByRole('button', { name: `Edit the billing IDs of ${owner.name}` }).click();
  const providerDialog = page.getByRole('dialog', { name: `Billing IDs of ${owner.name}` });
  await providerDialog.getByLabel('Individual NPI').fill(THERAPIST_NPI);
  await visible(providerDialog.getByText('Check digit OK'));
  await providerDialog.getByLabel('Licence state').fill('IL');
  await providerDialog.getByRole('button', { name: 'Save' }).click();
  await providerDialog.waitFor({ state: 'hidden' });
  await visible(page.getByRole('table', { name: 'Providers' }).getByText(THERAPIST_NPI));
  await page.goBack();
  await page.waitForURL(claimUrl);
  await panel.getByRole('button', { name: 'Check again' }).click();
  await visible(panel.getByText(/^No (problems found|errors)$/));
  await shot(page, 'claim-clean');

  // 8. Mark ready, reached with the Tab key from the page heading and pressed with Enter.
  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, /^Mark ready$/);
  await page.keyboard.press('Enter');
  await visible(page.getByRole('heading', { level: 1 }).getByText('Ready'));

  // 9. The CMS-1500 PDF and the 837P file.
  const pdf = await download(
    page,
    () => page.getByRole('button', { name: 'CMS-1500 (PDF)' }).click(),
    'billing-cms1500.pdf',
  );
  expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const [form] = await extractPdfPages(pdf.bytes);
  expect(form).toContain(`${CLIENT.familyName.toUpperCase()}, ${CLIENT.givenName.toUpperCase()}`);
  expect(form).toContain('97140');
  const x837 = await download(
    page,
    () => page.getByRole('button', { name: '837P file' }).click(),
    'billing-claim.837p.txt',
  );
  const claimSegments = await parseX12Segments(Buffer.from(x837.bytes).toString('utf8'));
  expect(check837pStructure(claimSegments)).toEqual([]);
  // CLM01 is the control number shown on the page; CLM02 the total charge.
  const clm = claimSegments.find((s) => s.name === 'CLM');
  await visible(page.getByRole('heading', { level: 1, name: new RegExp(`Claim ${el(clm, 1)}`) }));
  expect(el(clm, 2)).toBe('320');

  // 10. Send the ready claims as one batch.
  await openBillingTab(page, 'Claims');
  await page.waitForURL(/\/billing\/claims$/);
  const batch = await download(
    page,
    () => page.getByRole('button', { name: 'Send ready claims (837P)' }).click(),
    'billing-batch.837p.txt',
  );
  expect(batch.fileName).toMatch(/^batch-\d+\.837p\.txt$/);
  const batchSegments = await parseX12Segments(Buffer.from(batch.bytes).toString('utf8'));
  expect(check837pStructure(batchSegments)).toEqual([]);
  expect(batchSegments.filter((s) => s.name === 'CLM')).toHaveLength(1);
  const claimsTable = page.getByRole('table', { name: /Claims, newest first/ });
  await visible(claimsTable.getByText('Submitted'));
  await shot(page, 'claims');

  // 11. The payer's 835: 60% paid, 20% CO-45 written down, 20% PR-2 coinsurance for the client.
  const claim = await api(page, 'GET', `/claims/${claimId}`);
  const money = (cents: number) => (cents / 100).toFixed(2);
  const total = claim.totalChargeCents as number;
  const lineSegments = (claim.lines as any[]).flatMap((line) => [
    `SVC*HC:${line.code}:GP*${money(line.chargeCents)}*${money(line.chargeCents * 0.6)}**${line.units}`,
    `DTM*472*${line.serviceDate.replaceAll('-', '')}`,
    `CAS*CO*45*${money(line.chargeCents * 0.2)}`,
    `CAS*PR*2*${money(line.chargeCents * 0.2)}`,
    `REF*6R*${line.lineControlNumber}`,
  ]);
  const era = build835([
    ...header(money(total * 0.6), 'EFT9001'),
    'LX*1',
    `CLP*${claim.controlNumber}*1*${money(total)}*${money(total * 0.6)}*${money(total * 0.2)}*12*PAYERCLAIM77`,
    `NM1*QC*1*${CLIENT.familyName.toUpperCase()}*${CLIENT.givenName.toUpperCase()}****MI*XYZ123456789`,
    ...lineSegments,
  ]);
  const eraFile = path.join(OUT, 'billing-remittance.835');
  fs.writeFileSync(eraFile, era);
  await page.getByRole('tab', { name: /^Remittances/ }).click();
  await page.waitForURL(/\/billing\/remittances$/);
  await page.locator('input[type="file"]').setInputFiles(eraFile);
  await page.getByRole('button', { name: 'Post remittance' }).click();
  const posted = page.getByRole('region', { name: 'Remittance posted' });
  await visible(posted.getByText('Every line, every claim and the payment total add up.'));
  await visible(posted.getByRole('cell', { name: new RegExp(claim.controlNumber) }));
  await visible(posted.getByText('Paid', { exact: true }));
  await shot(page, 'remittance-result');
  // The same file again is refused, clearly.
  await page.locator('input[type="file"]').setInputFiles(eraFile);
  await page.getByRole('button', { name: 'Post remittance' }).click();
  await visible(page.getByRole('alert').getByText('Already posted'));
  await expectRefusal(/\/api\/remittances\]$/);

  // 12. The client owes the coinsurance: 20% of the charge.
  const coinsurance = `$${money(total * 0.2)}`;
  await page.goto(`${baseUrl}/clients/${marisol.clientId}`);
  const ledger = page.locator('section#ledger');
  const balances = ledger.getByRole('group', { name: 'Balances' });
  await visible(balances.getByText('Client owes'));
  await expect.poll(() => balances.textContent()).toContain(coinsurance);
  await visible(ledger.getByText('Patient responsibility').first());
  await shot(page, 'client-ledger', ledger);

  // 13. A/R aging: the client's coinsurance in the 0–30 days bucket.
  await openBillingTab(page, 'Reports');
  const aging = page.getByRole('region', { name: 'A/R aging' });
  await visible(
    aging.getByRole('row', {
      name: new RegExp(`${CLIENT.givenName} ${CLIENT.familyName}.*\\${coinsurance}`),
    }),
  );
  await visible(aging.locator('.recharts-bar-rectangle').first());
  await shot(page, 'ar-aging');

  // 14. The self-pay client: the visit is charged from To bill, paid at the desk, and the superbill printed.
  await page.getByRole('tab', { name: /^To bill/ }).click();
  const tomaszSection = page.getByRole('region', { name: `${SELF_PAY.givenName} ${SELF_PAY.familyName}` });
  const chargeButton = tomaszSection.getByRole('button', { name: /^Charge the visit of / });
  await expect.poll(() => chargeButton.isEnabled(), { timeout: 20_000 }).toBe(true);
  // The answer is awaited and checked, so a refused charge fails here with its status, not as a timeout.
  const [charged] = await Promise.all([
    page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith('/self-pay-charges'),
      { timeout: 30_000 },
    ),
    chargeButton.click(),
  ]);
  expect(charged.status(), await charged.text()).toBeLessThan(300);
  await visible(tomaszSection.getByText(/^Charged \$160\.00$/), 30_000);
  // The server's queue leaves the charged visit out once refetched; the page keeps showing what was done.
  await page.waitForLoadState('networkidle');
  expect(await tomaszSection.getByText(/^Charged \$160\.00$/).isVisible()).toBe(true);
  await page.goto(`${baseUrl}/clients/${tomasz.clientId}`);
  const selfPayLedger = page.locator('section#ledger');
  await expect
    .poll(() => selfPayLedger.getByRole('group', { name: 'Balances' }).textContent())
    .toContain('$160.00');
  await selfPayLedger.getByRole('button', { name: 'Record payment' }).click();
  const payment = page.getByRole('dialog', { name: /^Record a payment/ });
  await expect.poll(() => payment.getByLabel('Amount received').inputValue()).toBe('$160.00');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await payment.waitFor({ state: 'hidden' });
  await expect
    .poll(() => selfPayLedger.getByRole('group', { name: 'Balances' }).textContent())
    .toMatch(/Client owes\$0\.00/);
  const superbill = await download(
    page,
    () => selfPayLedger.getByRole('button', { name: 'Superbill (PDF)' }).click(),
    'billing-superbill.pdf',
  );
  expect(Buffer.from(superbill.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const superbillText = (await extractPdfPages(superbill.bytes)).join('\n');
  for (const expected of [
    `${SELF_PAY.givenName} ${SELF_PAY.familyName}`,
    '97124',
    '97140',
    'M54.2',
    'Paid in full',
  ])
    expect(superbillText, expected).toContain(expected);

  // 15. The claim page at tablet width: the paid claim, its lines and history fit without overflow.
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto(claimUrl);
  await visible(page.getByRole('heading', { level: 1 }).getByText('Paid'));
  await visible(page.getByText('History'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'claim-tablet-paid');
}
