import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAdminSession } from './support/admin-session.js';
import { screenshot } from './support/browser.js';
import { pageParts } from './support/page-parts.js';

// The Fines/Fees tab (issue 16) on the demo: DEMO enables the fines module and its seed gives three patrons fees.
describe('the Fines/Fees tab', () => {
  let browser: Browser;
  let page: Page;
  const { dismissToasts, heading, tab, toast } = pageParts(() => page);

  beforeAll(async () => {
    ({ browser, page } = await openAdminSession(inject('baseUrl')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** User Details of the user with this primary identifier, found with Find and Manage Users. */
  const openUser = async (primaryId: string) => {
    await page.goto(`/users?q=${primaryId}&by=primaryId`);
    const link = page.getByRole('table', { name: 'Users' }).getByRole('link').first();
    const name = (await link.textContent()) ?? '';
    await link.click();
    await heading(name).waitFor();
  };
  const openFines = async (primaryId: string) => {
    await openUser(primaryId);
    await tab('Fines/Fees').click();
    await page.getByRole('table', { name: 'Fines and fees' }).locator('tbody tr').first().waitFor();
  };
  const balance = (label: string) =>
    page
      .locator('.fines-summary__item')
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator('dd');
  const expectBalance = async (label: string, amount: string) => {
    await balance(label).filter({ hasText: amount }).waitFor();
    expect(await balance(label).textContent()).toBe(amount);
  };
  const rowMenu = (name: string | RegExp) => page.getByRole('button', { name });

  it("shows a patron's balances and fees, the VAT columns hidden until picked", async () => {
    await openFines('s1000101');
    // The seed: 12.50 and 45.00 active, 8.00 disputed, 5.00 paid.
    await expectBalance('Active balance', '57.50 USD');
    await expectBalance('Disputed balance', '8.00 USD');
    await expectBalance('Currently filtered balance', '57.50 USD');
    const table = page.getByRole('table', { name: 'Fines and fees' });
    expect(await table.locator('tbody tr').count()).toBe(4);
    expect(await table.getByRole('columnheader', { name: 'Original VAT' }).count()).toBe(0);
    await screenshot(page, 'fines-tab');

    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Original VAT' }).click();
    await page.keyboard.press('Escape');
    await table.getByRole('columnheader', { name: 'Original VAT' }).waitFor();

    await page.getByLabel('Status').selectOption({ label: 'In dispute' });
    await table.locator('tbody tr').filter({ hasText: 'Damaged item fine' }).waitFor();
    await expectBalance('Currently filtered disputed balance', '8.00 USD');
    await expectBalance('Currently filtered balance', '0.00 USD');
    expect(await table.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'fines-tab-filtered');
    await page.getByLabel('Status').selectOption({ label: 'All' });
  });

  it('adds a fee with Add and Close, and the active balance grows', async () => {
    // A patron the seed gave no fees.
    await openFines('s1000104');
    await page.getByText('No fines or fees.').waitFor();
    await expectBalance('Active balance', '0.00 USD');
    await page.getByRole('button', { name: 'Add fine or fee' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add fine or fee' });
    await dialog.getByLabel('Type').selectOption({ label: 'Overdue fine' });
    await dialog.getByLabel('Owner').selectOption({ label: 'Main Library (MAIN)' });
    await dialog.getByLabel('Amount').fill('7.25');
    await dialog.getByLabel('Item barcode').fill('39000009999999');
    await dialog.getByLabel('Comment').fill('Returned a week late');
    await screenshot(page, 'fines-add-dialog');
    await dialog.getByRole('button', { name: 'Add and Close' }).click();
    await dialog.getByText('Add a fee of 7.25 USD (Overdue fine)?').waitFor();
    await screenshot(page, 'fines-add-confirmation');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await toast('Fee added.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expectBalance('Active balance', '7.25 USD');
    const row = page.getByRole('row', { name: /Overdue fine/ });
    expect(await row.textContent()).toMatch(/7\.25.*7\.25.*MAIN.*39000009999999/);
  });

  it('waives part of a fee: a server message stays under its field, then the balances follow', async () => {
    await rowMenu('Actions for Overdue fine of 7.25 USD').click();
    await page.getByRole('menuitem', { name: 'Waive' }).click();
    const dialog = page.getByRole('dialog', { name: 'Waive: Overdue fine' });
    expect(await dialog.getByLabel('Amount').inputValue()).toBe('7.25');
    await dialog.getByLabel('Amount').fill('9.00');
    await dialog.getByLabel('Reason').selectOption({ label: 'Library error' });
    await dialog.getByRole('button', { name: 'Waive' }).click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.getByText('must not be more than the remaining balance (7.25)').first().waitFor();
    await screenshot(page, 'fines-waive-field-error');

    await dialog.getByLabel('Amount').fill('2.25');
    await dialog.getByRole('button', { name: 'Waive' }).click();
    await dialog.getByText('Waive 2.25 USD of this fee?').waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await toast('Fee waived.').waitFor();
    await expectBalance('Active balance', '5.00 USD');
    const row = page.getByRole('row', { name: /Overdue fine/ });
    expect(await row.textContent()).toMatch(/7\.25.*5\.00/);
  });

  it('disputes the fee and restores it, moving it between the active and disputed balances', async () => {
    await rowMenu('Actions for Overdue fine of 5.00 USD').click();
    await page.getByRole('menuitem', { name: 'Dispute' }).click();
    const dispute = page.getByRole('dialog', { name: 'Dispute fee' });
    await dispute.getByLabel('Comment').fill('Patron returned it on time');
    await dispute.getByRole('button', { name: 'Dispute' }).click();
    await dispute.getByRole('button', { name: 'Confirm' }).click();
    await toast('Fee disputed.').waitFor();
    await expectBalance('Disputed balance', '5.00 USD');
    await expectBalance('Active balance', '0.00 USD');
    await page.getByRole('row', { name: /In dispute/ }).waitFor();
    await dismissToasts();
    await screenshot(page, 'fines-disputed');

    await rowMenu('Actions for Overdue fine of 5.00 USD').click();
    expect(await page.getByRole('menuitem', { name: 'Dispute' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: 'Restore' }).click();
    const restore = page.getByRole('dialog', { name: 'Restore disputed fee' });
    await restore.getByRole('button', { name: 'Restore' }).click();
    await restore.getByRole('button', { name: 'Confirm' }).click();
    await toast('Fee restored.').waitFor();
    await expectBalance('Disputed balance', '0.00 USD');
    await expectBalance('Active balance', '5.00 USD');

    await rowMenu('Actions for Overdue fine of 5.00 USD').click();
    await page.getByRole('menuitem', { name: 'Details' }).click();
    const details = page.getByRole('dialog', { name: 'Fee details: Overdue fine' });
    await details.getByRole('table', { name: 'Transactions' }).getByText('Restored').waitFor();
    expect(await details.getByRole('table', { name: 'Transactions' }).locator('tbody tr').count()).toBe(4);
    await screenshot(page, 'fines-details');
    await details.getByRole('button', { name: 'Close' }).first().click();
  });

  it('pays the fee in full, which closes it, then refunds part of the payment', async () => {
    await rowMenu('Actions for Overdue fine of 5.00 USD').click();
    await page.getByRole('menuitem', { name: 'Pay', exact: true }).click();
    const pay = page.getByRole('dialog', { name: 'Pay: Overdue fine' });
    expect(await pay.getByLabel('Amount').inputValue()).toBe('5.00');
    await pay.getByLabel('Payment method').selectOption({ label: 'Cash' });
    await pay.getByRole('button', { name: 'Pay' }).click();
    await pay.getByText('Record a payment of 5.00 USD by Cash?').waitFor();
    await pay.getByRole('button', { name: 'Confirm' }).click();
    await toast('Payment recorded.').waitFor();
    await expectBalance('Active balance', '0.00 USD');
    await page.getByRole('row', { name: /Overdue fine.*Closed/ }).waitFor();

    await rowMenu('Actions for Overdue fine of 0.00 USD').click();
    await page.getByRole('menuitem', { name: 'Refund' }).click();
    const refund = page.getByRole('dialog', { name: 'Refund: Overdue fine' });
    expect(await refund.getByLabel('Amount').inputValue()).toBe('5.00');
    await refund.getByLabel('Amount').fill('5.01');
    await refund.getByLabel('Refund method').selectOption({ label: 'Cash' });
    await refund.getByRole('button', { name: 'Refund' }).click();
    await refund.getByRole('button', { name: 'Confirm' }).click();
    await refund.getByText('must not be more than what was paid and not refunded (5.00)').first().waitFor();
    await refund.getByLabel('Amount').fill('2.00');
    await refund.getByRole('button', { name: 'Refund' }).click();
    await refund.getByText('Refund 2.00 USD of what was paid on this fee?').waitFor();
    await screenshot(page, 'fines-refund-confirmation');
    await refund.getByRole('button', { name: 'Confirm' }).click();
    await toast('Refund recorded.').waitFor();
    await expectBalance('Active balance', '0.00 USD');
  });

  it('refuses Waive all above the waiving limit, naming the limit', async () => {
    // The seed: 95.00 and 60.00 active for this patron, and the default limit is 100.
    await openFines('s1000103');
    await expectBalance('Active balance', '155.00 USD');
    await page.getByRole('button', { name: 'Waive all' }).click();
    const dialog = page.getByRole('dialog', { name: 'Waive all' });
    await dialog.getByLabel('Reason').selectOption({ label: 'Patron error' });
    await dialog.getByRole('button', { name: 'Waive' }).click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/above the waiving limit of 100\.00 USD/)
      .waitFor();
    await screenshot(page, 'fines-waive-all-over-limit');
    // A reason was chosen: closing asks first.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectBalance('Active balance', '155.00 USD');
  });

  it('waives the selected fees', async () => {
    await page
      .getByRole('table', { name: 'Fines and fees' })
      .getByRole('row', { name: /Moby-Dick/ })
      .getByRole('checkbox')
      .check();
    await page.getByText('1 selected').waitFor();
    await page.getByRole('button', { name: 'Waive selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Waive selected' });
    await dialog.getByLabel('Reason').selectOption({ label: 'Other' });
    await dialog.getByRole('button', { name: 'Waive' }).click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await toast('1 fee waived: 60.00 USD.').waitFor();
    await expectBalance('Active balance', '95.00 USD');
  });

  it('edits the settings on the configuration page: a new waive reason is offered at once', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Fines and fees configuration' })
      .click();
    await heading('Fines and fees configuration').waitFor();
    const reasons = page.getByRole('group', { name: 'Waive reasons' });
    await reasons.getByRole('button', { name: 'Add reason' }).click();
    const added = page.getByRole('group', { name: 'Waive reasons 4' });
    await added.getByLabel('Code').fill('goodwill');
    await added.getByLabel('Description').fill('Goodwill');
    await page.getByLabel('Waiving limit').fill('lots');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await added.getByText('upper-case letters, digits and _ (at most 40)').waitFor();
    await page.getByText('must be a number such as 100 or 12.5').first().waitFor();
    await screenshot(page, 'fines-configuration-errors');

    await added.getByLabel('Code').fill('GOODWILL');
    await page.getByLabel('Waiving limit').fill('150');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await toast('Fines and fees settings saved.').waitFor();
    await screenshot(page, 'fines-configuration');

    await openFines('s1000102');
    await rowMenu(/^Actions for Overdue fine of 2\.75 USD$/).click();
    await page.getByRole('menuitem', { name: 'Waive' }).click();
    const dialog = page.getByRole('dialog', { name: 'Waive: Overdue fine' });
    await dialog.getByLabel('Reason').selectOption({ label: 'Goodwill' });
    await dialog.getByRole('button', { name: 'Waive' }).click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await toast('Fee waived.').waitFor();
    await expectBalance('Active balance', '0.00 USD');
  });

  it('adds a credit with Add, which keeps the dialog open and cleared for the next one', async () => {
    await openFines('s1000105');
    await page.getByRole('button', { name: 'Add fine or fee' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add fine or fee' });
    await dialog.getByLabel('Type').selectOption({ label: 'Other' });
    await dialog.getByLabel('Amount').fill('2.00');
    await dialog.getByLabel('Credit').check();
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByText('is required for a credit').first().waitFor();
    await dialog.getByLabel('Comment').fill('Paid twice at the desk');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByText('Add a credit of 2.00 USD (Other)?').waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await toast('Credit added.').waitFor();
    await expect.poll(() => dialog.getByLabel('Amount').inputValue()).toBe('');
    expect(await dialog.getByLabel('Type').inputValue()).toBe('OTHER');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectBalance('Active balance', '-2.00 USD');
  });

  it('is not offered for a user without the Patron role', async () => {
    await openUser('admin');
    await tab('General information').waitFor();
    expect(await tab('Fines/Fees').count()).toBe(0);
    await screenshot(page, 'fines-tab-absent-for-staff');
  });
});
