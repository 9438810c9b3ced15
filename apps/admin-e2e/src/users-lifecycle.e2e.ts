import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot } from './support/browser.js';
import { openAdminSession } from './support/admin-session.js';
import { pageParts } from './support/page-parts.js';

/** A field's label, with or without the required marker. */
const label = (text: string) => new RegExp(`^${text}( \\*)?$`);
// A 1×1 PNG: the server sniffs its type from these bytes, not from the name.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
// Bytes with a zero in them and no known signature: application/octet-stream, which is not allowed.
const binary = Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0xff]);
const statType = { code: 'E2E_DEPT', description: 'E2E Department' };
const statCategory = { code: 'E2E_HIST', description: 'E2E History' };

// One browser session through the lifecycle of a few users: notes, statistics, attachments, account type,
// bulk edit and deletion. Names are unique to this file, so it does not depend on the other files' users.
describe('users lifecycle', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openAdminSession(inject('baseUrl')));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const { mainNav, heading, toast, tab } = pageParts(() => page);

  async function createUser(first: string, last: string, primaryId: string) {
    await page.goto('/users/new');
    await heading('Add user').waitFor();
    await page.getByRole('radio', { name: 'Public' }).check();
    await page.getByLabel('Primary identifier').fill(primaryId);
    await page.getByLabel(label('First name')).fill(first);
    await page.getByLabel(label('Last name')).fill(last);
    await page.getByLabel('User group').selectOption({ label: 'Undergraduate' });
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await heading(`${last}, ${first}`).waitFor();
  }

  async function searchByName(name: string) {
    await mainNav().getByRole('link', { name: 'Find and Manage Users' }).click();
    await heading('Find and Manage Users').waitFor();
    const search = page.getByRole('search', { name: 'Find users' });
    await search.getByLabel('Search by').selectOption('name');
    await search.getByLabel('Search users').fill(name);
    await search.getByRole('button', { name: 'Search' }).click();
  }

  it('opens User Details at its own address with Find and Manage Users highlighted', async () => {
    await createUser('Nora', 'Lifecycle', 'e2e-life-nora');
    expect(new URL(page.url()).pathname).toMatch(/^\/users\/[0-9a-f-]{36}$/);
    const current = mainNav().locator('[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toBe('Find and Manage Users');
    // Add user is reached from the list, not the navigation.
    expect(await mainNav().getByRole('link', { name: 'Add user' }).count()).toBe(0);
  });

  it('adds a note and sees it in the History', async () => {
    await tab('Notes').click();
    await page.getByRole('button', { name: 'Add note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add note' });
    await dialog.getByLabel(label('Note')).fill('Prefers email reminders.');
    await dialog.getByLabel('Type').selectOption({ label: 'Circulation' });
    await dialog.getByRole('checkbox', { name: 'User viewable' }).check();
    await screenshot(page, 'users-note-dialog');
    await dialog.getByRole('button', { name: 'Add and close' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'Prefers email reminders.' });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: 'Circulation', exact: true }).count()).toBe(1);
    await screenshot(page, 'users-notes');

    await tab('History').click();
    const entry = page.getByRole('row').filter({ hasText: 'Prefers email reminders.' });
    await entry.waitFor();
    expect(await entry.getByRole('cell', { name: 'Notes', exact: true }).count()).toBe(1);
    await page.getByLabel('Filter by field').selectOption({ label: 'Blocks' });
    await page.getByText('No changes to this field.').waitFor();
    await page.getByLabel('Filter by field').selectOption({ label: 'Notes' });
    await entry.waitFor();
    await screenshot(page, 'users-history');
  });

  it('adds a statistic from the statistical code tables', async () => {
    const userUrl = new URL(page.url()).pathname;
    await mainNav().getByRole('link', { name: 'User configuration' }).click();
    await heading('User configuration').waitFor();
    for (const [table, entry] of [
      ['Statistical category types', statType],
      ['Statistical categories', statCategory],
    ] as const) {
      await page.getByLabel('Code table', { exact: true }).selectOption({ label: table });
      await page.getByRole('button', { name: 'Add entry' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(label('Code')).fill(entry.code);
      await dialog.getByLabel(label('Description')).fill(entry.description);
      await dialog.getByRole('button', { name: 'Save entry' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('row').filter({ hasText: entry.code }).waitFor();
    }

    await page.goto(`${userUrl}?tab=statistics`);
    await tab('Statistics').waitFor();
    await page.getByRole('button', { name: 'Add statistic' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add statistic' });
    await dialog.getByLabel(label('Category type')).selectOption({ label: statType.description });
    await dialog.getByLabel(label('Category')).selectOption({ label: statCategory.description });
    await dialog.getByLabel('Note').fill('Declared major');
    await dialog.getByRole('button', { name: 'Add statistic' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: statCategory.description });
    await row.waitFor();
    expect(await row.textContent()).toContain(statType.description);
    await screenshot(page, 'users-statistics');
  });

  it('uploads an attachment and shows the type the server read from it', async () => {
    await tab('Attachments').click();
    await page.getByRole('button', { name: 'Upload attachment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload attachment' });
    await dialog
      .getByLabel(label('File'))
      .setInputFiles({ name: 'library-card.txt', mimeType: 'text/plain', buffer: png });
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'library-card.txt' });
    await row.waitFor();
    // Named .txt, sent as text/plain, but the bytes are a PNG.
    expect(await row.getByRole('cell', { name: 'image/png', exact: true }).count()).toBe(1);
    await screenshot(page, 'users-attachments');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: 'Download library-card.txt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('library-card.txt');

    await page.getByRole('button', { name: 'Upload attachment' }).click();
    await dialog
      .getByLabel(label('File'))
      .setInputFiles({ name: 'data.bin', mimeType: 'application/octet-stream', buffer: binary });
    await dialog.getByRole('button', { name: 'Upload' }).click();
    const error = dialog.locator('.ui-field__error');
    await error.waitFor();
    expect(await error.textContent()).toContain('application/octet-stream are not allowed');
    await screenshot(page, 'users-attachment-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('toggles the account type to external and back', async () => {
    await tab('General information').click();
    const badges = page.getByRole('list', { name: 'Record' });
    await page.getByRole('button', { name: 'Toggle account type' }).click();
    const toExternal = page.getByRole('dialog', { name: 'Make this user external?' });
    expect(await toExternal.textContent()).toContain('SIS_temp');
    await screenshot(page, 'users-toggle-confirm');
    await toExternal.getByRole('button', { name: 'Make external' }).click();
    await toExternal.waitFor({ state: 'detached' });
    await badges.getByText('External', { exact: true }).waitFor();
    await toast(/is now external/).waitFor();
    await screenshot(page, 'users-toggled-external');

    // A protected field changed locally keeps the SIS value beside it, and can go back to it.
    await page.getByLabel('User group').selectOption({ label: 'Graduate' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await toast('General information saved.').waitFor();
    const revert = page.getByRole('button', { name: 'Revert User group to original value' });
    await revert.waitFor();
    await screenshot(page, 'users-override');
    await revert.click();
    await toast('User group reverted to the SIS value.').waitFor();
    await revert.waitFor({ state: 'detached' });
    expect(await page.getByLabel('User group').inputValue()).toBe('UNDERGRAD');

    await page.getByRole('button', { name: 'Toggle account type' }).click();
    const toInternal = page.getByRole('dialog', { name: 'Make this user internal?' });
    await toInternal.getByRole('button', { name: 'Make internal' }).click();
    await toInternal.waitFor({ state: 'detached' });
    await badges.getByText('Internal', { exact: true }).waitFor();
  });

  it('deletes a user from its details after a confirmation', async () => {
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Lifecycle, Nora?' });
    await screenshot(page, 'users-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete user' }).click();
    await heading('Find and Manage Users').waitFor();
    await toast('Lifecycle, Nora was deleted.').waitFor();
    await searchByName('Lifecycle');
    await page.getByText('No users match “Lifecycle”.').waitFor();
    await screenshot(page, 'users-deleted');
  });

  it('bulk edits the user group of a searched set and reports it on the Jobs page', async () => {
    await createUser('Ann', 'Bulkington', 'e2e-bulk-ann');
    await createUser('Bo', 'Bulkington', 'e2e-bulk-bo');
    await searchByName('Bulkington');
    await page.getByText('Rows 1–2 of 2').waitFor();
    await page.getByRole('button', { name: 'Bulk edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bulk edit users' });
    expect(await dialog.textContent()).toContain('all 2 users');
    await dialog.getByLabel('Field to change').selectOption('userGroup');
    await dialog.getByLabel(label('New user group')).selectOption({ label: 'Graduate' });
    await screenshot(page, 'users-bulk-edit');
    await dialog.getByRole('button', { name: 'Start bulk edit' }).click();

    // The Jobs page opens on the job's report, a modal dialog: the page behind it is hidden until it closes.
    const report = page.getByRole('dialog', { name: 'Bulk edit users', exact: true });
    await report.getByText('Succeeded', { exact: true }).waitFor({ timeout: 20_000 });
    await report.getByText('Every matched user was updated.').waitFor();
    expect(await report.locator('.users-job-report__totals').textContent()).toBe('Matched2Updated2Failed0');
    await screenshot(page, 'users-jobs-bulk-edit-report');
    await report.getByRole('button', { name: 'Close' }).click();
    await report.waitFor({ state: 'detached' });
    await heading('Jobs').waitFor();
    expect(await mainNav().locator('[aria-current="page"]').textContent()).toBe('Jobs');
    await page.getByRole('row').filter({ hasText: 'Bulk edit users' }).first().getByText('Succeeded').waitFor();
    await screenshot(page, 'users-jobs');

    await searchByName('Bulkington');
    await page.getByText('Rows 1–2 of 2').waitFor();
    for (const primaryId of ['e2e-bulk-ann', 'e2e-bulk-bo']) {
      await page
        .getByRole('row')
        .filter({ hasText: primaryId })
        .getByRole('cell', { name: 'Graduate', exact: true })
        .waitFor();
    }
  });

  it('deletes a user from the list row action', async () => {
    await page
      .getByRole('row')
      .filter({ hasText: 'e2e-bulk-bo' })
      .getByRole('button', { name: 'Actions for Bulkington, Bo' })
      .click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Bulkington, Bo?' });
    await dialog.getByRole('button', { name: 'Delete user' }).click();
    await dialog.waitFor({ state: 'detached' });
    await toast('Bulkington, Bo was deleted.').waitFor();
    await page.getByText('Rows 1–1 of 1').waitFor();
  });

  it('runs a purge from the Jobs page after a confirmation', async () => {
    await mainNav().getByRole('link', { name: 'Jobs' }).click();
    await heading('Jobs').waitFor();
    await page.getByRole('button', { name: 'Purge users now' }).click();
    const confirm = page.getByRole('dialog', { name: 'Purge users now?' });
    await confirm.getByRole('button', { name: 'Purge users' }).click();
    const report = page.getByRole('dialog', { name: 'Purge users', exact: true });
    await report.getByText('Succeeded', { exact: true }).waitFor({ timeout: 30_000 });
    await report.getByRole('heading', { name: /Deleted/ }).waitFor();
    await report.getByRole('heading', { name: /Skipped/ }).waitFor();
    await screenshot(page, 'users-jobs-purge-report');
  });
});
