import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAdminSession } from './support/admin-session.js';
import { screenshot } from './support/browser.js';

const label = (text: string) => new RegExp(`^${text}( \\*)?$`);

// Two staff members have the same user open; the one who saves second is told, and sees the first one's change.
describe('no lost update in the admin app', () => {
  let browser: Browser;
  let first: Page;
  let second: Page;

  beforeAll(async () => {
    ({ browser, page: first } = await openAdminSession(inject('baseUrl')));
    second = await first.context().newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a save over a change made meanwhile, says so and shows the current record', async () => {
    await first.goto('/users/new');
    await first.getByRole('radio', { name: 'Public' }).check();
    await first.getByLabel('Primary identifier').fill('e2e-version-1');
    await first.getByLabel(label('First name')).fill('Ada');
    await first.getByLabel(label('Last name')).fill('Versioned');
    await first.getByLabel('User group').selectOption({ label: 'Undergraduate' });
    await first.getByRole('button', { name: 'Save and continue' }).click();
    await first.getByRole('heading', { level: 1, name: 'Versioned, Ada' }).waitFor();

    await second.goto(first.url());
    await second.getByRole('heading', { level: 1, name: 'Versioned, Ada' }).waitFor();
    await second.getByLabel(label('First name')).fill('Augusta');
    await second.getByRole('button', { name: 'Save', exact: true }).click();
    await second.getByRole('heading', { level: 1, name: 'Versioned, Augusta' }).waitFor();

    await first.getByLabel(label('Last name')).fill('King');
    await first.getByRole('button', { name: 'Save', exact: true }).click();
    await first
      .getByText(/changed by someone else since you opened it/)
      .first()
      .waitFor();
    await first.getByRole('heading', { level: 1, name: 'Versioned, Augusta' }).waitFor();
    expect(await first.getByLabel(label('First name')).inputValue()).toBe('Augusta');
    expect(await first.getByLabel(label('Last name')).inputValue()).toBe('Versioned');
    await screenshot(first, 'users-changed-by-someone-else');
  });
});
