import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAdminSession } from './support/admin-session.js';
import { screenshot } from './support/browser.js';
import { pageParts } from './support/page-parts.js';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
const shippedFeeSubject = 'A fee of {{ letter.amount }} {{ letter.currency }} was added to your library account';

// The Outbox and the Letters configuration (issue 19) on the demo: DEMO enables letters, from
// library@demo-university.example.org, without an SMTP server, so its two General mails (to s1000101 and s1000102)
// are held in the outbox. Other files share the server: the wording changed here is reset before the end.
describe('the Outbox and the Letters configuration', () => {
  let browser: Browser;
  let page: Page;
  const { dismissToasts, heading, mainNav, toast } = pageParts(() => page);

  beforeAll(async () => {
    ({ browser, page } = await openAdminSession(inject('baseUrl')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Desktop and phone pictures of the page as it is now. */
  const screenshots = async (name: string) => {
    await screenshot(page, name);
    await page.setViewportSize(phone);
    await screenshot(page, `${name}-390`);
    await page.setViewportSize(desktop);
  };
  const outbox = () => page.getByRole('table', { name: 'Outbox' });
  const rows = () => outbox().locator('tbody tr');
  const settled = () => outbox().locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  const heldMails = () => rows().filter({ hasText: 'General mail' }).filter({ hasText: 'Held' });

  describe('the Outbox', () => {
    it('lists the two held General mails under the no-transport notice, and opens one', async () => {
      await mainNav().getByRole('link', { name: 'Outbox' }).click();
      await heading('Outbox').waitFor();
      await page.getByText('No SMTP server is configured: letters are kept here and not sent.').waitFor();
      await page.getByRole('note').getByText('library@demo-university.example.org').waitFor();
      await page.getByLabel('Letter type').selectOption({ label: 'General mail' });
      await settled();
      await expect.poll(() => heldMails().count()).toBe(2);
      expect(await rows().count()).toBe(2);
      await rows().filter({ hasText: 'Your library card is ready' }).waitFor();
      await rows().filter({ hasText: 'Welcome to the library' }).waitFor();
      await screenshots('letters-outbox');

      await outbox().getByRole('button', { name: 'Your library card is ready' }).click();
      const dialog = page.getByRole('dialog', { name: 'Your library card is ready' });
      await dialog.getByText('your new library card is ready at the Main Library desk.').waitFor();
      expect(await dialog.locator('dl').textContent()).toMatch(
        /From.*library@demo-university\.example\.org.*To.*@.*Subject.*Your library card is ready.*Status.*Held/,
      );
      await dialog
        .frameLocator('iframe[sandbox=""]')
        .getByText(/your new library card is ready/)
        .waitFor();
      await dialog.getByText('None.').waitFor();
      await dialog.getByRole('button', { name: 'Send again' }).waitFor();
      await screenshots('letters-outbox-letter');
      await dialog.getByRole('button', { name: 'Close' }).first().click();
      await dialog.waitFor({ state: 'detached' });
    });

    it('filters by status', async () => {
      await page.getByLabel('Status').selectOption({ label: 'Sent' });
      await page.getByText('No letters match these filters.').waitFor();
      await page.getByLabel('Status').selectOption({ label: 'Held' });
      await settled();
      await expect.poll(() => heldMails().count()).toBe(2);
      expect(await rows().filter({ hasNotText: 'Held' }).count()).toBe(0);

      // A header sorts the letters loaded.
      const firstRow = async () => (await rows().first().textContent()) ?? '';
      await outbox().getByRole('button', { name: 'Subject' }).click();
      await expect.poll(firstRow).toMatch(/Welcome to the library/);
      expect(await outbox().getByRole('columnheader', { name: 'Subject' }).getAttribute('aria-sort')).toBe('ascending');
      await outbox().getByRole('button', { name: 'Subject' }).click();
      await expect.poll(firstRow).toMatch(/Your library card is ready/);
      await page.getByLabel('Letter type').selectOption({ label: 'All' });
      await page.getByLabel('Status').selectOption({ label: 'All' });
      await settled();
      expect(await heldMails().count()).toBe(2);
    });

    it('sends a held letter again: without a transport it is held again', async () => {
      await outbox().getByRole('button', { name: 'Welcome to the library' }).click();
      const dialog = page.getByRole('dialog', { name: 'Welcome to the library' });
      await dialog.getByRole('button', { name: 'Send again' }).click();
      await toast('The letter is queued to be sent again.').waitFor();
      await dialog.getByRole('button', { name: 'Close' }).first().click();
      await dismissToasts();
      // The worker finds no transport and keeps the letter here again.
      const welcome = rows().filter({ hasText: 'Welcome to the library' });
      await expect
        .poll(
          async () => {
            await page.getByLabel('Status').selectOption({ label: 'Held' });
            await page.getByLabel('Status').selectOption({ label: 'All' });
            await settled();
            return welcome.textContent();
          },
          { timeout: 15_000, interval: 1000 },
        )
        .toMatch(/Held/);
    });
  });

  describe('the Letters configuration', () => {
    const form = () => page.getByRole('form', { name: 'Wording' });
    const fieldError = (label: string) =>
      form()
        .locator('.ui-field')
        .filter({ has: page.locator('label', { hasText: label }) })
        .locator('.ui-field__error');
    const preview = () => page.getByRole('region', { name: 'Preview' });
    const previewFrame = () => preview().frameLocator('iframe[sandbox=""]');
    const feeCard = () =>
      page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Fine/Fee Notification letter' }) });

    it('lists the letter types; General mail has no wording to edit', async () => {
      await mainNav().getByRole('link', { name: 'Letters configuration' }).click();
      await heading('Letters configuration').waitFor();
      const types = page.getByRole('list', { name: 'Letter types' });
      for (const name of ['General mail', 'PIN Number Generation letter', 'Fine/Fee Notification letter'])
        await types.getByRole('heading', { name, exact: true }).waitFor();
      const general = types.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'General mail' }) });
      await general.getByText('Written each time it is sent').waitFor();
      expect(await general.getByRole('link').count()).toBe(0);
      expect(await feeCard().textContent()).toMatch(
        /Patrons may opt out\s*Yes.*English \(en\), French \(fr\).*Customized\s*None/,
      );
      await screenshots('letters-configuration');
    });

    it('edits the Fine/Fee Notification letter in English with a live preview; a Liquid error is not saved', async () => {
      await feeCard().getByRole('link', { name: 'Edit English (en)' }).click();
      await page.getByRole('heading', { name: 'Fine/Fee Notification letter: English (en)' }).waitFor();
      expect(await form().getByLabel('Subject').inputValue()).toBe(shippedFeeSubject);
      await form().getByText('The wording shipped with the system').waitFor();
      await preview().getByText('A fee of 12.00 USD was added to your library account').waitFor();
      await previewFrame().getByText('Dear Ada Lovelace,').waitFor();
      await preview()
        .locator('pre')
        .getByText(/You now owe 37\.00 USD/)
        .waitFor();

      // Addressed to a real patron, found by identifier.
      await preview().getByLabel('Find a user').fill('s1000101');
      const option = preview().getByLabel('Preview for').locator('option', { hasText: 's1000101' });
      await option.waitFor({ state: 'attached' });
      const label = (await option.textContent()) ?? '';
      await preview().getByLabel('Preview for').selectOption({ label });
      await previewFrame()
        .getByText(`Dear ${label.replace(/ \(s1000101\)$/, '')},`)
        .waitFor();
      await screenshots('letters-template-editor');

      const html = form().getByLabel('HTML body');
      await html.fill(`${await html.inputValue()}{% if letter.amount %}`);
      await fieldError('HTML body')
        .getByText(/not closed/)
        .waitFor();
      await preview().getByText('Not up to date: the wording has an error, shown under its field.').waitFor();
      await form().getByRole('button', { name: 'Save wording' }).click();
      await fieldError('HTML body')
        .getByText(/not closed/)
        .waitFor();
      await page
        .getByRole('alert')
        .getByText(/HTML body: .*not closed/)
        .waitFor();
      await screenshots('letters-template-error');
      // Nothing was saved: read again, the shipped wording is there.
      await page.reload();
      await form().getByText('The wording shipped with the system').waitFor();
      expect(await form().getByLabel('HTML body').inputValue()).not.toContain('{% if');
    });

    it('saves a valid change, asks before leaving with changes, and resets to the shipped wording', async () => {
      await form().getByLabel('Subject').fill('Fee added: {{ letter.amount }} {{ letter.currency }}');
      await preview().getByText('Fee added: 12.00 USD', { exact: true }).waitFor();
      await form().getByRole('button', { name: 'Save wording' }).click();
      await toast('Wording saved.').waitFor();
      await form().getByText('Customized').waitFor();
      await page
        .getByRole('navigation', { name: 'Languages' })
        .getByRole('link', { name: /English \(en\) · customized/ })
        .waitFor();
      await dismissToasts();

      // Leaving with changes asks first; Stay keeps them.
      await form().getByLabel('Plain text').fill('Dear {{ user.fullName }}, a fee was added.');
      await mainNav().getByRole('link', { name: 'Outbox' }).click();
      const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
      await leave.waitFor();
      await screenshot(page, 'letters-template-leave');
      await leave.getByRole('button', { name: 'Stay' }).click();
      await leave.waitFor({ state: 'detached' });
      expect(await form().getByLabel('Plain text').inputValue()).toBe('Dear {{ user.fullName }}, a fee was added.');

      await form().getByRole('button', { name: 'Reset to shipped wording' }).click();
      const confirm = page.getByRole('dialog', { name: 'Reset to the shipped wording?' });
      await confirm.getByText(/Fine\/Fee Notification letter in English \(en\)/).waitFor();
      await screenshot(page, 'letters-template-reset');
      await confirm.getByRole('button', { name: 'Reset wording' }).click();
      await toast('The shipped wording is back.').waitFor();
      await form().getByText('The wording shipped with the system').waitFor();
      expect(await form().getByLabel('Subject').inputValue()).toBe(shippedFeeSubject);
      expect(await form().getByLabel('Plain text').inputValue()).toBe('');
      await dismissToasts();

      // Without changes, nothing asks: back to the list, where nothing is customized any more.
      await page.getByRole('link', { name: 'All letter types' }).click();
      await page.getByRole('list', { name: 'Letter types' }).waitFor();
      expect(await feeCard().textContent()).toMatch(/Customized\s*None/);
    });

    it('tells of wording changed meanwhile by someone else, and shows theirs to change again', async () => {
      await feeCard().getByRole('link', { name: 'Edit French (fr)' }).click();
      await page.getByRole('heading', { name: 'Fine/Fee Notification letter: French (fr)' }).waitFor();
      await form().getByText('The wording shipped with the system').waitFor();
      const other = await page.context().newPage();
      await other.goto(page.url());
      const theirs = other.getByRole('form', { name: 'Wording' });
      await theirs.getByLabel('Subject').fill('Frais ajoutés (leur version)');
      await theirs.getByRole('button', { name: 'Save wording' }).click();
      await other.getByRole('status').getByText('Wording saved.').waitFor();
      await other.close();

      await form().getByLabel('Subject').fill('Frais ajoutés (ma version)');
      await form().getByRole('button', { name: 'Save wording' }).click();
      await page
        .getByRole('alert')
        .getByText(/Someone else changed this wording since you opened it/)
        .waitFor();
      await expect.poll(() => form().getByLabel('Subject').inputValue()).toBe('Frais ajoutés (leur version)');
      await form().getByText('Your institution’s wording in French (fr)').waitFor();
      await page
        .getByRole('navigation', { name: 'Languages' })
        .getByRole('link', { name: /French \(fr\) · customized/ })
        .waitFor();
      await screenshot(page, 'letters-template-conflict');

      await form().getByRole('button', { name: 'Reset to shipped wording' }).click();
      await page
        .getByRole('dialog', { name: 'Reset to the shipped wording?' })
        .getByRole('button', { name: 'Reset wording' })
        .click();
      await toast('The shipped wording is back.').waitFor();
      await form().getByText('The wording shipped with the system').waitFor();
      await dismissToasts();
      await page.getByRole('link', { name: 'All letter types' }).click();
      expect(await feeCard().textContent()).toMatch(/Customized\s*None/);
    });

    it('opens another language by its code, and leaves its changes after asking', async () => {
      await feeCard().getByRole('link', { name: 'Edit English (en)' }).click();
      const other = page.getByLabel('Other language');
      await other.fill('Deutsch');
      await page.getByRole('button', { name: 'Open' }).click();
      await page.getByText('is a language code such as en or fr-CA').waitFor();
      await other.fill('de');
      await page.getByRole('button', { name: 'Open' }).click();
      await page.getByRole('heading', { name: 'Fine/Fee Notification letter: German (de)' }).waitFor();
      await form()
        .getByText(/No wording in German \(de\) yet/)
        .waitFor();
      expect(await form().getByLabel('Subject').inputValue()).toBe(shippedFeeSubject);

      await form().getByLabel('Subject').fill('Gebühr: {{ letter.amount }} {{ letter.currency }}');
      await page.getByRole('link', { name: 'All letter types' }).click();
      const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
      await leave.getByRole('button', { name: 'Leave' }).click();
      await page.getByRole('list', { name: 'Letter types' }).waitFor();
      expect(await feeCard().textContent()).toMatch(/Customized\s*None/);
    });
  });
});
