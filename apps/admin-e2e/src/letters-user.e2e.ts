import { startSmtpSink, type SmtpSink } from '@ulms/letters/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAdminSession } from './support/admin-session.js';
import { screenshot } from './support/browser.js';
import { pageParts } from './support/page-parts.js';

const fromAddress = 'library@demo-university.example.org';

/** Configures DEMO's letters module through the app's own tRPC, as the signed-in administrator. */
async function configureLetters(page: Page, config: Record<string, unknown>): Promise<void> {
  const status = await page.evaluate(
    async (input) => {
      const response = await fetch('/trpc/platform.modules.configure', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: input }),
      });
      return response.status;
    },
    { moduleId: 'letters', config },
  );
  expect(status).toBe(200);
}

// The letters module's screens on a user and on Find and Manage Users (issue 19), on the demo: DEMO sends letters
// from library@demo-university.example.org with no SMTP server, so they stay in the outbox as held; s1000101 and
// s1000102 have one held General mail each.
describe('letters of a user in the admin app', () => {
  let browser: Browser;
  let page: Page;
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    ({ browser, page } = await openAdminSession(inject('baseUrl')));
  });
  afterAll(async () => {
    // Other test files share the server: DEMO goes back to holding its letters.
    if (sink) await configureLetters(page, { fromAddress });
    await sink?.close();
    await browser?.close();
  });
  const { dismissToasts, heading, tab, toast } = pageParts(() => page);
  const log = () => page.getByRole('table', { name: 'Letter log' });
  const sendGroup = () => page.getByRole('group', { name: 'Send letter' });

  /** The Letters tab of the user with this primary identifier; gives the user's name. */
  const openLetters = async (primaryId: string) => {
    await page.goto(`/users?q=${primaryId}&by=primaryId`);
    const link = page.getByRole('table', { name: 'Users' }).getByRole('link').first();
    const name = (await link.textContent()) ?? '';
    await link.click();
    await heading(name).waitFor();
    await tab('Letters').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'letters');
    await log().locator('tbody tr').first().waitFor();
    return name;
  };

  it("shows s1000101's held letter, and opening it shows what it says", async () => {
    await openLetters('s1000101');
    const row = log().getByRole('row', { name: /Your library card is ready/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/General mail.*Held/);
    await page.getByRole('checkbox', { name: 'Fine/Fee Notification letter' }).waitFor();
    await screenshot(page, 'letters-tab');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'letters-tab-390');
    await page.setViewportSize({ width: 1280, height: 800 });

    await row.getByRole('button', { name: /^View General mail/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Letter: Your library card is ready' });
    await dialog.getByText('your new library card is ready at the Main Library desk.').waitFor();
    await dialog.getByText(fromAddress).waitFor();
    // The HTML is shown in a sandbox without scripts or same-origin access.
    const frame = dialog.locator('iframe');
    expect(await frame.getAttribute('sandbox')).toBe('');
    await page
      .frameLocator('iframe[title="The letter as HTML"]')
      .getByText(/Main Library desk/)
      .waitFor();
    await screenshot(page, 'letters-view');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('composes a General mail: an empty subject is refused under the field, then it is queued to the log', async () => {
    const rows = await log().locator('tbody tr').count();
    await sendGroup().getByRole('button', { name: 'General mail' }).click();
    const dialog = page.getByRole('dialog', { name: /^General mail to/ });
    await dialog.getByLabel('Body').fill('Your interlibrary loan has arrived.\nIt is kept for you for ten days.');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.getByText('is required').waitFor();
    expect(await dialog.getByLabel('Subject').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'letters-compose-error');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'letters-compose-390');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Cancel with text typed asks first; Stay keeps it.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await leave.getByRole('button', { name: 'Stay' }).click();
    await leave.waitFor({ state: 'detached' });

    await dialog.getByLabel('Subject').fill('Your interlibrary loan is here');
    await screenshot(page, 'letters-compose');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await toast(/^General mail queued to /).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await log()
      .getByRole('row', { name: /Your interlibrary loan is here/ })
      .waitFor();
    expect(await log().locator('tbody tr').count()).toBe(rows + 1);
  });

  it('sends the personal information letter after a confirmation, with the record as XML', async () => {
    await dismissToasts();
    await sendGroup().getByRole('button', { name: 'Personal information' }).click();
    const confirm = page.getByRole('dialog', { name: 'Send the personal information letter?' });
    await confirm.getByText(/preferred email address .* whole record\s+as XML/).waitFor();
    await screenshot(page, 'letters-personal-information-confirm');
    await confirm.getByRole('button', { name: 'Send letter' }).click();
    await toast(/^Personal information letter queued to /).waitFor();
    await confirm.waitFor({ state: 'detached' });
    const row = log().getByRole('row', { name: /Patron Personal Information letter/ });
    await row.first().getByRole('button', { name: /^View/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Letter:/ });
    await dialog.getByRole('listitem').filter({ hasText: 'user.xml' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows why a letter cannot be sent: no social sign-in page, a user who owes nothing', async () => {
    await dismissToasts();
    await sendGroup().getByRole('button', { name: 'Social login invitation' }).click();
    const invitation = page.getByRole('dialog', { name: 'Send a social login invitation?' });
    await invitation.getByRole('button', { name: 'Send letter' }).click();
    await invitation
      .getByRole('alert')
      .getByText(/^No social sign-in page is configured/)
      .waitFor();
    await invitation.getByRole('button', { name: 'Cancel' }).click();
    await invitation.waitFor({ state: 'detached' });

    const name = await openLetters('s1000104');
    await sendGroup().getByRole('button', { name: 'User Deletion letter' }).click();
    const deletion = page.getByRole('dialog', { name: 'Send the User Deletion letter?' });
    await deletion.getByRole('button', { name: 'Send letter' }).click();
    await deletion.getByRole('alert').getByText(`${name} owes nothing`, { exact: false }).waitFor();
    await screenshot(page, 'letters-user-deletion-refused');
    await deletion.getByRole('button', { name: 'Cancel' }).click();
    await deletion.waitFor({ state: 'detached' });
  });

  it('offers Notify user where a user who owes cannot be deleted: the User Deletion letter, a copy in the attachments', async () => {
    // s1000150 is no other test's: a fee of its own makes the deletion guard refuse.
    await page.goto('/users?q=s1000150&by=primaryId');
    const link = page.getByRole('table', { name: 'Users' }).getByRole('link').first();
    const name = (await link.textContent()) ?? '';
    await link.click();
    await heading(name).waitFor();
    const userId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const added = await page.evaluate(
      async (input) => {
        const response = await fetch('/trpc/fines.add', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ json: input }),
        });
        return response.status;
      },
      { userId, type: 'DAMAGEDITEMFINE', amount: '7.50' },
    );
    expect(added).toBe(200);
    await dismissToasts();
    await page.getByRole('button', { name: 'Delete' }).click();
    const blocked = page.getByRole('dialog', { name: `${name} cannot be deleted` });
    await blocked.getByRole('button', { name: 'Notify user' }).waitFor();
    await screenshot(page, 'letters-notify-user');
    await blocked.getByRole('button', { name: 'Notify user' }).click();
    await blocked.waitFor({ state: 'detached' });
    await toast(/The User Deletion letter to .* is on its way; a copy is in their attachments\./).waitFor();
    await tab('Attachments').click();
    await page.getByText(/^user-deletion-letter-\d{4}-\d{2}-\d{2}\.txt$/).waitFor();
    await tab('Letters').click();
    await log()
      .getByRole('row', { name: /Your library account is to be closed/ })
      .waitFor();
  });

  it('opts the user out of the Fine/Fee Notification letter and back in', async () => {
    await openLetters('s1000101');
    const optOut = page.getByRole('checkbox', { name: 'Fine/Fee Notification letter' });
    expect(await optOut.isChecked()).toBe(false);
    await optOut.check();
    await toast('Opted out of the Fine/Fee Notification letter.').waitFor();
    await page.reload();
    await expect.poll(() => optOut.isChecked()).toBe(true);
    await dismissToasts();
    await optOut.uncheck();
    await toast('The Fine/Fee Notification letter is sent again.').waitFor();
    await page.reload();
    await optOut.waitFor();
    expect(await optOut.isChecked()).toBe(false);
  });

  it('messages the users a search finds: a job whose report shows on the Jobs page', async () => {
    await dismissToasts();
    await page.goto('/users?q=s1000101&by=primaryId');
    await heading('Find and Manage Users').waitFor();
    await page.getByRole('table', { name: 'Users' }).getByRole('link').first().waitFor();
    await page.getByRole('button', { name: 'Message users' }).click();
    const dialog = page.getByRole('dialog', { name: 'Message users' });
    await dialog.getByText(/every user the current search finds \(1\)/).waitFor();
    await dialog.getByRole('button', { name: 'Send to all' }).click();
    await dialog.getByText('is required').first().waitFor();
    await dialog.getByLabel('Subject').fill('The library closes early on Friday');
    await dialog.getByLabel('Body').fill('The library closes at 4 pm this Friday.');
    await screenshot(page, 'letters-bulk-dialog');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'letters-bulk-dialog-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    await dialog.getByRole('button', { name: 'Send to all' }).click();
    await toast(/^Messaging started/).waitFor();
    await page.waitForURL((url) => url.pathname === '/jobs' && url.searchParams.has('job'));
    const report = page.getByRole('dialog', { name: 'Message users in bulk' });
    await report.getByText('Succeeded').waitFor({ timeout: 20_000 });
    await report.getByText('Letters queued').waitFor();
    await report.getByText('Every matched user got the letter.').waitFor();
    await screenshot(page, 'letters-bulk-report');
  });

  it('sends a letter for real once an SMTP server is configured', async () => {
    sink = await startSmtpSink();
    await configureLetters(page, { fromAddress, smtp: { host: '127.0.0.1', port: sink.port } });
    await openLetters('s1000102');
    await sendGroup().getByRole('button', { name: 'General mail' }).click();
    const dialog = page.getByRole('dialog', { name: /^General mail to/ });
    await dialog.getByLabel('Subject').fill('Delivered for real');
    await dialog.getByLabel('Body').fill('This one leaves the outbox.');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await toast(/^General mail queued to /).waitFor();
    const [arrived] = await sink.waitFor(1, 15_000);
    expect(arrived?.mail?.subject).toBe('Delivered for real');
    expect(arrived?.mail?.text).toContain('This one leaves the outbox.');
    const row = log().getByRole('row', { name: /Delivered for real/ });
    await expect
      .poll(
        async () => {
          await page.reload();
          await row.waitFor();
          return row.textContent();
        },
        { timeout: 15_000 },
      )
      .toMatch(/Sent/);
    await screenshot(page, 'letters-tab-sent');
  });
});
