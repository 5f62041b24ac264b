import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from './e2e-support.js';

/**
 * The end-to-end path in Debian's chromium against a real Palpa process:
 * setup → sign in → add a client → find it misspelt → edit → stale edit in a second tab → sign out.
 * Screenshots of each main page land in test-output/screenshots at tablet width (768 px).
 */
let e2e: E2e;
let baseUrl = '';
const newPage = (width?: number, height?: number) => e2e.newPage(width, height);
const shot = (page: Page, name: string) => e2e.shot(page, name);

beforeAll(async () => {
  e2e = await startE2e();
  baseUrl = e2e.baseUrl;
});

afterAll(async () => {
  await e2e?.stop();
});

describe('a therapist sets Palpa up and manages clients in the browser', () => {
  const owner = { name: 'Ana Silva', email: 'ana@riverside.example', password: 'calm river stones 42' };

  it('walks the whole path at tablet width', async () => {
    const page = await newPage();

    // First visit: the setup page.
    await page.goto(baseUrl);
    await page.waitForURL(/\/setup$/);
    await expect.poll(() => page.title()).toMatch(/Palpa/);
    await shot(page, '01-setup');
    await page.getByLabel('Clinic name').fill('Riverside Medical Massage');
    await page.getByLabel('Your name').fill(owner.name);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel(/^Password/).fill(owner.password);
    await page.getByRole('button', { name: 'Create clinic' }).click();
    await page.waitForURL(/\/clients$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Clients/);

    // Setup is gone for good.
    await page.goto(`${baseUrl}/setup`);
    await expect.poll(() => new URL(page.url()).pathname).not.toBe('/setup');

    // Sign out and back in, by keyboard only.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await shot(page, '02-sign-in');
    await page.getByLabel('Email').focus();
    await page.keyboard.type(owner.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(owner.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/clients$/);

    // Add a client.
    await page.getByRole('link', { name: 'New client' }).click();
    await page.getByLabel('Given name').fill('Margaret');
    await page.getByLabel('Family name').fill('Smith');
    await page.getByLabel('Date of birth').fill('1972-05-09');
    await page.getByLabel('Phone').fill('(555) 867-5309');
    await shot(page, '03-new-client');
    await page.getByRole('button', { name: 'Save client' }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    const clientUrl = page.url();
    const loaded = (tab: Page) => expect.poll(() => tab.getByText(/Last changed by/).isVisible()).toBe(true);
    await loaded(page);

    // A future date of birth is refused with a message on the field.
    await page.getByLabel('Date of birth').fill('2099-01-01');
    await page.getByRole('button', { name: 'Save client' }).click();
    await page.waitForTimeout(500);
    await shot(page, '03b-invalid-date-of-birth');
    await expect
      .poll(() => page.getByText('Date of birth cannot be in the future.').first().isVisible())
      .toBe(true);
    await page.getByRole('button', { name: 'Discard changes' }).click();

    // Find the client with a misspelt name.
    await page.goto(`${baseUrl}/clients`);
    await page.getByLabel('Search clients').fill('Margret Smiht');
    const result = page.getByRole('link', { name: /Margaret Smith/ });
    await expect.poll(() => result.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await shot(page, '04-clients-search');
    await result.first().click();
    await page.waitForURL(clientUrl);
    await loaded(page);

    // Edit it.
    await page.getByLabel('Pronouns').fill('she/her');
    await page.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => page.getByText(/Last changed by Ana Silva/).isVisible()).toBe(true);
    await shot(page, '05-client');

    // A second tab edits the same client; the first tab's stale save gets the conflict message.
    const secondTab = await page.context().newPage();
    await secondTab.goto(clientUrl);
    await loaded(secondTab);
    await secondTab.getByLabel('Notes').fill('Prefers afternoon appointments.');
    await secondTab.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => secondTab.getByText(/Last changed by/).isVisible()).toBe(true);
    await page.getByLabel('Pronouns').fill('they/them');
    await page.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => page.getByText(/This client was changed by Ana Silva/).isVisible()).toBe(true);
    await shot(page, '06-conflict');
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.getByLabel('Notes').inputValue()).toBe('Prefers afternoon appointments.');
    await secondTab.close();

    // The other main pages render.
    for (const [route, heading, name] of [
      ['/staff', /Staff/, '07-staff'],
      ['/audit', /Audit/, '08-audit'],
      ['/account', /account/i, '09-account'],
    ] as const) {
      await page.goto(`${baseUrl}${route}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(heading);
      await shot(page, name);
    }

    // Sign out: protected pages send you back to sign in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(clientUrl);
    await page.waitForURL(/\/login/);

    // Nothing the Content-Security-Policy blocked and no script errors (the 409 and the signed-out 401s are expected).
    expect(e2e.consoleProblems.filter((text) => !/status of (401|409)/.test(text))).toEqual([]);
  });

  it('labels every form field on the main pages', async () => {
    const page = await newPage(1280, 800);
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel(/^Password/).fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/clients$/);
    for (const route of ['/clients', '/clients/new', '/staff', '/account']) {
      await page.goto(`${baseUrl}${route}`);
      await page.waitForLoadState('networkidle');
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
          .filter((el) => {
            const input = el as HTMLInputElement;
            const byLabel = input.labels && input.labels.length > 0;
            return !byLabel && !input.getAttribute('aria-label') && !input.getAttribute('aria-labelledby');
          })
          .map((el) => el.outerHTML.slice(0, 120)),
      );
      expect(unlabelled, route).toEqual([]);
    }
    await shot(page, '10-account-desktop');
  });
});
