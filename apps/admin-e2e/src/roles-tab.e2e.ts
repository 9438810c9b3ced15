import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAdminSession } from './support/admin-session.js';
import { screenshot } from './support/browser.js';

const label = (text: string) => new RegExp(`^${text}( \\*)?$`);

// The Roles tab (issue 15): the one place roles are granted. The demo administrator adds a role limited to a
// library, edits it, removes it, and finds each change in History.
describe('the Roles tab', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openAdminSession(inject('baseUrl')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const rolesTable = () => page.getByRole('table', { name: 'Roles' });

  it('adds, edits and removes a role, each recorded in History', async () => {
    await page.goto('/users/new');
    await page.getByRole('radio', { name: 'Staff' }).check();
    await page.getByLabel('Primary identifier').fill('e2e-roles-1');
    await page.getByLabel(label('First name')).fill('Rosa');
    await page.getByLabel(label('Last name')).fill('Rolewright');
    await page.getByLabel('User group').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rolewright, Rosa' }).waitFor();

    await page.getByRole('tab', { name: 'Roles' }).click();
    await page.getByText('No roles: this user can do nothing').waitFor();

    await page.getByRole('button', { name: 'Add role' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add role' });
    await dialog.getByLabel(label('Role')).selectOption({ label: 'Circulation Desk Operator' });
    await dialog.getByLabel('Scope').selectOption({ label: 'Main Library (MAIN)' });
    await dialog.getByLabel('Expiry date').fill('2031-06-30');
    await screenshot(page, 'roles-add-dialog');
    await dialog.getByRole('button', { name: 'Add role' }).click();
    await page.getByText('Role added.').waitFor();
    const row = rolesTable().getByRole('row', { name: /Circulation Desk Operator/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Main Library \(MAIN\).*Active.*Yes/);
    await screenshot(page, 'roles-tab-with-role');

    await page.getByRole('button', { name: 'Edit role Circulation Desk Operator' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit role: Circulation Desk Operator' });
    await edit.getByLabel('Scope').selectOption({ label: 'Institution' });
    await edit.getByLabel('Status').selectOption({ label: 'Inactive' });
    await edit.getByRole('button', { name: 'Save role' }).click();
    await page.getByText('Role saved.').waitFor();
    await rolesTable().getByText('No: the role is inactive').waitFor();
    expect(await row.textContent()).toMatch(/Institution.*Inactive/);
    await screenshot(page, 'roles-tab-edited');

    await page.getByRole('button', { name: 'Remove role Circulation Desk Operator' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this role?' });
    await screenshot(page, 'roles-remove-confirmation');
    await confirm.getByRole('button', { name: 'Remove role' }).click();
    await page.getByText('Role removed.').waitFor();
    await page.getByText('No roles: this user can do nothing').waitFor();

    // The toasts would hide the History table in the picture.
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText('Circulation Desk Operator @ MAIN').first().waitFor();
    await screenshot(page, 'roles-history');
  });

  it('says what is missing in the Add role dialog', async () => {
    await page.goto('/users/new');
    await page.getByRole('radio', { name: 'Staff' }).check();
    await page.getByLabel('Primary identifier').fill('e2e-roles-2');
    await page.getByLabel(label('First name')).fill('Gus');
    await page.getByLabel(label('Last name')).fill('Granted');
    await page.getByLabel('User group').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Granted, Gus' }).waitFor();
    await page.getByRole('tab', { name: 'Roles' }).click();
    await page.getByRole('button', { name: 'Add role' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add role' });
    await dialog.getByRole('button', { name: 'Add role' }).click();
    await dialog
      .getByText(/Role.*required/i)
      .first()
      .waitFor();
    await screenshot(page, 'roles-add-dialog-error');
  });
});
