import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot } from './support/browser.js';
import { openAdminSession } from './support/admin-session.js';
import { pageParts } from './support/page-parts.js';

// Codes of this test only, so the run does not depend on (or clash with) the demo seed's code tables.
const groups = [
  { code: 'E2E_UNDERGRAD', description: 'E2E Undergraduate' },
  { code: 'E2E_GRAD', description: 'E2E Graduate' },
];
const barcodeType = { code: 'E2E_BARCODE', description: 'E2E Barcode' };
// The server shows names as "Last, First".
const fullName = 'Quillfeather, Ada';
/** A field's label, with or without the required marker. */
const label = (text: string) => new RegExp(`^${text}( \\*)?$`);
const person = {
  first: 'Ada',
  last: 'Quillfeather',
  primaryId: 'e2e-ada-q',
  barcode: 'E2E-BC-0001',
  birth: '1991-04-12',
};

describe('users screens', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openAdminSession(inject('baseUrl')));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const { mainNav, heading, toast } = pageParts(() => page);

  async function addCodeTableEntry(table: string, entry: { code: string; description: string }, recordType?: string) {
    await page.getByLabel('Code table', { exact: true }).selectOption({ label: table });
    await page.getByRole('button', { name: 'Add entry' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(label('Code')).fill(entry.code);
    await dialog.getByLabel(label('Description')).fill(entry.description);
    if (recordType) await dialog.getByRole('checkbox', { name: recordType }).check();
    await dialog.getByRole('button', { name: 'Save entry' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: entry.code }).waitFor();
  }

  it('adds code-table entries on the configuration screen', async () => {
    await mainNav().getByRole('link', { name: 'User configuration' }).click();
    await heading('User configuration').waitFor();
    for (const group of groups) await addCodeTableEntry('User groups', group, 'Public');
    await addCodeTableEntry('Identifier types', barcodeType);
    await screenshot(page, 'users-code-tables');
  });

  async function fillNewPublicUser(values: { first: string; last: string; primaryId: string; birth: string }) {
    // A fresh form each time (the link keeps an open form as it is).
    await page.goto('/users/new');
    await heading('Add user').waitFor();
    await page.getByRole('radio', { name: 'Public' }).check();
    await page.getByLabel('Primary identifier').fill(values.primaryId);
    await page.getByLabel(label('First name')).fill(values.first);
    await page.getByLabel(label('Last name')).fill(values.last);
    await page.getByLabel('User group').selectOption({ label: groups[0]?.description ?? '' });
    await page.getByLabel('Birth date').fill(values.birth);
  }

  it('refuses a bad email with the message beside the field', async () => {
    await fillNewPublicUser({ ...person, primaryId: 'e2e-bad-email' });
    const email = page.getByRole('group', { name: 'Email' });
    await email.getByLabel('Email address').fill('not-an-email');
    await email.getByRole('checkbox', { name: 'Personal' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const field = email.locator('.ui-field').filter({ has: page.getByLabel('Email address') });
    await field.locator('.ui-field__error').waitFor();
    expect(await email.getByLabel('Email address').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'users-add-invalid-email');
  });

  it('creates a user through Quick User Management and continues to the details', async () => {
    await fillNewPublicUser(person);
    const email = page.getByRole('group', { name: 'Email' });
    await email.getByLabel('Email address').fill('ada.quillfeather@example.org');
    await email.getByRole('checkbox', { name: 'Personal' }).check();
    await page.getByLabel('Identifier type').selectOption({ label: barcodeType.description });
    await page.getByLabel('Identifier value').fill(person.barcode);
    await screenshot(page, 'users-add-form');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await heading(fullName).waitFor();
    await toast(/was added/).waitFor();
    await screenshot(page, 'users-details-general');
  });

  it('warns about a possible duplicate and saves anyway when asked', async () => {
    await fillNewPublicUser({ ...person, primaryId: 'e2e-ada-q-2' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Possible duplicate users' });
    await dialog.waitFor();
    expect(await dialog.getByRole('link', { name: fullName }).count()).toBeGreaterThan(0);
    await screenshot(page, 'users-duplicate-warning');
    await dialog.getByRole('button', { name: 'Save anyway' }).click();
    await heading('Find and Manage Users').waitFor();
    await toast(/was added/).waitFor();
  });

  it('finds the user by name and by identifier', async () => {
    await mainNav().getByRole('link', { name: 'Find and Manage Users' }).click();
    await heading('Find and Manage Users').waitFor();
    const search = page.getByRole('search', { name: 'Find users' });
    await search.getByLabel('Search by').selectOption('name');
    await search.getByLabel('Search users').fill(person.last);
    await search.getByRole('button', { name: 'Search' }).click();
    // The user and the duplicate saved anyway share the name.
    await page.getByText('Rows 1–2 of 2').waitFor();
    await screenshot(page, 'users-find-by-name');

    await search.getByLabel('Search by').selectOption('identifier');
    await search.getByLabel('Search users').fill(person.barcode);
    await search.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Rows 1–1 of 1').waitFor();
    const row = page.getByRole('row').filter({ hasText: person.primaryId });
    await row.waitFor();
    await screenshot(page, 'users-find-by-identifier');
    await row.getByRole('button', { name: `Actions for ${fullName}` }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await heading(fullName).waitFor();
  });

  it('changes the user group and adds an email', async () => {
    await page.getByLabel('User group').selectOption({ label: groups[1]?.description ?? '' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await toast('General information saved.').waitFor();
    expect(await page.getByLabel('User group').inputValue()).toBe(groups[1]?.code);

    await page.getByRole('tab', { name: 'Contact information' }).click();
    await page.getByRole('button', { name: 'Add email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add email' });
    await dialog.getByLabel('Email address').fill('ada@work.example.org');
    await dialog.getByRole('checkbox', { name: 'Work' }).check();
    await dialog.getByRole('button', { name: 'Save email' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'ada@work.example.org' }).waitFor();
    await screenshot(page, 'users-details-contact');

    await page.getByRole('tab', { name: 'Identifiers' }).click();
    await page.getByRole('cell', { name: person.barcode }).waitFor();
    await screenshot(page, 'users-details-identifiers');
  });

  it('refuses a duplicate identifier beside the field', async () => {
    await page.goto('/users/new');
    await heading('Add user').waitFor();
    await page.getByRole('radio', { name: 'Public' }).check();
    await page.getByLabel('Primary identifier').fill('e2e-other');
    await page.getByLabel(label('First name')).fill('Other');
    await page.getByLabel(label('Last name')).fill('Person');
    await page.getByLabel('User group').selectOption({ label: groups[0]?.description ?? '' });
    await page.getByLabel('Identifier type').selectOption({ label: barcodeType.description });
    await page.getByLabel('Identifier value').fill(person.barcode);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const value = page.locator('.ui-field').filter({ has: page.getByLabel('Identifier value') });
    await value.locator('.ui-field__error').waitFor();
    await screenshot(page, 'users-add-duplicate-identifier');
  });
});
