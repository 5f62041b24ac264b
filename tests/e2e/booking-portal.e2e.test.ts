import type { Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillClinicSetup, startE2e, visible, type E2e } from './e2e-support.js';

/**
 * Issue 7's public booking page and client portal in chromium. The owner sets up working hours, an online
 * 60-minute service, a bio and the booking page in the calendar settings. A new client books on the public
 * page in a fresh browser context, opens the portal invitation that waits in the outbox (no SMTP), sets a
 * password, sees the visit and fills the intake with a blood thinner; the owner then sees the intake under
 * "Completed by client" with its alert. Screenshots: test-output/screenshots/booking-*.png, portal-*.png.
 */
let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
});

afterAll(async () => {
  await e2e?.stop();
});

const owner = { name: 'Ana Silva', email: 'ana@riverside.example', password: 'calm river stones 42' };
const client = {
  givenName: 'Lucía',
  familyName: 'Fernández',
  dateOfBirth: '1986-09-14',
  email: 'lucia.fernandez@example.com',
  phone: '(555) 201-8890',
};
const SLUG = 'riverside';
/** The visit is booked on the first working day at least three days ahead. */
const earliest = DateTime.now().plus({ days: 3 }).toISODate();

describe('a new client books online and fills the intake in the portal', () => {
  it(
    'walks issue 7 items 9 and 10 from the booking page to the therapist',
    { timeout: 300_000 },
    async () => {
      const staff = await e2e.newPage(1280, 900);
      staff.setDefaultTimeout(15_000);
      let current = staff;
      try {
        await walk(staff, (page) => (current = page));
      } catch (error) {
        await e2e.shot(current, 'booking-portal-failure').catch(() => undefined);
        throw error;
      }
      expect(e2e.consoleProblems).toEqual([]);
    },
  );
});

