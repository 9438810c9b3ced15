import { NORTH_ADMIN } from '@ulms/server/demo-seed';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAdminSession } from './support/admin-session.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { pageParts } from './support/page-parts.js';
import { submitSignIn } from './support/sign-in.js';

/** Opens User Details of the first user Find and Manage Users lists for a name search. */
async function openFirstUser(page: Page): Promise<string> {
  const { mainNav, heading } = pageParts(() => page);
  await mainNav().getByRole('link', { name: 'Find and Manage Users' }).click();
  await heading('Find and Manage Users').waitFor();
  const search = page.getByRole('search', { name: 'Find users' });
  await search.getByLabel('Search by').selectOption('name');
  await search.getByLabel('Search users').fill('a');
  await search.getByRole('button', { name: 'Search' }).click();
  const link = page.getByRole('table').getByRole('link').first();
  const name = (await link.textContent()) ?? '';
  await link.click();
  await heading(name).waitFor();
  return name;
}

// The example plugins under plugins/: campus-card is enabled in DEMO, student-rules in NORTH, each alone.
describe('example institution plugins in the admin app', () => {
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
  });

  describe('in DEMO, which enabled campus-card', () => {
    let page: Page;
    beforeAll(async () => {
      ({ browser, page } = await openAdminSession(inject('baseUrl')));
    });
    const { heading, mainNav, tab } = pageParts(() => page);

    it('offers a Campus card column in Find and Manage Users, shown once picked', async () => {
      const table = page.getByRole('table', { name: 'Users' });
      const header = table.getByRole('columnheader', { name: 'Campus card' });
      const toggle = async () => {
        await page.getByRole('button', { name: 'Columns' }).click();
        await page.getByRole('menuitemcheckbox', { name: 'Campus card' }).click();
        await page.keyboard.press('Escape');
      };
      await mainNav().getByRole('link', { name: 'Find and Manage Users' }).click();
      await heading('Find and Manage Users').waitFor();
      await table.locator('tbody tr').nth(5).waitFor();
      expect(await header.count()).toBe(0);
      await toggle();
      await header.waitFor();
      expect(await table.locator('tbody tr').first().textContent()).toMatch(/\d{6,}/);
      await screenshot(page, 'plugin-campus-card-column');
      // Back to the defaults, for the other browser tests of the same administrator.
      await toggle();
      await header.waitFor({ state: 'detached' });
      await page.waitForLoadState('networkidle');
    });

    it("adds a Campus card tab to User Details, showing the user's card, kept in the address", async () => {
      const name = await openFirstUser(page);
      const labels = await page.getByRole('tab').allTextContents();
      expect(labels).toContain('Campus card');
      expect(labels).not.toContain('Student record rules');
      await tab('Campus card').click();
      await page.waitForURL((url) => url.searchParams.get('tab') === 'campus-card');
      await page.getByRole('region', { name: 'Campus card' }).getByText('Card number (BARCODE)').waitFor();
      await screenshot(page, 'plugin-campus-card-tab');
      await page.reload();
      await heading(name).waitFor();
      expect(await tab('Campus card').getAttribute('aria-selected')).toBe('true');
    });
  });

  describe('in NORTH, which enabled student-rules only', () => {
    let page: Page;
    beforeAll(async () => {
      page = await openPage(browser ?? (browser = await launchBrowser()), inject('baseUrl'));
      await page.goto('/');
      await submitSignIn(page, NORTH_ADMIN);
      await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
    });
    const { tab } = pageParts(() => page);

    it('shows the Student record rules tab with the institution’s rule, and no Campus card', async () => {
      await openFirstUser(page);
      const labels = await page.getByRole('tab').allTextContents();
      expect(labels).toContain('Student record rules');
      expect(labels).not.toContain('Campus card');
      await tab('Student record rules').click();
      await page.getByText(/need a UNIV_ID identifier and an expiry date at most 5 years ahead/).waitFor();
      await screenshot(page, 'plugin-student-rules-tab');
    });
  });
});
