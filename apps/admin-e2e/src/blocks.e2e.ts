import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAdminSession } from './support/admin-session.js';
import { screenshot } from './support/browser.js';
import { pageParts } from './support/page-parts.js';

// The Blocks tab and the blocks configuration (issue 17) on the demo: DEMO enables the blocks module, s1000101 has
// an active General block and an expired Lost card one, and s1000103 owes more than its user group's debt limit.
describe('the Blocks tab and configuration', () => {
  let browser: Browser;
  let page: Page;
  const { dismissToasts, heading, mainNav, tab, toast } = pageParts(() => page);

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
  const blocks = () => page.getByRole('table', { name: 'Blocks' });
  const rows = () => blocks().locator('tbody tr');
  const openBlocks = async (primaryId: string) => {
    await openUser(primaryId);
    await tab('Blocks').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'blocks');
    await rows().first().waitFor();
    await blocks().locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  };
  /** The summary's verdict on borrowing, renewals or requests: "Allowed", or "Blocked" and the reasons. */
  const check = (label: 'Borrowing' | 'Renewals' | 'Requests') =>
    page.locator('.blocks-summary__item').filter({ has: page.getByText(label, { exact: true }) });
  /** The fines module's debt limit of the one user group the demo limits (s1000103's). */
  const setDebtLimit = async (limit: string) => {
    await mainNav().getByRole('link', { name: 'Fines and fees configuration' }).click();
    await heading('Fines and fees configuration').waitFor();
    await page
      .getByRole('group', { name: 'Debt limit 1', exact: true })
      .getByLabel(/^Limit/)
      .fill(limit);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await toast('Fines and fees settings saved.').waitFor();
    await dismissToasts();
  };
  const rowMenu = (name: string) => page.getByRole('button', { name, exact: true });

  it("lists a patron's active and expired manual blocks, the active first, with what each stops", async () => {
    await openBlocks('s1000101');
    const general = rows().filter({ hasText: 'General block' });
    const lostCard = rows().filter({ hasText: 'Lost card' });
    expect(await general.textContent()).toMatch(/General block.*Active.*Manual.*Borrowing, renewals, requests/);
    expect(await lostCard.textContent()).toMatch(/Lost card.*Expired.*Manual.*Borrowing, requests/);
    const texts = await rows().allTextContents();
    const firstExpired = texts.findIndex((text) => text.includes('Expired'));
    expect(texts.slice(firstExpired).every((text) => text.includes('Expired'))).toBe(true);
    // The General block stops everything; the expired Lost card block stops nothing any more.
    await check('Borrowing').getByText('Blocked').waitFor();
    expect(await check('Renewals').textContent()).toMatch(/Blocked/);
    await screenshot(page, 'blocks-tab');

    await page.getByLabel('Show').selectOption({ label: 'Expired' });
    await rows().filter({ hasText: 'Lost card' }).waitFor();
    expect(await rows().filter({ hasText: 'Active' }).count()).toBe(0);
    await page.getByLabel('Show').selectOption({ label: 'Active' });
    await rows().filter({ hasText: 'General block' }).waitFor();
    expect(await rows().filter({ hasText: 'Lost card' }).count()).toBe(0);
    await page.getByLabel('Show').selectOption({ label: 'All' });

    // A header sorts the list: by expiry date, the one block that ends comes first (the others never end).
    const firstRow = async () => (await rows().first().textContent()) ?? '';
    await blocks().getByRole('button', { name: 'Expiry date' }).click();
    await expect.poll(firstRow).toMatch(/^Lost card/);
    expect(await blocks().getByRole('columnheader', { name: 'Expiry date' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    await blocks().getByRole('button', { name: 'Status' }).click();
    await expect.poll(firstRow).not.toMatch(/^Lost card/);

    // The list is wider than the tab: the rest of its columns are a scroll away, the menus staying in view.
    await blocks().evaluate((table) => table.parentElement?.scrollBy({ left: 2000 }));
    await rows().filter({ hasText: 'General block' }).getByText('Institution').waitFor();
    await screenshot(page, 'blocks-tab-scrolled');

    // The patron is external (owned by the SIS): a block may be marked external too.
    await page.getByRole('button', { name: 'Add block' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add block' });
    await dialog.getByLabel('External').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows an automatic block with its reason, and no edit or remove for it', async () => {
    // The fines browser test may have waived some of what this patron owes (the files share the server): a lower
    // limit blocks them either way.
    await setDebtLimit('50');
    await openBlocks('s1000103');
    const debt = rows().filter({ hasText: 'Debt limit per user group' });
    await debt.waitFor();
    expect(await debt.textContent()).toMatch(
      /Automatic.*Borrowing.*owes \d+\.\d\d USD, at or above the debt limit of 50\.00 USD/,
    );
    await debt.getByText('Computed by the rule “Debt limit per user group”').waitFor();
    expect(await debt.getByRole('button', { name: /^Actions for/ }).count()).toBe(0);
    await check('Borrowing')
      .getByText(/at or above the debt limit of 50\.00 USD/)
      .waitFor();
    await screenshot(page, 'blocks-tab-automatic');
  });

  it('adds a block (a field error first), which blocks borrowing and touches the record', async () => {
    // Whatever blocks the demo gave this patron (the seed's, an expired record's) stay as they are.
    await openBlocks('s1000104');
    const updated = page.getByText(/Updated by .* on /);
    const updatedBefore = await updated.textContent();
    const borrowingBefore = (await check('Borrowing').textContent()) ?? '';
    const lostBefore = await rows().filter({ hasText: 'Lost card' }).count();

    await page.getByRole('button', { name: 'Add block' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add block' });
    await dialog.getByLabel('Description').fill('Card reported stolen');
    await dialog.getByRole('button', { name: 'Add block' }).click();
    await dialog.getByText('is required').first().waitFor();
    await screenshot(page, 'blocks-add-field-error');

    await dialog.getByLabel('Type').selectOption({ label: 'Lost card' });
    await dialog.getByLabel('Note').fill('Called the patron');
    await dialog.getByLabel('Expiry date').fill('2099-12-31');
    await dialog.getByLabel('Owner library').selectOption({ label: 'Main Library (MAIN)' });
    expect(await dialog.getByLabel('External').count()).toBe(0);
    await screenshot(page, 'blocks-add-dialog');
    await dialog.getByRole('button', { name: 'Add block' }).click();
    await toast('Block added.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    const added = rows().filter({ hasText: 'Card reported stolen' });
    await added.waitFor();
    expect(await added.textContent()).toMatch(
      /Lost card.*Active.*Manual.*Card reported stolen.*Called the patron.*Main Library \(MAIN\)/,
    );
    expect(await rows().filter({ hasText: 'Lost card' }).count()).toBe(lostBefore + 1);
    await check('Borrowing').getByText('Card reported stolen').waitFor();
    expect(borrowingBefore).not.toMatch(/Card reported stolen/);
    await expect.poll(() => updated.textContent()).not.toBe(updatedBefore);
    await dismissToasts();
    await screenshot(page, 'blocks-added');
  });

  it('edits the block, then removes it after asking', async () => {
    await rowMenu('Actions for Lost card: Card reported stolen').click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit block: Lost card' });
    expect(await dialog.getByLabel('Description').inputValue()).toBe('Card reported stolen');
    await dialog.getByLabel('Type').selectOption({ label: 'Overdue items' });
    await dialog.getByLabel('Description').fill('Three books overdue');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await toast('Block saved.').waitFor();
    const edited = rows().filter({ hasText: 'Three books overdue' });
    expect(await edited.textContent()).toMatch(/Overdue items.*Borrowing, renewals.*Three books overdue/);
    await check('Borrowing').getByText('Three books overdue').waitFor();

    // Typed text is not dropped without asking.
    await rowMenu('Actions for Overdue items: Three books overdue').click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const again = page.getByRole('dialog', { name: 'Edit block: Overdue items' });
    await again.getByLabel('Note').fill('Changed my mind');
    await again.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave' }).click();
    await again.waitFor({ state: 'detached' });

    await rowMenu('Actions for Overdue items: Three books overdue').click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this block?' });
    await confirm.getByText(/Overdue items: Three books overdue/).waitFor();
    await screenshot(page, 'blocks-remove-confirmation');
    await confirm.getByRole('button', { name: 'Remove block' }).click();
    await toast('Block removed.').waitFor();
    await edited.waitFor({ state: 'detached' });
    await expect.poll(() => check('Borrowing').textContent()).not.toMatch(/Three books overdue/);
  });

  it('marks a blocked user in the Blocks column of Find and Manage Users', async () => {
    const table = page.getByRole('table', { name: 'Users' });
    const header = table.getByRole('columnheader', { name: 'Blocks' });
    const toggle = async () => {
      await page.getByRole('button', { name: 'Columns' }).click();
      await page.getByRole('menuitemcheckbox', { name: 'Blocks' }).click();
      await page.keyboard.press('Escape');
    };
    await page.goto('/users?q=s1000101&by=primaryId');
    await table.locator('tbody tr').first().waitFor();
    const shown = (await header.count()) > 0;
    if (!shown) await toggle();
    await header.waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    const column = headers.findIndex((text) => text.trim() === 'Blocks');
    const row = table.locator('tbody tr').filter({ hasText: 's1000101' }).first();
    await expect.poll(() => row.locator('td').nth(column).textContent()).toBe('Yes');
    await screenshot(page, 'blocks-find-users-column');
    // Back to the columns the administrator had, for the other browser tests.
    if (!shown) {
      await toggle();
      await header.waitFor({ state: 'detached' });
      await page.waitForLoadState('networkidle');
    }
  });

  it('adds a block type on the configuration page, offered at once in Add block', async () => {
    await mainNav().getByRole('link', { name: 'Blocks configuration' }).click();
    await heading('Blocks configuration').waitFor();
    const types = page.getByRole('form', { name: 'Block types' });
    await types.getByRole('button', { name: 'Add type' }).click();
    const added = types.getByRole('group', { name: 'Block type 4' });
    await added.getByLabel('Code').fill('library card');
    await added.getByLabel('Description').fill('Library card missing');
    await added.getByLabel('Borrowing').uncheck();
    await types.getByRole('button', { name: 'Save block types' }).click();
    await added.getByText('upper-case letters, digits and _ (at most 40)').waitFor();
    await screenshot(page, 'blocks-configuration-errors');

    await added.getByLabel('Code').fill('CARD_MISSING');
    await types.getByRole('button', { name: 'Save block types' }).click();
    await toast('Block types saved.').waitFor();
    await dismissToasts();
    await screenshot(page, 'blocks-configuration');

    await openBlocks('s1000105');
    await page.getByRole('button', { name: 'Add block' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add block' });
    await dialog.getByLabel('Type').selectOption({ label: 'Library card missing' });
    await dialog.getByRole('button', { name: 'Add block' }).click();
    await toast('Block added.').waitFor();
    const row = rows().filter({ hasText: 'Library card missing' });
    expect(await row.textContent()).toMatch(/Library card missing.*Renewals, requests/);
  });

  it('tells of a block changed meanwhile by someone else, and shows their version to edit again', async () => {
    // The block the previous test added to s1000105, open in a second tab too.
    const other = await page.context().newPage();
    await other.goto(page.url());
    const menu = 'Actions for Library card missing';
    await page.getByRole('button', { name: menu, exact: true }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const mine = page.getByRole('dialog', { name: 'Edit block: Library card missing' });
    await mine.getByLabel('Note').fill('Mine');

    await other.getByRole('button', { name: menu, exact: true }).click();
    await other.getByRole('menuitem', { name: 'Edit' }).click();
    const theirs = other.getByRole('dialog', { name: 'Edit block: Library card missing' });
    await theirs.getByLabel('Description').fill('Card left at the desk');
    await theirs.getByRole('button', { name: 'Save' }).click();
    await theirs.waitFor({ state: 'detached' });
    await other.close();

    await mine.getByRole('button', { name: 'Save' }).click();
    await mine.getByText(/Someone else changed this block since you opened it/).waitFor();
    await expect.poll(() => mine.getByLabel('Description').inputValue()).toBe('Card left at the desk');
    expect(await mine.getByLabel('Note').inputValue()).toBe('');
    await screenshot(page, 'blocks-edit-conflict');
    await mine.getByLabel('Note').fill('Mine');
    await mine.getByRole('button', { name: 'Save' }).click();
    await toast('Block saved.').waitFor();
    expect(await rows().filter({ hasText: 'Library card missing' }).textContent()).toMatch(
      /Card left at the desk.*Mine/,
    );
  });

  it('disables the debt limit rule, and its block leaves the tab; enabled again, it is back', async () => {
    const setDebtRule = async (enabled: boolean) => {
      await mainNav().getByRole('link', { name: 'Blocks configuration' }).click();
      await heading('Blocks configuration').waitFor();
      const rule = page.getByRole('group', { name: 'Debt limit per user group' });
      const toggle = rule.getByRole('switch', { name: 'Enabled' });
      expect(await toggle.isChecked()).toBe(!enabled);
      await toggle.setChecked(enabled);
      if (!enabled) await screenshot(page, 'blocks-configuration-rule-off');
      await page.getByRole('button', { name: 'Save rules' }).click();
      await toast('Rules saved.').waitFor();
    };
    await setDebtRule(false);
    await openBlocks('s1000103');
    await rows().filter({ hasText: 'Debt limit per user group' }).waitFor({ state: 'detached' });
    expect(await check('Borrowing').textContent()).not.toMatch(/at or above the debt limit/);

    await setDebtRule(true);
    await openBlocks('s1000103');
    await rows().filter({ hasText: 'Debt limit per user group' }).waitFor();
    // The seed's limit again, for the other browser tests.
    await setDebtLimit('100');
  });

  it('is not offered for a Contact user', async () => {
    await openUser('vendor01');
    await tab('General information').waitFor();
    expect(await tab('Blocks').count()).toBe(0);
  });
});