async function api(page: Page, method: 'GET' | 'POST', url: string, data?: unknown) {
  const response = await page.request.fetch(`${e2e.baseUrl}/api${url}`, {
    method,
    ...(data === undefined ? {} : { data }),
  });
  const body: any = await response.json().catch(() => null);
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${JSON.stringify(body)}`);
  return body;
}

/** A screenshot without notifications in the way. */
async function shot(page: Page, name: string) {
  await page.mouse.move(2, (page.viewportSize()?.height ?? 900) - 2);
  const close = page.locator('.mantine-Notification-closeButton');
  for (let i = 0; i < 10 && (await close.count()) > 0; i++)
    await close
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
  await e2e.shot(page, name);
}

async function walk(staff: Page, track: (page: Page) => void) {
  const { baseUrl } = e2e;

  // 1. The clinic and its owner.
  await fillClinicSetup(staff, baseUrl, owner);
  await staff.getByRole('button', { name: 'Create clinic' }).click();
  await staff.waitForURL(/\/clients$/);
  for (const problem of e2e.consoleProblems.splice(0))
    expect(problem).toMatch(/status of 401 .*\/api\/auth\/session\]$/);

  // 2. Calendar settings: working hours every weekday 09:00–17:00, a 60-minute service bookable online,
  // a bio, and the booking page on at /book/riverside.
  await staff.goto(`${baseUrl}/calendar/settings`);
  const hours = staff.getByRole('form', { name: `Working hours of ${owner.name}` });
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
    await hours.getByRole('button', { name: `Add hours on ${day}` }).click();
  await hours.getByRole('button', { name: 'Save working hours' }).click();
  await visible(staff.getByText(`Working hours of ${owner.name} saved.`));

  await staff.getByRole('button', { name: 'Add service' }).click();
  const serviceForm = staff.getByRole('form', { name: 'Add a service' });
  await serviceForm.getByLabel('Name').fill('Medical massage 60');
  await serviceForm
    .getByLabel('Description')
    .fill('Assessment and treatment of one area, with home care advice.');
  await serviceForm.getByLabel('Length (minutes)').fill('60');
  await serviceForm.getByLabel('Price ($)').fill('95');
  await serviceForm.getByLabel('Bookable online').check();
  await serviceForm.getByRole('button', { name: 'Save service' }).click();
  await visible(staff.getByRole('table', { name: 'Services' }).getByText('Medical massage 60'));

  const profile = staff.getByRole('form', { name: `Booking page profile of ${owner.name}` });
  await profile
    .getByLabel('Bio')
    .fill('Licensed massage therapist since 2012. I treat neck and back pain after car accidents and falls.');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await visible(staff.getByText(`Profile of ${owner.name} saved.`));

  const bookingPage = staff.getByRole('form', { name: 'Online booking page' });
  await bookingPage.getByRole('switch', { name: 'Booking page on' }).check({ force: true });
  await bookingPage.getByLabel('Page address').fill(SLUG);
  await bookingPage.getByLabel('Clinic phone (shown on the page)').fill('(555) 010-2040');
  await bookingPage
    .getByLabel('Clinic address (shown on the page)')
    .fill('12 River Road\nSpringfield, IL 62701');
  await bookingPage.getByRole('button', { name: 'Save booking page' }).click();
  await visible(bookingPage.getByRole('link', { name: new RegExp(`/book/${SLUG}`) }));
  await shot(staff, 'booking-01-settings');

  // 3. A new client, in a fresh browser context, books on the public page.
  const visitor = await e2e.newPage(1280, 900);
  visitor.setDefaultTimeout(15_000);
  track(visitor);
  await visitor.goto(`${baseUrl}/book/${SLUG}`);
  await visible(visitor.getByRole('heading', { name: 'Riverside Medical Massage', level: 1 }));
  await visible(visitor.getByText(/Licensed massage therapist since 2012/));
  const service = visitor.getByRole('radio', { name: /Medical massage 60/ });
  await expect.poll(() => service.isChecked()).toBe(true);
  const days = visitor.getByRole('group', { name: 'Days' }).locator('button[data-date]:not([disabled])');
  await visible(days);
  const dates = await days.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-date')!));
  const day = dates.find((d) => d >= earliest)!;
  expect(day).toBeTruthy();
  await visitor.locator(`button[data-date="${day}"]`).click();
  const times = visitor.getByRole('group', { name: /^Free times on/ });
  await visible(times);
  await times.getByRole('button').first().click();
  await visible(visitor.getByRole('heading', { name: /Your details/ }));
  await shot(visitor, 'booking-02-page-1280');

  await visitor.getByLabel('First name').fill(client.givenName);
  await visitor.getByLabel('Last name').fill(client.familyName);
  await visitor.getByLabel('Date of birth').fill(client.dateOfBirth);
  await visitor.getByLabel('Phone').fill(client.phone);
  await visitor.getByLabel('Email').fill(client.email);
  await visitor.getByLabel(/Reason for the visit/).fill('Neck pain since a fall on the stairs.');
  // The honeypot stays out of the way of people and keyboards.
  const honeypot = visitor.locator('input[name="website"]');
  await expect(honeypot.getAttribute('tabindex')).resolves.toBe('-1');
  await expect(honeypot.isVisible()).resolves.toBe(true); // present for robots, clipped to 1px for people
  await visitor.getByRole('button', { name: 'Book this time' }).click();
  await visible(visitor.getByRole('heading', { name: 'You are booked' }));
  await visible(visitor.getByText(/Medical massage 60 with Ana Silva/));
  await shot(visitor, 'booking-03-booked-1280');

  await visitor.setViewportSize({ width: 768, height: 1024 });
  await visitor.goto(`${baseUrl}/book/${SLUG}`);
  await visible(visitor.getByRole('group', { name: /^Free times on/ }));
  await shot(visitor, 'booking-04-page-768');
  await visitor.setViewportSize({ width: 390, height: 844 });
  await shot(visitor, 'booking-05-page-390');

  // 4. The portal invitation waits in the outbox (no SMTP): the owner reads its link.
  const outbox = await api(staff, 'GET', '/outbox');
  const invitation = (outbox.items as { to: string; body: string }[]).find(
    (m) => m.to === client.email && /\/portal\/accept\//.test(m.body),
  );
  expect(invitation, JSON.stringify(outbox.items.map((m: any) => [m.to, m.kind]))).toBeTruthy();
  const acceptPath = /\/portal\/accept\/[A-Za-z0-9_-]+/.exec(invitation!.body)![0];
  // Staff see the same messages on the Messages page, held because no email server is set up.
  await staff.goto(`${baseUrl}/messages`);
  await visible(staff.getByText('No email server is set up'));
  await staff
    .getByRole('button', { name: /Your client portal at/ })
    .first()
    .click();
  await visible(staff.getByText(/health history form/).first());
  await shot(staff, 'messages-01-outbox');

  // 5. The client sets a password and lands in the portal with the visit upcoming.
  await visitor.setViewportSize({ width: 1280, height: 900 });
  await visitor.goto(`${baseUrl}${acceptPath}`);
  await visitor.getByLabel('New password').fill('sunny porch swing 77');
  await visitor.getByLabel('Repeat the password').fill('sunny porch swing 77');
  await visitor.getByRole('button', { name: 'Set password and continue' }).click();
  await visitor.waitForURL(/\/portal$/);
  await visible(visitor.getByText('Riverside Medical Massage').first());
  const upcoming = visitor.getByRole('region', { name: 'Upcoming' });
  await visible(upcoming.getByText(/Medical massage 60 with Ana Silva/));
  await visible(upcoming.getByRole('button', { name: /^Cancel the visit on/ }));
  await shot(visitor, 'portal-01-appointments-1280');

  // 6. The intake, with a blood thinner.
  await visitor
    .getByRole('navigation', { name: 'Portal sections' })
    .getByRole('link', { name: 'Forms' })
    .click();
  await visitor.waitForURL(/\/portal\/forms$/);
  await visitor.getByRole('button', { name: 'Fill in the health history' }).click();
  const intake = visitor.getByRole('form', { name: 'Health history' });
  await intake
    .getByRole('group', { name: 'Concern 1' })
    .getByLabel('In your words')
    .fill('Neck pain and stiffness');
  await intake.getByRole('group', { name: 'Concern 1' }).getByLabel('Where on the body').fill('neck');
  await intake.getByRole('button', { name: 'Add a medication' }).click();
  await intake.getByRole('group', { name: 'Medication 1' }).getByLabel('Name and dose').fill('Warfarin 5 mg');
  await intake
    .getByRole('group', { name: 'Medication 1' })
    .getByLabel('What it is for')
    .fill('Atrial fibrillation');
  await intake
    .getByLabel('What would you like to be able to do again?')
    .fill('Turn my head to drive without pain.');
  await shot(visitor, 'portal-02-intake-1280');
  await intake.getByRole('button', { name: 'Send to my therapist' }).click();
  await visible(visitor.getByText(/Sent to your therapist/));
  await shot(visitor, 'portal-03-forms-sent-1280');

  await visitor.setViewportSize({ width: 768, height: 1024 });
  await visitor
    .getByRole('navigation', { name: 'Portal sections' })
    .getByRole('link', { name: 'Appointments' })
    .click();
  await visible(visitor.getByRole('region', { name: 'Upcoming' }).getByText(/Medical massage 60/));
  await shot(visitor, 'portal-04-appointments-768');
  await visitor
    .getByRole('navigation', { name: 'Portal sections' })
    .getByRole('link', { name: 'Book' })
    .click();
  await visible(visitor.getByRole('group', { name: /^Free times on/ }));
  await shot(visitor, 'portal-05-book-768');

  // 7. The therapist sees the intake under "Completed by client", with the blood-thinner alert.
  const found = await api(staff, 'GET', `/clients?q=${encodeURIComponent(client.familyName)}`);
  const clientId = (found.items as { id: string }[])[0]!.id;
  await staff.goto(`${baseUrl}/clients/${clientId}`);
  const completed = staff.locator('section', {
    has: staff.getByRole('heading', { name: 'Completed by client' }),
  });
  await visible(completed.getByText('Health history (intake)'));
  await visible(completed.getByText('Blood-thinning medication'));
  await shot(staff, 'portal-06-staff-completed-by-client');
  await completed.getByRole('button', { name: 'Reviewed' }).click();
  await visible(completed.getByText(/reviewed/));
}
