import { NORTH_ADMIN } from '@ulms/server/demo-seed';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAdminSession } from './support/admin-session.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { pageParts } from './support/page-parts.js';
import { submitSignIn } from './support/sign-in.js';

/** User Details of the user with this primary identifier (or the first a name search finds), from Find and Manage Users. */
async function openUser(page: Page, query: string, by = 'primaryId'): Promise<string> {
  await page.goto(`/users?q=${query}&by=${by}`);
  const link = page.getByRole('table', { name: 'Users' }).getByRole('link').first();
  const name = (await link.textContent()) ?? '';
  await link.click();
  await pageParts(() => page)
    .heading(name)
    .waitFor();
  return name;
}

// The proxies module's screens (issue 18) on the demo: DEMO enables proxies, and s1000106 acts for s1000101 (for
// three months) and s1000102. NORTH does not enable the module.
describe('proxies in the admin app', () => {
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
  });

  describe('in DEMO', () => {
    let page: Page;
    beforeAll(async () => {
      ({ browser, page } = await openAdminSession(inject('baseUrl')));
    });
    const { dismissToasts, heading, tab, toast } = pageParts(() => page);
    const proxyFor = () => page.getByRole('table', { name: 'Proxy for', exact: true });
    const proxiesOf = () => page.getByRole('table', { name: 'Proxies of this user', exact: true });
    const openProxies = async (primaryId: string) => {
      const name = await openUser(page, primaryId);
      await tab('Proxy For').click();
      await page.waitForURL((url) => url.searchParams.get('tab') === 'proxies');
      await proxyFor().waitFor();
      return name;
    };
    let proxyName = '';
    let patronName = '';

    it('lists the patrons a proxy acts for, and on the patron the proxies acting for them', async () => {
      proxyName = await openProxies('s1000106');
      const first = proxyFor().getByRole('row', { name: /s1000101/ });
      const second = proxyFor().getByRole('row', { name: /s1000102/ });
      await first.waitFor();
      expect(await first.textContent()).toMatch(/Active/);
      expect(await second.textContent()).toMatch(/No end.*Active/);
      expect(await proxyFor().locator('tbody tr').count()).toBe(2);
      await page.getByText('Nobody acts for this user.').waitFor();
      await screenshot(page, 'proxies-tab');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'proxies-tab-390');
      await page.setViewportSize({ width: 1280, height: 800 });

      // The patron's name links to their record, on the same tab.
      patronName = (await first.getByRole('link').textContent()) ?? '';
      await first.getByRole('link').click();
      await heading(patronName).waitFor();
      const row = proxiesOf().getByRole('row', { name: /s1000106/ });
      await row.waitFor();
      expect(await row.textContent()).toContain(proxyName);
      await page.getByText('This user acts for nobody.').waitFor();
      // Read only: no actions in the proxies list.
      expect(await row.getByRole('button').count()).toBe(0);
      await screenshot(page, 'proxies-tab-patron');
    });

    it('adds a Proxy For from a search: the duplicate is refused beside the field, then another is added', async () => {
      await openProxies('s1000106');
      await page.getByRole('button', { name: 'Add Proxy For' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add Proxy For' });
      const search = dialog.getByRole('combobox', { name: 'Patron' });
      await search.fill('s1000101');
      await dialog.getByRole('option', { name: /s1000101/ }).click();
      await dialog.getByText(patronName).waitFor();
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await dialog.getByText(`${proxyName} is already a proxy for ${patronName}`).first().waitFor();
      await screenshot(page, 'proxies-add-duplicate');

      // Still usable: another patron, picked with the keyboard.
      await dialog.getByRole('button', { name: 'Change patron' }).click();
      await expect.poll(() => search.evaluate((input) => input === document.activeElement)).toBe(true);
      await search.fill('s1000103');
      await dialog.getByRole('option', { name: /s1000103/ }).waitFor();
      await screenshot(page, 'proxies-add-search');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'proxies-add-search-390');
      await page.setViewportSize({ width: 1280, height: 800 });
      await search.press('ArrowDown');
      await search.press('Enter');
      // The focus follows to the patron picked, for a keyboard user to go on.
      await expect
        .poll(() => dialog.getByRole('button', { name: 'Change patron' }).evaluate((b) => b === document.activeElement))
        .toBe(true);
      await dialog.getByLabel('Expiry date').fill('2031-03-31');
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await toast(/is now a proxy for/).waitFor();
      await dialog.waitFor({ state: 'detached' });
      const row = proxyFor().getByRole('row', { name: /s1000103/ });
      await row.waitFor();
      expect(await row.textContent()).toMatch(/2031.*Active/);
      expect(await proxyFor().locator('tbody tr').count()).toBe(3);
    });

    it('changes the expiry date of a relation', async () => {
      await dismissToasts();
      const row = proxyFor().getByRole('row', { name: /s1000103/ });
      await row.getByRole('button', { name: /^Actions for Proxy For/ }).click();
      await page.getByRole('menuitem', { name: 'Change expiry date' }).click();
      const dialog = page.getByRole('dialog', { name: /^Change expiry date/ });
      expect(await dialog.getByLabel('Expiry date').inputValue()).toBe('2031-03-31');
      await dialog.getByLabel('Expiry date').fill('2032-07-15');
      await screenshot(page, 'proxies-change-expiry');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await toast('Expiry date changed.').waitFor();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => row.textContent()).toMatch(/2032/);
    });

    it('refuses an expiry date over a change made meanwhile in another tab, and takes the newer date', async () => {
      await dismissToasts();
      const menuOf = (on: Page) =>
        on
          .getByRole('table', { name: 'Proxy for', exact: true })
          .getByRole('row', { name: /s1000101/ })
          .getByRole('button', { name: /^Actions for Proxy For/ });
      const changeIn = async (on: Page, date: string) => {
        await menuOf(on).click();
        await on.getByRole('menuitem', { name: 'Change expiry date' }).click();
        const dialog = on.getByRole('dialog', { name: /^Change expiry date/ });
        await dialog.getByLabel('Expiry date').fill(date);
        return dialog;
      };
      const mine = await changeIn(page, '2030-01-31');
      const other = await page.context().newPage();
      await other.goto(page.url());
      const theirs = await changeIn(other, '2029-12-24');
      await theirs.getByRole('button', { name: 'Save' }).click();
      await theirs.waitFor({ state: 'detached' });
      await other.close();

      await mine.getByRole('button', { name: 'Save' }).click();
      await mine.getByText(/Someone else changed this relation since you opened it/).waitFor();
      await expect.poll(() => mine.getByLabel('Expiry date').inputValue()).toBe('2029-12-24');
      await screenshot(page, 'proxies-change-expiry-conflict');
      await mine.getByLabel('Expiry date').fill('2030-01-31');
      await mine.getByRole('button', { name: 'Save' }).click();
      await toast('Expiry date changed.').waitFor();
      await mine.waitFor({ state: 'detached' });
      await expect
        .poll(() =>
          proxyFor()
            .getByRole('row', { name: /s1000101/ })
            .textContent(),
        )
        .toMatch(/2030/);
    });

    it('removes a relation after a confirmation', async () => {
      await dismissToasts();
      const row = proxyFor().getByRole('row', { name: /s1000103/ });
      await row.getByRole('button', { name: /^Actions for Proxy For/ }).click();
      await page.getByRole('menuitem', { name: 'Remove' }).click();
      const confirm = page.getByRole('dialog', { name: 'Remove Proxy For?' });
      await confirm.getByText(/will no longer act for/).waitFor();
      await screenshot(page, 'proxies-remove-confirmation');
      await confirm.getByRole('button', { name: 'Remove' }).click();
      await toast(/is no longer a proxy for/).waitFor();
      // While the dialog is open the page behind it is hidden from assistive technology, and from these locators.
      await confirm.waitFor({ state: 'detached' });
      await row.waitFor({ state: 'detached' });
      expect(await proxyFor().locator('tbody tr').count()).toBe(2);
    });

    /** Quick User Management filled for a new Public user, "Add as Fulfillment Proxy" ticked. */
    const fillFulfillmentProxy = async (primaryId: string) => {
      await page.goto('/users/new');
      await heading('Add user').waitFor();
      await page.getByRole('radio', { name: 'Public' }).check();
      await page.getByLabel('Primary identifier').fill(primaryId);
      await page.getByLabel(/^First name( \*)?$/).fill('Felix');
      await page.getByLabel(/^Last name( \*)?$/).fill('Fetcher');
      await page.getByLabel('Birth date').fill('2001-02-03');
      await page.getByLabel('User group').selectOption({ label: 'Undergraduate' });
      const settings = page.getByRole('region', { name: 'Proxy settings' });
      await settings.getByRole('checkbox', { name: 'Add as Fulfillment Proxy' }).check();
      return settings;
    };
    const pickSponsor = async (settings: Locator, primaryId: string, name: string) => {
      await settings.getByRole('combobox', { name: 'Sponsor' }).fill(primaryId);
      await settings.getByRole('option', { name: new RegExp(primaryId) }).click();
      await settings.getByText(name).waitFor();
    };
    const expectFulfillmentLink = async (sponsorId: string) => {
      await tab('Proxy For').click();
      const row = proxyFor().getByRole('row', { name: new RegExp(sponsorId) });
      await row.getByText('Fulfillment proxy (sponsor)').waitFor();
      await row.getByText('cannot be changed or removed').waitFor();
      expect(await row.getByRole('button').count()).toBe(0);
    };

    let sponsorName = '';
    it('creates a fulfillment proxy with Quick User Management, linked to its sponsor for good', async () => {
      sponsorName = await openUser(page, 's1000104');
      const settings = await fillFulfillmentProxy('e2e-fulfillment-1');
      // Without a sponsor the form says so and saves nothing.
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await settings.getByText('choose the sponsor').waitFor();
      await pickSponsor(settings, 's1000104', sponsorName);
      await screenshot(page, 'proxies-quick-add-fulfillment');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await heading('Fetcher, Felix').waitFor();
      await expectFulfillmentLink('s1000104');
      await screenshot(page, 'proxies-fulfillment-link');
    });

    it('warns of a possible duplicate first, as creating any user does, and Save anyway creates the proxy', async () => {
      const otherSponsor = await openUser(page, 's1000105');
      const settings = await fillFulfillmentProxy('e2e-fulfillment-2');
      await pickSponsor(settings, 's1000105', otherSponsor);
      await page.getByRole('button', { name: 'Save and continue' }).click();
      const dialog = page.getByRole('dialog', { name: 'Possible duplicate users' });
      await dialog.getByRole('link', { name: 'Fetcher, Felix' }).waitFor();
      await screenshot(page, 'proxies-fulfillment-duplicate-warning');
      await dialog.getByRole('button', { name: 'Save anyway' }).click();
      await heading('Fetcher, Felix').waitFor();
      await page.getByText('e2e-fulfillment-2').first().waitFor();
      await expectFulfillmentLink('s1000105');
    });

    it('refuses to delete the sponsor, saying why', async () => {
      await openUser(page, 's1000104');
      await tab('Proxy For').click();
      await proxiesOf()
        .getByRole('row', { name: /e2e-fulfillment-1/ })
        .getByText('Fulfillment proxy')
        .waitFor();
      await page.getByRole('button', { name: 'Delete' }).click();
      const dialog = page.getByRole('dialog', { name: `${sponsorName} cannot be deleted` });
      await dialog.getByText(/Sponsors 1 fulfillment proxy, who cannot be unlinked/).waitFor();
      await screenshot(page, 'proxies-sponsor-delete-refused');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    });

    it('offers no Proxy For tab for a Contact user', async () => {
      await openUser(page, 'vendor01');
      await tab('General information').waitFor();
      expect(await tab('Proxy For').count()).toBe(0);
    });
  });

  describe('in NORTH, which does not enable proxies', () => {
    let page: Page;
    beforeAll(async () => {
      page = await openPage(browser ?? (browser = await launchBrowser()), inject('baseUrl'));
      await page.goto('/');
      await submitSignIn(page, NORTH_ADMIN);
      await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
    });
    const { heading, tab } = pageParts(() => page);

    it('shows no Proxy For tab and no fulfillment option', async () => {
      await openUser(page, 'a', 'name');
      await tab('General information').waitFor();
      expect(await tab('Proxy For').count()).toBe(0);

      await page.goto('/users/new');
      await heading('Add user').waitFor();
      await page.getByRole('radio', { name: 'Public' }).check();
      await page.getByRole('heading', { name: 'General information' }).waitFor();
      expect(await page.getByRole('region', { name: 'Proxy settings' }).count()).toBe(0);
      expect(await page.getByRole('checkbox', { name: 'Add as Fulfillment Proxy' }).count()).toBe(0);
    });
  });
});
